import { detectCriteria, presetRules, rulesSheetGrid, type WorkbookSheet } from "../../src/core";
import { computeRanking, validateSheet } from "../../src/excel/operations";
import { readAllSheets, readWorkbook } from "../../src/excel/read";
import { createExcelDouble, type ExcelDouble, type SeedSheet } from "../excel-double";

/**
 * Detailed scoring sheets whose criteria rows are not numbered and are indented only with Excel's
 * Increase Indent (`format.indentLevel`), which is not in the values: the add-in reads the levels
 * with `Range.getCellProperties` in one extra round trip, only for the sheets that need them.
 */

const noSleep = { sleep: async () => undefined };
let double: ExcelDouble;
let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
  delete (globalThis as { Office?: unknown }).Office;
});

type Scores = [self: number, verified: number][];

/**
 * One unit's sheet, its table starting at B2 (column A and row 1 empty: the used range does not
 * start at A1, so grid and sheet coordinates differ). Rows 4 and 8 are the sections (level 0),
 * the rows under them carry indent level 1 (when `indented`).
 */
function unitSheet(name: string, s: Scores, opts: { indented?: boolean; spaces?: boolean } = {}): SeedSheet {
  const pad = opts.spaces ? "    " : "";
  const score = (k: number): [number, number] => s[k] as [number, number];
  return {
    name,
    values: [
      [],
      ["", `Đơn vị: ${name}`, "", "", ""],
      ["", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định"],
      ["", "Công tác chỉ đạo", 30, "", ""],
      ["", `${pad}Ban hành kế hoạch`, 10, ...score(0)],
      ["", `${pad}Tổ chức phong trào`, 20, ...score(1)],
      ["", "Thực hiện nhiệm vụ", 70, "", ""],
      ["", `${pad}Hoàn thành chỉ tiêu`, 50, ...score(2)],
      ["", `${pad}Báo cáo đúng hạn`, 20, ...score(3)],
    ],
    ...(opts.indented === false ? {} : { indents: { B5: 1, B6: 1, "B8:B9": 1 } }),
  };
}

/** The same kind of sheet, numbered: its tree needs no indents. */
function numberedSheet(name: string, s: Scores): SeedSheet {
  return {
    name,
    values: [
      [`Đơn vị: ${name}`, "", "", "", ""],
      ["TT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định"],
      ["I", "Nhiệm vụ", 100, "", ""],
      ...s.map(([self, verified], k) => [String(k + 1), `Tiêu chí ${k + 1}`, 25, self, verified]),
    ],
  };
}

const A: Scores = [
  [10, 9],
  [18, 17],
  [50, 45],
  [20, 20],
];
const B: Scores = [
  [10, 10],
  [20, 20],
  [48, 48],
  [20, 19],
];
const C: Scores = [
  [8, 8],
  [15, 14],
  [40, 40],
  [18, 18],
];

/** 100-point lists: on the default 1000-point rules they would be refused (scale-mismatch). */
const RULES_100: SeedSheet = {
  name: "Quy tắc xếp loại",
  values: rulesSheetGrid(presetRules("nd335-100")) as SeedSheet["values"],
};

function cluster(opts: { indented?: boolean; spaces?: boolean } = {}, active = "Sở B"): ExcelDouble {
  return createExcelDouble({
    sheets: [unitSheet("Sở A", A, opts), unitSheet("Sở B", B, opts), unitSheet("Sở C", C, opts), RULES_100],
    activeSheet: active,
  });
}

const cellPropertiesCalls = (d: ExcelDouble): number[] =>
  d.stats.requests.map((r) => r.ops["Range.getCellProperties"] ?? 0);

function treeOf(sheet: WorkbookSheet): [string, number, string][] {
  const t = detectCriteria(sheet.grid, sheet.origin!, undefined, true, sheet.indents);
  if (!t.ok) throw new Error(JSON.stringify(t.issues));
  return t.value.all.map((n) => [n.path, n.depth, n.content]);
}

describe("Excel indent levels of unnumbered criteria rows", () => {
  it("validateSheet ranks on the right totals, with no issue; one indent read per sheet read", async () => {
    double = cluster();
    uninstall = double.install();
    const out = await validateSheet({ lang: "vi", run: noSleep });
    expect(out.issues).toEqual([]);
    expect(out.ok).toBe(true);
    expect(out.ranking.ranking.map((r) => [r.unit.name, r.unit.self, r.unit.verified, r.rank])).toEqual([
      ["Sở B", 98, 97, 1],
      ["Sở A", 98, 91, 2],
      ["Sở C", 81, 80, 3],
    ]);
    // readWorkbook: values (1) + the active sheet's indents (2); a one-unit detailed sheet, so
    // readAllSheets: names (3), values (4), every unit sheet's indents at once (5).
    expect(double.stats.syncs).toBe(5);
    expect(cellPropertiesCalls(double)).toEqual([0, 1, 0, 0, 3]);
    // Only the content column over the criteria rows is asked for: B4:B9 of each sheet.
    const asked = double.stats.requests[4]!.ops;
    expect(asked["Worksheet.getRangeByIndexes"]).toBe(3);
  });

  it("computeRanking writes the summary of the indented sheets and the results", async () => {
    double = cluster();
    uninstall = double.install();
    const out = await computeRanking({ lang: "vi", run: noSleep });
    expect(out.ok).toBe(true);
    expect(out.written).toEqual(["Tổng hợp từ bảng chấm", "Kết quả xếp hạng"]);
    expect(double.workbook.sheet("Tổng hợp từ bảng chấm").values()).toEqual([
      ["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định"],
      [1, "Sở A", 98, 91],
      [2, "Sở B", 98, 97],
      [3, "Sở C", 81, 80],
    ]);
    // The same five reads as validateSheet, then the writes.
    expect(cellPropertiesCalls(double).slice(0, 5)).toEqual([0, 1, 0, 0, 3]);
    expect(
      cellPropertiesCalls(double)
        .slice(5)
        .every((n) => n === 0),
    ).toBe(true);
  });

  it("without the indent levels the tree is flat and the sheet cannot be scored", async () => {
    double = cluster({ indented: false });
    uninstall = double.install();
    const out = await validateSheet({ lang: "vi", run: noSleep });
    expect(out.ok).toBe(false);
    // Flat: the sections are leaves of their own, whose blank scores are missing — on every
    // unit's sheet, as the CLI reports them, not only on the active one (issue 10).
    expect(out.issues.map((i) => [i.code, i.cell?.sheet, i.cell?.row, i.cell?.col])).toEqual(
      ["Sở A", "Sở B", "Sở C"].flatMap((sheet) => [
        ["missing-score", sheet, 3, 3],
        ["missing-score", sheet, 3, 4],
        ["missing-score", sheet, 6, 3],
        ["missing-score", sheet, 6, 4],
      ]),
    );
  });

  it("readAllSheets: the indents in grid coordinates, non-zero levels only, in one extra round trip", async () => {
    double = createExcelDouble({
      sheets: [
        unitSheet("Sở A", A),
        numberedSheet("Sở D", [
          [25, 25],
          [25, 24],
          [25, 25],
          [25, 20],
        ]),
        { name: "Trống" },
        unitSheet("Sở C", C),
        { name: "Ghi chú", values: [["Ghi chú"], ["Chấm theo hướng dẫn số 12"]] },
      ],
    });
    uninstall = double.install();
    const read = await double.run((context) => readAllSheets(context as unknown as Excel.RequestContext));
    expect(double.stats.syncs).toBe(3);
    expect(cellPropertiesCalls(double)).toEqual([0, 0, 2]);
    const byName = new Map(read.sheets.map((s) => [s.name, s]));
    const a = byName.get("Sở A")!;
    // Sheet B5 is grid (3, 0): the used range starts at B2.
    expect(a.origin).toMatchObject({ row: 1, col: 1 });
    expect(a.indents).toEqual(
      new Map([
        [3, new Map([[0, 1]])],
        [4, new Map([[0, 1]])],
        [6, new Map([[0, 1]])],
        [7, new Map([[0, 1]])],
      ]),
    );
    expect(treeOf(a)).toEqual([
      ["#1", 0, "Công tác chỉ đạo"],
      ["#1.#1", 1, "Ban hành kế hoạch"],
      ["#1.#2", 1, "Tổ chức phong trào"],
      ["#2", 0, "Thực hiện nhiệm vụ"],
      ["#2.#1", 1, "Hoàn thành chỉ tiêu"],
      ["#2.#2", 1, "Báo cáo đúng hạn"],
    ]);
    // Stripped of them, the same rows are six roots.
    expect(treeOf({ ...a, indents: new Map() }).map(([, depth]) => depth)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(byName.get("Sở C")!.indents?.size).toBe(4);
    for (const name of ["Sở D", "Trống", "Ghi chú"]) expect(byName.get(name)!.indents).toBeUndefined();
  });

  it("a workbook whose sheets need no indents costs no extra round trip", async () => {
    double = createExcelDouble({
      sheets: [
        RULES_100,
        numberedSheet("Sở A", [
          [25, 25],
          [25, 24],
          [25, 25],
          [25, 20],
        ]),
        numberedSheet("Sở B", [
          [25, 25],
          [20, 20],
          [25, 25],
          [25, 25],
        ]),
      ],
      activeSheet: "Sở A",
    });
    uninstall = double.install();
    await double.run((context) => readAllSheets(context as unknown as Excel.RequestContext));
    expect(double.stats.syncs).toBe(2);
    double.resetStats();
    const out = await validateSheet({ lang: "vi", run: noSleep });
    expect(out.ok).toBe(true);
    // readWorkbook (1) + readAllSheets (2, 3): as before indents existed.
    expect(double.stats.syncs).toBe(3);
    expect(cellPropertiesCalls(double)).toEqual([0, 0, 0]);
  });

  it("readWorkbook reads the target sheet's indents only (one extra round trip)", async () => {
    double = cluster();
    uninstall = double.install();
    const read = await double.run((context) =>
      readWorkbook(context as unknown as Excel.RequestContext, "Sở C"),
    );
    // The rules sheet is an auxiliary sheet, read in the same round trip.
    expect(read.sheets.map((s) => s.name)).toEqual(["Sở C", "Quy tắc xếp loại"]);
    expect(read.sheets[0]!.indents?.size).toBe(4);
    expect(double.stats.syncs).toBe(2);
    expect(cellPropertiesCalls(double)).toEqual([0, 1]);
  });
});

describe("an Excel that cannot give indent levels", () => {
  it("without ExcelApi 1.9, office.js refuses the call: no indents, no error, typed spaces still work", async () => {
    double = createExcelDouble(
      {
        sheets: [
          unitSheet("Sở A", A, { indented: false, spaces: true }),
          unitSheet("Sở B", B, { indented: false, spaces: true }),
          unitSheet("Sở C", C, { indented: false, spaces: true }),
          RULES_100,
        ],
        activeSheet: "Sở A",
      },
      { excelApi: "1.8" },
    );
    uninstall = double.install();
    const out = await validateSheet({ lang: "vi", run: noSleep });
    expect(out.ok).toBe(true);
    expect(out.issues).toEqual([]);
    expect(out.ranking.ranking.map((r) => r.unit.name)).toEqual(["Sở B", "Sở A", "Sở C"]);
    // The call threw before anything of it was queued; the ranges asked for (instantiations
    // only) went with the next request, and the last ones with the run's closing sync.
    expect(cellPropertiesCalls(double).every((n) => n === 0)).toBe(true);
    expect(double.stats.failedSyncs).toBe(0);
    expect(double.stats.syncs).toBe(4);
  });

  it("and with ExcelApi 1.9 missing by Office's own requirements check, it does not even try", async () => {
    double = cluster({ spaces: true }, "Sở A");
    uninstall = double.install();
    (globalThis as { Office?: unknown }).Office = {
      context: { requirements: createExcelDouble(undefined, { excelApi: "1.8" }).requirements },
    };
    const out = await validateSheet({ lang: "vi", run: noSleep });
    expect(out.ok).toBe(true);
    expect(out.ranking.ranking.map((r) => r.unit.verified)).toEqual([97, 91, 80]);
    // readWorkbook (1) + readAllSheets (2, 3): not one request more.
    expect(double.stats.syncs).toBe(3);
    expect(cellPropertiesCalls(double)).toEqual([0, 0, 0]);
  });

  it.each(["InvalidOperation", "ApiNotFound", "NotImplemented", "GeneralException"])(
    "a host rejecting getCellProperties at sync (%s): silently no indents",
    async (code) => {
      double = cluster({ spaces: true }, "Sở A");
      uninstall = double.install();
      double.faults.failOnCommand("Range.getCellProperties", { code }, Infinity);
      const out = await validateSheet({ lang: "vi", run: noSleep });
      expect(out.ok).toBe(true);
      expect(out.ranking.ranking.map((r) => [r.unit.name, r.unit.verified])).toEqual([
        ["Sở B", 97],
        ["Sở A", 91],
        ["Sở C", 80],
      ]);
      expect(double.stats.failedSyncs).toBe(2);
      expect(double.stats.syncs).toBe(5);
    },
  );

  it("cell-edit mode during the indent read is not a refusal: the run is retried and completes", async () => {
    double = cluster();
    uninstall = double.install();
    double.faults.failSyncAt(2, { code: "InvalidOperationInCellEditMode" });
    const out = await validateSheet({ lang: "vi", run: noSleep });
    expect(out.ok).toBe(true);
    expect(out.ranking.ranking.map((r) => r.unit.verified)).toEqual([97, 91, 80]);
    expect(double.stats.runs).toBe(2);
    expect(double.stats.syncs).toBe(2 + 5);
  });
});
