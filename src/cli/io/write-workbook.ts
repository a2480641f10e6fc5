/**
 * Writes EMU's output: a copy of the user's workbook with EMU's sheets (the results table,
 * the notice) rendered from `SheetModel`s, plus a plain grid writer for samples and tests.
 *
 * The input is never modified: the copy goes to another path, through a temporary file that
 * is renamed into place, so a failed write leaves neither a half-written output nor a touched
 * original.
 */
import { existsSync } from "node:fs";
import { lstat, mkdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { a1, parseA1 } from "../../core/address";
import {
  MAX_ROW_HEIGHT,
  columnPt,
  fitCellText,
  sheetExtent,
  type CellStyle,
  type SheetModel,
} from "../../core/sheet-model";
import type { CellValue } from "../../core/types";
import { canonicalPackage } from "./canonical-parts";
import type { NotCopied, WorkbookIoError } from "./io-error";
import { probeWorkbookFile } from "./read-workbook";
import { sheetNotKept } from "./verify-copy";

/**
 * The result of `writeWorkbookCopy`: the path written (and, when the input had any, the kinds
 * of content the copy could not carry over), or why nothing was written.
 */
export type WriteOutcome =
  { ok: true; path: string; notCopied?: readonly NotCopied[] } | { ok: false; error: WorkbookIoError };

/**
 * Zip folders of content exceljs does not model: it reads the workbook without them and so
 * writes the copy without them. The original keeps them; the user is told what the copy lacks.
 */
const NOT_COPIED_PARTS: readonly (readonly [NotCopied, RegExp])[] = [
  ["charts", /^xl\/(charts|chartsheets)\//],
  ["pivot-tables", /^xl\/(pivottables|pivotcache)\//],
  ["macros", /^xl\/vbaproject\.bin$/],
  ["slicers", /^xl\/(slicers|slicercaches|timelines|timelinecaches)\//],
  ["external-links", /^xl\/externallinks\//],
];

/** Options of `writeWorkbookCopy`. */
export interface WriteCopyOptions {
  /** Sheets EMU created on an earlier run, to drop before adding the new ones (the caller decides which). */
  readonly replace?: readonly string[];
  /** Overwrite an existing output file. */
  readonly force?: boolean;
  /**
   * Values to set in cells of sheets that are kept (consolidated scores); the cells keep their
   * styles. The caller decided each one is free (empty) or that the user consented.
   */
  readonly edits?: readonly {
    readonly sheet: string;
    readonly row: number;
    readonly col: number;
    readonly value: string | number;
  }[];
}

/** A raw sheet for `writeGridsXlsx`. */
export interface GridSheet {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
  /** Merged ranges as "A1:C1". */
  readonly merges?: readonly string[];
  readonly state?: "visible" | "hidden" | "veryHidden";
}

/**
 * The classic error values, which every Excel version stores as error cells (`t="e"`).
 * Newer ones (#SPILL!, #CALC!, …) are written as text: older readers reject them as errors.
 */
const ERROR_VALUES: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
]);

const MM_PER_INCH = 25.4;
/** Excel's paper size code for A4. */
const PAPER_A4 = 9;
/** Excel's default header/footer distance, in inches. */
const HEADER_FOOTER_IN = 0.3;

type ExcelValue = ExcelJS.CellValue;

/** A 1×1 black PNG: stretched into the short rules of a `LineModel` (exceljs draws no shapes). */
const BLACK_PIXEL_PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==";
const EMU_PER_PT = 12_700;

/** Draws the model's lines as pictures anchored by column/row and offset, sized in pixels. */
function drawLines(ws: ExcelJS.Worksheet, model: SheetModel): void {
  const lines = model.lines ?? [];
  if (lines.length === 0) return;
  const image = ws.workbook.addImage({ base64: BLACK_PIXEL_PNG, extension: "png" });
  for (const line of lines) {
    let col = 0;
    let x = line.leftPt;
    while (col < model.columnWidths.length - 1 && x >= columnPt(model.columnWidths[col] ?? 0)) {
      x -= columnPt(model.columnWidths[col] ?? 0);
      col++;
    }
    const anchor = {
      nativeCol: col,
      nativeColOff: Math.round(x * EMU_PER_PT),
      nativeRow: line.row,
      nativeRowOff: Math.round(line.topPt * EMU_PER_PT),
    };
    ws.addImage(image, {
      tl: anchor as unknown as ExcelJS.Anchor,
      ext: { width: (line.widthPt * 4) / 3, height: 1 },
      editAs: "oneCell",
    });
  }
}
/** exceljs writes `tabSelected` on sheet views, but neither types it nor reads it back. */
type ViewWithSelection = Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean };

/** A number cell, with non-finite numbers shown as #NUM! as Excel would rather than a corrupt file. */
function numberValue(n: number): ExcelValue {
  return Number.isFinite(n) ? n : { error: "#NUM!" as ExcelJS.CellErrorValue["error"] };
}

function fontOf(base: SheetModel["defaultFont"], style: CellStyle | undefined): Partial<ExcelJS.Font> {
  const f = style?.font;
  const font: Partial<ExcelJS.Font> = { name: f?.name ?? base.name, size: f?.size ?? base.size };
  if (f?.bold) font.bold = true;
  if (f?.italic) font.italic = true;
  if (f?.underline) font.underline = true;
  return font;
}

const THIN: Partial<ExcelJS.Border> = { style: "thin" };

function applyStyle(cell: ExcelJS.Cell, base: SheetModel["defaultFont"], style: CellStyle | undefined): void {
  // Every written cell gets the sheet's font explicitly: an .xlsx has no per-sheet default
  // font, and the workbook's Normal style (Calibri 11) would otherwise show through.
  cell.font = fontOf(base, style);
  if (style === undefined) return;
  if (style.align !== undefined || style.valign !== undefined || style.wrap !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = {};
    if (style.align !== undefined) alignment.horizontal = style.align;
    if (style.valign !== undefined) alignment.vertical = style.valign;
    if (style.wrap !== undefined) alignment.wrapText = style.wrap;
    cell.alignment = alignment;
  }
  if (style.border) {
    cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  } else if (style.bottomRule) {
    cell.border = { bottom: THIN };
  }
  if (style.numberFormat !== undefined) cell.numFmt = style.numberFormat;
  if (style.fill !== undefined) {
    const hex = style.fill.replace(/^#/, "");
    // A malformed colour would make Excel repair the file; skip it rather than corrupt the sheet.
    if (/^[0-9A-Fa-f]{6}$/.test(hex)) {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${hex.toUpperCase()}` } };
    }
  }
}

/**
 * Renders a `SheetModel` onto an (empty) exceljs worksheet: values (text always as text,
 * never as a formula), styles, merges, column widths, row heights, page setup (A4,
 * orientation, margins in mm → inches, fit to one page wide, print area, print titles,
 * horizontal centring), the sheet's default font, gridlines, frozen rows and visibility.
 * @throws Error when a cell names a style the model does not define (a bug in the model).
 */
export function renderSheetModel(ws: ExcelJS.Worksheet, model: SheetModel): void {
  const base = model.defaultFont;
  const extent = sheetExtent(model);

  // Column styles carry the default font too, so cells typed later in Excel match the notice.
  for (let c = 0; c < extent.cols; c++) {
    const column = ws.getColumn(c + 1);
    const w = model.columnWidths[c];
    if (w !== undefined && Number.isFinite(w) && w >= 0) column.width = w;
    column.font = { name: base.name, size: base.size };
  }
  for (const [key, height] of Object.entries(model.rowHeights)) {
    const r = Number(key);
    if (Number.isInteger(r) && r >= 0 && Number.isFinite(height) && height >= 0)
      ws.getRow(r + 1).height = Math.min(height, MAX_ROW_HEIGHT);
  }

  for (const cm of model.cells) {
    const cell = ws.getCell(cm.row + 1, cm.col + 1);
    const style = cm.style === undefined ? undefined : model.styles[cm.style];
    if (cm.style !== undefined && style === undefined) {
      throw new Error(`sheet "${model.name}": cell ${a1(cm.row, cm.col)} uses undefined style "${cm.style}"`);
    }
    const v = cm.value;
    // A JS string becomes a string cell in exceljs whatever it starts with ("=", "+", "-", "@"):
    // only an explicit { formula } object makes a formula, and the model never produces one.
    cell.value =
      v === null || v === ""
        ? null
        : typeof v === "number"
          ? numberValue(v)
          : typeof v === "string"
            ? fitCellText(v)
            : v;
    // Formulas come only from EMU's own models (a form's totals), never from cell text.
    if (cm.formula !== undefined)
      cell.value = {
        formula: cm.formula.replace(/^=/, ""),
        result: typeof v === "number" ? v : undefined,
      } as ExcelJS.CellFormulaValue;
    applyStyle(cell, base, style);
    if (style?.locked === false) cell.protection = { locked: false };
  }

  for (const dv of model.validations ?? []) {
    for (let r = dv.r1; r <= dv.r2; r++) {
      for (let c = dv.c1; c <= dv.c2; c++) {
        ws.getCell(r + 1, c + 1).dataValidation = {
          type: "decimal",
          allowBlank: true,
          operator: dv.max === undefined ? "greaterThanOrEqual" : "between",
          formulae: dv.max === undefined ? [dv.min] : [dv.min, dv.max],
          showInputMessage: true,
          promptTitle: "EMU",
          prompt: dv.prompt,
          showErrorMessage: true,
          errorStyle: "stop",
          errorTitle: "EMU",
          error: dv.error,
        };
      }
    }
  }

  // Merge after styling: exceljs copies the top-left cell's style to the covered cells, so a
  // bordered merged header keeps its border along the whole merged edge.
  for (const m of model.merges) {
    if (m.r1 === m.r2 && m.c1 === m.c2) continue;
    ws.mergeCells(m.r1 + 1, m.c1 + 1, m.r2 + 1, m.c2 + 1);
  }

  const p = model.page;
  const top = p.marginsMm.top / MM_PER_INCH;
  const bottom = p.marginsMm.bottom / MM_PER_INCH;
  ws.pageSetup.paperSize = PAPER_A4;
  ws.pageSetup.orientation = p.orientation;
  ws.pageSetup.margins = {
    top,
    bottom,
    left: p.marginsMm.left / MM_PER_INCH,
    right: p.marginsMm.right / MM_PER_INCH,
    // Header/footer text must sit inside the top/bottom margins.
    header: Math.min(HEADER_FOOTER_IN, top / 2),
    footer: Math.min(HEADER_FOOTER_IN, bottom / 2),
  };
  if (p.fitToWidth) {
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    // 0 = as many pages tall as needed; only the width is forced onto one page.
    ws.pageSetup.fitToHeight = p.fitToHeight ? 1 : 0;
  } else {
    ws.pageSetup.fitToPage = false;
  }
  const pa = p.printArea;
  // Always "A1:E40", even for one cell: exceljs splits the print area on ":".
  ws.pageSetup.printArea = `${a1(pa.r1, pa.c1)}:${a1(pa.r2, pa.c2)}`;
  if (p.printTitleRows !== undefined) {
    ws.pageSetup.printTitlesRow = `${p.printTitleRows.from + 1}:${p.printTitleRows.to + 1}`;
  }
  if (p.centerHorizontally) ws.pageSetup.horizontalCentered = true;
  // A break above 0-based row r: OOXML's <brk id> is the last row of the page before it.
  for (const r of model.rowBreaks ?? []) if (r > 0) ws.getRow(r).addPageBreak();
  drawLines(ws, model);

  // EMU's bookkeeping sheet is very hidden, so users do not edit it by accident.
  ws.state = model.state ?? "visible";

  const freeze = model.freezeRows ?? 0;
  ws.views =
    freeze > 0
      ? [
          {
            state: "frozen",
            xSplit: 0,
            ySplit: freeze,
            topLeftCell: `A${freeze + 1}`,
            showGridLines: model.showGridLines,
          },
        ]
      : [{ state: "normal", showGridLines: model.showGridLines }];
}

/**
 * Why Excel would reject a sheet name, or undefined when it is valid. Checked up front because
 * exceljs silently truncates long names (the sheet would not be found again by its name).
 */
function invalidSheetName(name: string): string | undefined {
  if (name.trim() === "") return "a sheet name cannot be empty";
  if (name.length > 31) return `sheet name "${name}" is longer than 31 characters`;
  if (/[*?:/\\[\]]/.test(name)) return `sheet name "${name}" contains one of * ? : / \\ [ ]`;
  // Excel forbids a leading or trailing apostrophe; exceljs also writes the print-area name of
  // a sheet with any apostrophe unescaped, which Excel then repairs away.
  if (name.includes("'")) return `sheet name "${name}" contains an apostrophe`;
  if (name.toLowerCase() === "history") return `"History" is reserved by Excel`;
  return undefined;
}

/** Sheet names compare case-insensitively in Excel. */
function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The sheet a defined-name range refers to ("'Kết quả'!$A$1" → "Kết quả"), if any. */
function sheetOfRange(range: string): string | undefined {
  const bang = range.lastIndexOf("!");
  if (bang < 0) return undefined;
  const s = range.slice(0, bang);
  return s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

async function isSameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  // Symlinks, hard links and case variants on case-insensitive file systems all name one file.
  const [sa, sb] = await Promise.all([
    stat(a, { bigint: true }).catch(() => null),
    stat(b, { bigint: true }).catch(() => null),
  ]);
  return sa !== null && sb !== null && sa.ino !== 0n && sa.dev === sb.dev && sa.ino === sb.ino;
}

async function pathExists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a buffer next to its destination and renames it into place, so readers never see a
 * half-written file and a failure leaves any previous output intact.
 */
async function writeAtomically(outPath: string, data: Uint8Array): Promise<void> {
  const dir = dirname(resolve(outPath));
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(outPath)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, outPath);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Keeps the same sheet active after sheets were removed and added; if the active sheet was
 * one EMU replaced, its replacement (the first added sheet) becomes active.
 */
function keepActiveTab(
  wb: ExcelJS.Workbook,
  activeSheet: ExcelJS.Worksheet | undefined,
  added: readonly ExcelJS.Worksheet[],
): void {
  const after = wb.worksheets;
  const view = wb.views?.[0];
  if (view === undefined) return;
  const survived = activeSheet !== undefined && after.includes(activeSheet);
  // A hidden sheet cannot be the active tab: fall back to the first visible one.
  const visible = (ws: ExcelJS.Worksheet): boolean => ws.state === undefined || ws.state === "visible";
  const target = survived ? activeSheet : (added.find(visible) ?? after.find(visible));
  view.activeTab = Math.max(0, target === undefined ? 0 : after.indexOf(target));
  if (view.firstSheet !== undefined && view.firstSheet >= after.length) view.firstSheet = 0;
  if (target === undefined) return;
  // exceljs drops `tabSelected` when it reads a file, so mark the active tab again. Exactly one:
  // several selected tabs would open the workbook in group-edit mode.
  for (const ws of after) {
    const v = (ws.views ?? [])[0] as ViewWithSelection | undefined;
    if (v !== undefined) v.tabSelected = ws === target;
    else if (ws === target) ws.views = [{ tabSelected: true } as ViewWithSelection];
  }
}

/**
 * Copies the input workbook to `outPath` with EMU's sheets replaced: drops the sheets named
 * in `opts.replace`, appends one worksheet per model, and writes the result. Every other
 * sheet is carried over as exceljs preserves it (values, formulas, styles, merges, print
 * setup); what exceljs cannot carry (charts, pivot tables, macros, slicers, external links)
 * is listed in `notCopied`, for `notCopiedMessage`.
 *
 * Refuses, writing nothing, when `outPath` is the input (`same-file`), when it exists and
 * `force` is not set (`exists`), when a model's sheet name clashes with a sheet that is not
 * being replaced (`sheet-exists`), and reports read errors of the input with the reader's codes.
 */
export async function writeWorkbookCopy(
  inputPath: string,
  outPath: string,
  sheets: readonly SheetModel[],
  opts: WriteCopyOptions = {},
): Promise<WriteOutcome> {
  if (await isSameFile(inputPath, outPath)) return { ok: false, error: { code: "same-file", path: outPath } };
  if (!opts.force && (await pathExists(outPath)))
    return { ok: false, error: { code: "exists", path: outPath } };

  const probe = await probeWorkbookFile(inputPath);
  if (!probe.ok) return { ok: false, error: probe.error };

  const names = [...probe.workbook.zip.entries.keys()];
  const notCopied = NOT_COPIED_PARTS.filter(([, re]) => names.some((n) => re.test(n))).map(([kind]) => kind);

  const wb = new ExcelJS.Workbook();
  try {
    // exceljs finds parts by fixed names, not through the relationships: hand it a package
    // laid out that way, or it would leave out sheets stored under other (valid) names.
    const input = canonicalPackage(probe.workbook).bytes;
    // exceljs's typings want its own Buffer type; the bytes are the ones already read.
    await wb.xlsx.load(input as unknown as ExcelJS.Buffer);
  } catch (err) {
    return { ok: false, error: { code: "unreadable", path: inputPath, detail: message(err) } };
  }

  const replace = opts.replace ?? [];
  const before = wb.worksheets;
  const activeIndex = wb.views?.[0]?.activeTab ?? 0;
  const activeSheet = before[activeIndex];
  const removed = before.filter((ws) => replace.some((n) => sameName(n, ws.name)));

  for (const m of sheets) {
    const why = invalidSheetName(m.name);
    if (why !== undefined) return { ok: false, error: { code: "write-failed", path: outPath, detail: why } };
  }
  // Check every clash before changing anything, so a refusal names the real problem.
  const kept = before.filter((ws) => !removed.includes(ws));
  for (let i = 0; i < sheets.length; i++) {
    const name = sheets[i]?.name ?? "";
    const clash =
      kept.some((ws) => sameName(ws.name, name)) || sheets.slice(0, i).some((m) => sameName(m.name, name));
    if (clash) return { ok: false, error: { code: "sheet-exists", path: outPath, sheet: name } };
  }

  let added: ExcelJS.Worksheet[];
  try {
    for (const e of opts.edits ?? []) {
      const ws = kept.find((w) => sameName(w.name, e.sheet));
      if (!ws)
        return { ok: false, error: { code: "write-failed", path: outPath, detail: `no sheet ${e.sheet}` } };
      ws.getCell(e.row + 1, e.col + 1).value = e.value;
    }
    for (const ws of removed) wb.removeWorksheet(ws.id);
    if (removed.length > 0) {
      // Names pointing into a dropped sheet would dangle (#REF!); drop just those ranges.
      const gone = removed.map((ws) => ws.name);
      wb.definedNames.model = wb.definedNames.model
        .map((dn) => ({
          name: dn.name,
          ranges: dn.ranges.filter((r) => {
            const s = sheetOfRange(r);
            return s === undefined || !gone.some((g) => sameName(g, s));
          }),
        }))
        .filter((dn) => dn.ranges.length > 0);
    }
    added = [];
    for (const model of sheets) {
      const ws = wb.addWorksheet(model.name);
      renderSheetModel(ws, model);
      await protectIfAsked(ws, model);
      added.push(ws);
    }
    keepActiveTab(wb, activeSheet, added);
  } catch (err) {
    return { ok: false, error: { code: "write-failed", path: outPath, detail: message(err) } };
  }

  try {
    const data = new Uint8Array(await wb.xlsx.writeBuffer());
    // The last guard: a copy that lost or changed one of the user's sheets is never written.
    const lost = sheetNotKept(probe.workbook.zip.bytes, data, {
      replaced: removed.map((ws) => ws.name),
      edits: opts.edits ?? [],
    });
    if (lost !== undefined)
      return {
        ok: false,
        error: { code: "sheet-not-copied", path: outPath, sheet: lost.sheet, detail: lost.detail },
      };
    await writeAtomically(outPath, data);
  } catch (err) {
    return { ok: false, error: { code: "write-failed", path: outPath, detail: message(err) } };
  }
  return notCopied.length > 0 ? { ok: true, path: outPath, notCopied } : { ok: true, path: outPath };
}

function toExcelValue(v: CellValue): ExcelValue | undefined {
  if (v === null || v === "") return undefined;
  if (typeof v === "number") return numberValue(v);
  if (typeof v === "string" && ERROR_VALUES.has(v)) return { error: v as ExcelJS.CellErrorValue["error"] };
  return v;
}

/**
 * Writes raw grids to a new .xlsx (values only; strings that are classic Excel error values
 * such as "#N/A" become real error cells; merges as "A1:C1"; optional sheet state). Used by
 * the sample generator and by tests to make real files. Streams rows, so large grids are cheap.
 * Values under a merged range other than its top-left are dropped, as Excel does.
 */
export async function writeGridsXlsx(path: string, sheets: readonly GridSheet[]): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: false,
  });
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, { state: sheet.state ?? "visible" });
    const covered = new Set<string>();
    // The streaming writer can only merge rows not yet committed, so merges come first.
    for (const ref of sheet.merges ?? []) {
      const [tl, br] = ref.split(":");
      const p = parseA1(tl ?? "");
      const q = parseA1(br ?? tl ?? "");
      if (p === null || q === null) throw new Error(`sheet "${sheet.name}": bad merge range "${ref}"`);
      ws.mergeCells(ref);
      for (let r = p.row; r <= q.row; r++) {
        for (let c = p.col; c <= q.col; c++) if (r !== p.row || c !== p.col) covered.add(`${r}:${c}`);
      }
    }
    sheet.rows.forEach((values, r) => {
      const row = ws.getRow(r + 1);
      values.forEach((v, c) => {
        const x = toExcelValue(v);
        if (x !== undefined && !covered.has(`${r}:${c}`)) row.getCell(c + 1).value = x;
      });
      row.commit();
    });
    ws.commit();
  }
  await wb.commit();
}

/** Protects a sheet's structure when the model asks (a form: only the score cells stay open). */
async function protectIfAsked(ws: ExcelJS.Worksheet, model: SheetModel): Promise<void> {
  if (!model.protect) return;
  // No password: the protection guards the form's structure against slips, not against its owner.
  await ws.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
}

/**
 * Writes a new workbook made of EMU's sheet models (the forms sent to members). Refuses to
 * overwrite an existing file unless `force`.
 */
export async function writeModelsXlsx(
  path: string,
  models: readonly SheetModel[],
  opts: { force?: boolean } = {},
): Promise<WriteOutcome> {
  const out = resolve(path);
  if (!opts.force && existsSync(out)) return { ok: false, error: { code: "exists", path } };
  try {
    await mkdir(dirname(out), { recursive: true });
    const wb = new ExcelJS.Workbook();
    wb.creator = "EMU";
    for (const model of models) {
      const ws = wb.addWorksheet(model.name);
      renderSheetModel(ws, model);
      await protectIfAsked(ws, model);
    }
    await wb.xlsx.writeFile(out);
    return { ok: true, path };
  } catch (e) {
    return { ok: false, error: { code: "write-failed", path, detail: String(e) } };
  }
}

/**
 * Writes a finished file (the notice as .docx) atomically. Refuses to overwrite an existing
 * file unless `force`, and never writes over the input workbook (`same-file`).
 */
export async function writeFileBytes(
  path: string,
  data: Uint8Array,
  opts: { force?: boolean; input?: string } = {},
): Promise<WriteOutcome> {
  if (opts.input !== undefined && (await isSameFile(opts.input, path)))
    return { ok: false, error: { code: "same-file", path } };
  if (!opts.force && (await pathExists(path))) return { ok: false, error: { code: "exists", path } };
  try {
    await writeAtomically(path, data);
    return { ok: true, path };
  } catch (e) {
    return { ok: false, error: { code: "write-failed", path, detail: message(e) } };
  }
}
