/**
 * Section 1: the engine's whole use case (`rankWorkbook`: detect + validate + rank + classify +
 * awards) against the floor, a bare `Float64Array` sort of the same scores; and a phase split.
 */
import {
  proposeAwards,
  rankTable,
  rankWorkbook,
  readScoreTable,
  detectTable,
  resolveRules,
  sortIssues,
  vetoIssues,
  type Rules,
} from "../../src/core";
import { SHEET_NAME, summaryGrid, type BenchUnit } from "./data";
import { median } from "./stats";

export interface EngineRow {
  n: number;
  /** Median ms of `rankWorkbook` on the summary grid. */
  ms: number;
  /** Median ms of `Float64Array.from(scores).sort()` on the same n verified scores. */
  sortMs: number;
  /** ms ÷ sortMs. */
  ratioToSort: number;
  runs: number;
  /** Sorts averaged inside one sort sample (a 1,000-score sort is a few µs: timed in batches). */
  sortRepsPerRun: number;
  /** Median ms of the validating limit on the same units (see `timeLimit`). */
  limitMs: number;
  /** ms ÷ limitMs. */
  ratioToLimit: number;
}

/** Times `rankWorkbook` on a prebuilt grid: `runs` samples after one warm-up. */
export function timeEngine(grid: ReturnType<typeof summaryGrid>, runs: number, rules?: Rules): number {
  const req = { sheets: [{ name: SHEET_NAME, grid }], ...(rules ? { rules } : {}) };
  const check = rankWorkbook(req); // warm-up, and a guard: a failed validation would time nothing
  if (!check.ok || check.ranking.length === 0)
    throw new Error(`bench data did not rank: ${check.issues.map((i) => i.code).join(", ")}`);
  const samples: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    rankWorkbook(req);
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/** Times the sort baseline: each sample averages enough sorts to last ≥ 2 ms. */
export function timeSort(scores: readonly number[], runs: number): { ms: number; reps: number } {
  Float64Array.from(scores).sort(); // warm-up
  const t0 = performance.now();
  Float64Array.from(scores).sort();
  const one = Math.max(performance.now() - t0, 0.001);
  const reps = Math.max(1, Math.ceil(2 / one));
  const samples: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    for (let r = 0; r < reps; r++) Float64Array.from(scores).sort();
    samples.push((performance.now() - t) / reps);
  }
  return { ms: median(samples), reps };
}

/** Latin-1 letters and symbols, where TCVN3 and VNI put their codes (0xA1–0xFF). */
const LEGACY_RANGE = /[\u00A1-\u00FF]/;
const MARKS = /[\u0300-\u036F]/g;
const limitCollator = new Intl.Collator("vi");

/**
 * The validating limit: the least a ranker that checks names must do, written plainly with the
 * platform's own tools and none of the engine's code. A `Float64Array` sort of the scores, the
 * NFC form of every name, an `Intl.Collator("vi")` sort of the names, a scan of every name for
 * the characters legacy encodings use, and a `Map` of accent-folded name keys (duplicates).
 * Returns a checksum so nothing can be optimised away.
 */
export function validatingLimit(names: readonly string[], scores: readonly number[]): number {
  const sorted = Float64Array.from(scores).sort();
  const nfc = names.map((s) => s.normalize("NFC"));
  const ordered = [...nfc].sort(limitCollator.compare);
  let legacy = 0;
  for (const s of nfc) if (LEGACY_RANGE.test(s)) legacy++;
  const keys = new Map<string, number>();
  nfc.forEach((s, i) => keys.set(s.normalize("NFD").replace(MARKS, "").replace(/đ/g, "d").toLowerCase(), i));
  return (sorted[0] ?? 0) + ordered.length + legacy + keys.size;
}

/** Times `validatingLimit`: `runs` samples after one warm-up. */
export function timeLimit(units: readonly BenchUnit[], runs: number): number {
  const names = units.map((u) => u.name);
  const scores = units.map((u) => u.verified);
  if (validatingLimit(names, scores) < units.length)
    throw new Error("the limit saw duplicate keys: the bench names must be unique");
  const samples: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    validatingLimit(names, scores);
    samples.push(performance.now() - t);
  }
  return median(samples);
}

export function engineVsSort(units: readonly BenchUnit[], runs: number): EngineRow {
  const grid = summaryGrid(units);
  const ms = timeEngine(grid, runs);
  const sort = timeSort(
    units.map((u) => u.verified),
    runs,
  );
  const limitMs = timeLimit(units, runs);
  return {
    n: units.length,
    ms,
    sortMs: sort.ms,
    ratioToSort: ms / sort.ms,
    runs,
    sortRepsPerRun: sort.reps,
    limitMs,
    ratioToLimit: ms / limitMs,
  };
}

export interface PhaseSplit {
  n: number;
  runs: number;
  /** Median ms per phase, in `rankWorkbook`'s order. */
  phases: { phase: string; ms: number; share: number }[];
  totalMs: number;
}

/**
 * The phases of `rankWorkbook`, timed separately by calling the same core functions in the same
 * order (rules, detect, validate = readScoreTable minus its own detect, rank + classify, awards,
 * the issue list). Medians over `runs`.
 */
export function phaseSplit(units: readonly BenchUnit[], runs: number): PhaseSplit {
  const grid = summaryGrid(units);
  const sheets = [{ name: SHEET_NAME, grid }];
  const origin = { sheet: SHEET_NAME, row: 0, col: 0 };
  const names = ["rules", "detect", "validate", "rank+classify", "awards", "issues"] as const;
  const samples: Record<(typeof names)[number], number[]> = {
    rules: [],
    detect: [],
    validate: [],
    "rank+classify": [],
    awards: [],
    issues: [],
  };
  for (let k = 0; k <= runs; k++) {
    let t = performance.now();
    const resolved = resolveRules(sheets);
    const tRules = performance.now() - t;
    if (!resolved.ok) throw new Error("rules did not resolve");
    const rules = resolved.value.rules;
    t = performance.now();
    detectTable(grid, origin);
    const tDetect = performance.now() - t;
    t = performance.now();
    const read = readScoreTable(grid, origin, rules);
    const tRead = performance.now() - t;
    if (!read.ok) throw new Error("bench data did not validate");
    t = performance.now();
    const ranked = rankTable(read.value, rules);
    const tRank = performance.now() - t;
    t = performance.now();
    const awarded = proposeAwards(ranked, rules);
    const tAwards = performance.now() - t;
    t = performance.now();
    const veto = vetoIssues(awarded.ranking);
    sortIssues([...resolved.issues, ...read.issues, ...veto, ...awarded.issues]);
    const tIssues = performance.now() - t;
    if (k === 0) continue; // warm-up
    samples.rules.push(tRules);
    samples.detect.push(tDetect);
    samples.validate.push(tRead - tDetect);
    samples["rank+classify"].push(tRank);
    samples.awards.push(tAwards);
    samples.issues.push(tIssues);
  }
  const phases = names.map((phase) => ({ phase, ms: median(samples[phase]), share: 0 }));
  const totalMs = phases.reduce((a, p) => a + p.ms, 0);
  for (const p of phases) p.share = p.ms / totalMs;
  return { n: units.length, runs, phases, totalMs };
}
