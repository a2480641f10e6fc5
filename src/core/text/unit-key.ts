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
  const words = dedupe(canonicalise(foldKey(name).match(/[\p{L}\p{N}]+/gu) ?? []));
  const kept: string[] = [];
  for (const [i, word] of words.entries()) {
    if (!introducesPlace(word, kept.at(-1), i === words.length - 1)) kept.push(word);
  }
  return dedupe(kept).join(" ");
}

function dedupe(words: readonly string[]): string[] {
  return words.filter((word, i) => word !== words[i - 1]);
}

function canonicalise(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    const hit = SPELLINGS.find(({ words: spelling }) => spelling.every((w, j) => words[i + j] === w));
    out.push(hit ? hit.token : (words[i] ?? ""));
    i += hit ? hit.words.length : 1;
  }
  return out;
}

/**
 * "tỉnh" or "thành phố" that merely introduces a place name after a department: not the first or
 * last word (Hà Tĩnh), not right after "ubnd" (where it tells the level) and not right after
 * another level word (huyện Tĩnh Gia).
 */
function introducesPlace(word: string, previous: string | undefined, last: boolean): boolean {
  return (
    (word === "tinh" || word === "tp") &&
    !last &&
    previous !== undefined &&
    previous !== "ubnd" &&
    !LEVELS.has(previous)
  );
}
