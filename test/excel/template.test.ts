import { readWorkbook } from "../../src/excel/read";
import { writeScoreTemplate } from "../../src/excel/template";
import { validateSheet } from "../../src/excel/operations";
import { RULES_SHEET_NAME, rankWorkbook, type CellValue } from "../../src/core";
import { createExcelDouble, type ExcelDouble, type SeedSheet } from "../excel-double";

const noSleep = { sleep: async () => undefined };
let double: ExcelDouble;
let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

function install(sheets: SeedSheet[]): void {
  double = createExcelDouble({ sheets, activeSheet: sheets[0]?.name });
  uninstall = double.install();
}

describe("Tạo bảng điểm mẫu through the Excel double", () => {
  it("writes the template and the rules into new sheets in two round trips, selects it, and EMU reads it without errors", async () => {
    install([{ name: "Sheet1", values: [["Ghi chú riêng"]] }]);
    const before = double.workbook.sheet("Sheet1").snapshot();
    const syncs = double.stats.syncs;
    const out = await writeScoreTemplate("vi", noSleep);
    expect(out).toEqual({ sheet: "Bảng điểm mẫu", rulesSheet: RULES_SHEET_NAME });
    expect(double.stats.syncs - syncs).toBe(2);
    expect(double.workbook.sheet("Sheet1").snapshot()).toEqual(before);
    expect(double.workbook.activeSheet).toBe("Bảng điểm mẫu");
    const ws = double.workbook.sheet("Bảng điểm mẫu");
    expect(["A4", "B4", "C4", "D4"].map((a) => ws.cell(a).value)).toEqual([
      "STT",
      "Đơn vị",
      "Điểm tự chấm",
      "Điểm chấm thẩm định",
    ]);
    expect(ws.cell("B5").value).toBe("Đơn vị A (ví dụ)");
    expect(double.workbook.sheet(RULES_SHEET_NAME).cell("B4").value).toBe(1000);

    // Read back as every entry point reads it: no error, the examples ranked.
    const outcome = await validateSheet({ lang: "vi", run: noSleep });
    expect(outcome.issues.filter((i) => i.severity === "error")).toEqual([]);
    const read = await Excel.run((context) => readWorkbook(context));
    const ranked = rankWorkbook({
      sheets: read.sheets.map((s) => ({ ...s, grid: s.grid as CellValue[][] })),
    });
    expect(ranked.ok).toBe(true);
    expect(ranked.sheet).toBe("Bảng điểm mẫu");
  });

  it("never overwrites: a second template gets a new name and the rules sheet already there is kept", async () => {
    install([
      { name: "Bảng điểm mẫu", values: [["của người dùng"]] },
      {
        name: RULES_SHEET_NAME,
        values: [["QUY TẮC XẾP LOẠI VÀ KHEN THƯỞNG"], [""], [""], ["Thang điểm", 100]],
      },
    ]);
    const mine = double.workbook.sheet("Bảng điểm mẫu").snapshot();
    const rules = double.workbook.sheet(RULES_SHEET_NAME).snapshot();
    const out = await writeScoreTemplate("vi", noSleep);
    expect(out).toEqual({ sheet: "Bảng điểm mẫu (2)", rulesSheet: null });
    expect(double.workbook.sheet("Bảng điểm mẫu").snapshot()).toEqual(mine);
    expect(double.workbook.sheet(RULES_SHEET_NAME).snapshot()).toEqual(rules);
  });
});
