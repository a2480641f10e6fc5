import fc from "fast-check";
import {
  classifyScore,
  presetRules,
  rankTable,
  rankWorkbook,
  readScoreTable,
  buildNotice,
  DEFAULT_NOTICE_FIELDS,
  sameUnitName,
  unitKey,
  type CellValue,
} from "../../src/core";
import { at } from "../helpers/grid";

const RUNS = { numRuns: 1000, seed: 20221215 };
const rules = presetRules("cum-1000");

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(""),
  fc.integer({ min: -10, max: 1200 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constantFrom(
    "#N/A",
    "#VALUE!",
    "Tổng cộng",
    "STT",
    "Đơn vị",
    "Điểm tự chấm",
    "Điểm chấm thẩm định",
    "962,5",
    " 985 ",
    "1.000",
    "abc",
    "B¶o Th¾ng",
  ),
  fc.string({ maxLength: 12 }),
);
const anyGrid = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 25 });

const unitRows = fc.uniqueArray(
  fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })),
  {
    minLength: 1,
    maxLength: 30,
  },
);

function table(rows: [number, number][], order: number[]): CellValue[][] {
  const head: CellValue[] = ["Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định"];
  return [
    head,
    ...order.map((k) => [
      `Đơn vị số ${k + 1}`,
      Math.max(...(rows[k] as [number, number])),
      Math.min(...(rows[k] as [number, number])),
    ]),
  ];
}

describe("invariants", () => {
  it("the whole pipeline never throws on any grid, and every issue points inside it", () => {
    fc.assert(
      fc.property(anyGrid, (g) => {
        const out = rankWorkbook({ sheets: [{ name: "S", grid: g }] });
        for (const i of out.issues) {
          if (!i.cell) continue;
          expect(i.cell.row).toBeLessThan(Math.max(g.length, 1));
          expect(i.cell.col).toBeLessThan(Math.max(1, ...g.map((r) => r.length)));
        }
        if (out.ok) buildNotice(out.ranking, DEFAULT_NOTICE_FIELDS, { sheetName: "T" });
      }),
      RUNS,
    );
  });

  it("ranking does not depend on row order", () => {
    fc.assert(
      fc.property(
        unitRows.chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.shuffledSubarray(
              rows.map((_, k) => k),
              { minLength: rows.length },
            ),
          ),
        ),
        ([rows, order]) => {
          const a = rankTable(
            unwrapTable(
              table(
                rows,
                rows.map((_, k) => k),
              ),
            ),
            rules,
          );
          const b = rankTable(unwrapTable(table(rows, order)), rules);
          expect(b.map((r) => [r.unit.name, r.rank, r.tied])).toEqual(
            a.map((r) => [r.unit.name, r.rank, r.tied]),
          );
        },
      ),
      RUNS,
    );
  });

  it("equal scores share a rank, and ranks follow RANK.EQ", () => {
    fc.assert(
      fc.property(unitRows, (rows) => {
        const ranked = rankTable(
          unwrapTable(
            table(
              rows,
              rows.map((_, k) => k),
            ),
          ),
          rules,
        );
        for (const r of ranked) {
          const higher = ranked.filter((x) => x.score > r.score).length;
          expect(r.rank).toBe(higher + 1);
          expect(r.tied).toBe(ranked.some((x) => x !== r && x.score === r.score));
        }
        expect(ranked.map((r) => r.stt)).toEqual(ranked.map((_, k) => k + 1));
      }),
      RUNS,
    );
  });

  it("classification is monotonic in the score", () => {
    const order = rules.bands.map((b) => b.label);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (x, y) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          expect(order.indexOf(classifyScore(hi, rules.bands) ?? "")).toBeLessThanOrEqual(
            order.indexOf(classifyScore(lo, rules.bands) ?? ""),
          );
        },
      ),
      RUNS,
    );
  });
});

function unwrapTable(g: CellValue[][]) {
  const r = readScoreTable(g, at("S"), { ...rules, verifiedAboveSelf: "allow" });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("duplicate units, found by hash", () => {
  it("flag exactly the rows the plain definition flags, each pointing at the first same unit", () => {
    // Spellings that fold to one key in many ways: abbreviations, capitals, missing accents, and
    // tone-mark twins that are different places (Tân Thành / Tân Thạnh).
    const names = fc.constantFrom(
      "Sở TT&TT Tân Thành",
      "SỞ THÔNG TIN VÀ TRUYỀN THÔNG TÂN THÀNH",
      "So TTTT Tan Thanh",
      "Sở TT&TT Tân Thạnh",
      "Sở TT&TT tỉnh Tân Thạnh",
      "UBND xã An Hoà",
      "UBND xã An Hòa",
      "Ủy ban nhân dân xã An Hòa",
      "UBND xã An Hóa",
      "Sở TT&TT Điện Biên",
    );
    fc.assert(
      fc.property(fc.array(names, { minLength: 1, maxLength: 12 }), (list) => {
        const grid = [["STT", "Đơn vị", "Điểm tự chấm"], ...list.map((n, i) => [i + 1, n, 900])];
        const read = readScoreTable(grid, at("Bảng điểm"), rules);
        const got = read.issues
          .filter((i) => i.code === "duplicate-unit")
          .map((i) => `${i.cell?.row}:${(i as { firstAddress?: string }).firstAddress}`);
        // The definition: a row repeats the first earlier row, not itself a repeat, with the same
        // unitKey and a name sameUnitName accepts.
        const kept: number[] = [];
        const want: string[] = [];
        list.forEach((name, i) => {
          const first = kept.find(
            (j) => unitKey(list[j] as string) === unitKey(name) && sameUnitName(list[j] as string, name),
          );
          if (first === undefined) kept.push(i);
          else want.push(`${i + 1}:'Bảng điểm'!B${first + 2}`);
        });
        expect(got.sort()).toEqual(want.sort());
      }),
      RUNS,
    );
  });
});
