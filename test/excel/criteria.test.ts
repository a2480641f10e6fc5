import { rankWorkbook, type Issue } from "../../src/core";
import { computeRanking, validateSheet } from "../../src/excel/operations";
import { unitSheetRows } from "../helpers/forms";
import { createExcelDouble, type ExcelDouble } from "../excel-double";

const noSleep = { sleep: async () => undefined };
let double: ExcelDouble;
let uninstall: () => void;
afterEach(() => uninstall?.());

const unitSheet = (name: string, scores: [number, number][]) => ({
  name,
  values: unitSheetRows(name, scores),
});

describe("Compute ranking on detailed sheets, through the Excel double", () => {
  it("ranks the whole cluster from one unit's sheet being active", async () => {
    double = createExcelDouble({
      sheets: [
        unitSheet("Sở A", [
          [50, 45],
          [50, 50],
        ]),
        unitSheet("Sở B", [
          [50, 50],
          [48, 48],
        ]),
        unitSheet("Sở C", [
          [40, 40],
          [40, 30],
        ]),
      ],
      activeSheet: "Sở B",
    });
    uninstall = double.install();
    const out = await computeRanking({
      lang: "vi",
      rules: { ...(await validateSheet({ lang: "vi", run: noSleep })).ranking.rules, maxScore: 100 },
      run: noSleep,
    });
    expect(out.ok).toBe(true);
    expect(out.ranking.ranking.map((r) => [r.unit.name, r.unit.verified, r.rank])).toEqual([
      ["Sở B", 98, 1],
      ["Sở A", 95, 2],
      ["Sở C", 70, 3],
    ]);
    expect(double.workbook.sheet("Kết quả xếp hạng").values()[4]?.slice(0, 4)).toEqual([1, "Sở B", 98, 98]);
    // The summary EMU computed from the unit sheets is written too, as the CLI writes it.
    expect(out.written).toEqual(["Tổng hợp từ bảng chấm", "Kết quả xếp hạng"]);
    expect(double.workbook.sheet("Tổng hợp từ bảng chấm").values()).toEqual([
      ["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định"],
      [1, "Sở A", 100, 95],
      [2, "Sở B", 98, 98],
      [3, "Sở C", 80, 70],
    ]);
    expect(double.workbook.activeSheet).toBe("Kết quả xếp hạng");
    // A second run replaces EMU's own summary instead of adding "(2)", and leaves the units alone.
    const again = await computeRanking({ lang: "vi", rules: out.ranking.rules, run: noSleep });
    expect(again.written).toEqual(["Tổng hợp từ bảng chấm", "Kết quả xếp hạng"]);
    expect(double.workbook.sheetNames().filter((n) => !n.startsWith("_"))).toEqual([
      "Sở A",
      "Sở B",
      "Sở C",
      "Tổng hợp từ bảng chấm",
      "Kết quả xếp hạng",
    ]);
  });

  it("reports a planted mistake at its cell and writes nothing", async () => {
    double = createExcelDouble({
      sheets: [
        unitSheet("Sở A", [
          [50, 45],
          [60, 50],
        ]),
        unitSheet("Sở B", [
          [50, 50],
          [48, 48],
        ]),
      ],
      activeSheet: "Sở A",
    });
    uninstall = double.install();
    const before = double.workbook.snapshot();
    const out = await computeRanking({ lang: "vi", run: noSleep });
    expect(out.ok).toBe(false);
    expect(out.issues.map((i) => [i.code, i.cell?.sheet, i.cell?.row, i.cell?.col])).toEqual([
      ["score-above-max", "Sở A", 4, 3],
    ]);
    expect(double.workbook.snapshot()).toEqual(before);
  });
});

describe("Check on one sheet per unit reads every unit's sheet, as the CLI does (issue 10)", () => {
  const sheets = [
    unitSheet("Sở A", [
      [50, 45],
      [50, 50],
    ]),
    // Planted: a verified score above the criterion's maximum, on the sheets that are not active.
    unitSheet("Sở B", [
      [50, 50],
      [60, 48],
    ]),
    unitSheet("Sở C", [
      [70, 40],
      [40, 30],
    ]),
  ];

  it("reports the other sheets' problems with the active unit's sheet clean", async () => {
    double = createExcelDouble({ sheets, activeSheet: "Sở A" });
    uninstall = double.install();
    const out = await validateSheet({ lang: "vi", run: noSleep });
    // The CLI: every sheet of the file, through the same use case.
    const cli = rankWorkbook({ sheets: sheets.map((s) => ({ name: s.name, grid: s.values })) });
    const where = (issues: readonly Issue[]) =>
      issues.map((i) => [i.code, i.severity, i.cell?.sheet, i.cell?.row, i.cell?.col]);
    expect(out.ok).toBe(false);
    expect(where(out.issues)).toEqual(where(cli.issues));
    expect(where(out.issues).filter((i) => i[1] === "error")).toEqual([
      ["score-above-max", "error", "Sở B", 4, 3],
      ["score-above-max", "error", "Sở C", 3, 3],
    ]);
    // The pane names the sheet it shows and passes the rules it shows: the same issues.
    const pane = await validateSheet({ lang: "vi", sheet: "Sở A", rules: out.ranking.rules, run: noSleep });
    expect(where(pane.issues)).toEqual(where(cli.issues));
  });
});
