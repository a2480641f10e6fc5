import { MARKS_SHEET_NAME, RULES_SHEET_NAME, parseMarks, presetRules } from "../../src/core";
import { computeRanking, saveRules, validateSheet } from "../../src/excel/operations";
import { currentSelection, inspectSheet, saveMapping, watchWorkbook } from "../../src/excel/pane";
import { createExcelDouble, type ExcelDouble, type SeedSheet } from "../excel-double";

const noSleep = { sleep: async () => undefined };
let double: ExcelDouble;
let uninstall: () => void;
afterEach(() => uninstall?.());

const TABLE: SeedSheet = {
  name: "Tổng hợp",
  values: [
    ["BẢNG TỔNG HỢP"],
    [],
    ["STT", "Đơn vị", "Tự chấm", "Thẩm định", "Ghi chú"],
    [1, "Sở A", 985, 985, ""],
    [2, "Sở B", 975, 970, ""],
  ],
};
function use(sheets: SeedSheet[], activeSheet?: string): void {
  double = createExcelDouble({ sheets, ...(activeSheet ? { activeSheet } : {}) });
  uninstall = double.install();
}

describe("inspectSheet", () => {
  it("reports the sheet, used range, headers and detected mapping in one round trip", async () => {
    use([TABLE]);
    const i = await inspectSheet({ run: noSleep });
    expect(double.stats.syncs).toBe(1);
    expect(i.sheet).toBe("Tổng hợp");
    expect(i.usedRange).toBe("A1:E5");
    expect(i.headerRow).toBe(3);
    expect(i.headers.map((h) => `${h.letter}:${h.text}`)).toEqual([
      "A:STT",
      "B:Đơn vị",
      "C:Tự chấm",
      "D:Thẩm định",
      "E:Ghi chú",
    ]);
    expect(i.detected?.columns).toMatchObject({ stt: "A", unit: "B", self: "C", verified: "D", note: "E" });
    expect(i.remembered).toBeNull();
    expect(i.rulesSource).toBe("preset");
    expect(i.noticeFieldsSaved).toBe(false);
    expect(i.sheets).toEqual(["Tổng hợp"]);
  });

  it("reports an empty sheet and a sheet without a table plainly", async () => {
    use([{ name: "Trống" }, { name: "Ghi chép", values: [["chỉ có chữ"]] }], "Trống");
    const empty = await inspectSheet({ run: noSleep });
    expect([empty.usedRange, empty.mapping, empty.headers]).toEqual([null, null, []]);
    const notes = await inspectSheet({ sheet: "Ghi chép", run: noSleep });
    expect([notes.usedRange, notes.mapping]).toEqual(["A1", null]);
  });

  it("looks at the score sheet EMU ranked when its own results sheet is active", async () => {
    use([TABLE]);
    await computeRanking({ lang: "vi", run: noSleep });
    expect(double.workbook.activeSheet).toBe("Kết quả xếp hạng");
    const i = await inspectSheet({ run: noSleep });
    expect(i.sheet).toBe("Tổng hợp");
    expect(i.sheets).toEqual(["Tổng hợp"]);
  });

  it("reads the workbook's rules and notices a hand edit of the rules sheet", async () => {
    use([TABLE]);
    await saveRules(presetRules("nd335-100"), noSleep);
    const a = await inspectSheet({ sheet: "Tổng hợp", run: noSleep });
    expect([a.rulesSource, a.rules.maxScore]).toEqual(["workbook", 100]);
    double.workbook.setValues(RULES_SHEET_NAME, "B4", [[1000]]);
    const b = await inspectSheet({ sheet: "Tổng hợp", run: noSleep });
    expect(b.rules.maxScore).toBe(1000);
    expect(b.rulesSignature).not.toBe(a.rulesSignature);
  });
});

describe("saveMapping", () => {
  it("remembers a mapping in the marks sheet, and the use cases then read with it", async () => {
    // "Ghi chú" really holds the verified scores in this workbook; detection cannot know.
    use([
      {
        name: "Tổng hợp",
        values: [
          ["Đơn vị", "Tự chấm", "Cột lạ"],
          ["Sở A", 985, 900],
          ["Sở B", 975, 970],
        ],
      },
    ]);
    const before = await validateSheet({ lang: "vi", run: noSleep });
    expect(before.ranking.basis).toBe("self");
    await saveMapping(
      "Tổng hợp",
      { headerRow: 1, columns: { unit: "A", self: "B", verified: "C" } },
      noSleep,
    );
    expect(double.workbook.sheet(MARKS_SHEET_NAME).visibility).toBe("VeryHidden");
    const i = await inspectSheet({ run: noSleep });
    expect(i.remembered).toEqual({ headerRow: 1, columns: { unit: "A", self: "B", verified: "C" } });
    expect(i.mapping?.columns).toMatchObject({ unit: "A", self: "B", verified: "C" });
    // The ribbon's commands (no mapping passed) use the remembered one too.
    const after = await validateSheet({ lang: "vi", run: noSleep });
    expect(after.ranking.basis).toBe("verified");
    expect(after.ranking.ranking.map((r) => r.unit.name)).toEqual(["Sở B", "Sở A"]);
    // Writing the results keeps the mapping in the marks.
    await computeRanking({ lang: "vi", run: noSleep });
    const marks = parseMarks(double.workbook.sheet(MARKS_SHEET_NAME).values());
    expect(marks.mapping?.columns).toEqual({ unit: "A", self: "B", verified: "C" });
    expect(marks.sheets.get("Kết quả xếp hạng")).toBe("results");
    // Forgetting it goes back to detection, and keeps the rest of the marks.
    await saveMapping("Tổng hợp", null, noSleep);
    const forgot = parseMarks(double.workbook.sheet(MARKS_SHEET_NAME).values());
    expect(forgot.mapping).toBeUndefined();
    expect(forgot.sheets.get("Kết quả xếp hạng")).toBe("results");
  });
});

describe("currentSelection and watchWorkbook", () => {
  it("gives the selected cell's sheet and column", async () => {
    use([TABLE]);
    double.workbook.select("'Tổng hợp'!D4:D5");
    await expect(currentSelection(noSleep)).resolves.toEqual({
      sheet: "Tổng hợp",
      address: "'Tổng hợp'!D4:D5",
      column: "D",
      row: 4,
    });
  });

  it("returns null where the host has no change events (the double)", async () => {
    use([TABLE]);
    await expect(watchWorkbook(() => undefined)).resolves.toBeNull();
  });
});
