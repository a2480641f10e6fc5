import fc from "fast-check";
import {
  fractionOf,
  parseRules,
  parseRulesSheet,
  presetRules,
  requiredVotes,
  rulesSheetGrid,
  voteRuleOf,
  voteRuleText,
  type CellValue,
} from "../../src/core";
import { at, unwrap } from "../helpers/grid";

describe("the vote rule", () => {
  it("computes the required votes exactly (2/3 of 9 is 6, not 6.000…1)", () => {
    expect(requiredVotes({ share: "2/3", strict: false }, 9)).toBe(6);
    expect(requiredVotes({ share: 2 / 3, strict: false }, 9)).toBe(6);
    expect(requiredVotes({ share: "2/3", strict: true }, 9)).toBe(7);
    expect(requiredVotes({ share: 0.5, strict: true }, 9)).toBe(5);
    expect(requiredVotes({ share: 0.5, strict: true }, 8)).toBe(5);
    expect(requiredVotes({ share: 0.5, strict: false }, 8)).toBe(4);
    expect(requiredVotes({ share: 0.9, strict: false }, 10)).toBe(9);
    expect(requiredVotes({ share: 0.7, strict: false }, 10)).toBe(7); // 0.7 × 10 is 7.000000000000001 in floats
    expect(requiredVotes({ share: 1, strict: false }, 7)).toBe(7);
  });

  it("reads shares as exact fractions", () => {
    expect(fractionOf("2/3")).toEqual({ num: 2n, den: 3n });
    expect(fractionOf(" 4 / 6 ")).toEqual({ num: 2n, den: 3n });
    expect(fractionOf(0.75)).toEqual({ num: 3n, den: 4n });
    expect(fractionOf("abc")).toBeNull();
  });

  it("the required number is the least count that meets the rule (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 200 }),
        fc.boolean(),
        (p, q0, base, strict) => {
          const q = Math.max(p, q0);
          const need = requiredVotes({ share: `${p}/${q}`, strict }, base);
          const meets = (v: number) => (strict ? v * q > p * base : v * q >= p * base);
          expect(meets(need)).toBe(true);
          if (need > 0) expect(meets(need - 1)).toBe(false);
        },
      ),
    );
  });

  it("defaults to quá bán of all members and says what it needs", () => {
    expect(voteRuleOf(unwrap(parseRules({ maxScore: 100, bands: [{ min: 0, label: "Đạt" }] })))).toEqual({
      share: 0.5,
      strict: true,
      base: "members",
    });
    expect(voteRuleText(voteRuleOf(presetRules("cum-1000")), 9, "vi")).toBe(
      "Quá bán (trên 1/2 tổng số thành viên): cần ít nhất 5/9 phiếu",
    );
    expect(voteRuleText({ share: "2/3", strict: false, base: "present" }, 9, "en")).toBe(
      "At least 2/3 of members present: needs at least 6/9 votes",
    );
  });

  it("rejects shares outside (0, 1] and unknown bases, naming the field", () => {
    const base = { maxScore: 100, bands: [{ min: 0, label: "Đạt" }] };
    for (const vote of [
      { share: 0 },
      { share: 1.5 },
      { share: "3/2" },
      { share: "hai phần ba" },
      { base: "all" },
    ]) {
      const r = parseRules({ ...base, vote });
      expect(r.ok).toBe(false);
      expect(r.issues[0]).toMatchObject({ code: "rules-invalid" });
      expect((r.issues[0] as { path: string }).path).toMatch(/^vote\./);
    }
  });

  it("round-trips through the rules sheet, and reads what people type there", () => {
    const rules = unwrap(
      parseRules({ ...presetRules("cum-1000"), vote: { share: "2/3", strict: false, base: "valid" } }),
    );
    const back = unwrap(parseRulesSheet(rulesSheetGrid(rules), at("Quy tắc xếp loại")));
    expect(back.vote).toEqual({ share: "2/3", strict: false, base: "valid" });
    const g: CellValue[][] = rulesSheetGrid(presetRules("cum-1000")).map((r) => [...r]);
    const k = g.findIndex((r) => r[0] === "Biểu quyết: tỷ lệ đồng ý");
    g[k] = ["Biểu quyết: tỷ lệ đồng ý", "65%"];
    g[k + 1] = ["BIỂU QUYẾT: CÁCH TÍNH", "từ … trở lên"];
    g[k + 2] = ["Biểu quyết: tính trên", "số có mặt"];
    expect(unwrap(parseRulesSheet(g, at())).vote).toEqual({ share: 0.65, strict: false, base: "present" });
    g[k + 2] = ["Biểu quyết: tính trên", "cả nước"];
    const bad = parseRulesSheet(g, at("Quy tắc xếp loại"));
    expect(bad.ok).toBe(false);
    expect(bad.issues[0]).toMatchObject({ code: "rules-invalid", path: "vote.base" });
  });
});
