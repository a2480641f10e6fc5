import type { CellValue } from "../types";
import { cleanText } from "./clean-text";

/**
 * What a cell holds when a number is expected. `source` tells how a number was read, so callers
 * can warn about text-stored numbers ("text") and Vietnamese decimal commas ("decimal-comma").
 * @example const parsed: ParsedNumber = { kind: "number", value: 91.77, source: "decimal-comma", percent: true }
 */
export type ParsedNumber =
  | { kind: "number"; value: number; source: "number" | "text" | "decimal-comma"; percent: boolean }
  | { kind: "empty" }
  | { kind: "error"; error: string }
  | { kind: "not-a-number"; text: string };

const EXCEL_ERRORS = new Set([
  "#N/A",
  "#VALUE!",
  "#DIV/0!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#BUSY!",
]);

/**
 * True when a cell holds one of Excel's error values ("#N/A", "#REF!" …), as `parseNumber` reads
 * them (case and surrounding spaces aside), without parsing anything else: the check a name cell
 * needs. Every error value starts with "#", so text without one is answered at once.
 * @example isExcelError(" #n/a ") //=> true
 * @example isExcelError("Sở Tư pháp") //=> false
 */
export function isExcelError(v: CellValue): boolean {
  return typeof v === "string" && v.includes("#") && EXCEL_ERRORS.has(cleanText(v).toUpperCase());
}

// A thousands group never starts with 0, which is what keeps "0.750" a decimal.
const PLAIN = String.raw`\d+`;
const DOT_GROUPS = String.raw`[1-9]\d{0,2}(?:\.\d{3})+`;
const SPACE_GROUPS = String.raw`[1-9]\d{0,2}(?: \d{3})+`;
// U+2212 is the minus sign Word and web pages write.
const SIGNED = /^([+\-\u2212]?) ?(.*?) ?(%?)$/;
const INTEGER = new RegExp(`^(?:${DOT_GROUPS}|${SPACE_GROUPS}|${PLAIN})$`);
/*
 * In a Vietnamese workbook the comma is the decimal separator, so "1,000" is one, not a thousand:
 * reading it as 1000 would silently multiply a score by a thousand whenever a user typed three
 * decimals. The "decimal-comma" source lets the caller show how it was read.
 */
const COMMA_DECIMAL = new RegExp(`^(${DOT_GROUPS}|${SPACE_GROUPS}|${PLAIN})?,(\\d+)$`);
// A dot is a decimal point only where it cannot be a thousands separator (DOT_GROUPS is tried first).
const DOT_DECIMAL = new RegExp(`^(${SPACE_GROUPS}|${PLAIN})?\\.(\\d+)$`);

/**
 * Reads a cell as a number the way a Vietnamese user means it: "1.000" is a thousand, "962,5" is
 * 962.5, "91,77%" is 91.77 (flagged as a percentage, not divided). Unambiguous dot decimals
 * ("962.5") and space-grouped thousands ("1 000") are accepted too. Never throws.
 * @example parseNumber("962,5") //=> { kind: "number", value: 962.5, source: "decimal-comma", percent: false }
 * @example parseNumber("#N/A") //=> { kind: "error", error: "#N/A" }
 */
export function parseNumber(v: CellValue): ParsedNumber {
  if (v === null) return { kind: "empty" };
  if (typeof v === "boolean") return { kind: "not-a-number", text: v ? "TRUE" : "FALSE" };
  if (typeof v === "number") {
    return Number.isFinite(v)
      ? { kind: "number", value: v, source: "number", percent: false }
      : { kind: "not-a-number", text: String(v) };
  }
  const text = cleanText(v);
  if (text === "") return { kind: "empty" };
  if (EXCEL_ERRORS.has(text.toUpperCase())) return { kind: "error", error: text.toUpperCase() };

  const [, sign = "", body = "", percentSign = ""] = SIGNED.exec(text) ?? [];
  const minus = sign === "" || sign === "+" ? "" : "-";
  let canonical: string;
  let source: "text" | "decimal-comma" = "text";
  const comma = COMMA_DECIMAL.exec(body);
  const dot = DOT_DECIMAL.exec(body);
  if (INTEGER.test(body)) {
    canonical = digitsOnly(body);
  } else if (comma) {
    canonical = `${digitsOnly(comma[1] ?? "0")}.${comma[2]}`;
    source = "decimal-comma";
  } else if (dot) {
    canonical = `${digitsOnly(dot[1] ?? "0")}.${dot[2]}`;
  } else {
    return { kind: "not-a-number", text: v };
  }
  // Number() on a canonical string, not arithmetic on the parts, so "0,3" is exactly 0.3.
  const value = Number(minus + canonical);
  if (!Number.isFinite(value)) return { kind: "not-a-number", text: v };
  return { kind: "number", value: value === 0 ? 0 : value, source, percent: percentSign === "%" };
}

function digitsOnly(s: string): string {
  return s.replace(/\D/g, "") || "0";
}

/**
 * Shows a number the shortest faithful way: no thousands grouping (so "1000" can never be misread
 * as one), at most 6 decimals with trailing zeros dropped, a decimal comma in Vietnamese.
 * @example formatNumber(962.5, "vi") //=> "962,5"
 * @example formatNumber(1000, "en") //=> "1000"
 */
export function formatNumber(n: number, lang: "vi" | "en"): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Number(n.toFixed(6));
  const s = rounded === 0 ? "0" : String(rounded);
  return lang === "vi" ? s.replace(".", ",") : s;
}
