import fc from "fast-check";
import { presetRules, rankTable, readScoreTable } from "../../src/core";
import { numericOrder } from "../../src/core/rank";
import { at } from "../helpers/grid";

const rules = presetRules("cum-1000");

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

describe("numericOrder: counting sorts in the order of the comparisons", () => {
  it("orders like the comparator for any columns, ties, −0 and large values", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }).chain((cols) =>
          fc.integer({ min: 0, max: 60 }).chain((n) =>
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

  it("orders scores as typed (hundredths, counted directly) like the comparator", () => {
    // Each column's values are whole hundredths within a span the count covers (990 to 1,000
    // points, or around zero with −0), so every column takes the counting path by hundredths.
    const near1000 = fc.integer({ min: 99_000, max: 100_000 }).map((q) => q / 100);
    const nearZero = fc.constantFrom(0, -0, 0.01, -0.01, 0.5, -2.25, 3);
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 4 })
          .chain((cols) =>
            fc
              .integer({ min: 0, max: 80 })
              .chain((n) =>
                fc
                  .array(
                    fc.oneof(
                      fc.array(near1000, { minLength: n, maxLength: n }),
                      fc.array(nearZero, { minLength: n, maxLength: n }),
                    ),
                    { minLength: cols, maxLength: cols },
                  )
                  .map((columns) => ({ columns, n })),
              ),
          ),
        ({ columns, n }) => {
          expect(
            numericOrder(
              columns.map((c) => Float64Array.from(c)),
              n,
            ),
          ).toEqual(reference(columns, n));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("falls back to comparisons on a NaN, and sorts values that are not hundredths", () => {
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
    // 5 columns of 2,000 distinct thirds each: placed by a sort of each column, not by hundredths.
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

describe("rankTable's display order", () => {
  it("is score ↓, self-score ↓, Vietnamese name order, row — ties short and long", () => {
    // Few distinct scores, so runs of equal score and self-score are common: short ones (sorted
    // in place) and, with up to 80 units on one pair, runs longer than 32 (sorted by copy).
    const place = fc.constantFrom(
      "Điện Biên",
      "Đắk Lắk",
      "Đồng Nai",
      "Dĩ An",
      "Lào Cai",
      "Lai Châu",
      "An Giang",
      "Ăn Khê",
      "Ân Thi",
      "Yên Bái",
    );
    const unit = fc.record({
      kind: fc.constantFrom("Sở TT&TT", "UBND huyện", "Phòng Văn hóa", "Đội QLTT số"),
      place,
      n: fc.integer({ min: 1, max: 400 }),
      self: fc.constantFrom(980, 975),
      gap: fc.constantFrom(0, 5),
    });
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 80 }), (list) => {
        const seen = new Set<string>();
        const units = list
          .map((u) => ({ name: `${u.kind} ${u.n} ${u.place}`, self: u.self, verified: u.self - u.gap }))
          .filter((u) => !seen.has(u.name) && seen.add(u.name));
        const g = [
          ["Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định"],
          ...units.map((u) => [u.name, u.self, u.verified]),
        ];
        const read = readScoreTable(g, at("Bảng điểm"), rules);
        if (!read.ok) return; // a duplicate by abbreviation: not this test's concern
        const got = rankTable(read.value, rules).map((r) => r.unit.name);
        // As the engine orders names: "Số 9" before "Số 10".
        const collator = new Intl.Collator("vi", { sensitivity: "variant", numeric: true });
        const want = units
          .map((u, row) => ({ ...u, row }))
          .sort(
            (a, b) =>
              b.verified - a.verified || b.self - a.self || collator.compare(a.name, b.name) || a.row - b.row,
          )
          .map((u) => u.name);
        expect(got).toEqual(want);
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });
});
