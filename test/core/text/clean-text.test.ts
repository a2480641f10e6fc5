import fc from "fast-check";
import { cleanText, isNfc } from "../../../src/core/text/clean-text";

describe("cleanText", () => {
  it("trims and collapses the whitespace users paste in", () => {
    expect(cleanText("  Sở  TT&TT   Điện Biên ")).toBe("Sở TT&TT Điện Biên");
    expect(cleanText("Điểm chấm\nthẩm định")).toBe("Điểm chấm thẩm định");
    expect(cleanText("Điểm\r\n\ttự chấm")).toBe("Điểm tự chấm");
  });

  it("turns non-breaking, narrow and zero-width spaces into plain spaces", () => {
    expect(cleanText("985\u00A0")).toBe("985");
    expect(cleanText("1\u202F000")).toBe("1 000");
    expect(cleanText("Sở\u200BTT&TT\u200C\u200D\u2060\uFEFF")).toBe("Sở TT&TT");
  });

  it("normalises to NFC", () => {
    const nfd = "Lạng Sơn".normalize("NFD");
    expect(cleanText(nfd)).toBe("Lạng Sơn");
    expect(isNfc(cleanText(nfd))).toBe(true);
  });

  it("keeps the soft hyphen, which is the letter ư in TCVN3 text", () => {
    expect(cleanText("M\u00ADêng")).toBe("M\u00ADêng");
  });

  it("handles the boundaries", () => {
    expect(cleanText("")).toBe("");
    expect(cleanText(" \t\n\u00A0 ")).toBe("");
    expect(cleanText("x")).toBe("x");
  });

  it("throws on a non-string, which is a programming error", () => {
    expect(() => cleanText(42 as unknown as string)).toThrow(TypeError);
  });

  it("is idempotent", () => {
    const text = fc.string({
      unit: fc.constantFrom(
        "a",
        "ạ",
        "e\u0301",
        "\u0301",
        " ",
        "\u00A0",
        "\t",
        "\n",
        "\u200B",
        "\uFEFF",
        "Đ",
        "&",
      ),
    });
    fc.assert(
      fc.property(
        fc.oneof(text, fc.string({ unit: "grapheme" })),
        (s) => cleanText(cleanText(s)) === cleanText(s),
      ),
      { numRuns: 1000, seed: 42 },
    );
  });
});

describe("isNfc", () => {
  it("tells composed from decomposed text", () => {
    expect(isNfc("Hà Nội")).toBe(true);
    expect(isNfc("Hà Nội".normalize("NFD"))).toBe(false);
    expect(isNfc("")).toBe(true);
    expect(isNfc("TT&TT 985")).toBe(true);
  });
});
