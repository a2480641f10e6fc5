/* global Excel, Office */
import { changeGate } from "./watch-gate";
import {
  MARKS_SHEET_NAME,
  columnLetters,
  detectCriteria,
  detectTable,
  isRulesSheet,
  mappingOf,
  marksOf,
  noticeFieldsOf,
  parseMarks,
  rangeA1,
  rememberedMapping,
  resolveRules,
  presetRules,
  DEFAULT_PRESET,
  isNoticeFieldsSheet,
  isBundledSample,
  tableUnitNames,
  type CellValue,
  type ColumnMapping,
  type CriteriaLayout,
  type GridOrigin,
  type Issue,
  type Marks,
  type NoticeFields,
  type Rules,
  type RulesSource,
  type TableLocation,
  type WorkbookSheet,
} from "../core";
import { runExcel, type RunOptions } from "./host";
import { AUX_SHEETS, readWorkbook, type WorkbookRead } from "./read";

/**
 * What the task pane needs beside the use cases in operations.ts: what EMU sees on the active
 * sheet (for the Table step), the rules and notice fields currently in the workbook, the user's
 * selection, and saving the column mapping. Plain values in and out, one round trip per read.
 */

/** One column of the score sheet's used range, with its header text. */
export interface HeaderColumn {
  /** Column letters, "B". */
  readonly letter: string;
  /** The header text over it ("" when none); two header rows are joined with a space. */
  readonly text: string;
  /**
   * True when every filled cell under the header is a number (and there is at least one): such a
   * column cannot hold the units' names, and the Table step says so instead of taking it.
   */
  readonly numbersOnly?: boolean;
}

export interface SheetInspection {
  /** The sheet examined as the score sheet. */
  readonly sheet: string;
  /** Visible sheets the user could pick instead, in tab order (EMU's own left out). */
  readonly sheets: readonly string[];
  /** The used range, "A1:E16", or null on an empty sheet. */
  readonly usedRange: string | null;
  /** 1-based header row of the table (detected or remembered), or null. */
  readonly headerRow: number | null;
  /** Every column of the used range. */
  readonly headers: readonly HeaderColumn[];
  /** What EMU detects on its own. */
  readonly detected: ColumnMapping | null;
  /** What a user saved for this sheet. */
  readonly remembered: ColumnMapping | null;
  /** What the use cases will read with: the remembered mapping over the detected one. */
  readonly mapping: ColumnMapping | null;
  readonly rules: Rules;
  readonly rulesSource: RulesSource;
  /** Problems in the workbook's rules sheet (rules then fall back to the default preset). */
  readonly rulesIssues: readonly Issue[];
  /** A fingerprint of the rules sheet's cells, to notice hand edits. */
  readonly rulesSignature: string;
  readonly noticeFields: NoticeFields;
  /** True when the fields come from the workbook's own sheet. */
  readonly noticeFieldsSaved: boolean;
  /** True on the bundled sample (seed 000's units): only there is its notice example offered. */
  readonly bundledSample: boolean;
  /**
   * When the sheet is a detailed scoring sheet (criteria × points): its detected layout, how many
   * units it scores and how many criteria it lists; null otherwise. The pane lets users override
   * the layout, as the CLI's --layout does.
   */
  readonly criteria: {
    readonly layout: CriteriaLayout;
    readonly units: number;
    readonly criteria: number;
  } | null;
}

export interface SelectionInfo {
  readonly sheet: string;
  /** "'Sheet'!C5:C9" */
  readonly address: string;
  /** The first column's letters. */
  readonly column: string;
  /** 1-based first row. */
  readonly row: number;
}

function isEmuSheet(name: string, read: WorkbookRead, marks: Marks): boolean {
  return (
    marks.sheets.has(name) ||
    (AUX_SHEETS as readonly string[]).includes(name) ||
    isNoticeFieldsSheet(name) ||
    name === MARKS_SHEET_NAME ||
    isRulesSheet(name, read.sheets.find((s) => s.name === name)?.grid ?? [])
  );
}

function text(v: CellValue | undefined): string {
  return v === undefined || v === null ? "" : String(v).trim();
}

function headersOf(sheet: WorkbookSheet, loc: TableLocation | null): HeaderColumn[] {
  const origin = sheet.origin ?? { sheet: sheet.name, row: 0, col: 0 };
  const width = sheet.grid.reduce((w, r) => Math.max(w, r.length), 0);
  const out: HeaderColumn[] = [];
  for (let c = 0; c < width; c++) {
    let t = "";
    if (loc && loc.headerRow >= 0) {
      const parts = [text(sheet.grid[loc.headerRow]?.[c])];
      if (loc.headerRows === 2) parts.push(text(sheet.grid[loc.headerRow + 1]?.[c]));
      t = parts.filter(Boolean).join(" ");
    }
    out.push({
      letter: columnLetters(c + origin.col),
      text: t,
      numbersOnly: numbersOnly(sheet.grid, loc, c),
    });
  }
  return out;
}

/** Every filled cell under the header of column `c` is a number (at least one is). */
function numbersOnly(grid: readonly (readonly CellValue[])[], loc: TableLocation | null, c: number): boolean {
  if (!loc || loc.headerRow < 0) return false;
  let any = false;
  for (let r = loc.firstDataRow; r < grid.length; r++) {
    const v = grid[r]?.[c];
    if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) continue;
    if (typeof v !== "number") return false;
    any = true;
  }
  return any;
}

function inspectRead(read: WorkbookRead): SheetInspection {
  const marks = marksOf(read.sheets);
  const main = read.sheets[0] ?? { name: read.target, grid: [] };
  const origin = main.origin ?? { sheet: main.name, row: 0, col: 0 };
  const found = detectTable(main.grid, origin);
  const detected = found.ok ? found.value : null;
  const remembered = rememberedMapping(marks, read.target) ?? null;
  const effective = remembered ? detectTable(main.grid, origin, remembered) : found;
  const loc = effective.ok ? effective.value : null;
  const height = main.grid.length;
  const width = main.grid.reduce((w, r) => Math.max(w, r.length), 0);
  const rules = resolveRules(read.sheets);
  const rulesSheet = read.sheets.find((s) => isRulesSheet(s.name, s.grid));
  const fieldsSheet = read.sheets.some((s) => isNoticeFieldsSheet(s.name));
  return {
    sheet: read.target,
    sheets: read.names.filter((n) => n.visible && !isEmuSheet(n.name, read, marks)).map((n) => n.name),
    usedRange:
      height > 0 && width > 0
        ? rangeA1(origin.row, origin.col, origin.row + height - 1, origin.col + width - 1)
        : null,
    headerRow: loc && loc.headerRow >= 0 ? loc.headerRow + origin.row + 1 : null,
    headers: headersOf(main, loc),
    detected: detected ? mappingOf(detected, origin) : null,
    remembered,
    mapping: loc ? mappingOf(loc, origin) : remembered,
    rules: rules.ok ? rules.value.rules : presetRules(DEFAULT_PRESET),
    rulesSource: rules.ok ? rules.value.source : "preset",
    rulesIssues: rules.issues,
    rulesSignature: rulesSheet ? JSON.stringify(rulesSheet.grid) : "",
    noticeFields: noticeFieldsOf(read.sheets),
    noticeFieldsSaved: fieldsSheet,
    bundledSample: isBundledSample(tableUnitNames(main.grid, origin)),
    criteria: criteriaOf(main, origin),
  };
}

function criteriaOf(main: WorkbookSheet, origin: GridOrigin): SheetInspection["criteria"] {
  const d = detectCriteria(main.grid, origin);
  // A sheet with mistakes in its scores is still a criteria sheet: its tree and units are known.
  const table = d.ok ? d.value : null;
  if (!table) return null;
  return { layout: table.layout, units: table.units.length, criteria: table.all.length };
}

/**
 * Looks at the score sheet: the active one (or `sheet`); when the active sheet is one EMU made
 * or keeps (results, notice, rules), the sheet EMU ranked last instead, as the use cases do.
 */
export async function inspectSheet(
  opts: { sheet?: string; run?: RunOptions } = {},
): Promise<SheetInspection> {
  return runExcel(async (context) => {
    let read = await readWorkbook(context, opts.sheet);
    if (opts.sheet === undefined) {
      const marks = marksOf(read.sheets);
      const resolved = resolveRules(read.sheets);
      const named = resolved.ok ? resolved.value.rules.sheet : undefined;
      const ours = isEmuSheet(read.target, read, marks);
      const wanted = named ?? (ours ? marks.source : undefined);
      if (wanted && wanted !== read.target && read.names.some((n) => n.name === wanted)) {
        read = await readWorkbook(context, wanted);
      }
    }
    return inspectRead(read);
  }, opts.run);
}

/** The user's current selection (for "use current selection" in the Table step). */
export async function currentSelection(run?: RunOptions): Promise<SelectionInfo> {
  return runExcel(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load("address,columnIndex,rowIndex");
    // The selection is always on the active sheet.
    const ws = context.workbook.worksheets.getActiveWorksheet();
    ws.load("name");
    await context.sync();
    return {
      sheet: ws.name,
      address: range.address,
      column: columnLetters(range.columnIndex),
      row: range.rowIndex + 1,
    };
  }, run);
}

/**
 * Remembers (or, with null, forgets) the column mapping of a score sheet in EMU's marks sheet,
 * where the ribbon commands and the pane both find it. Two round trips: read the marks, write them.
 * The writer is fetched on the first save: the pane's first render only reads.
 */
export async function saveMapping(
  sheet: string,
  mapping: ColumnMapping | null,
  run?: RunOptions,
): Promise<void> {
  const { queueMarks } = await import("./write");
  await runExcel(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(MARKS_SHEET_NAME);
    ws.load("name");
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("values");
    await context.sync();
    const exists = !ws.isNullObject;
    const old = used.isNullObject ? parseMarks([]) : parseMarks(used.values as CellValue[][]);
    const { mapping: _previous, ...rest } = old;
    const marks: Marks = mapping
      ? {
          ...rest,
          mapping: {
            sheet,
            columns: mapping.columns,
            ...(mapping.headerRow !== undefined ? { headerRow: mapping.headerRow } : {}),
          },
        }
      : rest;
    queueMarks(context, marks, exists);
    await context.sync();
  }, run);
}

/**
 * Calls `onChange` when a sheet EMU reads changes (Excel's worksheets.onChanged, ExcelApi 1.9), so
 * the pane can reload rules edited by hand; not for EMU's own output sheets, and not while the
 * pane is hidden (Office.addin.onVisibilityModeChanged, SharedRuntime 1.1): a change made then is
 * reported once when the pane shows again (src/excel/watch-gate.ts). Returns the unsubscribe, or
 * null where the host has no such event (older hosts, the preview's double): the pane then
 * reloads on focus instead.
 */
export async function watchWorkbook(onChange: () => void): Promise<(() => Promise<void>) | null> {
  try {
    const gate = changeGate(onChange);
    let remove: (() => Promise<void>) | null = null;
    await Excel.run(async (context) => {
      const event = context.workbook.worksheets.onChanged;
      if (!event || typeof event.add !== "function") return;
      const result = event.add(async (args: Excel.WorksheetChangedEventArgs) => {
        gate.change(await sheetNameOf(args.worksheetId));
      });
      await context.sync();
      const hidden = await onVisibility((visible) => gate.visibility(visible));
      remove = async () => {
        await hidden?.().catch(() => undefined);
        await Excel.run(result.context, async (ctx) => {
          result.remove();
          await ctx.sync();
        });
      };
    });
    return remove;
  } catch {
    return null;
  }
}

/** The name of the sheet an event names by id; null when it cannot be read (then: reload). */
async function sheetNameOf(id: string | undefined): Promise<string | null> {
  if (!id) return null;
  try {
    return await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(id);
      ws.load("name");
      await context.sync();
      return ws.name;
    });
  } catch {
    return null;
  }
}

/** Office.addin.onVisibilityModeChanged where the host has it; returns its remover. */
async function onVisibility(listener: (visible: boolean) => void): Promise<(() => Promise<void>) | null> {
  const addin = typeof Office !== "undefined" ? Office.addin : undefined;
  if (!addin || typeof addin.onVisibilityModeChanged !== "function") return null;
  try {
    const off = await addin.onVisibilityModeChanged((args) =>
      listener(String(args.visibilityMode) !== "Hidden"),
    );
    return async () => off();
  } catch {
    return null;
  }
}
