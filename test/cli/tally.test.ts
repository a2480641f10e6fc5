import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/cli/io";
import { CONFERENCE_SAMPLE_PATH } from "../../src/cli/make-conference-sample";
import { tmpPath } from "../helpers/xlsx";
import { cli } from "./run-cli";

/** The text of every cell of a sheet of a written workbook, joined (to look for sentences). */
async function sheetText(path: string, sheet: string): Promise<string> {
  const read = await readWorkbook(path);
  if (!read.ok) throw new Error("unreadable");
  const s = read.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}: ${read.sheets.map((x) => x.name).join(", ")}`);
  return s.grid.map((r) => r.filter((v) => v !== null && v !== "").join(" | ")).join("\n");
}

/** Types the counts into the prefilled Kiểm phiếu sheet, as a user does in Excel. */
async function typeCounts(path: string, out: string, cells: Record<string, number>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet("Kiểm phiếu");
  if (!ws) throw new Error("no Kiểm phiếu sheet");
  for (const [a, v] of Object.entries(cells)) ws.getCell(a).value = v;
  await wb.xlsx.writeFile(out);
}

describe("emu tally: a 9-member cluster's conference end to end from the sample workbook", () => {
  it("rank → ballots and count sheet → counts typed in → tally → minutes and proposal", async () => {
    const ranked = tmpPath("b8-ranked.xlsx");
    expect((await cli("rank", CONFERENCE_SAMPLE_PATH, "--out", ranked, "--force")).code).toBe(0);

    // No count sheet yet: --out prepares the vote.
    const prepared = tmpPath("b8-prepared.xlsx");
    const prep = await cli("tally", ranked, "--out", prepared, "--force");
    expect(prep.code).toBe(0);
    expect(prep.stdout).toContain("Phiếu bình xét - Cờ thi đua");
    const ballot = await sheetText(prepared, "Phiếu bình xét - Cờ thi đua");
    expect(ballot).toContain("PHIẾU BÌNH XÉT");
    expect(ballot).toContain("Đồng ý tối đa 2 đơn vị");
    expect(ballot).toMatch(/Sở KH&CN Long An \| 975 \| Xuất sắc/);
    expect(ballot).toMatch(/Sở KH&CN Hậu Giang \| 968 \| Xuất sắc/);
    const count = await sheetText(prepared, "Kiểm phiếu");
    // The proposal's four units, ranked order; "—" where a unit is not a candidate.
    expect(count).toContain("Số thành viên | 9");
    expect(count).toContain("STT | Đơn vị | Cờ thi đua | Bằng khen");
    expect(count).toContain("1 | Sở KH&CN Long An | —");
    expect(count).toContain("3 | Sở KH&CN Tiền Giang | —");

    // Rows: 3 members … 7 valid; the table's header on 9; Long An 10, Hậu Giang 11, Tiền Giang 12, Bến Tre 13.
    const typed = tmpPath("b8-typed.xlsx");
    await typeCounts(prepared, typed, { B4: 9, B5: 9, B6: 9, B7: 9, C10: 8, C11: 7, D12: 6, D13: 4 });
    const json = await cli("tally", typed, "--json");
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.sheet).toBe("Kiểm phiếu");
    expect(report.ballots).toEqual({ members: 9, present: 9, issued: 9, returned: 9, valid: 9, invalid: 0 });
    expect(report.threshold).toEqual({
      share: 0.5,
      strict: true,
      base: "members",
      baseCount: 9,
      required: 5,
    });
    const brief = report.awards.map(
      (a: { award: string; candidates: { unit: string; votes: number; elected: boolean }[] }) => [
        a.award,
        a.candidates.map((c) => `${c.unit}:${c.votes}:${c.elected ? "elected" : "-"}`),
      ],
    );
    // 4 votes of 9 is not more than half: Bến Tre is not proposed.
    expect(brief).toEqual([
      ["Cờ thi đua", ["Sở KH&CN Long An:8:elected", "Sở KH&CN Hậu Giang:7:elected"]],
      ["Bằng khen", ["Sở KH&CN Tiền Giang:6:elected", "Sở KH&CN Bến Tre:4:-"]],
    ]);

    const final = tmpPath("b8-final.xlsx");
    const done = await cli("tally", typed, "--out", final, "--force");
    expect(done.code).toBe(0);
    const minutes = await sheetText(final, "Biên bản họp bình xét");
    expect(minutes).toContain("CỤM THI ĐUA SỐ 8");
    expect(minutes).toContain(
      "3. Chủ trì: Nguyễn Văn An, Giám đốc Sở KH&CN Long An, Cụm trưởng. Thư ký: Trần Thị Bình",
    );
    expect(minutes).toContain("- Sở KH&CN Long An: 8/9 phiếu, đạt 88,89% tổng số thành viên — được đề nghị.");
    expect(minutes).toContain("- Sở KH&CN Bến Tre: 4/9 phiếu, đạt 44,44% tổng số thành viên — không đạt.");
    expect(minutes).toContain(
      "Hội nghị thống nhất đề nghị Bộ trưởng Bộ Khoa học và Công nghệ tặng: Cờ thi đua cho Sở KH&CN Long An, Sở KH&CN Hậu Giang; Bằng khen cho Sở KH&CN Tiền Giang.",
    );
    const countMinutes = await sheetText(final, "Biên bản kiểm phiếu");
    expect(countMinutes).toContain("Ông Lê Văn Cường, Sở KH&CN Hậu Giang – Trưởng ban;");
    expect(countMinutes).toContain("Quá bán (trên 1/2 tổng số thành viên): cần ít nhất 5/9 phiếu");
    const proposal = await sheetText(final, "Tờ trình khen thưởng");
    expect(proposal).toContain("TỜ TRÌNH");
    expect(proposal).toContain("Căn cứ Nghị định số 152/2025/NĐ-CP");
    expect(proposal).toContain("1. Cờ thi đua: 2 đơn vị");
    expect(proposal).toMatch(/Sở KH&CN Long An \| 975 \| Xuất sắc \| 8\/9 phiếu \(88,89%\)/);
    expect(proposal).toContain("TM. CỤM THI ĐUA SỐ 8");

    // Re-running on its own output replaces only EMU's sheets; the typed count sheet stays.
    const again = tmpPath("b8-again.xlsx");
    expect((await cli("tally", final, "--out", again, "--force")).code).toBe(0);
    const names = await readWorkbook(again);
    if (!names.ok) throw new Error("unreadable");
    const visible = names.sheets.filter((s) => s.state === "visible").map((s) => s.name);
    expect(visible.filter((n) => n.startsWith("Biên bản họp bình xét"))).toEqual(["Biên bản họp bình xét"]);
    expect(visible.filter((n) => n.startsWith("Kiểm phiếu"))).toEqual(["Kiểm phiếu"]);
  });

  it("exit codes as emu rank: 1 for errors in the count (nothing written), 2 for usage", async () => {
    const bad = await cli(
      "tally",
      "test/fixtures/conference/inconsistent-counts/input.xlsx",
      "--out",
      tmpPath("x.xlsx"),
      "--force",
    );
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("Số phiếu hợp lệ (10) lớn hơn số phiếu thu về (9)");
    expect(bad.stdout).toContain("chưa ghi kết quả");
    expect((await cli("tally", "khong-co.xlsx")).code).toBe(2);
    const sheet = await cli("tally", "test/fixtures/conference/clear-vote/input.xlsx", "--sheet", "Không có");
    expect(sheet.code).toBe(2);
    expect(sheet.stderr).toContain('Không có trang "Không có"');
    const en = await cli("tally", "test/fixtures/conference/tie-at-quota/input.xlsx", "--lang", "en");
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("a second round between them is needed");
    // No count table and no --out: an error naming the sheet.
    const none = await cli("tally", CONFERENCE_SAMPLE_PATH, "--json");
    expect(none.code).toBe(1);
    expect(JSON.parse(none.stdout).issues[0].code).toBe("no-count-table");
  });
});
