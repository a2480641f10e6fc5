import { cellAddress } from "./address";
import type { Issue } from "./issues";
import type { Marks } from "./marks";
import type { RankedUnit } from "./rank";
import type { CellRef, CellValue } from "./types";

export interface CellWrite {
  readonly cell: CellRef;
  readonly value: string | number;
}

function blank(v: CellValue): boolean {
  return v === null || v === "" || (typeof v === "string" && v.trim() === "");
}

/**
 * Which cells of the user's own table EMU may fill (its Xếp loại and Hạng columns): only those
 * that are empty, or that still hold exactly what EMU wrote there last time. Anything else was
 * typed by a person; it is left alone and reported, with the value EMU would have written.
 * @example fillBack(ranking, NO_MARKS).writes.length //=> 7 (seed 000: Xếp loại is empty)
 */
export function fillBack(
  ranking: readonly RankedUnit[],
  marks: Marks,
): { writes: CellWrite[]; issues: Issue[]; marks: Marks } {
  const writes: CellWrite[] = [];
  const issues: Issue[] = [];
  const cells = new Map(marks.cells);
  const consider = (cell: CellRef | undefined, current: CellValue, value: string | number): void => {
    if (!cell) return;
    const addr = cellAddress(cell);
    const ours = cells.get(addr);
    if (blank(current) || (ours !== undefined && ours === current)) {
      writes.push({ cell, value });
      cells.set(addr, value);
    } else if (current !== value) {
      issues.push({
        code: "kept-user-value",
        severity: "warning",
        cell,
        value: String(current),
        proposed: String(value),
      });
    }
  };
  for (const r of ranking) {
    consider(r.unit.cells.classification, r.unit.existing.classification, r.classification);
    consider(r.unit.cells.rank, r.unit.existing.rank, r.rank);
  }
  return { writes, issues, marks: { ...marks, cells } };
}
