import { readWorkbook } from "../../src/cli/io";
import { CONFERENCE_SAMPLE_PATH } from "../../src/cli/make-conference-sample";
import { runConferenceCommand } from "../../src/commands/conference-command";
import { subscribe, type SessionEvent } from "../../src/app/session";
import { computeRanking } from "../../src/excel/operations";
import { createExcelDouble, type ExcelDouble, type SeedSheet } from "../excel-double";

const noSleep = { sleep: async () => undefined };
let double: ExcelDouble;
let uninstall: () => void;
afterEach(() => uninstall?.());

async function sampleSheets(): Promise<SeedSheet[]> {
  const read = await readWorkbook(CONFERENCE_SAMPLE_PATH);
  if (!read.ok) throw new Error("sample unreadable");
  return read.sheets.map((s) => ({ name: s.name, values: s.grid as (string | number | boolean)[][] }));
}

/** Clicks the ribbon's "Bình xét" and returns what the pane is told. */
async function clickConference(): Promise<SessionEvent> {
  let last: SessionEvent | null = null;
  const off = subscribe((e) => (last = e));
  let shown = 0;
  await runConferenceCommand({ lang: () => "vi", showPane: async () => void shown++ });
  off();
  expect(shown).toBe(1);
  if (!last) throw new Error("nothing published");
  return last;
}

describe("Bình xét through the ribbon (Excel double): the 9-member sample end to end", () => {
  it("rank → ballots and Kiểm phiếu → counts typed in → tally → minutes and proposal", async () => {
    double = createExcelDouble({ sheets: await sampleSheets(), activeSheet: "Tổng hợp điểm" });
    uninstall = double.install();
    expect((await computeRanking({ lang: "vi", run: noSleep })).ok).toBe(true);

    const first = await clickConference();
    expect(first.conference?.step).toBe("prepared");
    expect(first.conference?.written).toEqual([
      "Phiếu bình xét - Cờ thi đua",
      "Phiếu bình xét - Bằng khen",
      "Kiểm phiếu",
    ]);
    expect(double.workbook.activeSheet).toBe("Kiểm phiếu");
    const ks = double.workbook.sheet("Kiểm phiếu");
    expect(ks.cell("A9").value).toBe("STT");
    expect([10, 11, 12, 13].map((r) => ks.cell(`B${r}`).value)).toEqual([
      "Sở KH&CN Long An",
      "Sở KH&CN Hậu Giang",
      "Sở KH&CN Tiền Giang",
      "Sở KH&CN Bến Tre",
    ]);

    // The counting committee types the counts (a 2/3 tie for the second flag this time).
    const typed: Record<string, number> = { B4: 9, B5: 9, B6: 9, B7: 9, C10: 9, C11: 6, D12: 7, D13: 5 };
    for (const [a, v] of Object.entries(typed)) double.workbook.setValues("Kiểm phiếu", a, [[v]]);

    const second = await clickConference();
    expect(second.conference?.step).toBe("tallied");
    expect(second.conference?.written).toEqual([
      "Kết quả bình xét",
      "Biên bản kiểm phiếu",
      "Biên bản họp bình xét",
      "Tờ trình khen thưởng",
    ]);
    const json = second.conference?.tally.tally?.awards.map((a) => [
      a.award,
      a.candidates.map((c) => `${c.unit}:${c.votes}:${c.elected}`),
    ]);
    expect(json).toEqual([
      ["Cờ thi đua", ["Sở KH&CN Long An:9:true", "Sở KH&CN Hậu Giang:6:true"]],
      ["Bằng khen", ["Sở KH&CN Tiền Giang:7:true", "Sở KH&CN Bến Tre:5:true"]],
    ]);
    const minutes = double.workbook
      .sheet("Biên bản họp bình xét")
      .values()
      .flat()
      .filter((v) => typeof v === "string")
      // The shared document sheet indents paragraphs with em spaces (justification stretches plain ones).
      .map((v) => (v as string).trim());
    expect(minutes).toContain(
      "- Sở KH&CN Hậu Giang: 6/9 phiếu, đạt 66,67% tổng số thành viên — được đề nghị.",
    );
    // The user's count sheet is untouched by the tally.
    expect(double.workbook.sheet("Kiểm phiếu").cell("C10").value).toBe(9);
  });

  it("writes nothing and shows the problems when the count is inconsistent", async () => {
    double = createExcelDouble({ sheets: await sampleSheets(), activeSheet: "Tổng hợp điểm" });
    uninstall = double.install();
    await clickConference();
    for (const [a, v] of Object.entries({ B4: 8, B5: 9, B6: 9, B7: 9, C10: 10 }))
      double.workbook.setValues("Kiểm phiếu", a, [[v]]);
    const before = double.workbook.sheetNames();
    const e = await clickConference();
    expect(e.conference?.step).toBe("blocked");
    expect(e.conference?.issues.map((i) => i.code)).toEqual(["vote-count-inconsistent", "votes-above-valid"]);
    expect(double.workbook.sheetNames()).toEqual(before);
  });
});
