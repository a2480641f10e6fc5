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
import { foldedWords } from "../../../src/core/text/unit-key";

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
});
