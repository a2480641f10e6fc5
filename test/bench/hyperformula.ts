/**
 * Section 2: the same ranking and classification as the formulas staff type today, computed by
 * HyperFormula (a real spreadsheet engine; GPL-3.0, a devDependency used only here).
 *
 * HyperFormula 3.5 has neither RANK.EQ nor a bare TRUE literal, so the formulas are written with
 * their exact equivalents: RANK.EQ(x, r) = COUNTIF(r, ">"&x) + 1 (the definition of a competition
 * rank, and the other form staff use), and TRUE() for TRUE. The tie-break is the usual COUNTIFS on
 * the self-score. The engine is timed at the same n with the same tie-break (`higher-self`), and
 * every rank and class HyperFormula computes is checked against the engine's.
 */
import { HyperFormula } from "hyperformula";
import { presetRules, rankWorkbook, type Rules } from "../../src/core";
import { HEADER, SHEET_NAME, TITLE_ROWS, generateUnits, summaryGrid, type BenchUnit } from "./data";
import { timeEngine } from "./engine";
import { powerFit } from "./stats";

export interface HyperFormulaRow {
  n: number;
  /** Build (HyperFormula evaluates every formula while building) + reading the results. */
  ms: number;
  /** Median ms of `rankWorkbook` with the same tie-break, same n. */
  engineMs: number;
  /** ms ÷ engineMs. */
  ratio: number;
  /** Every rank and class equals the engine's. */
  agrees: boolean;
}

export const RANK_FORMULA = (r: number, last: number): string =>
  `=COUNTIF($D$2:$D$${last},">"&D${r})+1+COUNTIFS($D$2:$D$${last},D${r},$C$2:$C$${last},">"&C${r})`;
export const CLASS_FORMULA = (r: number): string =>
  `=IFS(D${r}>=900,"Xuất sắc",D${r}>=800,"Tốt",D${r}>=700,"Khá",D${r}>=500,"Trung bình",TRUE(),"Yếu")`;

/** The ranking the formulas compute: higher verified, then higher self splits the tie. */
export const TIE_BREAK_RULES: Rules = { ...presetRules("cum-1000"), tieBreak: ["higher-self"] };

/** Builds the sheet with the formulas, lets HyperFormula compute it, reads ranks and classes. */
export function hyperformulaRun(units: readonly BenchUnit[]): {
  ms: number;
  values: { rank: unknown; cls: unknown }[];
} {
  const n = units.length;
  const last = n + 1;
  const sheet = [
    [...HEADER.slice(0, 4), "Hạng", "Xếp loại"],
    ...units.map((u, i) => [
      i + 1,
      u.name,
      u.self,
      u.verified,
      RANK_FORMULA(i + 2, last),
      CLASS_FORMULA(i + 2),
    ]),
  ];
  const t = performance.now();
  const hf = HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3" });
  const out = hf.getRangeValues({ start: { sheet: 0, row: 1, col: 4 }, end: { sheet: 0, row: n, col: 5 } });
  const ms = performance.now() - t;
  hf.destroy();
  return { ms, values: out.map((row) => ({ rank: row[0], cls: row[1] })) };
}

/** True when HyperFormula's ranks and classes are the engine's, unit by unit. */
export function agreesWithEngine(
  units: readonly BenchUnit[],
  values: { rank: unknown; cls: unknown }[],
): boolean {
  const outcome = rankWorkbook({
    sheets: [{ name: SHEET_NAME, grid: summaryGrid(units) }],
    rules: TIE_BREAK_RULES,
  });
  if (!outcome.ok) return false;
  const byIndex = new Map(outcome.ranking.map((r) => [r.unit.row - TITLE_ROWS - 1, r]));
  return values.every((v, i) => {
    const r = byIndex.get(i);
    return r !== undefined && r.rank === v.rank && r.classification === v.cls;
  });
}

export interface HyperFormulaResult {
  rows: HyperFormulaRow[];
  budgetMs: number;
  /** Why growing stopped. */
  stoppedBecause: string;
  /** ms ≈ a·n^b through the two largest measured sizes. */
  fit: { a: number; b: number } | null;
}

/**
 * Grows n over `steps` while the section stays inside `budgetMs`: the next size runs only when
 * its predicted time (quadratic in n from the last point: every row's COUNTIF scans the column)
 * still fits what is left of the budget.
 */
export function hyperformulaVsEngine(
  steps: readonly number[],
  budgetMs: number,
  engineRuns: number,
  log: (s: string) => void = () => undefined,
): HyperFormulaResult {
  const rows: HyperFormulaRow[] = [];
  const start = performance.now();
  let stoppedBecause = "every size ran";
  for (const n of steps) {
    const prev = rows[rows.length - 1];
    const spent = performance.now() - start;
    if (prev) {
      const predicted = prev.ms * (n / prev.n) ** 2;
      if (spent + predicted > budgetMs) {
        stoppedBecause = `n = ${n} was predicted at ${(predicted / 1000).toFixed(0)} s, past the ${(budgetMs / 1000).toFixed(0)} s budget (${(spent / 1000).toFixed(0)} s spent)`;
        break;
      }
    }
    const units = generateUnits(n);
    log(`  hyperformula n=${n} …`);
    const run = hyperformulaRun(units);
    const engineMs = timeEngine(summaryGrid(units), engineRuns, TIE_BREAK_RULES);
    const agrees = agreesWithEngine(units, run.values);
    rows.push({ n, ms: run.ms, engineMs, ratio: run.ms / engineMs, agrees });
    log(`  hyperformula n=${n}: ${run.ms.toFixed(0)} ms, engine ${engineMs.toFixed(1)} ms, agrees ${agrees}`);
  }
  // The last two sizes: the constant start-up cost weighs least there, so their slope is the
  // closest to how the formulas grow beyond them.
  return { rows, budgetMs, stoppedBecause, fit: powerFit(rows.slice(-2)) };
}
