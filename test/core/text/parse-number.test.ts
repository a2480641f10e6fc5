import fc from "fast-check";
import type { CellValue } from "../../../src/core/types";
import { formatNumber, parseNumber } from "../../../src/core/text/parse-number";

const num = (value: number, source: "number" | "text" | "decimal-comma" = "text", percent = false) => ({
  kind: "number",
  value,
  source,
  percent,
});

describe("parseNumber", () => {
  it("passes finite numbers through", () => {
    expect(parseNumber(985)).toEqual(num(985, "number"));
    expect(parseNumber(-30)).toEqual(num(-30, "number"));
    expect(parseNumber(0.1 + 0.2)).toEqual(num(0.1 + 0.2, "number"));
  });

  it("reads text-stored numbers", () => {
    expect(parseNumber("985")).toEqual(num(985));
    expect(parseNumber(" 975 ")).toEqual(num(975));
    expect(parseNumber("975\u00A0")).toEqual(num(975));
    expect(parseNumber("+10")).toEqual(num(10));
    expect(parseNumber("-30")).toEqual(num(-30));
    expect(parseNumber("\u221230")).toEqual(num(-30));
    expect(parseNumber("007")).toEqual(num(7));
  });

  it("reads the Vietnamese thousands dot and decimal comma", () => {
    expect(parseNumber("1.000")).toEqual(num(1000));
    expect(parseNumber("12.345.678")).toEqual(num(12345678));
    expect(parseNumber("1.000,5")).toEqual(num(1000.5, "decimal-comma"));
    expect(parseNumber("962,5")).toEqual(num(962.5, "decimal-comma"));
    expect(parseNumber("0,3")).toEqual(num(0.3, "decimal-comma"));
    expect(parseNumber(",5")).toEqual(num(0.5, "decimal-comma"));
    expect(parseNumber("-1.234,75")).toEqual(num(-1234.75, "decimal-comma"));
  });

  it("reads a comma before three digits as a decimal comma, as a Vietnamese workbook means it", () => {
    expect(parseNumber("1,000")).toEqual(num(1, "decimal-comma"));
  });

  it("accepts an unambiguous decimal dot", () => {
    expect(parseNumber("962.5")).toEqual(num(962.5));
    expect(parseNumber("0.75")).toEqual(num(0.75));
    expect(parseNumber("0.750")).toEqual(num(0.75));
    expect(parseNumber("1.0000")).toEqual(num(1));
    expect(parseNumber("1.23")).toEqual(num(1.23));
  });

  it("reads spaces as thousands separators", () => {
    expect(parseNumber("1 000")).toEqual(num(1000));
    expect(parseNumber("1\u00A0000\u00A0000")).toEqual(num(1000000));
    expect(parseNumber("1 000,5")).toEqual(num(1000.5, "decimal-comma"));
    expect(parseNumber("1 000.5")).toEqual(num(1000.5));
  });

  it("reads percentages without dividing them", () => {
    expect(parseNumber("91,77%")).toEqual(num(91.77, "decimal-comma", true));
    expect(parseNumber("91,77 %")).toEqual(num(91.77, "decimal-comma", true));
    expect(parseNumber("100%")).toEqual(num(100, "text", true));
  });

  it("treats empty cells as empty", () => {
    expect(parseNumber(null)).toEqual({ kind: "empty" });
    expect(parseNumber("")).toEqual({ kind: "empty" });
    expect(parseNumber(" \u00A0\t")).toEqual({ kind: "empty" });
  });

  it("reports Excel error values", () => {
    for (const error of [
      "#N/A",
      "#VALUE!",
      "#DIV/0!",
      "#REF!",
      "#NAME?",
      "#NUM!",
      "#NULL!",
      "#SPILL!",
      "#CALC!",
    ]) {
      expect(parseNumber(error)).toEqual({ kind: "error", error });
    }
    expect(parseNumber(" #n/a ")).toEqual({ kind: "error", error: "#N/A" });
    expect(parseNumber("#GETTING_DATA")).toEqual({ kind: "error", error: "#GETTING_DATA" });
    expect(parseNumber("#busy!")).toEqual({ kind: "error", error: "#BUSY!" });
  });

  it("refuses values of the wrong type", () => {
    expect(parseNumber(true)).toEqual({ kind: "not-a-number", text: "TRUE" });
    expect(parseNumber(false)).toEqual({ kind: "not-a-number", text: "FALSE" });
    expect(parseNumber(NaN)).toEqual({ kind: "not-a-number", text: "NaN" });
    expect(parseNumber(Infinity)).toEqual({ kind: "not-a-number", text: "Infinity" });
  });

  it("refuses text that is not one number, keeping the original text", () => {
    for (const text of [
      "Xuất sắc",
      "9,6,5",
      "1.000.5",
      "1,000.5",
      "1,234,567",
      "12.34.567",
      "%",
      "-",
      "5,",
      "5.",
      "1e3",
      " 98 5 ",
      "0 500",
      "1.00,5",
    ]) {
      expect(parseNumber(text)).toEqual({ kind: "not-a-number", text });
    }
    expect(parseNumber("9".repeat(400))).toEqual({ kind: "not-a-number", text: "9".repeat(400) });
  });

  it("handles the boundaries", () => {
    expect(parseNumber(0)).toEqual(num(0, "number"));
    expect(parseNumber("-0")).toEqual(num(0));
    expect(Object.is((parseNumber("-0,0") as { value: number }).value, 0)).toBe(true);
    expect(parseNumber(Number.MAX_VALUE)).toEqual(num(Number.MAX_VALUE, "number"));
    expect(parseNumber("999.999")).toEqual(num(999999));
    expect(parseNumber("1000")).toEqual(num(1000));
  });

  it("never throws, whatever the cell holds", () => {
    const cell: fc.Arbitrary<CellValue> = fc.oneof(
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.string(),
      fc.string({ unit: fc.constantFrom("1", "0", ".", ",", " ", "%", "-", "+", "\u00A0", "#", "e") }),
    );
    fc.assert(
      fc.property(cell, (v) => {
        const parsed = parseNumber(v);
        return parsed.kind !== "number" || Number.isFinite(parsed.value);
      }),
      { numRuns: 1000, seed: 42 },
    );
  });

  it("reads back what formatNumber writes", () => {
    const value = fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((n) => Number(n.toFixed(6)));
    fc.assert(
      fc.property(value, fc.constantFrom<"vi" | "en">("vi", "en"), (n, lang) => {
        const parsed = parseNumber(formatNumber(n, lang));
        return parsed.kind === "number" && parsed.value === n;
      }),
      { numRuns: 1000, seed: 42 },
    );
  });
});

describe("formatNumber", () => {
  it("writes the shortest faithful form, never grouped", () => {
    expect(formatNumber(985, "vi")).toBe("985");
    expect(formatNumber(1000, "vi")).toBe("1000");
    expect(formatNumber(1234567, "en")).toBe("1234567");
    expect(formatNumber(962.5, "vi")).toBe("962,5");
    expect(formatNumber(962.5, "en")).toBe("962.5");
    expect(formatNumber(-30, "vi")).toBe("-30");
    expect(formatNumber(91.77, "vi")).toBe("91,77");
  });

  it("keeps at most six decimals and no trailing zeros", () => {
    expect(formatNumber(0.1 + 0.2, "en")).toBe("0.3");
    expect(formatNumber(1 / 3, "vi")).toBe("0,333333");
    expect(formatNumber(2 / 3, "en")).toBe("0.666667");
    expect(formatNumber(0.000001, "en")).toBe("0.000001");
    expect(formatNumber(1.5e-7, "en")).toBe("0");
    expect(formatNumber(-1e-7, "vi")).toBe("0");
    expect(formatNumber(-0, "en")).toBe("0");
  });

  it("shows non-finite values as JavaScript does", () => {
    expect(formatNumber(NaN, "vi")).toBe("NaN");
    expect(formatNumber(-Infinity, "en")).toBe("-Infinity");
  });
});
