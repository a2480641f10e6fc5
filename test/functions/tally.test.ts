import { FnError, tally } from "../../src/functions/functions";
import { FUNCTIONS, functionsMetadata } from "../../src/functions/catalog";

const quaBan = { share: 0.5, strict: true };
const msg = (v: unknown): string => (v instanceof FnError ? v.message : String(v));

describe("EMU.TALLY / BINHXET", () => {
  it("says passed or not and the votes required, for a column; blank stays blank", () => {
    expect(tally([[8], [5], [4], [""]], [[9]], null, null, quaBan, "vi")).toEqual([
      ["Đạt", 5],
      ["Đạt", 5],
      ["Không đạt", 5],
      ["", ""],
    ]);
  });

  it("takes an exact fraction: at least 2/3 of 9 is 6", () => {
    expect(tally([[6], [5]], [[9]], [["2/3"]], [[false]], quaBan, "en")).toEqual([
      ["Passed", 6],
      ["Not passed", 6],
    ]);
    // A share typed as a percent, strict by default: more than 65% of 20 → 14.
    expect(tally([[13], [14]], [[20]], [["65%"]], null, quaBan, "vi")).toEqual([
      ["Không đạt", 14],
      ["Đạt", 14],
    ]);
  });

  it("gives #VALUE! with a message for a bad vote cell, and for bad arguments", () => {
    const out = tally([["bảy"], [2.5], [10]], [[9]], null, null, quaBan, "vi");
    expect(msg(out[0]?.[0])).toContain("không phải là số");
    expect(msg(out[1]?.[0])).toContain("không phải số nguyên");
    expect(msg(out[2]?.[0])).toContain("nhiều hơn");
    expect(() => tally([[1]], [["chín"]], null, null, quaBan, "vi")).toThrow(FnError);
    expect(() => tally([[1]], [[9]], [["3/2"]], null, quaBan, "en")).toThrow(/share must be/);
    expect(() => tally([[1]], [[9]], null, [["có"]], quaBan, "vi")).toThrow(/tren phải là/);
  });

  it("is in the catalog under both names, with optional share and strict", () => {
    const def = FUNCTIONS.find((f) => f.id === "TALLY");
    expect(def?.name).toEqual({ en: "TALLY", vi: "BINHXET" });
    expect(def?.parameters.map((p) => p.optional === true)).toEqual([false, false, true, true]);
    const vi = functionsMetadata("vi").functions as { id: string; name: string }[];
    expect(vi.find((f) => f.id === "TALLY")?.name).toBe("BINHXET");
  });
});
