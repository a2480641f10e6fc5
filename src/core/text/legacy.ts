import type { LegacyEncoding } from "../issues";
import { isViSyllable } from "./vi-syllable";

/*
 * A workbook typed with .Vn fonts (TCVN3) or VNI fonts stores 8-bit codes that Excel hands over as
 * the Windows-1252 characters with those codes. Both tables below avoid 0x80–0x9F, where
 * Windows-1252 and Latin-1 differ, so each byte is simply the character with that code.
 *
 * TCVN3 is TCVN 5712:1993 VN3 ("ABC"), codes 0xA1–0xFE in byte order, cross-checked against
 * glibc's TCVN5712-1 and published converters. VN3 has codes for the capitals Ă Â Ê Ô Ơ Ư Đ only:
 * a capital with a tone shares its code with the small letter (the .VnTimeH fonts draw it upper
 * case), so case is recovered from the surrounding letters below.
 */
const TCVN3_CODES = "¡¢£¤¥¦§¨©ª«¬\u00AD®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ";
const TCVN3_LETTERS = "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ";
const TCVN3_DECODE = new Map([...TCVN3_CODES].map((code, i) => [code, TCVN3_LETTERS.charAt(i)]));
const TCVN3_ENCODE = new Map([...TCVN3_DECODE].map(([code, letter]) => [letter, code]));
/** The codes from "µ" on are toned letters, whose case the code does not tell. */
const TCVN3_CASELESS = new Set(TCVN3_CODES.slice(TCVN3_CODES.indexOf("µ")));

/*
 * VNI Windows writes a letter as its base followed by one mark character; a few letters (ơ ư đ,
 * and i and ỵ with tones) have a character of their own. Capitals use the upper-case form of the
 * same characters ("AØ" = "À"). Cross-checked against published VNI converters.
 */
const GRAVE = "\u0300";
const ACUTE = "\u0301";
const TILDE = "\u0303";
const HOOK = "\u0309";
const DOT = "\u0323";
const CIRCUMFLEX = "\u0302";
const BREVE = "\u0306";
const VNI_TONES: Record<string, string> = { ø: GRAVE, ù: ACUTE, û: HOOK, õ: TILDE, ï: DOT };
const VNI_CIRCUMFLEX: Record<string, string> = { â: "", à: GRAVE, á: ACUTE, å: HOOK, ã: TILDE, ä: DOT };
const VNI_BREVE: Record<string, string> = { ê: "", è: GRAVE, é: ACUTE, ú: HOOK, ü: TILDE, ë: DOT };
const VNI_OWN: Record<string, string> = {
  ô: "ơ",
  ö: "ư",
  ñ: "đ",
  ì: "ì",
  í: "í",
  æ: "ỉ",
  ó: "ĩ",
  ò: "ị",
  î: "ỵ",
};

/** The letters a tone mark may follow, by their VNI character. */
const VNI_TONE_BASES: Record<string, string> = { a: "a", e: "e", o: "o", u: "u", y: "y", ô: "ơ", ö: "ư" };

/** VNI sequences (small letters) and the Unicode letter each stands for. */
function vniSmall(): Array<[string, string]> {
  const pairs = Object.entries(VNI_OWN);
  for (const [key, base] of Object.entries(VNI_TONE_BASES)) {
    for (const [mark, tone] of Object.entries(VNI_TONES)) {
      if (!(base === "y" && tone === DOT)) pairs.push([key + mark, base + tone]);
    }
  }
  for (const base of "aeo") {
    for (const [mark, tone] of Object.entries(VNI_CIRCUMFLEX))
      pairs.push([base + mark, base + CIRCUMFLEX + tone]);
  }
  for (const [mark, tone] of Object.entries(VNI_BREVE)) pairs.push(["a" + mark, "a" + BREVE + tone]);
  return pairs.map(([seq, letter]) => [seq, letter.normalize("NFC")]);
}

const VNI_ENCODE = new Map<string, string>();
const VNI_DECODE = new Map<string, string>();
for (const [seq, letter] of vniSmall()) {
  const capital = letter.toUpperCase();
  VNI_ENCODE.set(letter, seq).set(capital, seq.toUpperCase());
  // Excel's PROPER() turns "AÙnh" into "Aùnh", so a capital base with a small mark is a capital too.
  VNI_DECODE.set(seq, letter)
    .set(seq.toUpperCase(), capital)
    .set(seq.charAt(0).toUpperCase() + seq.slice(1), capital);
}
const VNI_CODES = new Set([...VNI_DECODE.keys()].join("").replace(/[a-z]/gi, ""));

/**
 * Converts text typed with a legacy font (as Excel reads it) into Unicode NFC.
 * @example legacyToUnicode("B¶o Th¾ng", "tcvn3") //=> "Bảo Thắng"
 * @example legacyToUnicode("Vieät Nam", "vni") //=> "Việt Nam"
 */
export function legacyToUnicode(s: string, encoding: LegacyEncoding): string {
  const text = s.normalize("NFC");
  return (encoding === "tcvn3" ? tcvn3ToUnicode(text) : vniToUnicode(text)).normalize("NFC");
}

function tcvn3ToUnicode(s: string): string {
  const allCaps = shouted(s);
  return s
    .split(/(\s+)/)
    .map((word) => {
      const letters = restoreLostU([...word].map((ch) => TCVN3_DECODE.get(ch) ?? ch).join(""));
      return allCaps || shouted(word) ? letters.toUpperCase() : letters;
    })
    .join("");
}

/**
 * True when the letters whose case TCVN3 does tell are all capitals (at least two of them), so the
 * toned letters, which it does not tell, were capitals too: "TØNH" is "TỈNH", "LÖ" stays "Lệ".
 */
function shouted(s: string): boolean {
  let capitals = 0;
  for (const ch of s) {
    if (TCVN3_CASELESS.has(ch)) continue;
    const letter = TCVN3_DECODE.get(ch) ?? ch;
    if (letter !== letter.toUpperCase()) return false;
    if (letter !== letter.toLowerCase()) capitals++;
  }
  return capitals >= 2;
}

/**
 * TCVN3 writes "ư" as 0xAD, the soft hyphen, which copy-and-paste and many tools silently drop
 * ("Mêng Kh¬ng" for "M\u00ADêng Kh\u00AD¬ng"). An "ơ" before ng, c or u is impossible in Vietnamese
 * unless it follows "ư", so the lost letter can be put back there.
 */
function restoreLostU(s: string): string {
  return s.replace(
    /(^|[^uư])([ơớờởỡợ])(?=ng|c|u)/giu,
    (_, before: string, o: string) => before + (o === o.toLowerCase() ? "ư" : "Ư") + o,
  );
}

function vniToUnicode(s: string): string {
  let out = "";
  for (let i = 0; i < s.length;) {
    const pair = VNI_DECODE.get(s.slice(i, i + 2));
    if (pair !== undefined) {
      out += pair;
      i += 2;
    } else {
      out += VNI_DECODE.get(s.charAt(i)) ?? s.charAt(i);
      i += 1;
    }
  }
  return out;
}

/**
 * Writes Unicode text the way a legacy font would store it; the inverse of `legacyToUnicode`, for
 * making fixtures. TCVN3 cannot tell toned capitals from small letters, so those come back small.
 * @example unicodeToLegacy("Lào Cai", "tcvn3") //=> "Lµo Cai"
 * @example unicodeToLegacy("Xin chào", "vni") //=> "Xin chaøo"
 */
export function unicodeToLegacy(s: string, encoding: LegacyEncoding): string {
  const table = encoding === "tcvn3" ? TCVN3_ENCODE : VNI_ENCODE;
  return [...s.normalize("NFC")].map((ch) => table.get(ch) ?? table.get(ch.toLowerCase()) ?? ch).join("");
}

/**
 * Says whether text is very probably legacy-encoded Vietnamese, and in which encoding. The words
 * the decoding changes must mostly (four in five) become valid Vietnamese syllables, one of them
 * must hold a plain letter and one must be invalid as it stands. Each legacy character in them
 * then counts 2 when no Vietnamese word could contain it ("µ", "ø") and 1 otherwise ("â"); a
 * score of 3 is needed, or 2 when every word of a phrase decodes to Vietnamese ("Hµ Giang"). Text
 * with any Unicode-only Vietnamese letter never qualifies. So "©2023", "« Paris »", "café", "Où
 * va" and "Cây cà phê" are left alone; very short names that read as Vietnamese both ways ("Sôn
 * La") cannot be told apart.
 * @example detectLegacy("Së Th«ng tin vµ TruyÒn th«ng") //=> "tcvn3"
 * @example detectLegacy("Sôû Thoâng tin vaø Truyeàn thoâng") //=> "vni"
 * @example detectLegacy("Sở TT&TT") //=> null
 */
export function detectLegacy(s: string): LegacyEncoding | null {
  return detectLegacyNfc(s.normalize("NFC"));
}

/**
 * `detectLegacy` for text already in NFC (a cleaned cell), without normalising it again.
 * @example detectLegacyNfc("Lµo Cai") //=> "tcvn3"
 */
export function detectLegacyNfc(text: string): LegacyEncoding | null {
  if (/[ĂăĐđĨĩŨũƠơƯư\u1EA0-\u1EF9\p{M}]/u.test(text)) return null;
  const tcvn3 = evidence(text, "tcvn3");
  const vni = evidence(text, "vni");
  if (tcvn3 === 0 && vni === 0) return null;
  return tcvn3 >= vni ? "tcvn3" : "vni";
}

/** The Latin-1 letters that Unicode Vietnamese itself uses. */
const VIETNAMESE_LATIN1 = /[àáâãèéêìíòóôõùúý]/i;

/** How strongly the text speaks for the encoding, or 0 when the case is not made. */
function evidence(text: string, encoding: LegacyEncoding): number {
  const codes = encoding === "tcvn3" ? TCVN3_DECODE : VNI_CODES;
  // TCVN3 letters include Latin-1 symbols ("µ", "©", "×"), so they count as parts of words here.
  const words = text.match(/[\p{L}\u00A1-\u00BF\u00D7\u00F7]+/gu) ?? [];
  const decodesWell = (word: string) => isViSyllable(legacyToUnicode(word, encoding));
  const changed = words.filter((word) => legacyToUnicode(word, encoding) !== word);
  const good = changed.filter(decodesWell);
  const score = good
    .flatMap((word) => [...word].filter((ch) => codes.has(ch)))
    .reduce((n, ch) => n + (VIETNAMESE_LATIN1.test(ch) ? 1 : 2), 0);
  const enough = score >= 3 || (score === 2 && words.length >= 2 && words.every(decodesWell));
  const convincing =
    enough &&
    good.length * 5 >= changed.length * 4 &&
    good.some((word) => /[a-z]/i.test(word)) &&
    changed.some((word) => !isViSyllable(word));
  return convincing ? score : 0;
}
