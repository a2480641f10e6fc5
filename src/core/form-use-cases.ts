import { detectCriteria, type CriteriaTable } from "./criteria";
import {
  buildForm,
  planConsolidation,
  safeSheetName,
  type ConsolidationPlan,
  type FormSheet,
  type ReturnedForm,
} from "./forms";
import { findMember, membersOf } from "./members";
import type { SheetModel } from "./sheet-model";
import { gridSheet } from "./sheet-builder";
import { cleanText, unitKey } from "./text";
import type { CellValue, Lang } from "./types";
import { tableUnitNames } from "./score-table";
import { isEmuSheet, marksOf, rankWorkbook, type WorkbookSheet } from "./use-cases";

/**
 * The two form use cases every entry point runs the same way: make the blank self-scoring forms
 * from a criteria list (the CLI writes one file per unit, the add-in one sheet per unit), and
 * turn a consolidation plan into the sheets to add.
 */

export interface FormsRequest {
  readonly sheets: readonly WorkbookSheet[];
  /** The sheet with the criteria list; otherwise the first list found (a pure list first). */
  readonly sheet?: string;
  /** The units to make forms for; otherwise those of the workbook's score table. */
  readonly units?: readonly string[];
  readonly lang: Lang;
  /**
   * For forms written as sheets of this workbook: units that already have their own scoring
   * sheet get no new form (nothing of theirs is replaced), and new sheet names avoid the
   * existing ones. Leave false when each form goes to its own file.
   */
  readonly intoWorkbook?: boolean;
}

export type FormsOutcome =
  | {
      readonly ok: true;
      /** The sheet the criteria list came from. */
      readonly listSheet: string;
      readonly list: CriteriaTable;
      readonly forms: readonly { readonly unit: string; readonly model: SheetModel }[];
      /** Units left out because the workbook already has their scoring sheet (name → sheet). */
      readonly skipped: readonly { readonly unit: string; readonly sheet: string }[];
    }
  | { readonly ok: false; readonly reason: "no-criteria-list" | "no-units" };

/** A sheet's criteria table, read as a list (score columns optional). */
function listOf(s: WorkbookSheet): ReturnType<typeof detectCriteria> {
  return detectCriteria(s.grid, s.origin ?? { sheet: s.name, row: 0, col: 0 }, undefined, false, s.indents);
}

/** Criteria lists in the workbook, pure lists (no score columns) first, then scoring sheets. */
function criteriaLists(
  sheets: readonly WorkbookSheet[],
  only?: string,
): { sheet: string; table: CriteriaTable }[] {
  const found: { sheet: string; table: CriteriaTable }[] = [];
  for (const s of sheets) {
    if (only !== undefined ? s.name !== only : s.visible === false) continue;
    const d = listOf(s);
    if (d.ok) found.push({ sheet: s.name, table: d.value });
  }
  return [
    ...found.filter((f) => f.table.units.length === 0),
    ...found.filter((f) => f.table.units.length > 0),
  ];
}

/**
 * The units the workbook names, in its order: those of the table it ranks, else (scores not all
 * in yet, blank forms present) the unit column of the first score table found.
 */
function workbookUnits(sheets: readonly WorkbookSheet[]): string[] {
  const ranked = rankWorkbook({ sheets }).table;
  if (ranked) return ranked.units.map((u) => u.name);
  const marks = marksOf(sheets);
  for (const s of sheets) {
    if (s.visible === false || isEmuSheet(s, marks)) continue;
    const names = tableUnitNames(s.grid, s.origin ?? { sheet: s.name, row: 0, col: 0 });
    if (names.length > 0) return names;
  }
  return [];
}

/**
 * What the pane offers before making forms: the sheets holding a criteria list (the best
 * first) and the units the workbook names, for the user to confirm or edit.
 * @example formSources([list, summary]) //=> { lists: ["Danh mục tiêu chí"], units: ["Sở A", "Sở B"] }
 */
export function formSources(sheets: readonly WorkbookSheet[]): { lists: string[]; units: string[] } {
  return { lists: criteriaLists(sheets).map((l) => l.sheet), units: workbookUnits(sheets) };
}

/** Units' scoring sheets already in the workbook (one unit a sheet), by unit key. */
function unitSheets(sheets: readonly WorkbookSheet[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of sheets) {
    const d = listOf(s);
    const u = d.ok && d.value.layout === "single" ? d.value.units[0] : undefined;
    if (u?.unit && !out.has(u.key)) out.set(u.key, s.name);
  }
  return out;
}

/**
 * Builds a blank, protected, validated self-scoring form per unit from the workbook's criteria
 * list. Units come from the request, else from the workbook's score table; duplicates (by
 * normalised name) are made once.
 * @example makeForms({ sheets, units: ["Sở TT&TT Lào Cai"], lang: "vi" }).ok //=> true
 */
export function makeForms(req: FormsRequest): FormsOutcome {
  const list = criteriaLists(req.sheets, req.sheet)[0];
  if (!list) return { ok: false, reason: "no-criteria-list" };
  const wanted = req.units ?? workbookUnits(req.sheets);
  const seen = new Set<string>();
  const units = wanted
    .map((u) => cleanText(u))
    .filter((u) => {
      const k = unitKey(u);
      if (!u || seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  if (units.length === 0) return { ok: false, reason: "no-units" };
  const existing = req.intoWorkbook ? unitSheets(req.sheets) : new Map<string, string>();
  const taken = req.intoWorkbook ? req.sheets.map((s) => s.name) : [];
  const members = membersOf(req.sheets).list?.members ?? [];
  const forms: { unit: string; model: SheetModel }[] = [];
  const skipped: { unit: string; sheet: string }[] = [];
  for (const unit of units) {
    const has = existing.get(unitKey(unit));
    if (has !== undefined) {
      skipped.push({ unit, sheet: has });
      continue;
    }
    const model = buildForm(list.table, unit, req.lang, undefined);
    // The member list's short name, when there is one, names the sheet (in a file of its own too).
    const name = safeSheetName(unit, taken, findMember(members, unit)?.short);
    taken.push(name);
    forms.push({ unit, model: { ...model, name } });
  }
  return { ok: true, listSheet: list.sheet, list: list.table, forms, skipped };
}

/** The column widths of a returned form copied in as a unit's sheet (number, content, max, scores, note). */
const RETURNED_FORM_WIDTHS = [7, 58, 11, 12, 12, 24];

/**
 * The sheets a consolidation adds: each returned form's values, as a plain readable sheet.
 * @example consolidationSheets(plan).map((m) => m.name) //=> ["Sở TT&TT Lào Cai"]
 */
export function consolidationSheets(plan: ConsolidationPlan): SheetModel[] {
  return plan.add.map((a) => gridSheet(a.name, a.grid, { widths: RETURNED_FORM_WIDTHS }));
}

/**
 * A sheet's grid as if read from A1: the add-in reads used ranges, which may start lower or
 * further right, while consolidation addresses cells from A1 as a file reader sees them.
 * @example atA1({ name: "S", grid: [[1]], origin: { sheet: "S", row: 1, col: 0 } }).grid //=> [[""], [1]]
 */
export function atA1(s: WorkbookSheet): FormSheet {
  const o = s.origin;
  const indents = s.indents ? { indents: s.indents } : {};
  if (!o || (o.row === 0 && o.col === 0)) return { name: s.name, grid: s.grid, ...indents };
  const width = o.col + (s.grid[0]?.length ?? 0);
  const blank = (): CellValue[] => new Array<CellValue>(width).fill("");
  const grid: CellValue[][] = Array.from({ length: o.row }, blank);
  for (const row of s.grid) grid.push([...new Array<CellValue>(o.col).fill(""), ...row]);
  if (!s.indents) return { name: s.name, grid };
  const shifted = new Map<number, Map<number, number>>();
  for (const [r, cols] of s.indents)
    shifted.set(r + o.row, new Map([...cols].map(([c, level]) => [c + o.col, level])));
  return { name: s.name, grid, indents: shifted };
}

/**
 * Plans a consolidation into a workbook read by any entry point (used ranges anywhere).
 * @example planFormsConsolidation(read.sheets, forms).units //=> ["Sở TT&TT Lào Cai"]
 */
export function planFormsConsolidation(
  cluster: readonly WorkbookSheet[],
  forms: readonly ReturnedForm[],
  opts: { force?: boolean | ReadonlySet<string> } = {},
): ConsolidationPlan {
  return planConsolidation(cluster.map(atA1), forms, opts);
}

/** Why a consolidation writes nothing: the CLI's last line and the pane's preview say the same. */
export type NothingToWrite = "none-readable" | "no-usable-form" | "kept-cells" | "nothing-new";

/**
 * The reason a consolidation has nothing to write, or null when it has: no picked file could be
 * read, no form could be used (no form in the files, another criteria list), cells holding
 * another value were kept, or the forms hold nothing the workbook lacks. "Nothing new" is only
 * said when at least one form was used.
 * @example whyNothingToWrite({ units: 0, writes: 0, kept: 0, unreadable: 2 }) //=> "none-readable"
 */
export function whyNothingToWrite(o: {
  /** Units whose form was used. */
  readonly units: number;
  /** Sheets to add plus cells to fill. */
  readonly writes: number;
  /** Cells left as they are because they hold another value. */
  readonly kept: number;
  /** Picked files that are not readable workbooks. */
  readonly unreadable?: number;
  /** Files read as workbooks. */
  readonly forms?: number;
}): NothingToWrite | null {
  if (o.writes > 0) return null;
  if (o.kept > 0) return "kept-cells";
  if (o.units > 0) return "nothing-new";
  return (o.forms ?? 0) === 0 && (o.unreadable ?? 0) > 0 ? "none-readable" : "no-usable-form";
}
