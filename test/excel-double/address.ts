/** A1 addresses: parsing, formatting and sheet-name quoting, as Excel writes them. */

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function rect(r0: number, c0: number, r1: number, c1: number): Rect {
  return { r0, c0, r1, c1 };
}

export function rectRows(r: Rect): number {
  return r.r1 - r.r0 + 1;
}

export function rectCols(r: Rect): number {
  return r.c1 - r.c0 + 1;
}

export function rectCells(r: Rect): number {
  return rectRows(r) * rectCols(r);
}

export function isEntireColumns(r: Rect): boolean {
  return r.r0 === 0 && r.r1 === MAX_ROWS - 1;
}

export function isEntireRows(r: Rect): boolean {
  return r.c0 === 0 && r.c1 === MAX_COLS - 1;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.r0 <= inner.r0 && outer.c0 <= inner.c0 && outer.r1 >= inner.r1 && outer.c1 >= inner.c1;
}

export function intersection(a: Rect, b: Rect): Rect | null {
  if (!intersects(a, b)) return null;
  return rect(Math.max(a.r0, b.r0), Math.max(a.c0, b.c0), Math.min(a.r1, b.r1), Math.min(a.c1, b.c1));
}

export function boundingRect(a: Rect, b: Rect): Rect {
  return rect(Math.min(a.r0, b.r0), Math.min(a.c0, b.c0), Math.max(a.r1, b.r1), Math.max(a.c1, b.c1));
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.r0 === b.r0 && a.c0 === b.c0 && a.r1 === b.r1 && a.c1 === b.c1;
}

/** 0 → "A", 27 → "AB". */
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

/** "A" → 0; -1 when not column letters within XFD. */
export function columnIndex(letters: string): number {
  const s = letters.toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) return -1;
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 < MAX_COLS ? n - 1 : -1;
}

/** "A1" for (0,0). */
export function cellName(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetters(col)}$${row + 1}` : `${columnLetters(col)}${row + 1}`;
}

/** A1 text of a rectangle without a sheet: "A1", "A1:C3", "A:C", "1:3". */
export function rectAddress(r: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (isEntireColumns(r) && !isEntireRows(r)) {
    return `${d}${columnLetters(r.c0)}:${d}${columnLetters(r.c1)}`;
  }
  if (isEntireRows(r)) {
    return `${d}${r.r0 + 1}:${d}${r.r1 + 1}`;
  }
  const first = cellName(r.r0, r.c0, absolute);
  if (r.r0 === r.r1 && r.c0 === r.c1) return first;
  return `${first}:${cellName(r.r1, r.c1, absolute)}`;
}

/**
 * Whether Excel must quote a sheet name in a reference. Excel quotes a name that holds anything but
 * letters (any script), digits, "_" and "."; that starts with a digit; or that could be read as a
 * cell reference (A1 or R1C1 style). Decision, see README: letters of any script (Vietnamese "Bảng")
 * count as letters, so "Bảng" is not quoted while "Bảng điểm" (space) is.
 */
export function sheetNeedsQuotes(name: string): boolean {
  if (name.length === 0) return true;
  if (!/^[\p{L}\p{M}\p{N}_.]+$/u.test(name)) return true;
  if (/^\p{N}/u.test(name)) return true;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) && columnIndex(name.replace(/\d+$/, "")) >= 0) return true;
  if (/^(R|C|RC|R\d+|C\d+|R\d+C\d+)$/i.test(name)) return true;
  return false;
}

export function quoteSheetName(name: string): string {
  return sheetNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

export function fullAddress(sheet: string, r: Rect, absolute = false): string {
  return `${quoteSheetName(sheet)}!${rectAddress(r, absolute)}`;
}

export interface ParsedAddress {
  sheet: string | null;
  rect: Rect;
}

function parseCell(text: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (col < 0 || row < 0 || row >= MAX_ROWS) return null;
  return { row, col };
}

function parseColumn(text: string): number {
  const m = /^\$?([A-Za-z]{1,3})$/.exec(text);
  return m && m[1] !== undefined ? columnIndex(m[1]) : -1;
}

function parseRow(text: string): number {
  const m = /^\$?(\d{1,7})$/.exec(text);
  if (!m || m[1] === undefined) return -1;
  const row = Number(m[1]) - 1;
  return row >= 0 && row < MAX_ROWS ? row : -1;
}

/** Splits "'My sheet'!A1:B2" into sheet and local part; returns null sheet when unqualified. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < text.length) {
      const ch = text[i];
      if (ch === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i++;
    }
    if (text[i] === "'" && text[i + 1] === "!") return { sheet: name, local: text.slice(i + 2) };
    return { sheet: null, local: text };
  }
  const bang = text.lastIndexOf("!");
  if (bang > 0) return { sheet: text.slice(0, bang), local: text.slice(bang + 1) };
  return { sheet: null, local: text };
}

/** Parses the local part of an address ("A1", "A1:B2", "A:A", "1:3"); null when it is not one. */
export function parseLocalAddress(local: string): Rect | null {
  const parts = local.split(":");
  if (parts.length === 1) {
    const c = parseCell(parts[0] ?? "");
    return c ? rect(c.row, c.col, c.row, c.col) : null;
  }
  if (parts.length !== 2) return null;
  const [a = "", b = ""] = parts;
  const ca = parseCell(a);
  const cb = parseCell(b);
  if (ca && cb) {
    return rect(
      Math.min(ca.row, cb.row),
      Math.min(ca.col, cb.col),
      Math.max(ca.row, cb.row),
      Math.max(ca.col, cb.col),
    );
  }
  const cola = parseColumn(a);
  const colb = parseColumn(b);
  if (cola >= 0 && colb >= 0) return rect(0, Math.min(cola, colb), MAX_ROWS - 1, Math.max(cola, colb));
  const rowa = parseRow(a);
  const rowb = parseRow(b);
  if (rowa >= 0 && rowb >= 0) return rect(Math.min(rowa, rowb), 0, Math.max(rowa, rowb), MAX_COLS - 1);
  return null;
}

/** Parses "Sheet1!A1:B2", "'Bảng điểm'!$A$1", "A1:C3", "A:A"; null when not an address. */
export function parseAddress(address: string): ParsedAddress | null {
  const { sheet, local } = splitSheet(address);
  const r = parseLocalAddress(local.trim());
  return r ? { sheet, rect: r } : null;
}
