import { foldKey } from "./text";
import type { CellValue, Grid } from "./types";

/**
 * What EMU remembers about what it wrote, so that re-running never touches a user's work: the
 * sheets it created (replaced on the next run) and the cells it filled in the user's own table
 * (refilled only while they still hold EMU's value). Kept in a very hidden sheet, which both
 * Excel and .xlsx files carry; a renamed sheet simply stops being EMU's, which is the safe side.
 */
export const MARKS_SHEET_NAME = "_EMU";

export type EmuSheetKind = "results" | "notice";

export interface Marks {
  /** Sheet name → what EMU made it for. */
  readonly sheets: ReadonlyMap<string, EmuSheetKind>;
  /** "'Sheet'!D9" → the value EMU wrote there. */
  readonly cells: ReadonlyMap<string, string | number>;
}

export const NO_MARKS: Marks = { sheets: new Map(), cells: new Map() };

/**
 * Reads the marks sheet; anything it does not understand is ignored.
 * @example parseMarks([["sheet", "Thông báo", "notice"]]).sheets.get("Thông báo") //=> "notice"
 */
export function parseMarks(grid: Grid): Marks {
  const sheets = new Map<string, EmuSheetKind>();
  const cells = new Map<string, string | number>();
  for (const row of grid) {
    const [kind, key, value] = row;
    if (kind === "sheet" && typeof key === "string" && (value === "results" || value === "notice"))
      sheets.set(key, value);
    if (
      kind === "cell" &&
      typeof key === "string" &&
      (typeof value === "string" || typeof value === "number")
    )
      cells.set(key, value);
  }
  return { sheets, cells };
}

/** The marks sheet's rows. */
export function marksGrid(marks: Marks): CellValue[][] {
  const rows: CellValue[][] = [["EMU", "marks", 1]];
  for (const [name, kind] of marks.sheets) rows.push(["sheet", name, kind]);
  for (const [addr, value] of marks.cells) rows.push(["cell", addr, value]);
  return rows;
}

/**
 * Decides where a sheet of some kind goes: over the sheet EMU made for that kind last time, or,
 * when the name is taken by a user's sheet, the first free "Name (2)", "Name (3)" …
 * @example placeSheet("Thông báo", "notice", ["Thông báo"], NO_MARKS) //=> { name: "Thông báo (2)", replace: false }
 */
export function placeSheet(
  base: string,
  kind: EmuSheetKind,
  existing: readonly string[],
  marks: Marks,
): { name: string; replace: boolean } {
  const taken = new Set(existing.map((n) => foldKey(n)));
  for (const [name, k] of marks.sheets) {
    if (k === kind && existing.includes(name) && (name === base || name.startsWith(`${base} (`)))
      return { name, replace: true };
  }
  if (!taken.has(foldKey(base))) return { name: base, replace: false };
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!taken.has(foldKey(name))) return { name, replace: false };
  }
}
