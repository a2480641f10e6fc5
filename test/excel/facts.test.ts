import { presetRules, rulesSheetGrid } from "../../src/core";
import { validateSheet } from "../../src/excel/operations";
import { createExcelDouble, type ExcelDouble, type SeedSheet } from "../excel-double";

/**
 * What the values alone do not say, read by the add-in as the CLI reads it from the file (issue 14):
 * percent number formats on score columns of fractions, and the formulas of a total row that does
 * not add up. One extra round trip, and only when the values raise the question.
 */
const noSleep = { sleep: async () => undefined };
const RULES_100: SeedSheet = {
  name: "Quy tắc xếp loại",
  values: rulesSheetGrid(presetRules("nd335-100")) as SeedSheet["values"],
};

let double: ExcelDouble;
let uninstall: () => void = () => undefined;
afterEach(() => uninstall());

function use(sheet: SeedSheet): void {
  double = createExcelDouble({ sheets: [sheet, RULES_100], activeSheet: sheet.name });
  uninstall = double.install();
}

describe("cell facts through the Excel double", () => {
  it("reads 0.9177 shown as 91,77% as 91.77 points, warned once per column", async () => {
    use({
      name: "Chỉ số CCHC",
      values: [
        ["STT", "Đơn vị", "Điểm tự đánh giá"],
        [1, "UBND huyện Điện Biên", 0.9177],
        [2, "UBND huyện Mường Ảng", 0.885],
      ],
      numberFormats: [
        [null, null, null],
        [null, null, "0.00%"],
        [null, null, "0.00%"],
      ],
    });
    const out = await validateSheet({ lang: "vi", run: noSleep });
    expect(out.ok).toBe(true);
    expect(out.ranking.ranking.map((r) => [r.unit.name, r.score, r.classification])).toEqual([
      ["UBND huyện Điện Biên", 91.77, "Hoàn thành xuất sắc nhiệm vụ"],
      ["UBND huyện Mường Ảng", 88.5, "Hoàn thành tốt nhiệm vụ"],
    ]);
    expect(out.issues.map((i) => i.code)).toEqual(["basis-self", "percent-score"]);
  });

  it("a table without fractions or an off total costs no extra round trip", async () => {
    use({
      name: "Bảng điểm",
      values: [
        ["STT", "Đơn vị", "Điểm tự chấm", "Điểm thẩm định"],
        [1, "Sở Nội vụ", 95, 93],
        [2, "Sở Tài chính", 90, 88],
        ["", "Tổng cộng", 185, 181],
      ],
    });
    const out = await validateSheet({ lang: "vi", run: noSleep });
    expect(out.ok).toBe(true);
    expect(double.stats.syncs).toBe(1);
  });

  it("reads the formulas of a total row that does not add up: a plain SUM stays an error", async () => {
    use({
      name: "Bảng điểm",
      values: [
        ["STT", "Đơn vị", "Điểm tự chấm", "Điểm thẩm định"],
        [1, "Sở Nội vụ", 95, 93],
        [2, "Sở Tài chính", 90, 88],
        ["", "Tổng cộng", 180, 181],
      ],
    });
    const out = await validateSheet({ lang: "vi", run: noSleep });
    expect(out.ok).toBe(false);
    expect(out.issues.map((i) => [i.code, i.severity])).toEqual([["total-mismatch", "error"]]);
    // readWorkbook (1) and the facts of the off total row (2).
    expect(double.stats.syncs).toBe(2);
  });
});
