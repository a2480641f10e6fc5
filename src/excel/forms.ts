import {
  cellAddress,
  consolidationSheets,
  formSources,
  makeForms,
  marksOf,
  planFormsConsolidation,
  sortIssues,
  trackingAfterConsolidation,
  type ConsolidationPlan,
  type FormsOutcome,
  type Issue,
  type Lang,
  type ReturnedForm,
} from "../core";
import { runExcel, type RunOptions } from "./host";
import { readAllSheets } from "./read";
import { queueLeftoverCleanup, writeJob } from "./write";
import { todaySerial } from "./year";

/**
 * The form use cases over a live workbook, each one `Excel.run` around the same core use cases
 * the CLI runs (`makeForms`, `planFormsConsolidation`): read every sheet in one round trip,
 * decide in the engine, write through the same all-or-nothing `writeJob` as the ranking.
 */

/** The criteria lists and the units the workbook offers for making forms (one round trip). */
export async function formsInfo(run?: RunOptions): Promise<{ lists: string[]; units: string[] }> {
  return runExcel(async (context) => formSources((await readAllSheets(context)).sheets), run);
}

export interface FormsOperationRequest {
  readonly lang: Lang;
  /** The sheet with the criteria list; otherwise the first found. */
  readonly sheet?: string;
  /** The units; otherwise those of the workbook's score table. */
  readonly units?: readonly string[];
  readonly run?: RunOptions;
}

export type FormsOperationOutcome =
  | (Extract<FormsOutcome, { ok: true }> & { readonly written: readonly string[] })
  | Extract<FormsOutcome, { ok: false }>;

/**
 * Make forms: one blank self-scoring sheet per unit in this workbook (protected, validated,
 * with total formulas, A4), named after the unit. Units that already have a scoring sheet are
 * left alone and reported; no existing sheet is changed.
 */
export async function generateForms(req: FormsOperationRequest): Promise<FormsOperationOutcome> {
  return runExcel(async (context) => {
    const read = await readAllSheets(context);
    const made = makeForms({
      sheets: read.sheets,
      lang: req.lang,
      intoWorkbook: true,
      ...(req.sheet !== undefined ? { sheet: req.sheet } : {}),
      ...(req.units !== undefined ? { units: req.units } : {}),
    });
    if (!made.ok || made.forms.length === 0) return { ...made, written: [] };
    const names = read.names.map((n) => n.name);
    queueLeftoverCleanup(context, names);
    const first = made.forms[0]?.model.name;
    await writeJob(context, {
      sheets: made.forms.map((f) => f.model),
      replace: [],
      fill: [],
      marksExists: false,
      ...(first !== undefined ? { activate: first } : {}),
    });
    return { ...made, written: made.forms.map((f) => f.model.name) };
  }, req.run);
}

export interface ConsolidateRequest {
  readonly lang: Lang;
  /** The returned forms, already read from the files the user picked. */
  readonly forms: readonly ReturnedForm[];
  /** False: only plan and report. True: write what the plan allows. */
  readonly apply: boolean;
  /** Addresses ("'Sở A'!D7") of differing cells the user agreed to overwrite. */
  readonly overwrite?: ReadonlySet<string>;
  readonly run?: RunOptions;
}

export interface ConsolidateOutcome {
  /** Units whose forms were taken, in order. */
  readonly units: readonly string[];
  /** Sheets added (units the workbook had no sheet for). */
  readonly added: readonly string[];
  /** Addresses of the cells filled in existing unit sheets. */
  readonly filled: readonly string[];
  /** Cells holding another value, left as they are unless the user agrees to overwrite them. */
  readonly conflicts: readonly Issue[];
  /** Every issue: forms not read as forms, differing criteria lists, conflicts. */
  readonly issues: readonly Issue[];
  /** Whether anything was written. */
  readonly written: boolean;
}

function summarise(plan: ConsolidationPlan, written: boolean): ConsolidateOutcome {
  const issues = sortIssues(plan.issues);
  return {
    units: plan.units,
    added: plan.add.map((a) => a.name),
    filled: plan.edits.map((e) => cellAddress(e)),
    conflicts: issues.filter((i) => i.code === "kept-user-value"),
    issues,
    written,
  };
}

/**
 * Consolidate returned forms: plan first (`apply: false`) to show the user what would change
 * and which filled cells differ; then apply, re-planned on the workbook as it is at that moment,
 * overwriting only the differing cells the user agreed to. EMU's marks are unchanged: the
 * consolidated sheets and scores are the members' data, not EMU's.
 */
export async function consolidateForms(req: ConsolidateRequest): Promise<ConsolidateOutcome> {
  return runExcel(async (context) => {
    const read = await readAllSheets(context);
    const marks = marksOf(read.sheets);
    const cluster = read.sheets.filter((s) => !marks.sheets.has(s.name));
    const plan = planFormsConsolidation(cluster, req.forms, { force: req.overwrite ?? new Set() });
    if (!req.apply || (plan.add.length === 0 && plan.edits.length === 0)) return summarise(plan, false);
    const names = read.names.map((n) => n.name);
    queueLeftoverCleanup(context, names);
    const added = consolidationSheets(plan);
    const first = added[0]?.name ?? plan.edits[0]?.sheet;
    // The members whose forms came in today are marked received on the tracking sheet.
    const track = trackingAfterConsolidation(read.sheets, plan.units, todaySerial());
    await writeJob(context, {
      sheets: [...added, ...(track.add ? [track.add] : [])],
      replace: [],
      fill: [...plan.edits, ...track.edits].map((e) => ({
        cell: { sheet: e.sheet, row: e.row, col: e.col },
        value: e.value,
      })),
      marksExists: false,
      ...(first !== undefined ? { activate: first } : {}),
    });
    return summarise(plan, true);
  }, req.run);
}
