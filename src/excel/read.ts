/* global Excel */
import {
  MARKS_SHEET_NAME,
  NOTICE_FIELDS_SHEET_NAME,
  RULES_SHEET_NAME,
  type CellValue,
  type WorkbookSheet,
} from "../core";
import { toHostError } from "./host";

/** Sheets EMU reads beside the score sheet: the rules, the notice fields, and its own marks. */
export const AUX_SHEETS = [RULES_SHEET_NAME, NOTICE_FIELDS_SHEET_NAME, MARKS_SHEET_NAME] as const;

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
 * on sheets that do not exist), it falls back to reading sizes first and values in chunks.
 */
export async function readWorkbook(context: Excel.RequestContext, sheet?: string): Promise<WorkbookRead> {
  try {
    return await readAtOnce(context, sheet);
  } catch (e) {
    const he = toHostError(e);
    if (he.kind === "cell-edit" || he.kind === "not-found") throw he;
    // Too large for one response (or the host refused the chained null-object reads): go slowly.
    return readInChunks(context, sheet);
  }
}

function targetOf(context: Excel.RequestContext, sheet?: string): Excel.Worksheet {
  const wss = context.workbook.worksheets;
  return sheet === undefined ? wss.getActiveWorksheet() : wss.getItem(sheet);
}

/**
 * The first read takes the used range clipped to this window: a cluster's summary table (5–15
 * units, a few hundred rows at most) fits whole, in one round trip, and a response can never
 * balloon past the 5 MB limit with a huge sheet; rows beyond it are read in chunks afterwards.
 */
export const FIRST_WINDOW = { rows: 20_000, cols: 50, address: "A1:AX20000" };

async function readAtOnce(context: Excel.RequestContext, sheet?: string): Promise<WorkbookRead> {
  const wss = context.workbook.worksheets;
  wss.load("items/name,items/visibility");
  const target = targetOf(context, sheet);
  target.load("name");
  const used = target.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
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
  const wss = context.workbook.worksheets;
  wss.load("items/name,items/visibility");
  const target = targetOf(context, sheet);
  target.load("name");
  const used = target.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
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
 * needs them all. Two round trips (the names, then the values); such sheets are small.
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
  return {
    target: active.name,
    names: used.map((x) => ({ name: x.name, visible: x.visible })),
    sheets: used.map((x) => toSheet(x.name, usedOf(x.u), x.visible)),
  };
}
