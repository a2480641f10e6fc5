import { cleanText, foldKey } from "./text";
import type { CellValue, Grid } from "./types";

/**
 * A document's editable fields kept as a sheet people read and edit (label in column A, value in
 * column B; a list field takes one row a line, a row with a blank label continuing the list
 * above it), like the notice's *Thông tin thông báo*. The call and the pledge keep theirs so.
 */
export interface FieldSpec<T> {
  readonly key: keyof T & string;
  readonly label: string;
  /** A list of lines (Kính gửi, Căn cứ, Nơi nhận …) rather than one text. */
  readonly list?: boolean;
}

/** The heading every letter EMU writes starts with (NĐ 30): bodies, number and symbol, place and date. */
export interface LetterHeadFields {
  readonly parentBody: string;
  readonly issuingBody: string;
  readonly number: string;
  readonly symbol: string;
  readonly place: string;
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

/** The heading's rows, first on every letter's fields sheet (the call's, the pledge's). */
export const LETTER_HEAD_SPECS: readonly FieldSpec<LetterHeadFields>[] = [
  { key: "parentBody", label: "Cơ quan chủ quản" },
  { key: "issuingBody", label: "Cơ quan ban hành" },
  { key: "number", label: "Số" },
  { key: "symbol", label: "Ký hiệu" },
  { key: "place", label: "Địa danh" },
  { key: "day", label: "Ngày" },
  { key: "month", label: "Tháng" },
  { key: "year", label: "Năm" },
];

function text(v: CellValue | undefined): string {
  if (v === undefined || v === null) return "";
  return cleanText(String(v));
}

/**
 * Reads a fields sheet; fields it lacks keep `base`'s values.
 * @example fieldsFromGrid([["Số", "12"]], [{ key: "number", label: "Số" }], { number: "" }) //=> { number: "12" }
 */
export function fieldsFromGrid<T extends object>(grid: Grid, specs: readonly FieldSpec<T>[], base: T): T {
  const byLabel = new Map(specs.map((s) => [foldKey(s.label), s]));
  const out: Record<string, unknown> = {};
  let current: FieldSpec<T> | null = null;
  for (const row of grid) {
    const label = foldKey(text(row[0]));
    const raw = row[1];
    const value = raw === undefined || raw === null ? "" : String(raw).normalize("NFC").trim();
    const spec: FieldSpec<T> | null = label ? (byLabel.get(label) ?? null) : current;
    if (label) current = spec;
    if (spec === null) continue;
    if (spec.list) {
      const list = (out[spec.key] ??= []) as string[];
      for (const line of value.split(/\r?\n/)) if (line.trim()) list.push(line.trim());
    } else if (label) out[spec.key] = value;
  }
  return { ...base, ...out };
}

/**
 * The fields as the sheet's rows: a title, one line of help, the header, then a row a field
 * (a row a line for lists).
 * @example fieldsGrid("T", "help", [{ key: "number", label: "Số" }], { number: "12" })[3] //=> ["Số", "12"]
 */
export function fieldsGrid<T extends object>(
  title: string,
  help: string,
  specs: readonly FieldSpec<T>[],
  fields: T,
): CellValue[][] {
  const rows: CellValue[][] = [[title], [help], ["Mục", "Nội dung"]];
  for (const s of specs) {
    const v = (fields as Record<string, unknown>)[s.key];
    if (Array.isArray(v)) {
      if (v.length === 0) rows.push([s.label, ""]);
      (v as string[]).forEach((line) => rows.push([s.label, line]));
    } else rows.push([s.label, typeof v === "string" ? v : ""]);
  }
  return rows;
}
