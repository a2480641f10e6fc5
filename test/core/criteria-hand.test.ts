import { readFileSync } from "node:fs";
import { join } from "node:path";
import { detailedCase } from "../fixtures/make-fixtures";

/**
 * The clean detailed fixture, totalled by hand from the generator's own data (leaf points of the
 * normal criteria + bonus up to its cap of 5 − deductions), must be what `emu rank` ranked on.
 */
describe("criteria-clean-multi against a hand computation", () => {
  it("has the same verified totals and order", () => {
    const { criteria, units } = detailedCase();
    const hand = units.map((u) => {
      const sum = (vals: (number | "")[], kind: string) =>
        criteria.reduce(
          (a, c, i) =>
            a + (c.leaf && c.kind === kind && typeof vals[i] === "number" ? (vals[i] as number) : 0),
          0,
        );
      const total = (vals: (number | "")[]) =>
        sum(vals, "normal") + Math.min(sum(vals, "bonus"), 5) - sum(vals, "deduction");
      return { unit: u.name, self: total(u.self), verified: total(u.verified) };
    });
    const expected = JSON.parse(
      readFileSync(join(__dirname, "../fixtures/criteria-clean-multi/expected.json"), "utf8"),
    );
    const got = expected.report.units.map((u: { unit: string; self: number; verified: number }) => ({
      unit: u.unit,
      self: u.self,
      verified: u.verified,
    }));
    const sorted = [...hand].sort(
      (a, b) => b.verified - a.verified || b.self - a.self || a.unit.localeCompare(b.unit, "vi"),
    );
    expect(got).toEqual(sorted);
  });
});
