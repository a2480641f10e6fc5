import type { Result } from "./issues";
import { DEFAULT_PRESET, presetRules, type Rules } from "./rules";
import { isRulesSheet, parseRulesSheet } from "./rules-sheet";
import type { WorkbookSheet } from "./use-cases";

/*
 * Apart from use-cases.ts: the custom functions read the rules in force on the first load of
 * every workbook, and importing them from use-cases.ts would bring the outputs' code with them
 * (the notice's layout, the width table, the forms) — code only a ribbon click needs.
 */

export type RulesSource = "explicit" | "workbook" | "preset";

/**
 * The rules in force. Precedence: explicit rules, then the workbook's rules sheet, then the
 * default preset. A broken rules sheet is reported at its cells, never silently skipped.
 * @example resolveRules([]).value //=> { rules: presetRules("cum-1000"), source: "preset" }
 */
export function resolveRules(
  sheets: readonly WorkbookSheet[],
  explicit?: Rules,
): Result<{ rules: Rules; source: RulesSource }> {
  if (explicit) return { ok: true, value: { rules: explicit, source: "explicit" }, issues: [] };
  const sheet = sheets.find((s) => isRulesSheet(s.name, s.grid));
  if (sheet) {
    const parsed = parseRulesSheet(sheet.grid, sheet.origin ?? { sheet: sheet.name, row: 0, col: 0 });
    if (!parsed.ok) return parsed;
    return { ok: true, value: { rules: parsed.value, source: "workbook" }, issues: parsed.issues };
  }
  return { ok: true, value: { rules: presetRules(DEFAULT_PRESET), source: "preset" }, issues: [] };
}
