/**
 * Folds a header or keyword for case- and diacritic-insensitive matching: no tones or marks,
 * "đ" read as "d", lower case, and anything but letters, digits, "&", "%" and "/" reduced to
 * single spaces.
 * @example foldKey("  Điểm chấm\nthẩm định ") //=> "diem cham tham dinh"
 * @example foldKey("Số TT") //=> "so tt"
 */
export function foldKey(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/[^\p{L}\p{N}&%/]+/gu, " ")
    .trim();
}
