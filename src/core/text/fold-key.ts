/**
 * What one character folds to: lower case, without accents, đ → d; "" for a combining mark
 * (decomposed input), null for a separator. Cached: a workbook uses a few hundred distinct
 * characters, and folding runs once per cell of every name (the engine's hottest path).
 */
const FOLDED = new Map<string, string | null>();

function foldChar(ch: string): string | null {
  let f = FOLDED.get(ch);
  if (f !== undefined) return f;
  const plain = ch.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d");
  f = plain === "" ? "" : /^[\p{L}\p{N}&%/]+$/u.test(plain) ? plain : null;
  FOLDED.set(ch, f);
  return f;
}

/**
 * Folds text for case- and diacritic-insensitive matching of headers and keywords: lower case,
 * accents and other combining marks removed, "đ" → "d", and every run of characters other than
 * letters, digits, "&", "%" and "/" collapsed to one space, trimmed.
 * @example foldKey("  Điểm chấm\nthẩm định ") //=> "diem cham tham dinh"
 * @example foldKey("Số TT") //=> "so tt"
 */
export function foldKey(s: string): string {
  if (typeof s !== "string") throw new TypeError("foldKey expects a string");
  let out = "";
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    let f: string | null;
    if (code < 128) {
      // ASCII fast path: letters, digits and & % / are kept, everything else separates.
      if (code >= 65 && code <= 90) f = String.fromCharCode(code + 32);
      else if (
        (code >= 97 && code <= 122) ||
        (code >= 48 && code <= 57) ||
        code === 38 ||
        code === 37 ||
        code === 47
      )
        f = s[i] as string;
      else f = null;
    } else {
      // A surrogate pair is one character.
      const cp = s.codePointAt(i) as number;
      const ch = String.fromCodePoint(cp);
      if (cp > 0xffff) i++;
      f = foldChar(ch);
    }
    if (f === null) gap = out.length > 0;
    else if (f !== "") {
      if (gap) out += " ";
      gap = false;
      out += f;
    }
  }
  return out;
}
