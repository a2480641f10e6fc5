import fc from "fast-check";
import { numericOrder } from "../../src/core/rank";

/** The order by plain comparisons: each column highest first, then the index. */
function reference(columns: readonly number[][], n: number): number[] {
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    for (const col of columns) {
      const d = (col[b] as number) - (col[a] as number);
      if (d < 0 || d > 0) return d;
    }
    return a - b;
  });
}

// Scores as staff type them (a few decimals, many ties), −0 from "fewer deductions", the odd NaN.
const value = fc.oneof(
  fc.integer({ min: 0, max: 40 }).map((k) => 900 + k / 4),
  fc.constantFrom(0, -0, 1000, -5.5),
  fc.double({ noNaN: true }),
);

describe("numericOrder: one native sort in the order of the comparisons", () => {
  it("orders like the comparator for any columns, ties, −0 and large values", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 4 })
          .chain((cols) =>
            fc
              .integer({ min: 0, max: 60 })
              .chain((n) =>
                fc
                  .array(fc.array(value, { minLength: n, maxLength: n }), {
                    minLength: cols,
                    maxLength: cols,
                  })
                  .map((columns) => ({ columns, n })),
              ),
          ),
        ({ columns, n }) => {
          const typed = columns.map((c) => Float64Array.from(c));
          expect(numericOrder(typed, n)).toEqual(reference(columns, n));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("falls back to comparisons when a value is NaN or the keys would not fit in 2⁵³", () => {
    const withNaN = [
      [3, Number.NaN, 3, 1],
      [1, 2, 0, 5],
    ];
    expect(
      numericOrder(
        withNaN.map((c) => Float64Array.from(c)),
        4,
      ),
    ).toEqual(reference(withNaN, 4));
    // 5 columns of 2,000 distinct values each: 2,000⁵ × 2,000 is far past 2⁵³.
    const n = 2000;
    const wide = Array.from({ length: 5 }, (_, c) =>
      Array.from({ length: n }, (_, i) => ((i * (c + 7)) % n) / 3),
    );
    expect(
      numericOrder(
        wide.map((c) => Float64Array.from(c)),
        n,
      ),
    ).toEqual(reference(wide, n));
  });

  it("ranks 100,000 units with 981 scores and 17,165 score pairs like the comparator", () => {
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const n = 100_000;
    const score = Array.from({ length: n }, () => 1000 - Math.floor(rnd() * 981) / 4);
    const self = score.map((s) => Math.min(1000, s + Math.floor(rnd() * 20)));
    const cols = [score, self];
    expect(
      numericOrder(
        cols.map((c) => Float64Array.from(c)),
        n,
      ),
    ).toEqual(reference(cols, n));
  });
});
