import { foldKey } from "./fold-key";

/** Spellings of a name (folded, as words) and the one token each becomes. */
const CANONICAL: Record<string, string> = {
  "thong tin va truyen thong": "tttt",
  "thong tin truyen thong": "tttt",
  "tt tt": "tttt",
  "uy ban nhan dan": "ubnd",
  "u ban nhan dan": "ubnd",
  "van hoa the thao va du lich": "vhttdl",
  "van hoa the thao du lich": "vhttdl",
  "vh tt va dl": "vhttdl",
  "vh tt dl": "vhttdl",
  "vhtt dl": "vhttdl",
  "van hoa thong tin the thao va du lich": "vhttttdl",
  "van hoa thong tin the thao du lich": "vhttttdl",
  "vh tt tt va dl": "vhttttdl",
  "vh tt tt dl": "vhttttdl",
  "thanh pho": "tp",
  "thi xa": "tx",
};

/** Longest spelling first, so "vh tt tt dl" is not read as "vh" + "tttt" + "dl". */
const SPELLINGS = Object.entries(CANONICAL)
  .map(([spelling, token]) => ({ words: spelling.split(" "), token }))
  .sort((a, b) => b.words.length - a.words.length);

/** The levels of local government, kept after "ubnd": UBND thành phố and UBND huyện Cao Lãnh both exist. */
const LEVELS = new Set(["tinh", "tp", "huyen", "quan", "tx", "xa", "phuong"]);

/**
 * The key under which two spellings of a unit's name count as the same unit: folded like
 * `foldKey`, punctuation gone, abbreviations in one form (TT&TT, TTTT, "Thông tin và Truyền
 * thông" → "tttt"; Ủy ban nhân dân → "ubnd"; VH,TT&DL → "vhttdl"), "tỉnh" and "thành phố" dropped
 * where they only introduce the place after a department, repeated words once.
 * @example unitKey("Sở Thông tin và Truyền thông tỉnh Điện Biên") //=> "so tttt dien bien"
 * @example unitKey("SỞ TTTT TỈNH TỈNH LÀO CAI") //=> "so tttt lao cai"
 * @example unitKey("UBND thành phố Cao Lãnh") //=> "ubnd tp cao lanh"
 */
export function unitKey(name: string): string {
  return unitKeyWords(name).join(" ");
}

/**
 * The words of `unitKey`, not yet joined: the duplicate check hashes them (`fnv1aWords`) and
 * never builds the 100,000 key strings of a big table.
 * @example unitKeyWords("Sở TT&TT tỉnh Điện Biên") //=> ["so", "tttt", "dien", "bien"]
 */
export function unitKeyWords(name: string): string[] {
  const words = foldedWords(name);
  // Most names have no abbreviation to spell one way and no word twice in a row: then the
  // canonical list is the words themselves, and only the place words are left to drop.
  for (let i = 0; i < words.length; i++)
    if (BY_FIRST.has(words[i] as string) || words[i] === words[i - 1])
      return keptWords(canonicalWords(words));
  return keptWords(words);
}

/**
 * The 32-bit FNV-1a hash of the words joined by single spaces, without joining them: equal to
 * the hash of `unitKey`'s string.
 */
export function fnv1aWords(words: readonly string[]): number {
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < words.length; k++) {
    if (k > 0) h = Math.imul(h ^ 0x20, 16777619);
    const w = words[k] as string;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
  }
  return h;
}

/**
 * The words with each abbreviation spelled one way (`CANONICAL`) and a word that repeats the one
 * before it once (numbers are kept: "số 1 1" is not "số 1").
 */
function canonicalWords(words: readonly string[]): string[] {
  // dedupe(canonicalise(words)) in one pass: a word is dropped when it repeats the word kept
  // before it, which is the word before it in the canonical list (a run repeats its first word).
  const once: string[] = [];
  for (let i = 0; i < words.length;) {
    const word = words[i] as string;
    const hit = spellingAt(words, i);
    const token = hit ? hit.token : word;
    if (token !== once[once.length - 1] || DIGITS.test(token)) once.push(token);
    i += hit ? hit.words.length : 1;
  }
  return once;
}

/**
 * The key's words from the canonical ones: the place words dropped ("tỉnh" after a department),
 * and a word that then repeats the one kept before it once. Works in place on `once`.
 */
function keptWords(once: string[]): string[] {
  let kept = 0;
  let previous: string | undefined;
  let last: string | undefined;
  const n = once.length;
  for (let i = 0; i < n; i++) {
    const word = once[i] as string;
    if (introducesPlace(word, previous, i === n - 1)) continue;
    previous = word;
    if (word === last && !DIGITS.test(word)) continue;
    once[kept++] = word;
    last = word;
  }
  once.length = kept;
  return once;
}

/**
 * The folded words of a space-separated piece of a name ("TT&TT" → ["tt", "tt"]), cached: a
 * workbook's names reuse a few thousand pieces ("Sở", "tỉnh", "Điện", "số"), so each is folded
 * once, not once per name. Bounded, so a sheet of random text cannot grow it without end.
 */
const PIECES = new Map<string, readonly string[]>();
const MAX_PIECES = 50_000;

function piece(p: string): readonly string[] {
  let words = PIECES.get(p);
  if (words === undefined) {
    // foldKey leaves words of letters and digits separated by spaces (and the odd & % /).
    words = foldKey(p)
      .split(/[ &%/]+/)
      .filter((w) => w !== "");
    if (PIECES.size >= MAX_PIECES) PIECES.clear();
    PIECES.set(p, words);
  }
  return words;
}

/**
 * `foldKey(name).split(/[ &%/]+/)` without the empty words, built from cached pieces: a space
 * always separates words in `foldKey`, so folding the pieces between spaces one by one gives
 * the same words in the same order.
 * @example foldedWords("Sở TT&TT Điện Biên") //=> ["so", "tt", "tt", "dien", "bien"]
 */
export function foldedWords(name: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (;;) {
    const end = name.indexOf(" ", start);
    const p = end === -1 ? name.slice(start) : name.slice(start, end);
    if (p !== "") for (const w of piece(p)) out.push(w);
    if (end === -1) return out;
    start = end + 1;
  }
}

const DIGITS = /^\p{N}+$/u;

/** The longest spelling that starts at `words[i]`, if any (plain loops: this runs on every name). */
function spellingAt(words: readonly string[], i: number): { words: string[]; token: string } | undefined {
  const spellings = BY_FIRST.get(words[i] as string);
  if (spellings === undefined) return undefined;
  for (const sp of spellings) {
    let j = 1;
    while (j < sp.words.length && words[i + j] === sp.words[j]) j++;
    if (j === sp.words.length) return sp;
  }
  return undefined;
}

/** The spellings that start with each word, longest first: one Map lookup per word. */
const BY_FIRST = new Map<string, { words: string[]; token: string }[]>();
for (const sp of SPELLINGS) {
  const first = sp.words[0] ?? "";
  BY_FIRST.set(first, [...(BY_FIRST.get(first) ?? []), sp]);
}

function introducesPlace(word: string, previous: string | undefined, last: boolean): boolean {
  return (
    (word === "tinh" || word === "tp") &&
    !last &&
    previous !== undefined &&
    previous !== "ubnd" &&
    !LEVELS.has(previous)
  );
}

const TONES: Record<string, string> = {
  "\u0300": "2",
  "\u0301": "1",
  "\u0303": "4",
  "\u0309": "3",
  "\u0323": "5",
};

/**
 * A word with its tone taken off the vowel and written after it ("hòa" and the old "hoà" both
 * → "hoa2"), its other marks (â ê ô ơ ư ă đ) kept: what tells Thành from Thạnh.
 */
function toneWord(word: string): string {
  let tone = "";
  let base = "";
  for (const ch of word.toLowerCase().normalize("NFD")) {
    const t = TONES[ch];
    if (t !== undefined) tone = t;
    else base += ch;
  }
  return base.normalize("NFC") + tone;
}

/**
 * True when a name carries any Vietnamese mark (a tone, â ê ô ơ ư ă, or đ): "Tan Thanh" typed
 * without accents has none.
 * @example hasDiacritics("Tân Thành") //=> true
 * @example hasDiacritics("Tan Thanh") //=> false
 */
export function hasDiacritics(name: string): boolean {
  return /[\u0300-\u036f]|đ/iu.test(name.normalize("NFD"));
}

/**
 * `unitKey` with the tone marks kept: the same words, abbreviations and dropped words, but each
 * word keeps its marks ("Tân Thành" → "tân thanh2", "Tân Thạnh" → "tân thanh5"; "Hoà" and
 * "Hòa" → "hoa2"). Two names are the same unit when their `unitKey`s are equal and either these
 * keys are equal too or one of the names has no diacritics at all (`sameUnitName`).
 * @example unitToneKey("Sở TT&TT Mỹ Thọ") === unitToneKey("Sở TT&TT Mỹ Tho") //=> false
 */
export function unitToneKey(name: string): string {
  const folded = foldKey(name)
    .split(/[ &%/]+/)
    .filter((w) => w !== "");
  const toned = name
    .normalize("NFC")
    .split(/[^\p{L}\p{N}\p{M}&%/]+|[&%/]+/u)
    .filter((w) => w !== "");
  // The two splits agree for letters and digits; if some odd character made them differ, the
  // plain key is all there is to compare.
  if (toned.length !== folded.length) return unitKey(name);
  const tokens = folded.map((f, i) => ({ f, t: toneWord(toned[i] as string) }));
  const out: { f: string; t: string }[] = [];
  for (let i = 0; i < tokens.length;) {
    const hit = spellingAt(folded, i);
    out.push(hit ? { f: hit.token, t: hit.token } : (tokens[i] as { f: string; t: string }));
    i += hit ? hit.words.length : 1;
  }
  const once = out.filter((w, i) => w.f !== out[i - 1]?.f || DIGITS.test(w.f));
  const kept: { f: string; t: string }[] = [];
  for (let i = 0; i < once.length; i++) {
    const w = once[i] as { f: string; t: string };
    if (!introducesPlace(w.f, kept[kept.length - 1]?.f, i === once.length - 1)) kept.push(w);
  }
  return kept
    .filter((w, i) => w.f !== kept[i - 1]?.f || DIGITS.test(w.f))
    .map((w) => w.t)
    .join(" ");
}

/**
 * Whether two unit names name the same unit: equal `unitKey`s, and the tone marks agree unless
 * one name was typed without any diacritics (then it may match accent-free).
 * @example sameUnitName("Tân Thành", "Tân Thạnh") //=> false
 * @example sameUnitName("Tan Thanh", "Tân Thành") //=> true
 * @example sameUnitName("UBND xã An Hoà", "UBND xã An Hòa") //=> true
 */
export function sameUnitName(a: string, b: string): boolean {
  if (unitKey(a) !== unitKey(b)) return false;
  if (!hasDiacritics(a) || !hasDiacritics(b)) return true;
  return unitToneKey(a) === unitToneKey(b);
}
