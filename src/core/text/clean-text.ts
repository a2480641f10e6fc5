/**
 * Whitespace that Excel users paste in without seeing it: non-breaking and narrow spaces (covered
 * by `\s`), zero-width characters, tabs and line breaks inside a cell. The soft hyphen U+00AD is
 * deliberately absent: in TCVN3 text it is the letter "ư".
 */
const INVISIBLE_SPACE = /[\s\u200B-\u200D\u2060]+/g;

/**
 * Normalises a cell's text for display and comparison: NFC, every run of (invisible) whitespace
 * turned into one plain space, trimmed.
 * @example cleanText("  Sở\u00A0TT&TT\n Điện Biên\u200B ") //=> "Sở TT&TT Điện Biên"
 */
export function cleanText(s: string): string {
  return s.normalize("NFC").replace(INVISIBLE_SPACE, " ").trim();
}

/**
 * True when the text is already in Unicode normal form C (macOS and some tools write NFD).
 * @example isNfc("Hà Nội") //=> true
 * @example isNfc("Hà Nội".normalize("NFD")) //=> false
 */
export function isNfc(s: string): boolean {
  return s === s.normalize("NFC");
}
