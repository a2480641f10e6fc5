import { copyFileSync, existsSync, writeFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { presetRules, NOTICE_HEADER } from "../../src/core";
import { readWorkbook } from "../../src/cli/io";
import { SAMPLE_PATH } from "../../src/cli/make-sample";
import { readBack, tmpPath, writeGridsXlsx } from "../helpers/xlsx";
import { cli } from "./run-cli";
import { SEED_000_NOTICE } from "../helpers/grid";

const HEAD = ["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định", "Xếp loại"];

async function book(
  name: string,
  rows: (string | number | boolean)[][],
  sheet = "Bảng điểm",
): Promise<string> {
  const path = tmpPath(name);
  await writeGridsXlsx(path, [{ name: sheet, rows }]);
  return path;
}

describe("emu rank", () => {
  it("reproduces seed 000 from the bundled sample, as JSON", async () => {
    const r = await cli("rank", SAMPLE_PATH, "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.sheet).toBe("Tổng hợp điểm");
    expect(report.basis).toBe("verified");
    expect(
      report.units.map(
        (u: { stt: number; unit: string; self: number; verified: number; classification: string }) => [
          u.stt,
          u.unit,
          u.self,
          u.verified,
          u.classification,
        ],
      ),
    ).toEqual(SEED_000_NOTICE);
    expect(report.units.map((u: { rank: number; tied: boolean }) => [u.rank, u.tied])).toEqual([
      [1, false],
      [2, false],
      [3, true],
      [3, true],
      [5, false],
      [6, true],
      [6, true],
    ]);
    expect(report.issues).toEqual([]);
  });

  it("prints a readable table in Vietnamese, or English with --lang en", async () => {
    const vi = await cli("rank", SAMPLE_PATH);
    expect(vi.stdout).toContain(
      "Sở TT&TT Lạng Sơn       995        965         -30  3 (đồng hạng)  Xuất sắc  Bằng khen",
    );
    expect(vi.stdout).toContain("xếp hạng theo điểm chấm thẩm định");
    const en = await cli("rank", SAMPLE_PATH, "--lang", "en");
    expect(en.stdout).toContain("ranked on verified scores");
    expect(en.stdout).toContain("3 (tied)");
  });

  it("writes a copy with the results and notice sheets, originals unchanged, never over the input", async () => {
    const input = tmpPath("cum.xlsx");
    copyFileSync(SAMPLE_PATH, input);
    const before = statSync(input).mtimeMs;
    const out = join(dirname(input), "ra", "ket-qua.xlsx");
    const r = await cli("rank", input, "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Đã ghi "${out}"`);
    expect(statSync(input).mtimeMs).toBe(before);

    const read = await readWorkbook(out);
    if (!read.ok) throw new Error("unreadable output");
    const names = read.sheets.map((s) => s.name);
    expect(names).toEqual([
      "Tổng hợp điểm",
      "Thông tin thông báo",
      "Kết quả xếp hạng",
      "Thông báo kết quả",
      "_EMU",
    ]);
    const orig = await readWorkbook(input);
    if (!orig.ok) throw new Error("unreadable input");
    expect(read.sheets[0]?.grid).toEqual(orig.sheets[0]?.grid);
    expect(read.sheets[1]?.grid).toEqual(orig.sheets[1]?.grid);
    expect(read.sheets[4]?.state).toBe("veryHidden");

    const notice = read.sheets[3]?.grid ?? [];
    // The notice's columns are merged spans of a finer grid (the header's split falls inside
    // "Điểm tự chấm"): the cells a merge covers read back empty.
    const dense = (row: readonly unknown[] | undefined) => (row ?? []).filter((v) => v !== "" && v !== null);
    const head = notice.findIndex((row) => row.includes("Điểm chấm thẩm định"));
    expect(dense(notice[head])).toEqual([...NOTICE_HEADER]);
    expect(notice.slice(head + 1, head + 8).map(dense)).toEqual(SEED_000_NOTICE);

    const wb = await readBack(out);
    const ws = wb.getWorksheet("Thông báo kết quả");
    expect(ws?.pageSetup.paperSize).toBe(9);
    expect(ws?.pageSetup.orientation).toBe("portrait");
    expect(ws?.pageSetup.margins?.left).toBeCloseTo(30 / 25.4, 3);
    expect(ws?.getCell("A1").font?.name).toBe("Times New Roman");

    expect((await cli("rank", input, "--out", out)).code).toBe(2);
    const again = await cli("rank", out, "--out", out);
    expect(again.code).toBe(2);
    expect(again.stderr).not.toMatch(/at .*\(/);
  });

  it("writes the notice as a Word document with --docx, alone or with --out, never over a file without --force", async () => {
    const input = tmpPath("docx-in.xlsx");
    copyFileSync(SAMPLE_PATH, input);
    const docx = join(dirname(input), "thong-bao.docx");
    const r = await cli("rank", input, "--docx", docx);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Đã ghi văn bản Word "${docx}"`);
    const { unzipSync, strFromU8 } = await import("fflate");
    const { readFileSync } = await import("node:fs");
    const xml = strFromU8(unzipSync(readFileSync(docx))["word/document.xml"] ?? new Uint8Array());
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => (m[1] ?? "").replace(/&amp;/g, "&"))
      .join("\n");
    for (const line of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Sở TT&TT Điện Biên",
      "Nơi nhận:",
    ])
      expect(text).toContain(line);
    expect((await cli("rank", input, "--docx", docx)).code).toBe(2);
    const out = join(dirname(input), "both.xlsx");
    const both = await cli("rank", input, "--out", out, "--docx", docx, "--force");
    expect(both.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect((await cli("rank", input, "--docx", input, "--force")).code).toBe(2);
  });

  it("says a notice lacking its fields is a draft, naming them as the pane does; the filled sample is not", async () => {
    const input = tmpPath("no-fields.xlsx");
    await writeGridsXlsx(input, [
      { name: "Bảng điểm", rows: [HEAD, [1, "Sở A", 985, 980, ""], [2, "Sở B", 975, 975, ""]] },
    ]);
    const docx = join(dirname(input), "nhap.docx");
    const r = await cli("rank", input, "--docx", docx, "--force");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Chưa sẵn sàng in: còn thiếu Cơ quan chủ quản, Cơ quan ban hành, Địa danh, Người ký. Thông báo vừa ghi là bản nháp: điền các mục này ở trang "Thông tin thông báo" rồi chạy lại.',
    );
    const en = await cli(
      "rank",
      input,
      "--out",
      join(dirname(input), "nhap.xlsx"),
      "--force",
      "--lang",
      "en",
    );
    expect(en.stdout).toContain("Not ready to print: ");
    const sample = await cli("rank", SAMPLE_PATH, "--docx", join(dirname(input), "mau.docx"), "--force");
    expect(sample.stdout).not.toContain("Chưa sẵn sàng in");
    expect((await cli("rank", input)).stdout).not.toContain("Chưa sẵn sàng in");
  });

  it("replaces its own sheets on a re-run and keeps a user's sheet of the same name", async () => {
    const first = tmpPath("a.xlsx");
    await cli("rank", SAMPLE_PATH, "--out", first);
    const second = join(dirname(first), "b.xlsx");
    expect((await cli("rank", first, "--out", second)).code).toBe(0);
    const names = await readWorkbook(second);
    if (!names.ok) throw new Error("unreadable");
    expect(names.sheets.map((s) => s.name)).toEqual([
      "Tổng hợp điểm",
      "Thông tin thông báo",
      "Kết quả xếp hạng",
      "Thông báo kết quả",
      "_EMU",
    ]);

    const user = await book("user.xlsx", [HEAD, [1, "Sở A", 900, 900, ""]]);
    const withUserSheet = tmpPath("u.xlsx");
    await writeGridsXlsx(withUserSheet, [
      { name: "Bảng điểm", rows: [HEAD, [1, "Sở A", 900, 900, ""]] },
      { name: "Thông báo kết quả", rows: [["Bản nháp của tôi"]] },
    ]);
    const out = join(dirname(withUserSheet), "o.xlsx");
    expect((await cli("rank", withUserSheet, "--out", out)).code).toBe(0);
    const read = await readWorkbook(out);
    if (!read.ok) throw new Error("unreadable");
    expect(read.sheets.map((s) => s.name)).toContain("Thông báo kết quả (2)");
    expect(read.sheets.find((s) => s.name === "Thông báo kết quả")?.grid).toEqual([["Bản nháp của tôi"]]);
    expect(existsSync(user)).toBe(true);
  });

  it("finds every problem of a messy workbook at its cell and exits 1 without writing", async () => {
    const path = await book("messy.xlsx", [
      ["TỔNG HỢP ĐIỂM THI ĐUA"],
      [],
      HEAD,
      [1, "Sở TT&TT Điện Biên", "985", "962,5", ""],
      [],
      [2, "Sở Lào Cai".normalize("NFD"), 965, 965, ""],
      [3, "SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH ĐIỆN BIÊN", 975, 975, ""],
      [4, "Sở TT&TT Sơn La", "#N/A", 915, ""],
      [5, "UBND huyÖn B¶o Th¾ng", 1100, 900, ""],
      [6, "Sở TT&TT Hà Giang", "chín trăm", 915, ""],
      ["", "Tổng cộng", 4990, 4000, ""],
    ]);
    const out = tmpPath("never.xlsx");
    const r = await cli("rank", path, "--json", "--out", out);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    const report = JSON.parse(r.stdout);
    expect(report.units).toEqual([]);
    expect(report.issues.map((i: { code: string; cell: string }) => `${i.code}@${i.cell}`)).toEqual([
      "text-number@'Bảng điểm'!C4",
      "decimal-comma@'Bảng điểm'!D4",
      "non-nfc@'Bảng điểm'!B6",
      "duplicate-unit@'Bảng điểm'!B7",
      "cell-error@'Bảng điểm'!C8",
      "legacy-encoding@'Bảng điểm'!B9",
      "score-above-max@'Bảng điểm'!C9",
      "not-a-number@'Bảng điểm'!C10",
      "total-mismatch@'Bảng điểm'!D11",
    ]);
    const human = await cli("validate", path);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain("Lỗi (5):");
    expect(human.stdout).toContain(
      "'Bảng điểm'!C10  \"chín trăm\" không phải là số. Hãy nhập điểm bằng số, ví dụ 962,5.",
    );
    expect(human.stdout).toContain("Cảnh báo (4):");
  });

  it("ranks on self scores before inspection and says so", async () => {
    const path = await book("self.xlsx", [
      ["Đơn vị", "Tự chấm"],
      ["Sở A", 900],
      ["Sở B", 950],
    ]);
    const r = await cli("rank", path, "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.basis).toBe("self");
    expect(report.units.map((u: { unit: string }) => u.unit)).toEqual(["Sở B", "Sở A"]);
    expect(report.issues[0].code).toBe("basis-self");
    expect(report.issues[0].message).toBe(
      "Chưa có điểm chấm thẩm định: xếp hạng tạm tính theo điểm tự chấm.",
    );
  });

  it("takes --preset and --rules, and explains a bad rules file in one line (exit 2)", async () => {
    const path = await book("nd335.xlsx", [
      ["Đơn vị", "Tự chấm", "Thẩm định"],
      ["Sở A", 95, 90],
      ["Sở B", 92, 89.99],
    ]);
    const r = await cli("rank", path, "--preset", "nd335-100", "--json");
    expect(JSON.parse(r.stdout).units.map((u: { classification: string }) => u.classification)).toEqual([
      "Hoàn thành xuất sắc nhiệm vụ",
      "Hoàn thành tốt nhiệm vụ",
    ]);
    const rulesFile = tmpPath("rules.json");
    writeFileSync(
      rulesFile,
      JSON.stringify({
        ...presetRules("nd335-100"),
        bands: [
          { min: 89, label: "Đạt" },
          { min: 0, label: "Chưa đạt" },
        ],
      }),
    );
    const custom = await cli("rank", path, "--rules", rulesFile, "--json");
    expect(JSON.parse(custom.stdout).units.map((u: { classification: string }) => u.classification)).toEqual([
      "Đạt",
      "Đạt",
    ]);

    const bad = tmpPath("bad.json");
    writeFileSync(bad, JSON.stringify({ maxScore: "một trăm", bands: [] }));
    const e = await cli("rank", path, "--rules", bad);
    expect(e.code).toBe(2);
    expect(e.stderr.split("\n")).toHaveLength(1);
    // Field by field in the user's words, as the pane's Rules step says it (never schema text).
    expect(e.stderr.trim()).toMatch(
      /^Tệp quy tắc ".*bad.json" không hợp lệ: Điểm tối đa phải là một số\. Cần ít nhất một mức xếp loại\.$/,
    );
    const notJson = tmpPath("x.json");
    writeFileSync(notJson, "{");
    expect((await cli("rank", path, "--rules", notJson)).stderr).toMatch(/không phải JSON hợp lệ/);
    expect((await cli("rank", path, "--preset", "x")).code).toBe(2);
    expect((await cli("rank", path, "--preset", "cum-1000", "--rules", rulesFile)).code).toBe(2);
  });

  it("exits 2 with one clear line for files that are not workbooks", async () => {
    const txt = tmpPath("bang-diem.xlsx");
    writeFileSync(txt, "STT,Đơn vị,Điểm\n1,Sở A,900\n");
    const r = await cli("rank", txt);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("không phải sổ làm việc .xlsx");
    const missing = await cli("rank", "/khong/co/tep.xlsx", "--lang", "en");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('File "/khong/co/tep.xlsx" was not found. Check the path.');
    expect((await cli("rank", SAMPLE_PATH, "--sheet", "Không có")).stderr).toContain(
      'Không có trang "Không có"',
    );
    expect((await cli("nope")).code).toBe(2);
  });

  it("uses the first sheet holding a score table, or the one given", async () => {
    const path = tmpPath("two.xlsx");
    await writeGridsXlsx(path, [
      { name: "Hướng dẫn", rows: [["Bảng điểm ở trang sau"]] },
      {
        name: "Cụm 1",
        rows: [
          ["Đơn vị", "Tự chấm"],
          ["Sở A", 910],
        ],
      },
      {
        name: "Cụm 2",
        rows: [
          ["Đơn vị", "Tự chấm"],
          ["Sở B", 920],
        ],
      },
    ]);
    expect(JSON.parse((await cli("rank", path, "--json")).stdout).sheet).toBe("Cụm 1");
    expect(JSON.parse((await cli("rank", path, "--json", "--sheet", "Cụm 2")).stdout).units[0].unit).toBe(
      "Sở B",
    );
  });
});
