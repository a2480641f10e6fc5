import {
  DEFAULT_PRESET,
  RULES_SHEET_NAME,
  presetRules,
  resolveRules,
  scoreTableTemplate,
  type CellValue,
  type Lang,
} from "../core";
import { setCellValues } from "./cell-values";
import { runExcel, type RunOptions } from "./host";
import { widthToPoints } from "./render";
import { queueGridSheet } from "./write";

export interface TemplateOutcome {
  /** The new score sheet's name. */
  readonly sheet: string;
  /** The rules sheet added with it, or null when the workbook had one (left as it was). */
  readonly rulesSheet: string | null;
}

/**
 * "Tạo bảng điểm mẫu": writes the core's template score table into a NEW sheet (a name no sheet
 * has; nothing existing is touched), the rules sheet too when the workbook has none, and selects
 * the new table. Two round trips: read the sheet names (and the rules sheet, for its scale),
 * then write.
 */
export async function writeScoreTemplate(lang: Lang, run?: RunOptions): Promise<TemplateOutcome> {
  return runExcel(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const rulesUsed = sheets.getItemOrNullObject(RULES_SHEET_NAME).getUsedRangeOrNullObject(true);
    rulesUsed.load("values");
    await context.sync();
    const names = sheets.items.map((s) => s.name);
    const hasRules = names.some((n) => n.toLowerCase() === RULES_SHEET_NAME.toLowerCase());
    const resolved = rulesUsed.isNullObject
      ? null
      : resolveRules([{ name: RULES_SHEET_NAME, grid: rulesUsed.values as CellValue[][] }]);
    const rules = resolved?.ok ? resolved.value.rules : presetRules(DEFAULT_PRESET);
    const t = scoreTableTemplate({ lang, taken: names, rules, rulesSheet: !hasRules });

    const ws = sheets.add(t.name);
    const width = t.widths.length;
    const values = t.grid.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
    setCellValues(ws.getRangeByIndexes(0, 0, values.length, width), values, "General");
    ws.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
    ws.getRangeByIndexes(1, 0, 1, 1).format.font.italic = true;
    const header = ws.getRangeByIndexes(t.headerRow, 0, 1, width);
    header.format.font.bold = true;
    header.format.wrapText = true;
    t.widths.forEach((w, c) => {
      ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthToPoints(w);
    });
    if (t.rules) queueGridSheet(context, t.rules.name, t.rules.grid, false);
    ws.activate();
    ws.getRangeByIndexes(t.headerRow + 1, 1, 1, 1).select();
    await context.sync();
    return { sheet: t.name, rulesSheet: t.rules?.name ?? null };
  }, run);
}
