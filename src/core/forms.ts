import { cellAddress } from "./address";
import { canonicalScore } from "./classify";
import { detectCriteria, type Criterion, type CriteriaTable } from "./criteria";
import type { Issue } from "./issues";
import { OFFICIAL_FONT, SheetBuilder, TABLE_HEADER_STYLE } from "./sheet-builder";
import type { CellStyle, SheetModel, ValidationModel } from "./sheet-model";
import { findMember, membersOf } from "./members";
import { parseNumber, unitKey } from "./text";
import { unitSheetName } from "./unit-sheet-name";
import type { CellIndents, CellRef, CellValue, Grid, GridOrigin, Lang } from "./types";

/**
 * The self-scoring form the cluster head sends each member (bảng tự chấm điểm), built from a
 * criteria list, and the consolidation of the returned forms into the cluster's workbook.
 */

const FONT = OFFICIAL_FONT;
const STYLES: Readonly<Record<string, CellStyle>> = {
  title: { font: { name: FONT, size: 14, bold: true }, align: "center", valign: "middle", wrap: true },
  unit: { font: { name: FONT, size: 13, bold: true }, align: "center" },
  help: { font: { name: FONT, size: 11, italic: true }, align: "left", wrap: true, valign: "top" },
  th: TABLE_HEADER_STYLE,
  num: { font: { name: FONT, size: 12 }, align: "center", valign: "top", border: true, numberFormat: "@" },
  text: {
    font: { name: FONT, size: 12 },
    align: "left",
    valign: "top",
    wrap: true,
    border: true,
    numberFormat: "@",
  },
  groupText: {
    font: { name: FONT, size: 12, bold: true },
    align: "left",
    valign: "top",
    wrap: true,
    border: true,
    numberFormat: "@",
  },
  max: { font: { name: FONT, size: 12 }, align: "center", valign: "top", border: true },
  sum: { font: { name: FONT, size: 12, bold: true }, align: "center", valign: "top", border: true },
  input: {
    font: { name: FONT, size: 12 },
    align: "center",
    valign: "top",
    border: true,
    fill: "FFF2CC",
    locked: false,
  },
  note: {
    font: { name: FONT, size: 11 },
    align: "left",
    valign: "top",
    wrap: true,
    border: true,
    locked: false,
  },
  total: { font: { name: FONT, size: 12, bold: true }, align: "center", border: true },
};

const TEXT: Readonly<
  Record<
    Lang,
    {
      title: string;
      unit: string;
      help: string;
      head: string[];
      total: string;
      prompt: (max: number | null) => string;
      error: (max: number | null) => string;
    }
  >
> = {
  vi: {
    title: "BẢNG TỰ CHẤM ĐIỂM THI ĐUA",
    unit: "Đơn vị",
    help: "Nhập điểm tự chấm vào các ô màu vàng ở cột D (số thập phân, từ 0 đến điểm tối đa của tiêu chí); các dòng tiêu chí lớn và dòng tổng tự cộng. Cột E để giải trình.",
    head: ["TT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Giải trình / ghi chú"],
    total: "Tổng cộng",
    prompt: (m) => (m === null ? "Nhập số điểm (từ 0 trở lên)." : `Nhập điểm từ 0 đến ${m}.`),
    error: (m) => (m === null ? "Điểm phải là số từ 0 trở lên." : `Điểm phải là số từ 0 đến ${m}.`),
  },
  en: {
    title: "SELF-SCORING SHEET",
    unit: "Unit",
    help: "Type the self scores in the yellow cells of column D (decimals, from 0 to the criterion's maximum); group rows and the total add up by themselves. Column E is for explanations.",
    head: ["No.", "Criterion", "Maximum", "Self score", "Explanation / note"],
    total: "Total",
    prompt: (m) => (m === null ? "Enter points (0 or more)." : `Enter points from 0 to ${m}.`),
    error: (m) =>
      m === null ? "Points must be a number, 0 or more." : `Points must be a number from 0 to ${m}.`,
  },
};

/**
 * Excel refuses sheet names over 31 characters or with : \ / ? * [ ]: the unit's name made into
 * one that fits and still reads as the unit (see `unitSheetName`).
 */
export function safeSheetName(name: string, taken: readonly string[] = [], short?: string): string {
  return unitSheetName(name, taken, short);
}

/**
 * A blank form for one unit: the criteria with their maxima, open yellow cells for the leaf
 * scores (validated as decimals from 0 to the maximum), formulas for the group rows and the
 * total (bonus capped, deductions subtracted), the structure protected, A4 portrait.
 * @example buildForm(list, "Sở TT&TT Lào Cai", "vi").protect //=> true
 */
export function buildForm(list: CriteriaTable, unit: string, lang: Lang, bonusCap?: number): SheetModel {
  const t = TEXT[lang];
  const b = new SheetBuilder([7, 58, 11, 12, 24], STYLES);
  b.text(0, 0, 4, t.title, "title");
  b.text(1, 0, 4, `${t.unit}: ${unit}`, "unit");
  b.text(2, 0, 4, t.help, "help");
  const head = 4;
  t.head.forEach((h, c) => b.text(head, c, c, h, "th"));
  const rowOf = new Map<Criterion, number>();
  list.all.forEach((n, k) => rowOf.set(n, head + 1 + k));
  const validations: ValidationModel[] = [];
  for (const n of list.all) {
    const r = rowOf.get(n) as number;
    const group = n.children.length > 0;
    b.set(r, 0, n.number, "num");
    // An unnumbered criterion keeps its place in the tree by indentation, as in the list.
    const indent = n.number === "" ? "  ".repeat(n.depth) : "";
    b.text(r, 1, 1, `${indent}${n.content}`, group ? "groupText" : "text");
    b.set(r, 2, n.max, "max");
    if (group) {
      const refs = n.children.map((c) => `D${(rowOf.get(c) as number) + 1}`);
      b.cells.push({ row: r, col: 3, value: null, style: "sum", formula: `=SUM(${refs.join(",")})` });
    } else {
      b.set(r, 3, null, "input");
      validations.push({
        r1: r,
        c1: 3,
        r2: r,
        c2: 3,
        min: 0,
        ...(n.max !== null ? { max: n.max } : {}),
        prompt: t.prompt(n.max),
        error: t.error(n.max),
      });
    }
    b.set(r, 4, null, "note");
  }
  const totalRow = head + 1 + list.all.length;
  const ref = (n: Criterion): string => `D${(rowOf.get(n) as number) + 1}`;
  const normal = list.roots.filter((r) => r.kind === "normal").map(ref);
  const bonus = list.roots.filter((r) => r.kind === "bonus").map(ref);
  const deduction = list.roots.filter((r) => r.kind === "deduction").map(ref);
  const cap = bonusCap ?? list.roots.find((r) => r.kind === "bonus")?.max ?? null;
  const parts = [normal.length ? `SUM(${normal.join(",")})` : "0"];
  if (bonus.length)
    parts.push(cap !== null ? `MIN(SUM(${bonus.join(",")}),${cap})` : `SUM(${bonus.join(",")})`);
  const formula = `=${parts.join("+")}${deduction.length ? `-SUM(${deduction.join(",")})` : ""}`;
  b.set(totalRow, 0, "", "total");
  b.text(totalRow, 1, 1, t.total, "total");
  b.set(
    totalRow,
    2,
    canonicalScore(list.roots.filter((r) => r.kind === "normal").reduce((a, r) => a + (r.max ?? 0), 0)),
    "total",
  );
  b.cells.push({ row: totalRow, col: 3, value: null, style: "total", formula });
  b.set(totalRow, 4, "", "total");
  const model = b.build(
    safeSheetName(unit),
    {
      paper: "A4",
      orientation: "portrait",
      marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
      fitToWidth: true,
      printTitleRows: { from: head, to: head },
    },
    { defaultFont: { name: FONT, size: 12 }, showGridLines: false, freezeRows: head + 1 },
    totalRow,
  );
  return { ...model, validations, protect: true };
}

/** One criterion as consolidation compares it. */
interface Key {
  readonly path: string;
  readonly max: number | null;
}

/**
 * Differences between two criteria lists, as short human text (first few only).
 * @example criteriaDifferences(a, b) //=> ["II.3: tối đa 10 ≠ 8"]
 */
export function criteriaDifferences(a: readonly Key[], b: readonly Key[]): string[] {
  const out: string[] = [];
  const bm = new Map(b.map((k) => [k.path, k.max]));
  const am = new Map(a.map((k) => [k.path, k.max]));
  for (const k of a) {
    if (!bm.has(k.path)) out.push(`${k.path}: thiếu / missing`);
    else if (bm.get(k.path) !== k.max) out.push(`${k.path}: ${k.max ?? "—"} ≠ ${bm.get(k.path) ?? "—"}`);
  }
  for (const k of b) if (!am.has(k.path)) out.push(`${k.path}: thừa / extra`);
  return out;
}

/** A sheet as consolidation reads it: values from A1, and Excel's indent levels where known. */
export interface FormSheet {
  readonly name: string;
  readonly grid: Grid;
  readonly indents?: CellIndents;
}

export interface ReturnedForm {
  /** A name for messages: the file. */
  readonly source: string;
  readonly sheets: readonly FormSheet[];
}

export interface ConsolidationPlan {
  /** New sheets, one per unit not yet in the cluster workbook: the returned form's values. */
  readonly add: readonly { readonly name: string; readonly grid: CellValue[][] }[];
  /** Cells to set in the unit sheets the cluster workbook already has (empty or equal cells only, unless forced). */
  readonly edits: readonly {
    readonly sheet: string;
    readonly row: number;
    readonly col: number;
    readonly value: string | number;
  }[];
  readonly issues: readonly Issue[];
  /** Units consolidated, in order. */
  readonly units: readonly string[];
}

function firstCriteria(
  sheets: readonly FormSheet[],
): { name: string; grid: Grid; table: CriteriaTable } | null {
  for (const s of sheets) {
    const origin: GridOrigin = { sheet: s.name, row: 0, col: 0 };
    const d = detectCriteria(s.grid, origin, "single", true, s.indents);
    if (d.ok) return { name: s.name, grid: s.grid, table: d.value };
  }
  return null;
}

const keysOf = (t: CriteriaTable): Key[] => t.all.map((n) => ({ path: n.path, max: n.max }));

/**
 * Plans how returned forms go into the cluster's workbook: units are matched by their
 * normalised name to the unit sheets it already has; a form whose criteria differ from the
 * cluster's is reported and left out; a cell that already holds another value is never
 * overwritten without the user's consent, only reported. Consent is `force` (all such cells,
 * the CLI's flag) or the set of the cells' addresses the user saw and agreed to (the pane).
 */
export function planConsolidation(
  cluster: readonly FormSheet[],
  forms: readonly ReturnedForm[],
  opts: { force?: boolean | ReadonlySet<string> } = {},
): ConsolidationPlan {
  const consented = (cell: CellRef): boolean =>
    opts.force === true || (typeof opts.force === "object" && opts.force.has(cellAddress(cell)));
  const issues: Issue[] = [];
  const add: { name: string; grid: CellValue[][] }[] = [];
  const edits: { sheet: string; row: number; col: number; value: string | number }[] = [];
  const units: string[] = [];
  // The cluster's unit sheets, by unit key; the reference criteria list is the cluster's own.
  const existing = new Map<string, { name: string; grid: Grid; table: CriteriaTable }>();
  let reference: Key[] | null = null;
  for (const s of cluster) {
    const d = detectCriteria(s.grid, { sheet: s.name, row: 0, col: 0 }, undefined, false, s.indents);
    if (!d.ok) continue;
    reference ??= keysOf(d.value);
    const unit = d.value.units[0];
    if (d.value.layout === "single" && unit)
      existing.set(unit.key, { name: s.name, grid: s.grid, table: d.value });
  }
  const names = cluster.map((s) => s.name);
  // A new unit sheet is named by the member list's short name when the workbook has one.
  const members = membersOf(cluster).list?.members ?? [];
  for (const f of forms) {
    const found = firstCriteria(f.sheets);
    if (!found) {
      issues.push({ code: "no-form", severity: "error", source: f.source });
      continue;
    }
    const unit = found.table.units[0];
    if (!unit || !unit.unit) continue;
    const keys = keysOf(found.table);
    reference ??= keys;
    const diff = criteriaDifferences(reference, keys);
    if (diff.length > 0) {
      // No cell: the difference is in the returned file, not in this workbook (the message names it).
      issues.push({
        code: "criteria-differ",
        severity: "error",
        unit: unit.unit,
        source: f.source,
        detail: diff.slice(0, 5).join("; "),
      });
      continue;
    }
    units.push(unit.unit);
    const target = existing.get(unitKey(unit.unit));
    if (!target) {
      const name = safeSheetName(unit.unit, names, findMember(members, unit.unit)?.short);
      names.push(name);
      add.push({ name, grid: found.grid.map((r) => [...r]) });
      continue;
    }
    // Leaf by leaf, the form's self score goes into the cluster's sheet where that cell is free.
    const byPath = new Map(target.table.all.map((n) => [n.path, n]));
    const tUnit = target.table.units[0];
    if (!tUnit) continue;
    for (const n of found.table.all) {
      if (n.children.length > 0) continue;
      const v = parseNumber(found.grid[n.gridRow]?.[unit.self] ?? "");
      if (v.kind !== "number") continue;
      const t = byPath.get(n.path);
      if (!t) continue;
      const cur = target.grid[t.gridRow]?.[tUnit.self] ?? "";
      const curNum = parseNumber(cur);
      const cell = { sheet: target.name, row: t.gridRow, col: tUnit.self };
      if (curNum.kind === "number" && canonicalScore(curNum.value) === canonicalScore(v.value)) continue;
      if (curNum.kind === "empty" || consented(cell)) edits.push({ ...cell, value: v.value });
      else
        issues.push({
          code: "kept-user-value",
          severity: "warning",
          cell,
          value: String(cur),
          proposed: String(v.value),
        });
    }
  }
  return { add, edits, issues, units };
}
