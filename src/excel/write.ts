/* global Excel */
import {
  MARKS_SHEET_NAME,
  marksGrid,
  sheetExtent,
  type CellValue,
  type CellWrite,
  type Marks,
  type SheetModel,
} from "../core";
import { setCellValues } from "./cell-values";
import { toHostError } from "./host";
import { LIMITS } from "./read";
import { denseRows, planBands, queueBand, queueLayout, rowLayoutOps } from "./render";

/** What one write operation puts into the workbook. */
export interface WriteJob {
  /** New sheets, each replacing the EMU sheet of the same name when `replace` lists it. */
  readonly sheets: readonly SheetModel[];
  /** EMU sheets to remove (the caller made sure EMU created them). */
  readonly replace: readonly string[];
  /** Cells of the user's own table EMU may fill (empty, or still holding EMU's value). */
  readonly fill: readonly CellWrite[];
  /** EMU's bookkeeping after the write; absent when the write changes nothing EMU tracks. */
  readonly marks?: Marks;
  /** Whether the marks sheet exists already. */
  readonly marksExists: boolean;
  /** The sheet to show when done. */
  readonly activate?: string;
}

/** Temporary names no person would give a sheet; leftovers of a failed run are EMU's alone. */
const TEMP_PREFIX = "~emu-tmp-";

/** Room left in each request for the formatting commands beside the values (measured: a few %). */
const VALUES_BUDGET = Math.floor(LIMITS.payloadBytes * 0.75);

/**
 * Writes new sheets so the workbook is never left half-written: each sheet is built under a very
 * hidden temporary name (in as many requests as its size needs, each under the 5 MB limit), and
 * only the last request swaps it into place, fills the user's table and saves the marks. When the
 * data fits, the whole write is that one request. If any request fails, the temporary sheets are
 * removed and the user's sheets are as they were.
 */
export async function writeJob(context: Excel.RequestContext, job: WriteJob): Promise<void> {
  const temps: string[] = [];
  let plans: (Plan & {
    cols: number;
    dense: ReturnType<typeof denseRows>;
    bands: ReturnType<typeof planBands>;
  })[] = [];
  let swapping = false;
  try {
    plans = job.sheets.map((model, k) => {
      const { rows, cols } = sheetExtent(model);
      const dense = denseRows(model, rows, cols);
      return {
        model,
        rows,
        cols,
        dense,
        bands: planBands(dense, VALUES_BUDGET),
        temp: `${TEMP_PREFIX}${k + 1}`,
      };
    });
    context.workbook.application.suspendApiCalculationUntilNextSync();
    let budget = VALUES_BUDGET;
    const flush = async (): Promise<void> => {
      await context.sync();
      context.workbook.application.suspendApiCalculationUntilNextSync();
      budget = VALUES_BUDGET;
    };
    for (const p of plans) {
      const ws = context.workbook.worksheets.add(p.temp);
      ws.visibility = "VeryHidden" as Excel.SheetVisibility;
      temps.push(p.temp);
      for (const band of p.bands) {
        if (band.bytes > budget) await flush();
        queueBand(context.workbook.worksheets.getItem(p.temp), p.model, p.dense, band.r1, band.r2, p.cols);
        budget -= band.bytes;
      }
      // Row heights, merges and page breaks: with the values, spread over requests like them.
      const temp = context.workbook.worksheets.getItem(p.temp);
      for (const op of rowLayoutOps(p.model)) {
        if (op.bytes > budget) await flush();
        op.queue(temp);
        budget -= op.bytes;
      }
    }
    // The swap goes in the last request; if it would not fit beside the last band, it goes alone.
    const swapBytes =
      utf8(JSON.stringify(job.fill.map((w) => w.value))) +
      (job.marks ? utf8(JSON.stringify(marksGrid(job.marks))) : 0);
    if (swapBytes > budget) await flush();
    // The swap: small, and last, so a failure before it leaves only hidden temporary sheets.
    swapping = true;
    queueSwap(context, plans, job, null);
    await context.sync();
  } catch (e) {
    const he = toHostError(e);
    // Excel has no transaction: a command failing inside the swap leaves the ones before it
    // applied. Finish the swap from where it stopped (its steps are idempotent), so the
    // workbook ends complete; only if that fails too is the user told, with the temporaries gone.
    if (swapping && he.kind !== "cell-edit" && (await rollForward(context, plans, job))) return;
    await cleanup(context, temps);
    throw he;
  }
}

interface Plan {
  readonly model: SheetModel;
  readonly rows: number;
  readonly temp: string;
}

/**
 * The swap's steps: drop the EMU sheets being replaced, lay out and rename each temporary sheet
 * and show it, fill the user's table, save the marks, show the result. With `present` (the sheet
 * names after a failed swap) it skips what already happened.
 */
function queueSwap(
  context: Excel.RequestContext,
  plans: readonly Plan[],
  job: WriteJob,
  present: ReadonlySet<string> | null,
): void {
  const renamed = (p: Plan): boolean => present !== null && !present.has(p.temp);
  for (const name of job.replace) {
    // After a rename the name belongs to the new sheet: never delete that one.
    const takenByNew = plans.some((p) => p.model.name === name && renamed(p));
    if (!takenByNew && (present === null || present.has(name)))
      context.workbook.worksheets.getItem(name).delete();
  }
  for (const p of plans) {
    const ws = context.workbook.worksheets.getItem(renamed(p) ? p.model.name : p.temp);
    if (!renamed(p)) {
      queueLayout(ws, p.model, p.rows);
      ws.name = p.model.name;
    }
    ws.visibility = (p.model.state === "veryHidden" ? "VeryHidden" : "Visible") as Excel.SheetVisibility;
  }
  queueFill(context, job.fill);
  if (job.marks) queueMarks(context, job.marks, job.marksExists || (present?.has(MARKS_SHEET_NAME) ?? false));
  if (job.activate) context.workbook.worksheets.getItem(job.activate).activate();
  // Calculation was suspended for these writes, and "it is the developer's responsibility to
  // re-calc the workbook" (Application.suspendApiCalculationUntilNextSync): formulas reading the
  // filled-back Xếp loại / Hạng cells would stay stale. Queued last, in the same request.
  context.workbook.application.calculate("Recalculate" as Excel.CalculationType);
}

async function rollForward(
  context: Excel.RequestContext,
  plans: readonly Plan[],
  job: WriteJob,
): Promise<boolean> {
  try {
    const wss = context.workbook.worksheets;
    wss.load("items/name");
    await context.sync();
    const present = new Set(wss.items.map((w) => w.name));
    // Nothing of the swap took effect: clean up and report, the workbook is as it was.
    const partial = plans.some((p) => !present.has(p.temp)) || job.replace.some((n) => !present.has(n));
    if (!partial) return false;
    queueSwap(context, plans, job, present);
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

const encoder = new TextEncoder();
const utf8 = (s: string): number => encoder.encode(s).length;

async function cleanup(context: Excel.RequestContext, temps: readonly string[]): Promise<void> {
  if (temps.length === 0) return;
  try {
    for (const t of temps) context.workbook.worksheets.getItemOrNullObject(t).delete();
    await context.sync();
  } catch {
    // The sheets are very hidden and carry a name only EMU uses; the next run removes them.
  }
}

/** Removes temporary sheets a failed run may have left (they are EMU's by their name). */
export function queueLeftoverCleanup(context: Excel.RequestContext, names: readonly string[]): void {
  for (const n of names) if (n.startsWith(TEMP_PREFIX)) context.workbook.worksheets.getItem(n).delete();
}

/** Writes the filled cells as whole runs down each column: one command per run, not per cell. */
function queueFill(context: Excel.RequestContext, fill: readonly CellWrite[]): void {
  const sorted = [...fill].sort((a, b) =>
    a.cell.sheet < b.cell.sheet
      ? -1
      : a.cell.sheet > b.cell.sheet
        ? 1
        : a.cell.col - b.cell.col || a.cell.row - b.cell.row,
  );
  for (let k = 0; k < sorted.length;) {
    const first = sorted[k] as CellWrite;
    let end = k + 1;
    while (end < sorted.length) {
      const w = sorted[end] as CellWrite;
      const prev = sorted[end - 1] as CellWrite;
      if (
        w.cell.sheet !== first.cell.sheet ||
        w.cell.col !== first.cell.col ||
        w.cell.row !== prev.cell.row + 1
      )
        break;
      end++;
    }
    const ws = context.workbook.worksheets.getItem(first.cell.sheet);
    setCellValues(
      ws.getRangeByIndexes(first.cell.row, first.cell.col, end - k, 1),
      sorted.slice(k, end).map((w) => [w.value]),
      null,
    );
    k = end;
  }
}

export function queueMarks(context: Excel.RequestContext, marks: Marks, exists: boolean): void {
  const grid = marksGrid(marks);
  const ws = exists
    ? context.workbook.worksheets.getItem(MARKS_SHEET_NAME)
    : context.workbook.worksheets.add(MARKS_SHEET_NAME);
  if (exists) ws.getRange().clear("Contents" as Excel.ClearApplyTo);
  ws.visibility = "VeryHidden" as Excel.SheetVisibility;
  const width = grid.reduce((w, r) => Math.max(w, r.length), 3);
  const values: CellValue[][] = grid.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
  const range = ws.getRangeByIndexes(0, 0, values.length, width);
  setCellValues(range, values, "General");
}

/**
 * Replaces the contents of one of EMU's readable sheets (the rules, the notice fields) in place,
 * creating it when missing; its tab keeps its place and colour.
 */
export function queueGridSheet(
  context: Excel.RequestContext,
  name: string,
  rows: readonly (readonly CellValue[])[],
  exists: boolean,
): Excel.Worksheet {
  const ws = exists ? context.workbook.worksheets.getItem(name) : context.workbook.worksheets.add(name);
  if (exists) ws.getRange().clear("Contents" as Excel.ClearApplyTo);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 1);
  const values = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
  if (values.length === 0) return ws;
  const range = ws.getRangeByIndexes(0, 0, values.length, width);
  setCellValues(range, values, "General");
  if (!exists) {
    ws.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
    ws.getRangeByIndexes(0, 0, 1, 1).format.columnWidth = 220;
    ws.getRangeByIndexes(0, 1, 1, 1).format.columnWidth = 420;
  }
  return ws;
}
