/**
 * Vietnamese collation from ICU: "Đ" after "D", tones in dictionary order, "Số 9" before "Số 10".
 * Node builds ship full ICU; a small-ICU build would silently fall back to another locale, which
 * the tests check for.
 * @example ["Đà Nẵng", "Điện Biên", "Bắc Kạn"].sort(viCollator.compare) //=> ["Bắc Kạn", "Đà Nẵng", "Điện Biên"]
 */
export const viCollator: Intl.Collator = new Intl.Collator("vi", { sensitivity: "variant", numeric: true });

/**
 * Compares two names in Vietnamese alphabetical order; NFC first, so a decomposed name sorts with
 * its composed twin.
 * @example ["Lào Cai", "Điện Biên", "Cao Bằng"].sort(compareVi) //=> ["Cao Bằng", "Điện Biên", "Lào Cai"]
 */
export function compareVi(a: string, b: string): number {
  return viCollator.compare(a.normalize("NFC"), b.normalize("NFC"));
}
