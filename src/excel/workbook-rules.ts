import { RULES_SHEET_NAME, resolveRules, type CellValue, type Result, type Rules } from "../core";
import { runExcel } from "./host";

/**
 * The workbook's rules for custom functions called without a bands range: the readable rules
 * sheet when present, else the default preset. A broken rules sheet comes back as its issues, so
 * formulas show the problem instead of silently using other rules. A recalculation calls many
 * cells at once, so one read is shared by the calls of the same moment — and only of that moment
 * (dropped on the next macrotask), so a calculation after the rules changed reads the new ones.
 */
let pending: Promise<Result<Rules>> | null = null;

/** Drops the shared read, so calls after EMU saved new rules read them (see saveRules). */
export function forgetWorkbookRules(): void {
  pending = null;
}

export function workbookRules(): Promise<Result<Rules>> {
  if (pending) return pending;
  pending = runExcel(async (context) => {
    const used = context.workbook.worksheets
      .getItemOrNullObject(RULES_SHEET_NAME)
      .getUsedRangeOrNullObject(true);
    used.load("values,rowIndex,columnIndex");
    await context.sync();
    const sheets = used.isNullObject
      ? []
      : [
          {
            name: RULES_SHEET_NAME,
            grid: used.values as CellValue[][],
            origin: { sheet: RULES_SHEET_NAME, row: used.rowIndex, col: used.columnIndex },
          },
        ];
    const r = resolveRules(sheets);
    return r.ok ? { ok: true as const, value: r.value.rules, issues: r.issues } : r;
  });
  const mine = pending;
  void mine
    .finally(() => {
      setTimeout(() => {
        if (pending === mine) pending = null;
      }, 0);
    })
    .catch(() => undefined);
  return pending;
}
