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
 * The indices 0 … n − 1 ordered by each column in turn, highest first, then by index: one native
 * sort of numbers. Each column's values become their places among its distinct values (−0 and 0
 * are one value, as the comparison by subtraction has it), and a unit's places and index are
 * packed into one exact integer key, with room while the distinct counts multiplied by n stay
 * under 2⁵³ (1,000 scores × 1,000 self-scores × 100,000 units is 10¹¹). Otherwise, or when a
 * value is not a number, a comparator sort gives the same order. The comparator sort was a fifth
 * of ranking 100,000 units.
 * @example numericOrder([Float64Array.of(5, 7, 5), Float64Array.of(1, 0, 2)], 3) //=> [1, 2, 0]
 */
export function numericOrder(columns: readonly Float64Array[], n: number): number[] {
  const places: Uint32Array[] = [];
  const counts: number[] = [];
  let room = n;
  for (const col of columns) {
    const distinct = col.slice().sort();
    let m = 0;
    for (let i = 0; i < n; i++) {
      const v = distinct[i] as number;
      if (v !== v) return comparatorOrder(columns, n); // NaN
      if (m === 0 || v !== distinct[m - 1]) distinct[m++] = v === 0 ? 0 : v;
    }
    room *= m;
    if (!(room <= Number.MAX_SAFE_INTEGER)) return comparatorOrder(columns, n);
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
    places.push(place);
    counts.push(m);
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let key = 0;
    for (let c = 0; c < places.length; c++)
      key = key * (counts[c] as number) + ((places[c] as Uint32Array)[i] as number);
    keys[i] = key * n + i;
  }
  keys.sort();
  const order = new Array<number>(n);
  for (let k = 0; k < n; k++) order[k] = (keys[k] as number) % n;
  return order;
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
