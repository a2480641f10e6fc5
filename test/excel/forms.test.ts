import { consolidateForms, formsInfo, generateForms } from "../../src/excel/forms";
import { hostErrorMessage } from "../../src/excel/host";
import { runFormsCommand } from "../../src/commands/forms-command";
import { subscribe, type SessionEvent } from "../../src/app/session";
import { readWorkbook } from "../../src/cli/io";
import { writeModelsXlsx } from "../../src/cli/io";
import { makeForms, type CellValue, type ReturnedForm, type SheetModel } from "../../src/core";
import { createExcelDouble, type ExcelDouble, type SeedSheet } from "../excel-double";
import { CRITERIA_LIST_NAME, CRITERIA_LIST_ROWS, filledForm } from "../helpers/forms";
import { tmpPath } from "../helpers/xlsx";

const noSleep = { sleep: async () => undefined };
let double: ExcelDouble;
let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

const LIST: SeedSheet = { name: CRITERIA_LIST_NAME, values: CRITERIA_LIST_ROWS };
const SUMMARY: SeedSheet = {
  name: "Tổng hợp",
  values: [
    ["STT", "Đơn vị", "Điểm tự chấm"],
    [1, "Sở TT&TT Lào Cai", ""],
    [2, "Sở TT&TT Sơn La", ""],
  ],
};

function install(sheets: SeedSheet[]): void {
  double = createExcelDouble({ sheets, activeSheet: sheets[0]?.name });
  uninstall = double.install();
}

/** A returned form: the form EMU makes for `unit`, filled with `scores` by row (0-based), as values. */
function returned(unit: string, scores: Record<number, number>, source = `${unit}.xlsx`): ReturnedForm {
  const made = makeForms({
    sheets: [{ name: LIST.name, grid: LIST.values as CellValue[][] }],
    units: [unit],
    lang: "vi",
  });
  if (!made.ok) throw new Error(made.reason);
  const { name, grid } = filledForm(made.forms[0]?.model as SheetModel, scores);
  return { source, sheets: [{ name, grid }] };
}

describe("Make forms through the Excel double", () => {
  it("offers the criteria list and the summary's units", async () => {
    install([SUMMARY, LIST]);
    expect(await formsInfo(noSleep)).toEqual({
      lists: ["Danh mục tiêu chí"],
      units: ["Sở TT&TT Lào Cai", "Sở TT&TT Sơn La"],
    });
  });

  it("writes one protected form sheet per unit: formulas, decimal validation, open score cells, A4", async () => {
    install([SUMMARY, LIST]);
    const before = double.stats.syncs;
    const out = await generateForms({ lang: "vi", run: noSleep });
    if (!out.ok) throw new Error(out.reason);
    expect(out.written).toEqual(["Sở TT&TT Lào Cai", "Sở TT&TT Sơn La"]);
    // One read of every sheet, one write: the forms fit one request.
    expect(double.stats.syncs - before).toBeLessThanOrEqual(4);
    const ws = double.workbook.sheet("Sở TT&TT Lào Cai");
    expect(ws.protected).toBe(true);
    expect(ws.cell("A2").value).toBe("Đơn vị: Sở TT&TT Lào Cai");
    expect(ws.cell("D6").formula).toBe("=SUM(D7,D8)");
    expect(ws.cell("D9").formula).toBe("=SUM(D10)");
    expect(ws.cell("D11").formula).toBe("=SUM(D6)+MIN(SUM(D9),5)");
    const d7 = ws.cell("D7");
    expect(d7.locked).toBe(false);
    expect(d7.validation?.rule).toEqual({
      decimal: { formula1: "=0", formula2: "=10", operator: "Between" },
    });
    expect(d7.validation?.prompt.message).toBe("Nhập điểm từ 0 đến 10.");
    expect(d7.validation?.errorAlert).toMatchObject({ showAlert: true, style: "Stop" });
    expect(ws.cell("B7").locked).toBe(true);
    expect(ws.pageLayout().paperSize).toBe("A4");
    expect(double.workbook.activeSheet).toBe("Sở TT&TT Lào Cai");
    // The user's sheets are untouched.
    expect(double.workbook.sheet("Tổng hợp").values()).toEqual(SUMMARY.values);
  });

  it("makes forms only for units without a sheet, and never takes a user's sheet name", async () => {
    install([SUMMARY, LIST, { name: "Sở TT&TT Sơn La", values: [["Ghi chú riêng"]] }]);
    const first = await generateForms({ lang: "vi", units: ["Sở TT&TT Lào Cai"], run: noSleep });
    expect(first.ok && first.written).toEqual(["Sở TT&TT Lào Cai"]);
    const again = await generateForms({ lang: "vi", run: noSleep });
    if (!again.ok) throw new Error(again.reason);
    expect(again.skipped).toEqual([{ unit: "Sở TT&TT Lào Cai", sheet: "Sở TT&TT Lào Cai" }]);
    expect(again.written).toEqual(["Sở TT&TT Sơn La (2)"]);
    expect(double.workbook.sheet("Sở TT&TT Sơn La").values()).toEqual([["Ghi chú riêng"]]);
  });

  it("says why when the workbook has no criteria list, and writes nothing", async () => {
    install([SUMMARY]);
    const before = double.workbook.snapshot();
    expect(await generateForms({ lang: "vi", run: noSleep })).toEqual({
      ok: false,
      reason: "no-criteria-list",
      written: [],
    });
    expect(double.workbook.snapshot()).toEqual(before);
  });

  it("from the ribbon: publishes what was made and opens the pane", async () => {
    install([SUMMARY, LIST]);
    const events: SessionEvent[] = [];
    const stop = subscribe((e) => events.push(e));
    let opened = 0;
    await runFormsCommand({
      lang: () => "en",
      showPane: async () => {
        opened++;
      },
    });
    stop();
    const last = events[events.length - 1];
    expect(last?.kind).toBe("forms");
    expect(last?.forms?.ok && last.forms.written).toEqual(["Sở TT&TT Lào Cai", "Sở TT&TT Sơn La"]);
    expect(double.workbook.sheet("Sở TT&TT Lào Cai").cell("A1").value).toBe("SELF-SCORING SHEET");
    expect(opened).toBe(1);
  });
});

describe("Consolidate returned forms through the Excel double", () => {
  it("plans without writing, then fills the free cells and keeps differing ones unless agreed", async () => {
    install([SUMMARY, LIST]);
    await generateForms({ lang: "vi", run: noSleep });
    const ws = (): ReturnType<ExcelDouble["workbook"]["sheet"]> => double.workbook.sheet("Sở TT&TT Lào Cai");
    // The cluster head already typed 9 in D7 while on the phone with the member.
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sở TT&TT Lào Cai").getRange("D7").values = [[9]];
      await context.sync();
    });
    const form = returned("Sở TT&TT Lào Cai", { 6: 10, 7: 18, 9: 5 });
    const before = double.workbook.snapshot();
    const plan = await consolidateForms({ lang: "vi", forms: [form], apply: false, run: noSleep });
    expect(double.workbook.snapshot()).toEqual(before);
    expect(plan.written).toBe(false);
    expect(plan.units).toEqual(["Sở TT&TT Lào Cai"]);
    expect(plan.filled).toEqual(["'Sở TT&TT Lào Cai'!D8", "'Sở TT&TT Lào Cai'!D10"]);
    expect(plan.conflicts.map((c) => [c.code, c.cell?.row, c.cell?.col])).toEqual([
      ["kept-user-value", 6, 3],
    ]);

    const kept = await consolidateForms({ lang: "vi", forms: [form], apply: true, run: noSleep });
    expect(kept.written).toBe(true);
    expect([ws().cell("D7").value, ws().cell("D8").value, ws().cell("D10").value]).toEqual([9, 18, 5]);
    // The form's formulas work on what was filled; the sheet stays protected.
    expect(ws().cell("D6").formula).toBe("=SUM(D7,D8)");
    expect(ws().protected).toBe(true);

    const agreed = await consolidateForms({
      lang: "vi",
      forms: [form],
      apply: true,
      overwrite: new Set(["'Sở TT&TT Lào Cai'!D7"]),
      run: noSleep,
    });
    expect(agreed.filled).toEqual(["'Sở TT&TT Lào Cai'!D7"]);
    expect(ws().cell("D7").value).toBe(10);
  });

  it("adds a sheet for a unit the workbook has none for, and refuses a form with other criteria", async () => {
    install([SUMMARY, LIST]);
    const other: ReturnedForm = {
      source: "ha-giang.xlsx",
      sheets: [
        {
          name: "Phiếu",
          grid: [
            ["Đơn vị: Sở TT&TT Hà Giang", "", "", ""],
            ["TT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm"],
            ["I", "Khác hẳn", 50, ""],
            ["1", "Một", 50, 40],
          ],
        },
      ],
    };
    const out = await consolidateForms({
      lang: "vi",
      forms: [returned("Sở TT&TT Sơn La", { 6: 8, 7: 20 }), other],
      apply: true,
      run: noSleep,
    });
    expect(out.added).toEqual(["Sở TT&TT Sơn La"]);
    expect(out.issues.map((i) => i.code)).toEqual(["criteria-differ"]);
    expect(double.workbook.sheet("Sở TT&TT Sơn La").cell("D7").value).toBe(8);
    expect(double.workbook.sheetNames()).not.toContain("Phiếu");
  });

  it("consolidates a form written as a real .xlsx file, read back as the pane reads it", async () => {
    install([SUMMARY, LIST]);
    const made = makeForms({
      sheets: [{ name: LIST.name, grid: LIST.values as CellValue[][] }],
      units: ["Sở TT&TT Lào Cai"],
      lang: "vi",
    });
    if (!made.ok) throw new Error(made.reason);
    const m = made.forms[0]?.model as SheetModel;
    const filled: SheetModel = {
      ...m,
      cells: m.cells.map((c) => (c.row === 6 && c.col === 3 ? { ...c, value: 9.5 } : c)),
    };
    const path = tmpPath("lao-cai.xlsx");
    const w = await writeModelsXlsx(path, [filled], { force: true });
    expect(w.ok).toBe(true);
    const read = await readWorkbook(path);
    if (!read.ok) throw new Error(read.error.code);
    const out = await consolidateForms({
      lang: "vi",
      forms: [{ source: "lao-cai.xlsx", sheets: read.sheets }],
      apply: true,
      run: noSleep,
    });
    expect(out.added).toEqual(["Sở TT&TT Lào Cai"]);
    expect(double.workbook.sheet("Sở TT&TT Lào Cai").cell("D7").value).toBe(9.5);
  });

  it("explains a unit sheet the user protected with its score cells locked", async () => {
    const form = returned("Sở TT&TT Lào Cai", { 6: 10 });
    const sheet = form.sheets[0];
    if (!sheet) throw new Error("no form");
    install([
      {
        name: "Sở TT&TT Lào Cai",
        values: sheet.grid.map((r, i) => r.map((v, c) => (i === 6 && c === 3 ? "" : v))),
        protected: true,
      },
    ]);
    const err = await consolidateForms({ lang: "vi", forms: [form], apply: true, run: noSleep }).catch(
      (e) => e,
    );
    expect(hostErrorMessage(err, "vi")).toMatch(/^Một trang tính đang được bảo vệ/);
    expect(double.workbook.sheet("Sở TT&TT Lào Cai").cell("D7").value).toBe("");
  });
});
