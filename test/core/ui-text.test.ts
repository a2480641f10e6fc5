import { UI_TEXT, uiText } from "../../src/core";

describe("ui-text: the pane's strings", () => {
  it("has every string in both languages, with the same placeholders", () => {
    for (const [key, t] of Object.entries(UI_TEXT)) {
      expect([key, t.vi.trim().length > 0, t.en.trim().length > 0]).toEqual([key, true, true]);
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect([key, vars(t.vi)]).toEqual([key, vars(t.en)]);
    }
  });

  it("keeps Vietnamese diacritics in NFC", () => {
    for (const t of Object.values(UI_TEXT)) expect(t.vi).toBe(t.vi.normalize("NFC"));
  });

  it("fills placeholders and leaves unknown ones", () => {
    expect(uiText("vi", "checkErrors", { count: 3 })).toBe("Lỗi (3)");
    expect(uiText("en", "checkErrors", { count: 3 })).toBe("Errors (3)");
    expect(uiText("en", "checkErrors")).toBe("Errors ({count})");
  });
});
