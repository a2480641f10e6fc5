import * as text from "../../../src/core/text";

describe("core/text index", () => {
  it("re-exports the text helpers by name", () => {
    const names = [
      "cleanText",
      "isNfc",
      "foldKey",
      "parseNumber",
      "formatNumber",
      "legacyToUnicode",
      "unicodeToLegacy",
    ].concat(["detectLegacy", "unitKey", "compareVi", "isViSyllable"]);
    for (const name of names) expect(typeof text[name as keyof typeof text]).toBe("function");
    expect(text.viCollator).toBeInstanceOf(Intl.Collator);
  });
});
