/* global Excel */
import type { CellValue } from "../core";

/** What Excel would take as a formula when typed or written through `Range.values`. */
const FORMULA_LIKE = /^[=+\-@]/;

/**
 * The one helper through which EMU puts values into cells. A string written through
 * `Range.values` that starts with "=", "+", "-" or "@" becomes a formula, so:
 * - on EMU's own sheets (`formats` given), every text cell gets the text format "@" in the same
 *   request, before its value (office.js applies properties in the order queued), and the other
 *   cells the format given;
 * - in the user's own cells (`formats` null: the fill-back of Xếp loại / Hạng, returned forms on a
 *   protected sheet, where a format change is refused), formats are left as the user had them and
 *   a formula-like text is written with Excel's text prefix "'", which Excel stores as plain text.
 * @example setCellValues(ws.getRangeByIndexes(0, 0, 1, 2), [["=Sở A", 985]], "General")
 */
export function setCellValues(
  range: Excel.Range,
  values: readonly (readonly CellValue[])[],
  formats: string | readonly (readonly string[])[] | null,
): void {
  if (formats === null) {
    range.values = values.map((row) =>
      row.map((v) => (typeof v === "string" && FORMULA_LIKE.test(v) ? `'${v}` : v)),
    ) as (string | number | boolean)[][];
    return;
  }
  range.numberFormat = values.map((row, r) =>
    row.map((v, c) =>
      typeof v === "string" && v !== ""
        ? "@"
        : typeof formats === "string"
          ? formats
          : (formats[r]?.[c] ?? "General"),
    ),
  );
  range.values = values as (string | number | boolean)[][];
}
