/**
 * The text fast paths the engine takes on every name give exactly what the plain definitions
 * give: each is checked against the straightforward code it replaced, on random text made of
 * the characters that matter (Vietnamese letters composed and decomposed, every kind of space,
 * zero-width characters, & % /, legacy-font codes, error values).
 */
import fc from "fast-check";
import {
  cleanText,
  collapseSpaces,
  detectLegacy,
  detectLegacyNfc,
  foldKey,
  isExcelError,
  parseNumber,
} from "../../../src/core";
import { foldedWords, unitKey } from "../../../src/core/text/unit-key";

const RUNS = { numRuns: 3000, seed: 20261203 };

const PIECES = [
  "Sở",
  "SỞ",
  "Thông",
  "tin",
  "và",
  "Truyền",
  "thông",
  "TT&TT",
  "TTTT",
  "tỉnh",
  "TỈNH",
  "thành",
  "phố",
  "UBND",
  "Ủy",
  "ban",
  "nhân",
  "dân",
  "huyện",
  "Điện",
  "Biên",
  "số",
  "12",
  "2",
  "VH,TT&DL",
  "Hà Nội".normalize("NFD"),
  "Lµo",
  "Cai",
  "B¶o",
  "Th¾ng",
  "Sôû",
  "#N/A",
  "#n/a",
  "#REF!",
  "#",
  "a/b",
  "%",
  "(",
  ")",
  "-",
  "\u0301",
];
const SPACES = [" ", "  ", "\u00A0", "\t", "\n", "\u200B", "\u2060", "\u202F", "\u3000", ""];

/** Random text shaped like a name cell: pieces joined by any kind of space, maybe padded. */
const nameLike = fc
  .tuple(
    fc.constantFrom(...SPACES),
    fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SPACES)), { maxLength: 8 }),
  )
  .map(([lead, parts]) => lead + parts.map(([p, s]) => p + s).join(""));
const text = fc.oneof(nameLike, fc.string({ maxLength: 16 }), fc.string({ unit: "grapheme", maxLength: 10 }));

// The definitions as they were before the fast paths.
const INVISIBLE_SPACE = /[\s\u200B-\u200D\u2060]+/g;
const plainCleanText = (s: string): string => s.normalize("NFC").replace(INVISIBLE_SPACE, " ").trim();

describe("text fast paths agree with the plain definitions", () => {
  it("collapseSpaces / cleanText", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(cleanText(s)).toBe(plainCleanText(s));
        const nfc = s.normalize("NFC");
        expect(collapseSpaces(nfc)).toBe(plainCleanText(nfc));
      }),
      RUNS,
    );
  });

  it("isExcelError is parseNumber's error verdict", () => {
    fc.assert(
      fc.property(text, (s) => expect(isExcelError(s)).toBe(parseNumber(s).kind === "error")),
      RUNS,
    );
  });

  it("detectLegacyNfc on NFC text is detectLegacy", () => {
    fc.assert(
      fc.property(text, (s) => {
        const nfc = s.normalize("NFC");
        expect(detectLegacyNfc(nfc)).toBe(detectLegacy(s));
      }),
      RUNS,
    );
  });

  it("unitKey's words, folded piece by piece, are foldKey's words", () => {
    fc.assert(
      fc.property(text, (s) =>
        expect(foldedWords(s)).toEqual(
          foldKey(s)
            .split(/[ &%/]+/)
            .filter((w) => w !== ""),
        ),
      ),
      RUNS,
    );
  });
  it("unitKey is its four steps done one after the other: abbreviations, repeats, places, repeats", () => {
    // The definition as the doc comment gives it, step by step (the engine fuses the steps and
    // skips the first two for names with no abbreviation and no word twice in a row).
    const SPELLINGS: [string[], string][] = (
      [
        ["thong tin va truyen thong", "tttt"],
        ["thong tin truyen thong", "tttt"],
        ["tt tt", "tttt"],
        ["uy ban nhan dan", "ubnd"],
        ["u ban nhan dan", "ubnd"],
        ["van hoa the thao va du lich", "vhttdl"],
        ["van hoa the thao du lich", "vhttdl"],
        ["vh tt va dl", "vhttdl"],
        ["vh tt dl", "vhttdl"],
        ["vhtt dl", "vhttdl"],
        ["van hoa thong tin the thao va du lich", "vhttttdl"],
        ["van hoa thong tin the thao du lich", "vhttttdl"],
        ["vh tt tt va dl", "vhttttdl"],
        ["vh tt tt dl", "vhttttdl"],
        ["thanh pho", "tp"],
        ["thi xa", "tx"],
      ] as const
    )
      .map(([w, t]): [string[], string] => [w.split(" "), t])
      .sort((a, b) => b[0].length - a[0].length);
    const digits = (w: string) => /^\p{N}+$/u.test(w);
    const levels = new Set(["tinh", "tp", "huyen", "quan", "tx", "xa", "phuong"]);
    const plain = (name: string): string => {
      const words = foldKey(name)
        .split(/[ &%/]+/)
        .filter((w) => w !== "");
      const canonical: string[] = [];
      for (let i = 0; i < words.length;) {
        const hit = SPELLINGS.find(([sp]) => sp.every((w, j) => words[i + j] === w));
        canonical.push(hit ? hit[1] : (words[i] as string));
        i += hit ? hit[0].length : 1;
      }
      const once = canonical.filter((w, i) => w !== canonical[i - 1] || digits(w));
      const placed: string[] = [];
      once.forEach((w, i) => {
        const prev = placed[placed.length - 1];
        const dropped =
          (w === "tinh" || w === "tp") &&
          i !== once.length - 1 &&
          prev !== undefined &&
          prev !== "ubnd" &&
          !levels.has(prev);
        if (!dropped) placed.push(w);
      });
      return placed.filter((w, i) => w !== placed[i - 1] || digits(w)).join(" ");
    };
    // The name pieces above, and the words of the other spellings and place words.
    const words = [...PIECES, "Văn", "hóa", "Thể", "thao", "Du", "lịch", "thị", "xã", "Tỉnh", "TP", "1"];
    const names = fc.oneof(
      text,
      fc.array(fc.constantFrom(...words), { maxLength: 10 }).map((w) => w.join(" ")),
    );
    fc.assert(
      fc.property(names, (s) => expect(unitKey(s)).toBe(plain(s))),
      RUNS,
    );
  });
});
