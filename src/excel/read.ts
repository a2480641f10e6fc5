/* global Excel */
import {
  MEMBERS_SHEET_NAME,
  MARKS_SHEET_NAME,
  NOTICE_FIELDS_SHEET_NAME,
  RULES_SHEET_NAME,
  indentColumn,
  tableCells,
  type CellFacts,
  type CellValue,
  type WorkbookSheet,
} from "../core";
import { toHostError } from "./host";

/**
 * Sheets EMU reads beside the score sheet: the rules, the notice fields, its own marks, and the
 * member list (*Thành viên cụm*: the notice's names and signer, the `unknown-member` warnings —
 * as the CLI, which reads every sheet, does).
 */
export const AUX_SHEETS = [
  RULES_SHEET_NAME,
  NOTICE_FIELDS_SHEET_NAME,
  MARKS_SHEET_NAME,
  MEMBERS_SHEET_NAME,
] as const;

/** Excel on the web refuses requests and responses over 5 MB, and reads over 5,000,000 cells. */
export const LIMITS = { payloadBytes: 5 * 1024 * 1024, readCells: 5_000_000 };

export interface WorkbookRead {
  /** The sheet that was read as the score sheet. */
  readonly target: string;
  /** Every sheet's name and visibility, in tab order. */
  readonly names: readonly { readonly name: string; readonly visible: boolean }[];
  /** The score sheet first, then the auxiliary sheets that exist. */
  readonly sheets: readonly WorkbookSheet[];
}

interface Loaded {
  values: CellValue[][];
  rowIndex: number;
  columnIndex: number;
}

function toSheet(name: string, used: Loaded | null, visible = true): WorkbookSheet {
  if (!used) return { name, grid: [], origin: { sheet: name, row: 0, col: 0 }, visible };
  return {
    name,
    grid: used.values,
    origin: { sheet: name, row: used.rowIndex, col: used.columnIndex },
    visible,
  };
}

function usedOf(r: Excel.Range): Loaded | null {
  if (r.isNullObject) return null;
  return { values: r.values as CellValue[][], rowIndex: r.rowIndex, columnIndex: r.columnIndex };
}

/**
 * Reads what a use case needs in one round trip when it fits: the sheet list, the score sheet's
 * used range (values only) and the auxiliary sheets. A score sheet longer than the first window
 * is completed in chunks; if the host refuses the first request (too large, or the chained reads
 * on sheets that do not exist), it falls back to reading sizes first and values in chunks. When
 * the score sheet is a criteria list with unnumbered rows, one more round trip reads its Excel
 * indent levels (see `readIndents`).
 */
export async function readWorkbook(context: Excel.RequestContext, sheet?: string): Promise<WorkbookRead> {
  let read: WorkbookRead;
  try {
    read = await readAtOnce(context, sheet);
  } catch (e) {
    const he = toHostError(e);
    if (he.kind === "cell-edit" || he.kind === "not-found") throw he;
    // Too large for one response (or the host refused the chained null-object reads): go slowly.
    read = await readInChunks(context, sheet);
  }
  // Only the score sheet can be a criteria list; the auxiliary sheets never need indents.
  const [target, ...aux] = read.sheets;
  if (!target) return read;
  const wss = context.workbook.worksheets;
  const [withIndents] = await readIndents(context, [target], (name) => wss.getItem(name));
  const withFacts = await readFacts(context, withIndents ?? target, (name) => wss.getItem(name));
  return { ...read, sheets: [withFacts, ...aux] };
}

/** Past this many units, the facts' extra round trip is skipped (a cluster has 5–15 members). */
export const FACTS_MAX_ROWS = 2_000;

/**
 * Adds to the score sheet what its values alone do not say and the engine needs, in ONE more round
 * trip, only when the values raise the question and only for those cells (core's `tableCells`):
 * the number formats of score columns holding fractions (0.9177 shown 91,77% is 91.77 points),
 * and for a total row that does not add up, its formulas (a SUBTOTAL or AGGREGATE total sums only
 * the visible rows) and which unit rows are hidden. A table without either costs no round trip.
 * Formulas without a value do not exist here: Excel always calculates. A host refusing the reads
 * leaves the sheet as it was (the engine then reads the values as they are).
 */
export async function readFacts(
  context: Excel.RequestContext,
  sheet: WorkbookSheet,
  worksheet: (name: string) => Excel.Worksheet,
): Promise<WorkbookSheet> {
  if (!sheet.origin || sheet.grid.length === 0) return sheet;
  const at = tableCells(sheet.grid, sheet.origin);
  if (!at || at.r2 - at.r1 + 1 > FACTS_MAX_ROWS) return sheet;
  const ws = worksheet(sheet.name);
  const n = at.r2 - at.r1 + 1;
  const formats = at.formatCols.map((c) => {
    const r = ws.getRangeByIndexes(at.r1, c, n, 1);
    r.load("numberFormat");
    return { c, r };
  });
  const total = at.totalRow === null ? null : ws.getRangeByIndexes(at.totalRow, 0, 1, at.lastCol + 1);
  total?.load("formulas");
  // Hidden rows matter only to a total row (its SUBTOTAL is read in the same trip).
  const rows = Array.from({ length: total ? n : 0 }, (_, k) => {
    const r = ws.getRangeByIndexes(at.r1 + k, 0, 1, 1);
    r.load("rowHidden");
    return r;
  });
  try {
    await context.sync();
  } catch (e) {
    const he = toHostError(e);
    if (he.kind === "cell-edit" || he.kind === "not-found" || he.kind === "busy") throw he;
    return sheet;
  }
  const percent = new Map<number, Set<number>>();
  for (const f of formats)
    (f.r.numberFormat ?? []).forEach((row, k) => {
      const fmt = String(row[0] ?? "");
      if (/%/.test(fmt.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, ""))) {
        const set = percent.get(at.r1 + k) ?? new Set<number>();
        set.add(f.c);
        percent.set(at.r1 + k, set);
      }
    });
  const subtotal = new Map<number, Set<number>>();
  if (total && at.totalRow !== null)
    (total.formulas?.[0] ?? []).forEach((f, c) => {
      if (typeof f === "string" && /^=\s*(_xlfn\.)?(SUBTOTAL|AGGREGATE)\s*\(/i.test(f))
        subtotal.set(at.totalRow as number, new Set([...(subtotal.get(at.totalRow as number) ?? []), c]));
    });
  const hiddenRows = new Set<number>();
  rows.forEach((r, k) => {
    if (r.rowHidden === true) hiddenRows.add(at.r1 + k);
  });
  const facts: CellFacts = {
    ...(percent.size > 0 ? { percent } : {}),
    ...(subtotal.size > 0 ? { subtotal } : {}),
    ...(hiddenRows.size > 0 ? { hiddenRows } : {}),
  };
  return Object.keys(facts).length > 0 ? { ...sheet, facts } : sheet;
}

/** The indent levels are in ExcelApi 1.9 (`Range.getCellProperties`). */
const INDENT_API = { set: "ExcelApi", version: "1.9" } as const;

interface Requirements {
  isSetSupported(name: string, version?: string): boolean;
}

/**
 * False when the host says it lacks ExcelApi 1.9, or office.js has no `getCellProperties` at all;
 * true when it cannot tell (the call is then guarded instead).
 */
function cellPropertiesSupported(): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: Partial<Requirements> } } }).Office;
  const requirements = office?.context?.requirements;
  if (requirements && typeof requirements.isSetSupported === "function") {
    try {
      if (!requirements.isSetSupported(INDENT_API.set, INDENT_API.version)) return false;
    } catch {
      // An Office without a working requirements check: try the call itself.
    }
  }
  const range = (Excel as unknown as { Range?: { prototype?: Record<string, unknown> } }).Range;
  return !range?.prototype || typeof range.prototype.getCellProperties === "function";
}

/**
 * Adds Excel's indent levels to the sheets that need them: a criteria list whose rows are not all
 * numbered takes its tree from the indentation, and Excel's Increase Indent is not in the values.
 * Core's `indentColumn` says which column and rows; their `format.indentLevel` is read with
 * `getCellProperties`, for every such sheet in ONE round trip, and none when no sheet needs it.
 * An Excel without ExcelApi 1.9 (older desktop builds) refuses the call: the sheets stay without
 * indents (indentation typed as spaces still counts). Cell-edit mode, a vanished sheet and a busy
 * host are not refusals of the API and propagate like any other read's.
 */
export async function readIndents(
  context: Excel.RequestContext,
  sheets: readonly WorkbookSheet[],
  worksheet: (name: string) => Excel.Worksheet,
): Promise<WorkbookSheet[]> {
  const out = sheets.slice();
  const wanted = sheets.flatMap((s, i) => {
    if (!s.origin || s.grid.length === 0) return [];
    const at = indentColumn(s.grid, s.origin);
    return at ? [{ i, at, origin: s.origin }] : [];
  });
  if (wanted.length === 0 || !cellPropertiesSupported()) return out;
  const asks: {
    i: number;
    r1: number;
    col: number;
    result: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  }[] = [];
  for (const { i, at, origin } of wanted) {
    const s = sheets[i] as WorkbookSheet;
    const range = worksheet(s.name).getRangeByIndexes(
      origin.row + at.r1,
      origin.col + at.col,
      at.r2 - at.r1 + 1,
      1,
    );
    try {
      asks.push({
        i,
        r1: at.r1,
        col: at.col,
        result: range.getCellProperties({ format: { indentLevel: true } }),
      });
    } catch {
      // office.js refuses it on the spot (ApiNotFound) or has no such method: an older Excel.
      return out;
    }
  }
  try {
    await context.sync();
  } catch (e) {
    const he = toHostError(e);
    if (he.kind === "cell-edit" || he.kind === "not-found" || he.kind === "busy") throw he;
    return out; // the host refused getCellProperties (ApiNotFound, InvalidOperation, NotImplemented, …)
  }
  for (const a of asks) {
    const indents = new Map<number, ReadonlyMap<number, number>>();
    const cells = (a.result.value as Excel.CellProperties[][] | null | undefined) ?? [];
    cells.forEach((row, k) => {
      const level = row[0]?.format?.indentLevel;
      if (typeof level === "number" && level > 0) indents.set(a.r1 + k, new Map([[a.col, level]]));
    });
    if (indents.size > 0) out[a.i] = { ...(sheets[a.i] as WorkbookSheet), indents };
  }
  return out;
}

/**
 * Queues what both ways of reading start with: the sheet list, the score sheet (the active one
 * or `sheet`) and the size and place of its used range.
 */
function queueTarget(
  context: Excel.RequestContext,
  sheet?: string,
): { wss: Excel.WorksheetCollection; target: Excel.Worksheet; used: Excel.Range } {
  const wss = context.workbook.worksheets;
  wss.load("items/name,items/visibility");
  const target = sheet === undefined ? wss.getActiveWorksheet() : wss.getItem(sheet);
  target.load("name");
  const used = target.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  return { wss, target, used };
}

/**
 * The first read takes the used range clipped to this window: a cluster's summary table (5–15
 * units, a few hundred rows at most) fits whole, in one round trip, and a response can never
 * balloon past the 5 MB limit with a huge sheet; rows beyond it are read in chunks afterwards.
 */
export const FIRST_WINDOW = { rows: 20_000, cols: 50, address: "A1:AX20000" };

async function readAtOnce(context: Excel.RequestContext, sheet?: string): Promise<WorkbookRead> {
  const { wss, target, used } = queueTarget(context, sheet);
  const head = used.getIntersectionOrNullObject(FIRST_WINDOW.address);
  head.load("values,rowIndex,columnIndex,rowCount,columnCount");
  const aux = AUX_SHEETS.map((name) => {
    const u = wss.getItemOrNullObject(name).getUsedRangeOrNullObject(true);
    u.load("values,rowIndex,columnIndex");
    return { name, u };
  });
  await context.sync();
  const names = wss.items.map((w) => ({ name: w.name, visible: w.visibility === "Visible" }));
  let main: Loaded | null = null;
  if (!used.isNullObject) {
    if (head.isNullObject || used.columnIndex + used.columnCount > FIRST_WINDOW.cols) {
      // Starts or reaches beyond the window's columns: read it all, in chunks.
      main = {
        values: await readRows(
          context,
          target,
          used.rowIndex,
          used.columnIndex,
          used.rowCount,
          used.columnCount,
        ),
        rowIndex: used.rowIndex,
        columnIndex: used.columnIndex,
      };
    } else {
      const values = head.values as CellValue[][];
      const below = used.rowIndex + used.rowCount - (head.rowIndex + head.rowCount);
      if (below > 0) {
        const rest = await readRows(
          context,
          target,
          head.rowIndex + head.rowCount,
          used.columnIndex,
          below,
          used.columnCount,
        );
        for (const row of rest) values.push(row);
      }
      main = { values, rowIndex: used.rowIndex, columnIndex: used.columnIndex };
    }
  }
  const sheets: WorkbookSheet[] = [toSheet(target.name, main)];
  for (const a of aux) {
    const u = usedOf(a.u);
    if (u && a.name !== target.name) sheets.push(toSheet(a.name, u, false));
  }
  return { target: target.name, names, sheets };
}

async function readInChunks(context: Excel.RequestContext, sheet?: string): Promise<WorkbookRead> {
  const { wss, target, used } = queueTarget(context, sheet);
  await context.sync();
  const names = wss.items.map((w) => ({ name: w.name, visible: w.visibility === "Visible" }));
  const present = new Set(names.map((n) => n.name));
  const aux = AUX_SHEETS.filter((n) => present.has(n) && n !== target.name).map((name) => {
    const u = wss.getItem(name).getUsedRangeOrNullObject(true);
    u.load("values,rowIndex,columnIndex");
    return { name, u };
  });
  let grid: CellValue[][] = [];
  if (!used.isNullObject) {
    grid = await readRows(context, target, used.rowIndex, used.columnIndex, used.rowCount, used.columnCount);
  } else {
    await context.sync();
  }
  const sheets: WorkbookSheet[] = [
    {
      name: target.name,
      grid,
      origin: {
        sheet: target.name,
        row: used.isNullObject ? 0 : used.rowIndex,
        col: used.isNullObject ? 0 : used.columnIndex,
      },
    },
  ];
  for (const a of aux) {
    const u = usedOf(a.u);
    if (u) sheets.push(toSheet(a.name, u, false));
  }
  return { target: target.name, names, sheets };
}

/**
 * Reads a block of rows in chunks that stay under the cell and payload limits. The first chunk
 * shares a round trip with whatever the caller queued before; a chunk the host refuses as too
 * large is split in two and read again.
 */
export async function readRows(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  row0: number,
  col0: number,
  rows: number,
  cols: number,
): Promise<CellValue[][]> {
  const out: CellValue[][] = [];
  // ~40 bytes a cell of JSON is generous for score tables; halved on refusal.
  let chunkRows = Math.max(
    1,
    Math.min(
      Math.floor(LIMITS.readCells / Math.max(cols, 1)),
      Math.floor(LIMITS.payloadBytes / 40 / Math.max(cols, 1)),
    ),
  );
  let r = 0;
  while (r < rows) {
    const n = Math.min(chunkRows, rows - r);
    const range = ws.getRangeByIndexes(row0 + r, col0, n, cols);
    range.load("values");
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- chunks must each stay under the 5 MB / 5M-cell limits
      await context.sync();
    } catch (e) {
      const he = toHostError(e);
      if (he.kind !== "payload" || n === 1) throw he;
      chunkRows = Math.max(1, Math.floor(n / 2));
      continue;
    }
    const values = range.values as CellValue[][] | null;
    if (values === null) {
      if (n === 1)
        throw Object.assign(new Error("row too large"), { code: "ResponsePayloadSizeLimitExceeded" });
      chunkRows = Math.max(1, Math.floor(n / 2));
      continue;
    }
    for (const row of values) out.push(row);
    r += n;
  }
  return out;
}

/**
 * Reads every sheet's used range: for detailed scoring sheets kept one unit a sheet, the ranking
 * needs them all. Two round trips (the names, then the values); such sheets are small. A third
 * reads the Excel indent levels of the criteria lists that need them, only when one does.
 */
export async function readAllSheets(context: Excel.RequestContext): Promise<WorkbookRead> {
  const wss = context.workbook.worksheets;
  wss.load("items/name,items/visibility");
  const active = wss.getActiveWorksheet();
  active.load("name");
  await context.sync();
  const used = wss.items.map((w) => {
    const u = w.getUsedRangeOrNullObject(true);
    u.load("values,rowIndex,columnIndex");
    return { name: w.name, visible: w.visibility === "Visible", u };
  });
  await context.sync();
  const sheets = used.map((x) => toSheet(x.name, usedOf(x.u), x.visible));
  const items = new Map(wss.items.map((w) => [w.name, w]));
  return {
    target: active.name,
    names: used.map((x) => ({ name: x.name, visible: x.visible })),
    sheets: await readIndents(context, sheets, (name) => items.get(name) ?? wss.getItem(name)),
  };
}
