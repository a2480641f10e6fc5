import {
  atA1,
  consolidationSheets,
  formSources,
  issueMessage,
  type Issue,
  makeForms,
  whyNothingToWrite,
  planFormsConsolidation,
  type CellValue,
  type SheetModel,
  type WorkbookSheet,
} from "../../src/core";
import { CRITERIA_LIST_NAME, CRITERIA_LIST_ROWS, filledForm } from "../helpers/forms";

const LIST: WorkbookSheet = { name: CRITERIA_LIST_NAME, grid: CRITERIA_LIST_ROWS };

/** A summary table naming the cluster's units (no scores yet). */
const SUMMARY: WorkbookSheet = {
  name: "Tổng hợp",
  grid: [
    ["STT", "Đơn vị", "Điểm tự chấm"],
    [1, "Sở TT&TT Lào Cai", 30],
    [2, "Sở TT&TT Sơn La", 28],
  ],
};

/** The value the form model puts in a cell, or its formula. */
function at(m: SheetModel, row: number, col: number): CellValue | undefined {
  const c = m.cells.find((x) => x.row === row && x.col === col);
  return c?.formula ?? c?.value ?? undefined;
}

describe("makeForms", () => {
  it("makes one protected, validated form per unit of the score table, from the pure list", () => {
    const out = makeForms({ sheets: [SUMMARY, LIST], lang: "vi" });
    if (!out.ok) throw new Error(out.reason);
    expect(out.listSheet).toBe("Danh mục tiêu chí");
    expect(out.forms.map((f) => f.unit)).toEqual(["Sở TT&TT Lào Cai", "Sở TT&TT Sơn La"]);
    const m = out.forms[0]?.model as SheetModel;
    expect(m.name).toBe("Sở TT&TT Lào Cai");
    expect(m.protect).toBe(true);
    expect(at(m, 1, 0)).toBe("Đơn vị: Sở TT&TT Lào Cai");
    // Leaves open to 0..max decimals; group rows and the total are formulas.
    expect(m.validations?.map((v) => [v.r1, v.c1, v.min, v.max])).toEqual([
      [6, 3, 0, 10],
      [7, 3, 0, 20],
      [9, 3, 0, 5],
    ]);
    expect(at(m, 5, 3)).toBe("=SUM(D7,D8)");
    expect(at(m, 10, 3)).toBe("=SUM(D6)+MIN(SUM(D9),5)");
    expect(m.page.paper).toBe("A4");
  });

  it("takes the units given, once each by their normalised name, and names sheets apart from existing ones", () => {
    const out = makeForms({
      sheets: [LIST, { name: "Sở A", grid: [["Ghi chú của người dùng"]] }],
      units: ["Sở A", " so a ", "Sở\u00a0B", ""],
      lang: "en",
      intoWorkbook: true,
    });
    if (!out.ok) throw new Error(out.reason);
    expect(out.forms.map((f) => [f.unit, f.model.name])).toEqual([
      ["Sở A", "Sở A (2)"],
      ["Sở B", "Sở B"],
    ]);
    expect(at(out.forms[0]?.model as SheetModel, 0, 0)).toBe("SELF-SCORING SHEET");
  });

  it("skips units whose scoring sheet the workbook already has, and changes none of it", () => {
    const first = makeForms({ sheets: [LIST], units: ["Sở A"], lang: "vi", intoWorkbook: true });
    if (!first.ok) throw new Error(first.reason);
    const formSheet = filledForm(first.forms[0]?.model as SheetModel, { 6: 9 });
    const again = makeForms({
      sheets: [LIST, formSheet],
      units: ["Sở A", "Sở B"],
      lang: "vi",
      intoWorkbook: true,
    });
    if (!again.ok) throw new Error(again.reason);
    expect(again.skipped).toEqual([{ unit: "Sở A", sheet: "Sở A" }]);
    expect(again.forms.map((f) => f.model.name)).toEqual(["Sở B"]);
  });

  it("offers the pure list first and the units of the score table", () => {
    const made = makeForms({ sheets: [LIST], units: ["Sở A"], lang: "vi" });
    if (!made.ok) throw new Error(made.reason);
    const form = filledForm(made.forms[0]?.model as SheetModel, {});
    expect(formSources([form, SUMMARY, LIST])).toEqual({
      lists: ["Danh mục tiêu chí", "Sở A"],
      units: ["Sở TT&TT Lào Cai", "Sở TT&TT Sơn La"],
    });
    expect(formSources([{ ...LIST, visible: false }])).toEqual({ lists: [], units: [] });
    // Before any score is in, the summary's unit column still names the units.
    const empty: WorkbookSheet = {
      name: "Tổng hợp",
      grid: [
        ["STT", "Đơn vị", "Điểm tự chấm"],
        [1, "Sở TT&TT Hà Giang", ""],
        [2, "Sở TT&TT Cao Bằng", ""],
        ["", "Tổng cộng", ""],
        ["", "Người lập biểu", ""],
      ],
    };
    expect(formSources([LIST, empty]).units).toEqual(["Sở TT&TT Hà Giang", "Sở TT&TT Cao Bằng"]);
  });

  it("says why when there is no list or no unit", () => {
    expect(makeForms({ sheets: [SUMMARY], lang: "vi" })).toEqual({ ok: false, reason: "no-criteria-list" });
    expect(makeForms({ sheets: [LIST], lang: "vi" })).toEqual({ ok: false, reason: "no-units" });
    expect(makeForms({ sheets: [LIST], units: ["  "], lang: "vi" })).toEqual({
      ok: false,
      reason: "no-units",
    });
  });
});

describe("planFormsConsolidation", () => {
  const made = makeForms({ sheets: [LIST], units: ["Sở A"], lang: "vi", intoWorkbook: true });
  if (!made.ok) throw new Error(made.reason);
  const form = made.forms[0]?.model as SheetModel;

  it("fills the free cells of the unit's sheet, keeps differing ones, and overwrites only those consented", () => {
    // The cluster's copy of the form, read from a used range that starts at A1 …
    const cluster = filledForm(form, { 6: 10 });
    // … and the member's returned form, differing in D7 and new in D8 and D10.
    const returned = filledForm(form, { 6: 8, 7: 20, 9: 5 });
    const plan = planFormsConsolidation([cluster], [{ source: "lao-cai.xlsx", sheets: [returned] }]);
    expect(plan.units).toEqual(["Sở A"]);
    expect(plan.add).toEqual([]);
    expect(plan.edits.map((e) => [e.row, e.col, e.value])).toEqual([
      [7, 3, 20],
      [9, 3, 5],
    ]);
    expect(plan.issues.map((i) => [i.code, i.cell?.row])).toEqual([["kept-user-value", 6]]);

    const agreed = planFormsConsolidation([cluster], [{ source: "x", sheets: [returned] }], {
      force: new Set(["'Sở A'!D7"]),
    });
    expect(agreed.edits.map((e) => [e.row, e.value])).toEqual([
      [6, 8],
      [7, 20],
      [9, 5],
    ]);
    expect(agreed.issues).toEqual([]);
    // Consent to another cell is not consent to this one.
    const other = planFormsConsolidation([cluster], [{ source: "x", sheets: [returned] }], {
      force: new Set(["'Sở A'!D8"]),
    });
    expect(other.issues.map((i) => i.code)).toEqual(["kept-user-value"]);
  });

  it("addresses cells from A1 when the cluster's sheet was read from a used range further down", () => {
    const full = filledForm(form, {});
    const used: WorkbookSheet = {
      name: full.name,
      grid: full.grid.slice(1).map((r) => r.slice(0)),
      origin: { sheet: full.name, row: 1, col: 0 },
    };
    expect(atA1(used).grid).toEqual([["", "", "", "", ""], ...used.grid]);
    const plan = planFormsConsolidation([used], [{ source: "x", sheets: [filledForm(form, { 6: 7 })] }]);
    expect(plan.edits.map((e) => [e.sheet, e.row, e.col])).toEqual([["Sở A", 6, 3]]);
  });

  it("names the file that holds no form, and a form of another list without pointing into this workbook", () => {
    const plan = planFormsConsolidation(
      [LIST],
      [
        { source: "ghi-chu.xlsx", sheets: [{ name: "Sheet1", grid: [["Ghi chú"]] }] },
        {
          source: "ha-giang.xlsx",
          sheets: [
            {
              name: "Danh mục tiêu chí",
              grid: [
                ["Đơn vị: Sở TT&TT Hà Giang", "", "", ""],
                ["TT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm"],
                ["I", "Khác hẳn", 50, 40],
              ],
            },
          ],
        },
      ],
    );
    expect(plan.issues.map((i) => [i.code, i.cell ?? null])).toEqual([
      ["no-form", null],
      ["criteria-differ", null],
    ]);
    expect(issueMessage(plan.issues[0] as Issue, "vi")).toMatch(/^Tệp "ghi-chu.xlsx" không có phiếu tự chấm/);
  });

  it("adds a sheet for a unit the cluster has none for, as a readable copy", () => {
    const plan = planFormsConsolidation([LIST], [{ source: "x", sheets: [filledForm(form, { 6: 7 })] }]);
    const sheets = consolidationSheets(plan);
    expect(sheets.map((s) => s.name)).toEqual(["Sở A"]);
    expect(sheets[0]?.cells.find((c) => c.row === 6 && c.col === 3)?.value).toBe(7);
  });
});

describe("whyNothingToWrite: the reason a consolidation writes nothing, for the CLI and the pane alike", () => {
  it("tells unreadable files, unusable forms, kept cells and nothing new apart", () => {
    expect(whyNothingToWrite({ units: 2, writes: 3, kept: 0 })).toBeNull();
    expect(whyNothingToWrite({ units: 0, writes: 0, kept: 0, unreadable: 2 })).toBe("none-readable");
    expect(whyNothingToWrite({ units: 0, writes: 0, kept: 0, unreadable: 1, forms: 1 })).toBe(
      "no-usable-form",
    );
    expect(whyNothingToWrite({ units: 0, writes: 0, kept: 0, forms: 2 })).toBe("no-usable-form");
    expect(whyNothingToWrite({ units: 1, writes: 0, kept: 2 })).toBe("kept-cells");
    expect(whyNothingToWrite({ units: 1, writes: 0, kept: 0 })).toBe("nothing-new");
  });
});
