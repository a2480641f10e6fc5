import { canonicalScore, classifyScore } from "./classify";
import { viCollator } from "./text";
import type { Rules, TieBreak } from "./rules";
import { vetoLabel } from "./rules";
import type { ScoreTable, UnitRow } from "./score-table";

/** One line of the ranking, in ranking order. */
export interface RankedUnit {
  /** Sequential number in the notice (1, 2, 3 …), never shared. */
  readonly stt: number;
  readonly unit: UnitRow;
  /** The score ranking used: the unit's `score` (its total, or verified/self ± bonus and deductions). */
  readonly score: number;
  /** Competition rank like Excel's RANK.EQ: 1, 2, 3, 3, 5. */
  readonly rank: number;
  /** True when another unit shares this rank. */
  readonly tied: boolean;
  /** verified − self, when both exist. */
  readonly gap: number | null;
  readonly classification: string;
  /** The proposed award, or null. A proposal (đề nghị): the council decides. */
  readonly award: string | null;
  /** A tie straddles the award's quota: the council must deliberate or vote. */
  readonly needsDeliberation: boolean;
}

/** Higher is better for every tie-break value, so one comparison serves all. */
function tieValue(u: UnitRow, t: TieBreak): number {
  switch (t) {
    case "higher-self":
      return canonicalScore(u.self ?? 0);
    case "fewer-deductions":
      return -canonicalScore(u.deduction ?? 0);
    case "smaller-gap":
      return -Math.abs(canonicalScore((u.verified ?? u.self ?? 0) - (u.self ?? 0)));
    case "more-bonus":
      return canonicalScore(u.bonus ?? 0);
  }
}

/**
 * The indices 0 … n − 1 ordered by each column in turn, highest first, then by index, without a
 * comparison: each column's values become their places (0 for the highest; −0 and 0 are one
 * value, as the comparison by subtraction has it), and one stable counting sort per column, the
 * last column first, leaves the order of the first column, ties in the next, … and the index
 * last. Linear: scores of at most two decimals are placed by their hundredths directly
 * (`centiPlaces`); other columns by a sort of their values. A NaN sends the whole order to the
 * comparator sort. Packed keys in one native sort of doubles took 0.1 s for 100,000 units: three
 * sorts of 100,000 doubles and a floating-point remainder per unit.
 * @example numericOrder([Float64Array.of(5, 7, 5), Float64Array.of(1, 0, 2)], 3) //=> [1, 2, 0]
 */
export function numericOrder(columns: readonly Float64Array[], n: number): number[] {
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Int32Array(n);
  for (let c = columns.length - 1; c >= 0; c--) {
    const col = columns[c] as Float64Array;
    const placed = centiPlaces(col, n) ?? sortedPlaces(col, n);
    if (placed === null) return comparatorOrder(columns, n);
    const { place, count } = placed;
    // Counting sort, stable: where each place's run starts, then each index to its run in order.
    const at = new Int32Array(count + 1);
    for (let i = 0; i < n; i++) (at[(place[i] as number) + 1] as number)++;
    for (let p = 0; p < count; p++) at[p + 1] = (at[p + 1] as number) + (at[p] as number);
    for (let k = 0; k < n; k++) {
      const i = order[k] as number;
      const p = place[i] as number;
      next[at[p] as number] = i;
      at[p] = (at[p] as number) + 1;
    }
    [order, next] = [next, order];
  }
  const out: number[] = [];
  for (let k = 0; k < n; k++) out.push(order[k] as number);
  return out;
}

/** Each unit's place in a column (0 for the highest value) and how many places there are. */
interface Places {
  readonly place: Uint32Array;
  readonly count: number;
}

/**
 * Places by hundredths, when every value is a whole number of hundredths (scores as typed: whole
 * points, halves, quarters …) and they span at most a few times n of them, so the count stays
 * linear. Exact: a value that is not `q / 100` for an integer q is refused, so two values never
 * share a place; rounding ×100 never reverses an order.
 */
function centiPlaces(col: Float64Array, n: number): Places | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = col[i] as number;
    const q = Math.round(v * 100);
    if (q / 100 !== v) return null; // more decimals, or NaN
    if (q < lo) lo = q;
    if (q > hi) hi = q;
  }
  // Finite, exact in subtraction, and few enough places to count.
  if (!(hi - lo <= 4 * n + 1024) || !(Math.abs(lo) <= 2 ** 52 && Math.abs(hi) <= 2 ** 52)) return null;
  const place = new Uint32Array(n);
  for (let i = 0; i < n; i++) place[i] = hi - Math.round((col[i] as number) * 100);
  return { place, count: hi - lo + 1 };
}

/** Places among the column's distinct values, found by one sort of a copy; null on a NaN. */
function sortedPlaces(col: Float64Array, n: number): Places | null {
  const distinct = col.slice().sort();
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = distinct[i] as number;
    if (v !== v) return null; // NaN
    if (m === 0 || v !== distinct[m - 1]) distinct[m++] = v === 0 ? 0 : v;
  }
  const place = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    // The value's position among the distinct ones, counted from the highest.
    const v = col[i] as number;
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((distinct[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    place[i] = m - 1 - lo;
  }
  return { place, count: m };
}

/**
 * Sorts `a[from … to − 1]` in place by binary insertion: as few comparisons as a merge sort on a
 * short run (each is a collator call here), and no copy of the run. Ties are ranked in runs of a
 * few units; a 100,000-unit table has some 17,000 of them.
 */
function insertionSort(a: number[], from: number, to: number, cmp: (x: number, y: number) => number): void {
  for (let i = from + 1; i < to; i++) {
    const x = a[i] as number;
    let lo = from;
    let hi = i;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(a[mid] as number, x) > 0) hi = mid;
      else lo = mid + 1;
    }
    for (let j = i; j > lo; j--) a[j] = a[j - 1] as number;
    a[lo] = x;
  }
}

/** `numericOrder` by comparisons: each column highest first, then the index. */
function comparatorOrder(columns: readonly Float64Array[], n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  return order.sort((a, b) => {
    for (const col of columns) {
      const d = (col[b] as number) - (col[a] as number);
      if (d < 0 || d > 0) return d; // NaN compares as equal, as it did in the ranking's sort
    }
    return a - b;
  });
}

/**
 * Ranks the units of a validated table: competition ranks on the basis score (split further only
 * by the tie-break chain the rules configure), classification by bands (a veto forces the veto
 * class), in display order score ↓, then the chain, then self-score ↓, then Vietnamese name order.
 * Linear after one sort: scores are read once into typed arrays.
 * @example rankTable(table, rules).map((r) => r.rank) //=> [1, 2, 3, 3, 5, 6, 6]
 */
export function rankTable(table: ScoreTable, rules: Rules): RankedUnit[] {
  const units = table.units;
  const n = units.length;
  const score = new Float64Array(n);
  const self = new Float64Array(n);
  const chain = rules.tieBreak;
  const ties = chain.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const u = units[i] as UnitRow;
    score[i] = canonicalScore(u.score);
    self[i] = canonicalScore(u.self ?? 0);
    for (let k = 0; k < chain.length; k++) (ties[k] as Float64Array)[i] = tieValue(u, chain[k] as TieBreak);
  }
  /** Compares what decides the rank: the score, then the configured chain. */
  const rankCmp = (a: number, b: number): number => {
    const d = (score[b] as number) - (score[a] as number);
    if (d !== 0) return d;
    for (const t of ties) {
      const e = (t[b] as number) - (t[a] as number);
      if (e !== 0) return e;
    }
    return 0;
  };
  // Numbers first: the order by score, chain and self-score (then row) needs no name. Only a run
  // of units equal on all of those is put in Vietnamese name order, so the collator (the costly
  // comparison) runs within ties only, on names read once into an array. The same order as one
  // sort by score, chain, self-score, name, row.
  const order = numericOrder([score, ...ties, self], n);
  let names: string[] | null = null;
  for (let start = 0; start < n;) {
    const first = order[start] as number;
    let end = start + 1;
    while (end < n) {
      const cur = order[end] as number;
      if (rankCmp(first, cur) !== 0 || self[first] !== self[cur]) break;
      end++;
    }
    if (end - start > 1) {
      // Names are NFC already (cleanText): the collator itself, without compareVi's normalising.
      const nm = (names ??= units.map((u) => u.name));
      const byName = (a: number, b: number): number =>
        viCollator.compare(nm[a] as string, nm[b] as string) || a - b;
      if (end - start <= 32) insertionSort(order, start, end, byName);
      else {
        const run = order.slice(start, end).sort(byName);
        for (let k = 0; k < run.length; k++) order[start + k] = run[k] as number;
      }
    }
    start = end;
  }

  const ranks = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const prev = order[k - 1];
    const cur = order[k] as number;
    ranks[k] = k > 0 && prev !== undefined && rankCmp(prev, cur) === 0 ? (ranks[k - 1] as number) : k + 1;
  }
  const veto = vetoLabel(rules);
  const lowest = rules.bands[rules.bands.length - 1]?.label ?? "";
  const out: RankedUnit[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const u = units[i] as UnitRow;
    const rank = ranks[k] as number;
    const tied = (k > 0 && ranks[k - 1] === rank) || (k + 1 < n && ranks[k + 1] === rank);
    const s = score[i] as number;
    out[k] = {
      stt: k + 1,
      unit: u,
      score: s,
      rank,
      tied,
      gap: u.self !== null && u.verified !== null ? canonicalScore(u.verified - u.self) : null,
      classification: u.veto ? veto : (classifyScore(s, rules.bands) ?? lowest),
      award: null,
      needsDeliberation: false,
    };
  }
  return out;
}

/**
 * Competition rank of one score among others (Excel's RANK.EQ, descending): 1 + how many are higher.
 * @example competitionRank(965, [985, 975, 995, 965]) //=> 3 (995, 985, 975 are higher)
 */
export function competitionRank(value: number, scores: readonly number[]): number {
  const v = canonicalScore(value);
  let higher = 0;
  for (const s of scores) if (canonicalScore(s) > v) higher++;
  return higher + 1;
}
