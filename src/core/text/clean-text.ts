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
  return collapseSpaces(s.normalize("NFC"));
}

/**
 * True when the text is already in Unicode normal form C (macOS and some tools write NFD).
 * @example isNfc("Hà Nội") //=> true
 * @example isNfc("Hà Nội".normalize("NFD")) //=> false
 */
export function isNfc(s: string): boolean {
  return s === s.normalize("NFC");
}
