import fc from "fast-check";
import { detectCriteria, scoreCriteria, type CriteriaTable } from "../../src/core/criteria";
import { canonicalScore, type CellValue } from "../../src/core";
import { at, unwrap } from "../helpers/grid";

/**
 * Invariants of the criteria tree and its totals, over generated criteria sheets: any depth up
 * to three, numbered or only indented, with a bonus section, one unit a sheet or several side by
 * side. The expected totals are computed here independently, from the generated tree.
 */

const RUNS = { numRuns: 300, seed: 20231122 };

interface Leaf {
  readonly max: number;
  /** The unit's points, as a fraction of the maximum (0..1, in halves of a point). */
  readonly shares: readonly number[];
}
interface Group {
  readonly children: readonly Node[];
}
type Node = Leaf | Group;
const isLeaf = (n: Node): n is Leaf => "max" in n;

const UNITS = 3;
const leaf: fc.Arbitrary<Leaf> = fc.record({
  max: fc.integer({ min: 1, max: 40 }).map((x) => x / 2),
  shares: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: UNITS, maxLength: UNITS }),
});
const node = (depth: number): fc.Arbitrary<Node> =>
  depth >= 2
    ? leaf
    : fc.oneof(
        { weight: 2, arbitrary: leaf },
        {
          weight: 1,
          arbitrary: fc.record({ children: fc.array(node(depth + 1), { minLength: 1, maxLength: 4 }) }),
        },
      );
const sheet = fc.record({
  roots: fc.array(node(0), { minLength: 1, maxLength: 5 }),
  bonus: fc.array(leaf, { minLength: 0, maxLength: 2 }),
});

/** A unit's points on a leaf: its share of the maximum, in halves of a point. */
const points = (l: Leaf, unit: number): number => Math.floor(((l.shares[unit] ?? 0) / 100) * l.max * 2) / 2;
const maxOf = (n: Node): number => (isLeaf(n) ? n.max : n.children.reduce((a, c) => a + maxOf(c), 0));
const sumOf = (n: Node, unit: number): number =>
  isLeaf(n) ? points(n, unit) : n.children.reduce((a, c) => a + sumOf(c, unit), 0);

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII"];
type Style = "numbered" | "indented";

/** The label of a row in the numbered style: I, 1, a. */
function label(depth: number, k: number): string {
  return depth === 0 ? (ROMAN[k] ?? "") : depth === 1 ? String(k + 1) : String.fromCharCode(97 + k);
}

/** Renders the generated sheet as a grid: one score column per unit (side by side when several). */
function render(
  s: { roots: readonly Node[]; bonus: readonly Leaf[] },
  style: Style,
  units: readonly number[],
): CellValue[][] {
  const multi = units.length > 1;
  const head = ["TT", "Nội dung tiêu chí", "Điểm tối đa"];
  const rows: CellValue[][] = [];
  if (multi) rows.push(["", "", "", ...units.map((u) => `Sở ${u + 1}`)]);
  else rows.push([`Đơn vị: Sở ${(units[0] ?? 0) + 1}`]);
  rows.push([...head, ...units.map(() => "Điểm tự chấm")]);
  const emit = (n: Node, depth: number, k: number): void => {
    const number = style === "numbered" ? label(depth, k) : "";
    const content = `${style === "indented" ? "    ".repeat(depth) : ""}Tiêu chí ${depth}.${k}`;
    rows.push([number, content, maxOf(n), ...units.map((u) => (isLeaf(n) ? points(n, u) : ""))]);
    if (!isLeaf(n)) n.children.forEach((c, j) => emit(c, depth + 1, j));
  };
  s.roots.forEach((r, k) => emit(r, 0, k));
  if (s.bonus.length > 0) {
    const cap = s.bonus.reduce((a, b) => a + b.max, 0);
    rows.push([
      style === "numbered" ? (ROMAN[s.roots.length] ?? "") : "",
      "Điểm thưởng",
      cap,
      ...units.map(() => ""),
    ]);
    s.bonus.forEach((b, j) =>
      rows.push([
        style === "numbered" ? String(j + 1) : "",
        `${style === "indented" ? "    " : ""}Thưởng ${j}`,
        b.max,
        ...units.map((u) => points(b, u)),
      ]),
    );
  }
  return rows;
}

function expected(s: { roots: readonly Node[]; bonus: readonly Leaf[] }, unit: number) {
  const base = canonicalScore(s.roots.reduce((a, r) => a + sumOf(r, unit), 0));
  const bonus = canonicalScore(s.bonus.reduce((a, b) => a + points(b, unit), 0));
  return { base, bonus, deduction: 0, total: canonicalScore(base + bonus) };
}

function shape(t: CriteriaTable): string[] {
  return t.all.map((n) => `${n.depth}:${n.max}:${n.children.length}:${n.kind}`);
}

describe("criteria tree invariants", () => {
  it("totals equal the sum of the leaves, numbered or indented, with no issue on a clean sheet", () => {
    fc.assert(
      fc.property(sheet, (s) => {
        const numbered = render(s, "numbered", [0]);
        const indented = render(s, "indented", [0]);
        const tn = unwrap(detectCriteria(numbered, at("N")));
        const ti = unwrap(detectCriteria(indented, at("I")));
        // The same tree either way.
        expect(shape(ti)).toEqual(shape(tn));
        for (const [g, t] of [
          [numbered, tn],
          [indented, ti],
        ] as const) {
          const scored = scoreCriteria(g, t);
          expect(scored.issues).toEqual([]);
          expect(scored.totals[0]?.self).toEqual(expected(s, 0));
        }
      }),
      RUNS,
    );
  });

  it("a parent's entered value is accepted iff it equals its children's sum", () => {
    fc.assert(
      fc.property(sheet, fc.nat(), fc.integer({ min: -20, max: 20 }), (s, pick, delta) => {
        const g = render(s, "numbered", [0]);
        const t = unwrap(detectCriteria(g, at("N")));
        const groups = t.all.filter((n) => n.children.length > 0 && n.kind === "normal");
        fc.pre(groups.length > 0);
        const target = groups[pick % groups.length];
        if (!target) return;
        const col = t.units[0]?.self ?? 3;
        const rowOf = (n: typeof target): CellValue[] => g[n.gridRow] as CellValue[];
        const leafSum = (n: typeof target): number =>
          n.children.length === 0 ? Number(rowOf(n)[col]) : n.children.reduce((a, c) => a + leafSum(c), 0);
        const sum = canonicalScore(leafSum(target));
        rowOf(target)[col] = canonicalScore(sum + delta / 2);
        const codes = scoreCriteria(g, t).issues.map((i) => `${i.code}@${i.cell?.row},${i.cell?.col}`);
        expect(codes).toEqual(delta === 0 ? [] : [`parent-sum-mismatch@${target.gridRow},${col}`]);
      }),
      RUNS,
    );
  });

  it("units side by side total exactly as each unit's own sheet, whatever their order", () => {
    fc.assert(
      fc.property(sheet, fc.constantFrom([0, 1, 2], [2, 0, 1], [1, 2, 0]), (s, order) => {
        const g = render(s, "numbered", order);
        const t = unwrap(detectCriteria(g, at("M")));
        expect(t.layout).toBe("multi");
        const scored = scoreCriteria(g, t);
        expect(scored.issues).toEqual([]);
        order.forEach((u, k) => {
          expect(scored.totals[k]?.unit).toBe(`Sở ${u + 1}`);
          expect(scored.totals[k]?.self).toEqual(expected(s, u));
        });
      }),
      RUNS,
    );
  });
});
