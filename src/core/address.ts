import type { CellRef } from "./types";

/**
 * Turns a 0-based column index into Excel's column letters.
 * @example columnLetters(0) //=> "A"
 * @example columnLetters(27) //=> "AB"
 */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Parses column letters back into a 0-based index; returns -1 when the text is not letters.
 * @example columnIndex("D") //=> 3
 */
export function columnIndex(letters: string): number {
  const s = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) return -1;
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Quotes a sheet name the way Excel does in a reference when it needs it.
 * @example quoteSheet("Bảng điểm") //=> "'Bảng điểm'"
 * @example quoteSheet("Sheet1") //=> "Sheet1"
 */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * A1-style address of a single cell, without the sheet.
 * @example a1(8, 3) //=> "D9"
 */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/**
 * Full address of a cell, as Excel shows it in a formula.
 * @example cellAddress({ sheet: "Bảng điểm", row: 8, col: 3 }) //=> "'Bảng điểm'!D9"
 */
export function cellAddress(ref: CellRef): string {
  return `${quoteSheet(ref.sheet)}!${a1(ref.row, ref.col)}`;
}

/**
 * A1-style address of a rectangle (0-based, inclusive), without the sheet.
 * @example rangeA1(0, 0, 9, 4) //=> "A1:E10"
 */
export function rangeA1(r1: number, c1: number, r2: number, c2: number): string {
  const tl = a1(r1, c1);
  const br = a1(r2, c2);
  return tl === br ? tl : `${tl}:${br}`;
}

/**
 * Parses "D9" (or "$D$9") into 0-based row and column; null when it is not a cell address.
 * @example parseA1("D9") //=> { row: 8, col: 3 }
 */
export function parseA1(text: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
  if (!m) return null;
  const col = columnIndex(m[1] ?? "");
  const row = Number(m[2]) - 1;
  if (col < 0 || row < 0) return null;
  return { row, col };
}

/**
 * Parses a range "A1:F20" (or one cell) into its 0-based corners; null when it is not one.
 * @example parseRangeA1("A5:F20") //=> { r1: 4, c1: 0, r2: 19, c2: 5 }
 */
export function parseRangeA1(text: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const [a, b, extra] = text.trim().split(":");
  if (a === undefined || extra !== undefined) return null;
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  if (!p || !q) return null;
  return {
    r1: Math.min(p.row, q.row),
    c1: Math.min(p.col, q.col),
    r2: Math.max(p.row, q.row),
    c2: Math.max(p.col, q.col),
  };
}
