import type { Marks } from "./marks";
import { fitCellText, type SheetModel } from "./sheet-model";
import type { CellValue, Grid, GridOrigin } from "./types";

/**
 * A sheet's fingerprint: what EMU wrote on a sheet, as a short hash of its non-empty cell values
 * and their places. EMU records it in the marks when it writes a results, notice or summary
 * sheet; before replacing that sheet on a later run, the sheet's current values are hashed the
 * same way, and a difference means a person edited it since (a note typed under the table, a
 * notice number filled in): the pane then asks before replacing it. Styles, widths and formulas
 * are left out: only what a person types counts.
 */

/** The canonical text of one value, as Excel gives it back (15 significant digits, NFC text). */
function canonical(v: CellValue): string | null {
  if (v === null || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? `n${Number(v.toPrecision(15))}` : null;
  if (typeof v === "boolean") return v ? "bTRUE" : "bFALSE";
  const s = v.normalize("NFC");
  return s.trim() === "" ? null : `s${s}`;
}

/** FNV-1a, 32 bits, over UTF-16 code units, twice with different seeds: 16 hex digits. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

function printOf(cells: Iterable<{ row: number; col: number; value: CellValue }>): string {
  const parts: string[] = [];
  for (const c of cells) {
    const v = canonical(c.value);
    if (v !== null) parts.push(`${c.row},${c.col}=${v}`);
  }
  parts.sort();
  return `${parts.length}:${hash(parts.join("\u0000"))}`;
}

/**
 * The fingerprint of a sheet EMU is about to write (text cut as the renderers cut it).
 * @example modelPrint({ cells: [{ row: 0, col: 0, value: "A" }] } as never) === gridPrint([["A"]]) //=> true
 */
export function modelPrint(model: Pick<SheetModel, "cells">): string {
  return printOf(
    model.cells.map((c) => ({
      row: c.row,
      col: c.col,
      value: typeof c.value === "string" ? fitCellText(c.value) : c.value,
    })),
  );
}

/**
 * The fingerprint of a sheet as read back (its used range, from `origin`).
 * @example gridPrint([["A", null]], { sheet: "S", row: 0, col: 0 }) === gridPrint([["A"]]) //=> true
 */
export function gridPrint(grid: Grid, origin?: Pick<GridOrigin, "row" | "col">): string {
  const r0 = origin?.row ?? 0;
  const c0 = origin?.col ?? 0;
  function* cells() {
    for (let r = 0; r < grid.length; r++) {
      const row = grid[r] ?? [];
      for (let c = 0; c < row.length; c++) yield { row: r + r0, col: c + c0, value: row[c] ?? null };
    }
  }
  return printOf(cells());
}

/**
 * Of the EMU sheets about to be replaced, those a person edited since EMU wrote them: the sheet's
 * current print differs from the one recorded. A sheet without a recorded print (written by an
 * older EMU) counts as not edited, as before.
 */
export function editedSheets(
  replace: readonly string[],
  marks: Marks,
  current: ReadonlyMap<string, { readonly grid: Grid; readonly origin?: Pick<GridOrigin, "row" | "col"> }>,
): string[] {
  return replace.filter((name) => {
    const recorded = marks.prints?.get(name);
    const now = current.get(name);
    return recorded !== undefined && now !== undefined && gridPrint(now.grid, now.origin) !== recorded;
  });
}
