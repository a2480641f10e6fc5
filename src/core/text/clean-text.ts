/**
 * Whitespace that Excel users paste in without seeing it: non-breaking and narrow spaces (covered
 * by `\s`), zero-width characters, tabs and line breaks inside a cell. The soft hyphen U+00AD is
 * deliberately absent: in TCVN3 text it is the letter "ư".
 */
const INVISIBLE_SPACE = /[\s\u200B-\u200D\u2060]+/g;

/**
 * Whatever `collapseSpaces` would change: a space of any kind at either end, a space other than
 * U+0020, a zero-width character, or a plain space followed by any space. Names are nearly
 * always clean, and one test is cheaper than a replace and a trim that change nothing.
 */
const NEEDS_COLLAPSE =
  /^[\s\u200B-\u200D\u2060]|[\s\u200B-\u200D\u2060]$|[^\S ]|[\u200B-\u200D\u2060]| [\s\u200B-\u200D\u2060]/;

/**
 * `cleanText` without the NFC step, for text already in NFC: every run of (invisible) whitespace
 * turned into one plain space, trimmed.
 * @example collapseSpaces(" Sở\u00A0TT&TT  Điện Biên ") //=> "Sở TT&TT Điện Biên"
 */
export function collapseSpaces(s: string): string {
  return NEEDS_COLLAPSE.test(s) ? s.replace(INVISIBLE_SPACE, " ").trim() : s;
}

/**
 * Normalises a cell's text for display and comparison: NFC, every run of (invisible) whitespace
 * turned into one plain space, trimmed.
 * @example cleanText("  Sở\u00A0TT&TT\n Điện Biên\u200B ") //=> "Sở TT&TT Điện Biên"
 */
export function cleanText(s: string): string {
  return collapseSpaces(toNfc(s));
}

/**
 * A character outside the blocks where every character is already in NFC and none combines
 * with the one before it: tab, line breaks and U+0020–U+02FF (ASCII, Latin-1, Latin Extended-A
 * and -B, with ơ ư), U+1E00–U+1EFF (the precomposed Vietnamese letters ạ ả ấ … ỹ),
 * U+2002–U+206F (punctuation but the two spaces NFC replaces) and U+20A0–U+20CF (currency, with
 * ₫). Other control characters are NFC too, but rare: they take the long way.
 */
const MAYBE_NOT_NFC = /[^\t\n\r\u0020-\u02FF\u1E00-\u1EFF\u2002-\u206F\u20A0-\u20CF]/;

/**
 * `s.normalize("NFC")`, without the copy when nothing can change: `normalize` always makes a new
 * string, and a 100,000-unit table's names, kept by the ranking beside the grid's own, were
 * 12 MB for the garbage collector to carry.
 * @example toNfc("Sở TT&TT Điện Biên") //=> "Sở TT&TT Điện Biên" (the same string)
 * @example toNfc("Hà Nội".normalize("NFD")) === "Hà Nội" //=> true
 */
export function toNfc(s: string): string {
  if (typeof s !== "string") throw new TypeError("toNfc expects a string");
  return MAYBE_NOT_NFC.test(s) ? s.normalize("NFC") : s;
}

/**
 * True when the text is already in Unicode normal form C (macOS and some tools write NFD).
 * @example isNfc("Hà Nội") //=> true
 * @example isNfc("Hà Nội".normalize("NFD")) //=> false
 */
export function isNfc(s: string): boolean {
  return !MAYBE_NOT_NFC.test(s) || s === s.normalize("NFC");
}
