import type { CellValue } from "./types";

/**
 * Calendar dates as Excel keeps them: a serial day number (1900 date system, day 1 = 1/1/1900,
 * with Excel's phantom 29/2/1900, so every date from 1/3/1900 on is days since 30/12/1899).
 * Pure arithmetic: no clock, no time zone.
 */

/** Days from 1970-01-01 of a civil date (Howard Hinnant's algorithm; no Date, no clock). */
function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z0: number): { year: number; month: number; day: number } {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 30/12/1899, Excel's day 0 for every date from 1/3/1900 on. */
const EPOCH = daysFromCivil(1899, 12, 30);
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const leap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The serial of a calendar day, or null when the day does not exist (31/2). */
export function serialOf(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const max = month === 2 && leap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
  if (day > max) return null;
  return daysFromCivil(year, month, day) - EPOCH;
}

/** Year, month, day of a serial. */
export function ymdOf(serial: number): { year: number; month: number; day: number } {
  return civilFromDays(Math.floor(serial) + EPOCH);
}

const pad = (n: number): string => String(n).padStart(2, "0");

/**
 * "dd/mm/yyyy", the way Vietnamese papers write a date.
 * @example formatDateVi(45275) //=> "15/12/2023"
 */
export function formatDateVi(serial: number): string {
  const { year, month, day } = ymdOf(serial);
  return `${pad(day)}/${pad(month)}/${year}`;
}

/**
 * "yyyy-mm-dd" (what `--json` prints).
 * @example isoDate(45275) //=> "2023-12-15"
 */
export function isoDate(serial: number): string {
  const { year, month, day } = ymdOf(serial);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * "ngày 15 tháng 12 năm 2023", as a letter names a deadline.
 * @example longDateVi(45275) //=> "ngày 15 tháng 12 năm 2023"
 */
export function longDateVi(serial: number): string {
  const { year, month, day } = ymdOf(serial);
  return `ngày ${pad(day)} tháng ${pad(month)} năm ${year}`;
}

export type ParsedDate =
  | { readonly kind: "empty" }
  | { readonly kind: "date"; readonly serial: number }
  | { readonly kind: "bad"; readonly text: string };

/** Serials Excel shows as dates people mean: 1/3/1900 to 31/12/9999. */
const MIN_SERIAL = 61;
const MAX_SERIAL = 2_958_465;

/**
 * Reads a date cell: an Excel date (a serial number, the time of day ignored), or text written
 * dd/mm/yyyy (also d/m/yyyy, with "-" or "."), or yyyy-mm-dd. Day first, as in Vietnam: "05/12/2023"
 * is 5 December. Anything else is "bad" and is reported at its cell, never guessed.
 * @example parseDateCell("14/12/2023") //=> { kind: "date", serial: 45274 }
 * @example parseDateCell(45274.5) //=> { kind: "date", serial: 45274 }
 */
export function parseDateCell(v: CellValue | undefined): ParsedDate {
  if (v === undefined || v === null || v === "") return { kind: "empty" };
  if (typeof v === "boolean") return { kind: "bad", text: String(v) };
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < MIN_SERIAL || v > MAX_SERIAL) return { kind: "bad", text: String(v) };
    return { kind: "date", serial: Math.floor(v) };
  }
  const t = v.normalize("NFC").trim();
  if (!t) return { kind: "empty" };
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(t);
  if (m) {
    const s = serialOf(Number(m[3]), Number(m[2]), Number(m[1]));
    return s === null ? { kind: "bad", text: t } : { kind: "date", serial: s };
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) {
    const s = serialOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return s === null ? { kind: "bad", text: t } : { kind: "date", serial: s };
  }
  m = /^ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$/i.exec(t);
  if (m) {
    const s = serialOf(Number(m[3]), Number(m[2]), Number(m[1]));
    return s === null ? { kind: "bad", text: t } : { kind: "date", serial: s };
  }
  return { kind: "bad", text: t };
}
