import { compareVi, viCollator } from "../../../src/core/text/compare-vi";

const sorted = (names: string[]) => [...names].sort(compareVi);

describe("viCollator", () => {
  it("is backed by ICU's Vietnamese data, not a fallback locale", () => {
    // A Node built with small ICU would resolve "vi" to "en" and sort Đ among the D's.
    expect(Intl.Collator.supportedLocalesOf(["vi"])).toEqual(["vi"]);
    expect(viCollator.resolvedOptions()).toMatchObject({
      locale: "vi",
      sensitivity: "variant",
      numeric: true,
    });
  });
});

describe("compareVi", () => {
  it("puts Đ after every D and before E", () => {
    expect(sorted(["Em", "Điện Biên", "Dương", "Đà Nẵng", "Dz", "Da"])).toEqual([
      "Da",
      "Dương",
      "Dz",
      "Đà Nẵng",
      "Điện Biên",
      "Em",
    ]);
  });

  it("orders the tones as Vietnamese dictionaries do: a à ả ã á ạ", () => {
    expect(sorted(["ạ", "á", "ã", "ả", "à", "a"])).toEqual(["a", "à", "ả", "ã", "á", "ạ"]);
    expect(sorted(["â", "ă", "b", "a"])).toEqual(["a", "ă", "â", "b"]);
    expect(sorted(["ơ", "ô", "o"])).toEqual(["o", "ô", "ơ"]);
  });

  it("sorts the units of a notice alphabetically", () => {
    const units = ["Sơn La", "Lào Cai", "Lạng Sơn", "Hà Giang", "Điện Biên", "Cao Bằng", "Lai Châu"];
    expect(sorted(units)).toEqual([
      "Cao Bằng",
      "Điện Biên",
      "Hà Giang",
      "Lai Châu",
      "Lạng Sơn",
      "Lào Cai",
      "Sơn La",
    ]);
  });

  it("compares numbers inside names by value", () => {
    expect(sorted(["Cụm 10", "Cụm 9", "Cụm 1"])).toEqual(["Cụm 1", "Cụm 9", "Cụm 10"]);
  });

  it("treats NFD text as its NFC twin", () => {
    expect(compareVi("Lạng Sơn".normalize("NFD"), "Lạng Sơn")).toBe(0);
    expect(compareVi("Đà".normalize("NFD"), "Dz")).toBeGreaterThan(0);
  });

  it("handles the boundaries", () => {
    expect(compareVi("", "")).toBe(0);
    expect(compareVi("", "a")).toBeLessThan(0);
    expect(compareVi("A", "a")).not.toBe(0);
  });

  it("throws on a non-string, which is a programming error", () => {
    expect(() => compareVi(1 as unknown as string, "a")).toThrow(TypeError);
  });
});
