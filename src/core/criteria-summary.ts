import { cellAddress } from "./address";
import { canonicalScore } from "./classify";
import {
  detectCriteria,
  scoreCriteria,
  type CriteriaLayout,
  type CriteriaRules,
  type CriteriaTable,
  type UnitTotals,
} from "./criteria";
import type { Issue } from "./issues";
import type { ScoreTable } from "./score-table";
import type { CellIndents, CellRef, CellValue, Grid, GridOrigin } from "./types";

/** The summary EMU builds from the detailed sheets, when the workbook has none of its own. */
export const CRITERIA_SUMMARY_SHEET = "Tổng hợp từ bảng chấm";

export interface CriteriaSource {
  readonly sheet: string;
  readonly grid: Grid;
  readonly origin: GridOrigin;
  readonly indents?: CellIndents;
}

export interface CriteriaSummary {
  /** The detailed tables found, in sheet order. */
  readonly tables: readonly CriteriaTable[];
  /**
   * Each unit's totals, in the order the sheets list them, with the sheet they come from and the
   * cell that names the unit there (or its table's header), for messages about the unit.
   */
  readonly totals: readonly (UnitTotals & { readonly source: string; readonly cell: CellRef })[];
  /** The summary as a sheet grid: STT | Đơn vị | Điểm tự chấm | Điểm chấm thẩm định. */
  readonly grid: CellValue[][];
  readonly issues: readonly Issue[];
}

/**
 * Finds the detailed scoring sheets among the given ones, validates them and totals each unit.
 * Sheets without a criteria table are skipped; a unit scored on two sheets is a duplicate.
 * @example summariseCriteria([{ sheet: "Sở A", grid, origin }], {}).grid[1] //=> [1, "Sở A", 95, 90]
 */
export function summariseCriteria(
  sources: readonly CriteriaSource[],
  rules: CriteriaRules,
  layout?: CriteriaLayout,
): CriteriaSummary | null {
  const tables: CriteriaTable[] = [];
  const issues: Issue[] = [];
  const totals: (UnitTotals & { source: string; cell: CellRef })[] = [];
  const seen = new Map<string, string>();
  for (const s of sources) {
    const found = detectCriteria(s.grid, s.origin, layout, true, s.indents);
    if (!found.ok) {
      if (found.issues.some((i) => i.code !== "no-table")) issues.push(...found.issues);
      continue;
    }
    tables.push(found.value);
    issues.push(...found.issues);
    const scored = scoreCriteria(s.grid, found.value, rules);
    issues.push(...scored.issues);
    scored.totals.forEach((t, k) => {
      const u = found.value.units[k];
      const where = u?.nameCell ?? {
        sheet: s.sheet,
        row: found.value.headerRow + s.origin.row,
        col: (u?.self ?? 0) + s.origin.col,
      };
      const first = seen.get(t.key);
      if (first !== undefined) {
        issues.push({
          code: "duplicate-unit",
          severity: "error",
          cell: where,
          unit: t.unit,
          firstAddress: first,
        });
        return;
      }
      seen.set(t.key, cellAddress(where));
      totals.push({ ...t, source: s.sheet, cell: where });
    });
  }
  if (tables.length === 0 && issues.length === 0) return null;
  const anyVerified = totals.some((t) => t.verified !== null);
  // Bonus points may lift a total above the nominal scale (97 + 10 = 107): the summary carries
  // them so its maximum check allows for them.
  const bonusOf = (t: UnitTotals): number => Math.max(t.self.bonus, t.verified?.bonus ?? 0);
  const anyBonus = totals.some((t) => bonusOf(t) > 0);
  const grid: CellValue[][] = [
    [
      "STT",
      "Đơn vị",
      "Điểm tự chấm",
      ...(anyVerified ? ["Điểm chấm thẩm định"] : []),
      ...(anyBonus ? ["Điểm thưởng"] : []),
    ],
    ...totals.map((t, k) => [
      k + 1,
      t.unit,
      t.self.total,
      ...(anyVerified ? [t.verified?.total ?? ""] : []),
      ...(anyBonus ? [bonusOf(t)] : []),
    ]),
  ];
  return { tables, totals, grid, issues };
}

/**
 * Issues found while ranking the computed summary point at that summary, which is not in the
 * user's workbook (it is only written with the results, maybe under another name). Each one is
 * moved to the unit's own cell on its detailed sheet; one about the summary's header row (the
 * whole column) keeps no cell rather than name a cell that does not exist.
 * @example summaryIssuesAtSources(issues, summary) // 'Tổng hợp từ bảng chấm'!B9 → 'Hà Giang'!C3
 */
export function summaryIssuesAtSources(issues: readonly Issue[], summary: CriteriaSummary): Issue[] {
  return issues.map((i) => {
    if (i.cell?.sheet !== CRITERIA_SUMMARY_SHEET) return i;
    const unit = summary.totals[i.cell.row - 1];
    if (unit !== undefined && i.cell.row >= 1) return { ...i, cell: unit.cell };
    const { cell: _summaryCell, ...rest } = i;
    return rest as Issue;
  });
}

/**
 * Compares a summary table people keep with the totals of the detailed sheets, cell by cell. A
 * disagreement is an error: EMU never overwrites the summary silently.
 */
export function compareSummary(table: ScoreTable, summary: CriteriaSummary): Issue[] {
  const issues: Issue[] = [];
  const byKey = new Map(summary.totals.map((t) => [t.key, t]));
  const inSummary = new Set<string>();
  for (const u of table.units) {
    inSummary.add(u.key);
    const t = byKey.get(u.key);
    if (!t) continue;
    for (const role of ["self", "verified"] as const) {
      const have = role === "self" ? u.self : u.verified;
      const want = role === "self" ? t.self.total : t.verified?.total;
      const cell = u.cells[role];
      if (have === null || want === undefined || !cell) continue;
      if (canonicalScore(have) !== canonicalScore(want))
        issues.push({
          code: "summary-mismatch",
          severity: "error",
          cell,
          unit: u.name,
          role,
          expected: want,
          actual: have,
          source: t.source,
        });
    }
  }
  for (const t of summary.totals) {
    if (!inSummary.has(t.key))
      issues.push({ code: "unit-not-in-summary", severity: "warning", unit: t.unit, source: t.source });
  }
  return issues;
}
