/* global Excel */
import {
  MARKS_SHEET_NAME,
  NOTICE_FIELDS_SHEET_NAME,
  RULES_SHEET_NAME,
  CRITERIA_SUMMARY_SHEET,
  cellAddress,
  editedSheets,
  fillBack,
  hasErrors,
  marksOf,
  noticeFieldsGrid,
  noticeFieldsOf,
  rankWorkbook,
  rankingOutputs,
  rememberedMapping,
  rulesSheetGrid,
  sortIssues,
  type CellValue,
  type ColumnMapping,
  type CriteriaLayout,
  type Issue,
  type Lang,
  type Marks,
  type NoticeExtra,
  type NoticeFields,
  type RankOutcome,
  type RankingOutput,
  type Rules,
} from "../core";
import { forgetWorkbookRules } from "./workbook-rules";
import { runExcel, type RunOptions } from "./host";
import { AUX_SHEETS, readAllSheets, readWorkbook, type WorkbookRead } from "./read";
import { queueGridSheet, queueLeftoverCleanup, writeJob } from "./write";

/**
 * The use cases over a live workbook. Each is one `Excel.run`: read everything in one round
 * trip, compute in the engine (the same `rankWorkbook` the CLI runs), write everything in one
 * round trip. No `Excel.Range` leaves this folder: callers get plain outcomes.
 */

export interface OperationRequest {
  readonly lang: Lang;
  /** The sheet with the score table; default: the active sheet (or the one the rules name). */
  readonly sheet?: string;
  readonly rules?: Rules;
  readonly mapping?: ColumnMapping;
  readonly extras?: readonly NoticeExtra[];
  /** Overrides the detected layout of detailed scoring sheets (the CLI's --layout). */
  readonly criteriaLayout?: CriteriaLayout;
  /**
   * What to do with an EMU sheet a person edited since EMU wrote it: "stop" (the default: write
   * nothing, say which sheets), "replace" it, or "copy": keep it under a new name, then write.
   */
  readonly onEdited?: "stop" | "replace" | "copy";
  readonly run?: RunOptions;
}

export interface OperationOutcome {
  /** False when validation found errors: nothing was written. */
  readonly ok: boolean;
  readonly ranking: RankOutcome;
  /** Every issue, including the user's values EMU left alone. */
  readonly issues: readonly Issue[];
  /** Names of the sheets written. */
  readonly written: readonly string[];
  /** EMU sheets edited by hand that stopped the write (`onEdited: "stop"`); ask, then run again. */
  readonly edited?: readonly string[];
  /** Edited sheets kept under a new name (`onEdited: "copy"`): old name → new name. */
  readonly copies?: readonly (readonly [string, string])[];
}

function rank(read: WorkbookRead, req: OperationRequest): RankOutcome {
  // Without an explicit mapping, the one a user saved for this sheet in the pane (ribbon too).
  const mapping = req.mapping ?? rememberedMapping(marksOf(read.sheets), read.target);
  return rankWorkbook({
    sheets: read.sheets,
    sheet: read.target,
    ...(req.rules ? { rules: req.rules } : {}),
    ...(mapping ? { mapping } : {}),
    ...(req.criteriaLayout ? { criteriaLayout: req.criteriaLayout } : {}),
  });
}

/**
 * Reads the active sheet (or the one asked for). When the rules name another score sheet, or the
 * active sheet is one EMU made (its results, its notice, the rules), reads the right one instead:
 * the one the rules name, else the one EMU ranked last.
 */
async function readForRanking(
  context: Excel.RequestContext,
  req: OperationRequest,
): Promise<{ read: WorkbookRead; outcome: RankOutcome }> {
  let read = await readWorkbook(context, req.sheet);
  let outcome = rank(read, req);
  if (req.sheet === undefined) {
    const marks = marksOf(read.sheets);
    const ours = marks.sheets.has(read.target) || (AUX_SHEETS as readonly string[]).includes(read.target);
    const exists = (name: string | undefined): name is string =>
      !!name && read.names.some((n) => n.name === name);
    const wanted = outcome.rules.sheet ?? (ours ? marks.source : undefined);
    if (exists(wanted) && wanted !== read.target) {
      read = await readWorkbook(context, wanted);
      outcome = rank(read, req);
    } else if (ours) {
      const issue: Issue = { code: "emu-sheet-active", severity: "error", sheet: read.target };
      outcome = { ...outcome, ok: false, ranking: [], issues: [issue] };
    }
  }
  // Detailed scoring sheets (one per unit, or all units on one): the ranking and its problems
  // come from every sheet, exactly as the CLI reads the file — also when the pane names the sheet
  // it shows, and when the active sheet's own check already failed, so that the other units'
  // mistakes are never hidden (issue 10).
  if (outcome.sheet === CRITERIA_SUMMARY_SHEET) {
    read = await readAllSheets(context);
    outcome = rankWorkbook({
      sheets: read.sheets,
      ...(req.rules ? { rules: req.rules } : {}),
      ...(req.criteriaLayout ? { criteriaLayout: req.criteriaLayout } : {}),
    });
  }
  return { read, outcome };
}

/** Validate: read and check only; nothing is written. */
export async function validateSheet(req: OperationRequest): Promise<OperationOutcome> {
  return runExcel(async (context) => {
    const { outcome } = await readForRanking(context, req);
    return {
      ok: outcome.ok && !hasErrors(outcome.issues),
      ranking: outcome,
      issues: outcome.issues,
      written: [],
    };
  }, req.run);
}

/**
 * The shape both writing use cases share: rank (nothing is written when the table has errors),
 * build the sheets asked for with the same `rankingOutputs` the CLI uses (plus the summary when
 * the ranking came from detailed sheets), optionally fill the user's table, and write everything
 * in one job with the marks updated.
 */
async function rankAndWrite(
  req: OperationRequest,
  output: RankingOutput,
  fields: (read: WorkbookRead) => NoticeFields | undefined,
  fillUserTable: boolean,
): Promise<OperationOutcome> {
  return runExcel(async (context) => {
    const { read, outcome } = await readForRanking(context, req);
    if (!outcome.ok || hasErrors(outcome.issues))
      return { ok: false, ranking: outcome, issues: outcome.issues, written: [] };
    const names = read.names.map((n) => n.name);
    queueLeftoverCleanup(context, names);
    const marks = marksOf(read.sheets);
    const fill = fillUserTable ? fillBack(outcome.ranking, marks) : { writes: [], issues: [], marks };
    const wanted = fields(read);
    const outputs = (existing: readonly string[], m: Marks) =>
      rankingOutputs(outcome, existing, m, {
        outputs: [output],
        lang: req.lang,
        extras: req.extras ?? [],
        ...(wanted ? { fields: wanted } : {}),
      });
    let out = outputs(names, fill.marks);
    // Before replacing an EMU sheet, compare it with what EMU wrote there: a person's edits
    // (a note, a notice number) are never replaced without their say.
    const edited = editedSheets(out.replace, fill.marks, await readSheets(context, out.replace));
    const copies: [string, string][] = [];
    if (edited.length > 0 && (req.onEdited ?? "stop") === "stop") {
      const issues = edited.map((sheet): Issue => ({ code: "emu-sheet-edited", severity: "error", sheet }));
      return {
        ok: false,
        ranking: outcome,
        issues: sortIssues([...outcome.issues, ...issues]),
        written: [],
        edited,
      };
    }
    if (edited.length > 0 && req.onEdited === "copy") {
      // The edited sheet becomes the user's own under a new name; EMU writes a fresh one.
      const taken = [...names];
      for (const name of edited) {
        const copy = copyName(name, taken, req.lang);
        taken.push(copy);
        copies.push([name, copy]);
        context.workbook.worksheets.getItem(name).name = copy;
      }
      await context.sync();
      const kept = new Map(fill.marks.sheets);
      for (const name of edited) kept.delete(name);
      const existing = names.map((n) => copies.find(([from]) => from === n)?.[1] ?? n);
      out = outputs(existing, { ...fill.marks, sheets: kept });
    }
    const shown = out.names[output];
    await writeJob(context, {
      sheets: out.sheets,
      replace: out.replace,
      fill: fill.writes,
      marks: out.marks,
      marksExists: names.includes(MARKS_SHEET_NAME),
      ...(shown ? { activate: shown } : {}),
    });
    return {
      ok: true,
      ranking: outcome,
      issues: sortIssues([...outcome.issues, ...fill.issues]),
      written: out.sheets.map((s) => s.name),
      ...(copies.length > 0 ? { copies } : {}),
    };
  }, req.run);
}

/** The values of some sheets (their used ranges), in one round trip. */
async function readSheets(
  context: Excel.RequestContext,
  names: readonly string[],
): Promise<Map<string, { grid: CellValue[][]; origin: { row: number; col: number } }>> {
  const out = new Map<string, { grid: CellValue[][]; origin: { row: number; col: number } }>();
  if (names.length === 0) return out;
  const ranges = names.map((n) => {
    const r = context.workbook.worksheets.getItem(n).getUsedRangeOrNullObject(true);
    r.load("values,rowIndex,columnIndex");
    return r;
  });
  await context.sync();
  names.forEach((n, k) => {
    const r = ranges[k];
    if (!r) return;
    out.set(
      n,
      r.isNullObject
        ? { grid: [], origin: { row: 0, col: 0 } }
        : { grid: r.values as CellValue[][], origin: { row: r.rowIndex, col: r.columnIndex } },
    );
  });
  return out;
}

/** A free name for the kept copy of an edited sheet: "Kết quả xếp hạng (đã sửa)", "(đã sửa 2)"… */
function copyName(name: string, taken: readonly string[], lang: Lang): string {
  const tag = lang === "en" ? "edited" : "đã sửa";
  const used = new Set(taken.map((n) => n.toLocaleLowerCase()));
  for (let k = 1; ; k++) {
    const suffix = ` (${tag}${k > 1 ? ` ${k}` : ""})`;
    const candidate = name.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(candidate.toLocaleLowerCase())) return candidate;
  }
}

/**
 * Compute ranking: when the table is clean, write the results sheet and fill the table's own
 * Xếp loại / Hạng cells that are empty or still hold EMU's values; with errors, write nothing.
 */
export function computeRanking(req: OperationRequest): Promise<OperationOutcome> {
  return rankAndWrite(req, "results", () => undefined, true);
}

/** Generate notice: rank, then write the notice sheet from the workbook's notice fields. */
export function generateNotice(req: OperationRequest & { fields?: NoticeFields }): Promise<OperationOutcome> {
  return rankAndWrite(req, "notice", (read) => req.fields ?? noticeFieldsOf(read.sheets), false);
}

async function sheetExists(context: Excel.RequestContext, name: string): Promise<boolean> {
  const ws = context.workbook.worksheets.getItemOrNullObject(name);
  ws.load("name");
  await context.sync();
  return !ws.isNullObject;
}

/** Replaces the contents of one of EMU's readable sheets, creating it when missing. */
async function saveGridSheet(
  name: string,
  rows: readonly (readonly CellValue[])[],
  run?: RunOptions,
  recalculate = false,
): Promise<void> {
  await runExcel(async (context) => {
    queueGridSheet(context, name, rows, await sheetExists(context, name));
    if (recalculate) context.workbook.application.calculate("Full" as Excel.CalculationType);
    await context.sync();
  }, run);
}

/**
 * Saves the rules to the readable rules sheet (what the CLI and the ribbon read), then asks Excel
 * for a full calculation: EMU's functions called without a bands range read this sheet through
 * the API, which Excel does not see as a dependency, so only a full calculation
 * (Application.calculate("Full")) brings their cells up to date.
 */
export async function saveRules(rules: Rules, run?: RunOptions): Promise<void> {
  forgetWorkbookRules();
  await saveGridSheet(RULES_SHEET_NAME, rulesSheetGrid(rules), run, true);
  forgetWorkbookRules();
}

/** Saves the notice form to the notice fields sheet, so the next notice starts from it. */
export function saveNoticeFields(fields: NoticeFields, run?: RunOptions): Promise<void> {
  return saveGridSheet(NOTICE_FIELDS_SHEET_NAME, noticeFieldsGrid(fields), run);
}

/** Selects a cell given as "'Sheet'!D9" (the pane's "go to the issue"). */
export async function selectCell(address: string, run?: RunOptions): Promise<void> {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(address);
  if (!m) return;
  const sheet = (m[1] ?? m[2] ?? "").replace(/''/g, "'");
  const cell = m[3] ?? "A1";
  await runExcel(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  }, run);
}

/** The address of an issue's cell, as `selectCell` takes it. */
export function issueAddress(issue: Issue): string | null {
  return issue.cell ? cellAddress(issue.cell) : null;
}
