import { modelPrint } from "./sheet-print";
import { cellAddress, parseRangeA1 } from "./address";
import { proposeAwards, vetoIssues } from "./awards";
import type { ColumnMapping } from "./detect";
import { hasErrors, type Issue, type Result } from "./issues";
import { MARKS_SHEET_NAME, placeSheet, type EmuSheetKind, type Marks } from "./marks";
import { issueMessage } from "./messages";
import { noticeDocument, type NoticeExtra } from "./notice";
import { documentSheet } from "./document-sheet";
import type { OfficialDocument } from "./document";
import { documentNames, type ResolvedSigner } from "./document-names";
import { DEFAULT_NOTICE_FIELDS, type NoticeFields } from "./notice-fields";
import { isNoticeFieldsSheet } from "./notice-fields-sheet";
import { rankTable, type RankedUnit } from "./rank";
import { buildResults } from "./results-sheet";
import { DEFAULT_PRESET, presetRules, type Rules } from "./rules";
import { isRulesSheet } from "./rules-sheet";
import { readScoreTable, sortIssues, withUnitName, type Basis, type ScoreTable } from "./score-table";
import {
  CRITERIA_SUMMARY_SHEET,
  compareSummary,
  summariseCriteria,
  summaryIssuesAtSources,
} from "./criteria-summary";
import type { CriteriaLayout } from "./criteria";
import type { SheetModel } from "./sheet-model";
import { gridSheet } from "./sheet-builder";
import type { CellFacts, CellIndents, Grid, GridOrigin, Lang } from "./types";
import { exampleUnitIssues } from "./score-template";
import { isMembersSheetName, membersOf, unknownMemberIssues, type MemberList } from "./members";
import { isCallFieldsSheet } from "./call";
import { isPledgeFieldsSheet } from "./pledge";
import { resolveRules, type RulesSource } from "./rules-resolve";
import { marksOf } from "./marks";
import { noticeFieldsOf } from "./notice-fields-sheet";
import { NOTICE_SHEET_BASE, RESULTS_SHEET_BASE } from "./sheet-names";

// In its own module so the custom functions (which need the rules, not the outputs) load it alone.
export { resolveRules, type RulesSource };
// Likewise what the task pane's first look at the sheet needs (its first render loads no use case).
export { marksOf, noticeFieldsOf, NOTICE_SHEET_BASE, RESULTS_SHEET_BASE };

/** A sheet as any entry point reads it: the CLI from a file, the add-in from Excel. */
export interface WorkbookSheet {
  readonly name: string;
  readonly grid: Grid;
  /** Where the grid starts in the sheet; A1 when absent. */
  readonly origin?: GridOrigin;
  /** Hidden sheets are never taken for the score table. */
  readonly visible?: boolean;
  /** Excel's indent levels, where the reader has them (a criteria list's tree without numbering). */
  readonly indents?: CellIndents;
  /** What the values alone do not say (formulas never calculated, percent formats, SUBTOTAL, hidden rows). */
  readonly facts?: CellFacts;
}

export interface RankRequest {
  readonly sheets: readonly WorkbookSheet[];
  /** The sheet to rank; otherwise the one the rules name, otherwise the first with a score table. */
  readonly sheet?: string;
  /** Rules given explicitly (--rules/--preset, or the pane); they win over the workbook's. */
  readonly rules?: Rules;
  readonly mapping?: ColumnMapping;
  /** Overrides the detected layout of detailed scoring sheets (one unit a sheet, or side by side). */
  readonly criteriaLayout?: CriteriaLayout;
  /**
   * The score table's range on the sheet, header included ("A5:F20"): what is outside it is not
   * read (a second table, notes). `emu rank|validate --range` and the pane's table range.
   */
  readonly range?: string;
}

export interface RankOutcome {
  readonly ok: boolean;
  readonly sheet: string | null;
  readonly basis: Basis;
  readonly rules: Rules;
  readonly rulesSource: RulesSource;
  readonly table: ScoreTable | null;
  /** In ranking order; empty when validation found errors. */
  readonly ranking: readonly RankedUnit[];
  readonly issues: readonly Issue[];
  /**
   * The workbook's member list (*Thành viên cụm*) when it has one: the documents take the units'
   * names and the Cụm trưởng's signer from it. Absent or null: names as the table writes them.
   */
  readonly members?: MemberList | null;
}

function originOf(s: WorkbookSheet): GridOrigin {
  return s.origin ?? { sheet: s.name, row: 0, col: 0 };
}

/**
 * A sheet cut to a range given in sheet coordinates (what is outside it is left out); the facts
 * are in sheet coordinates and stay as they are.
 * @example cropSheet(sheet, { r1: 4, c1: 0, r2: 19, c2: 5 }).origin //=> { sheet, row: 4, col: 0 }
 */
export function cropSheet(
  s: WorkbookSheet,
  range: { r1: number; c1: number; r2: number; c2: number },
): WorkbookSheet {
  const o = originOf(s);
  const row0 = Math.max(range.r1, o.row);
  const col0 = Math.max(range.c1, o.col);
  const grid: Grid = s.grid
    .slice(row0 - o.row, Math.max(row0 - o.row, range.r2 - o.row + 1))
    .map((row) => row.slice(col0 - o.col, Math.max(col0 - o.col, range.c2 - o.col + 1)));
  return {
    name: s.name,
    grid,
    origin: { sheet: o.sheet, row: row0, col: col0 },
    ...(s.visible !== undefined ? { visible: s.visible } : {}),
    ...(s.facts ? { facts: s.facts } : {}),
  };
}

/** Sheets EMU keeps for itself are never taken for a score table. */
export function isEmuSheet(s: WorkbookSheet, marks: Marks): boolean {
  return (
    s.name === MARKS_SHEET_NAME ||
    marks.sheets.has(s.name) ||
    isRulesSheet(s.name, s.grid) ||
    isNoticeFieldsSheet(s.name) ||
    isMembersSheetName(s.name) ||
    isCallFieldsSheet(s.name) ||
    isPledgeFieldsSheet(s.name)
  );
}

/**
 * The whole "Compute ranking" use case on plain sheets: rules, the score sheet, detection,
 * validation, ranking, classification and award proposals. Never throws for user input.
 * @example rankWorkbook({ sheets }).ranking.map((r) => r.unit.name)[0] //=> "Sở TT&TT Điện Biên"
 */
export function rankWorkbook(req: RankRequest): RankOutcome {
  const rulesResult = resolveRules(req.sheets, req.rules);
  const fallbackRules = presetRules(DEFAULT_PRESET);
  if (!rulesResult.ok) {
    return {
      ok: false,
      sheet: null,
      basis: "self",
      rules: fallbackRules,
      rulesSource: "workbook",
      table: null,
      ranking: [],
      issues: rulesResult.issues,
    };
  }
  const { rules, source } = rulesResult.value;
  const base = { rules, rulesSource: source };
  const marks = marksOf(req.sheets);
  const wanted = req.sheet ?? rules.sheet;
  let candidates: readonly WorkbookSheet[];
  if (wanted !== undefined) {
    const named = req.sheets.find((s) => s.name === wanted);
    if (!named) {
      const issue: Issue = { code: "no-table", severity: "error", sheet: wanted };
      return { ok: false, sheet: wanted, basis: "self", ...base, table: null, ranking: [], issues: [issue] };
    }
    candidates = [named];
  } else {
    candidates = req.sheets.filter((s) => s.visible !== false && !isEmuSheet(s, marks));
  }
  if (req.range !== undefined) {
    const range = parseRangeA1(req.range);
    if (!range) {
      const issue: Issue = { code: "range-invalid", severity: "error", range: req.range };
      return { ok: false, sheet: null, basis: "self", ...base, table: null, ranking: [], issues: [issue] };
    }
    candidates = candidates.map((s) => cropSheet(s, range));
  }
  // Nobody chose the default preset: scores off its scale are refused; chosen rules only warned.
  const scaleCheck = source === "preset" ? "error" : "warning";

  // Detailed scoring sheets (criteria × points), when the workbook has them: their totals are
  // checked against the summary, or become the summary when there is none.
  const criteria = summariseCriteria(
    candidates.map((s) => ({
      sheet: s.name,
      grid: s.grid,
      origin: originOf(s),
      ...(s.indents ? { indents: s.indents } : {}),
    })),
    { ...(rules.criteria ?? {}), verifiedAboveSelf: rules.verifiedAboveSelf },
    req.criteriaLayout,
  );

  // The first sheet whose summary table is found wins; its problems are the ones reported.
  for (const s of candidates) {
    const read = readScoreTable(s.grid, originOf(s), rules, req.mapping, {
      ...(s.facts ? { facts: s.facts } : {}),
      scaleCheck,
    });
    const noTable = !read.ok && read.issues.length === 1 && read.issues[0]?.code === "no-table";
    if (noTable && (wanted === undefined || criteria)) continue;
    const fromCriteria = criteria
      ? [...criteria.issues, ...(read.ok ? compareSummary(read.value, criteria) : [])]
      : [];
    return rankRead(read, s.name, [...rulesResult.issues, ...fromCriteria]);
  }
  if (criteria) {
    const origin = { sheet: CRITERIA_SUMMARY_SHEET, row: 0, col: 0 };
    const read = readScoreTable(criteria.grid, origin, rules, undefined, {
      scoresIncludeBonus: true,
      scaleCheck,
    });
    const ranked = rankRead(read, CRITERIA_SUMMARY_SHEET, [...rulesResult.issues, ...criteria.issues]);
    // Messages name the unit's own sheet, never the computed summary the workbook does not have.
    return { ...ranked, issues: summaryIssuesAtSources(ranked.issues, criteria) };
  }
  const sheetName = candidates[0]?.name ?? req.sheets[0]?.name ?? "";
  return {
    ok: false,
    sheet: null,
    basis: "self",
    ...base,
    table: null,
    ranking: [],
    issues: [{ code: "no-table", severity: "error", sheet: sheetName }],
  };

  /** Ranks a validated table; any error (its own or one passed in) stops the ranking. */
  function rankRead(read: Result<ScoreTable>, sheet: string, extra: readonly Issue[]): RankOutcome {
    if (!read.ok || hasErrors(extra)) {
      const issues = sortIssues([...extra, ...read.issues]);
      return {
        ok: false,
        sheet,
        basis: read.ok ? read.value.basis : "self",
        ...base,
        table: null,
        ranking: [],
        issues,
      };
    }
    const ranked = proposeAwards(rankTable(read.value, rules), rules);
    // A name in the score table that matches no member of the cluster's list: warned at its cell.
    const members = membersOf(req.sheets).list;
    const unknown = members ? unknownMemberIssues(read.value, members) : [];
    const issues = sortIssues([
      ...extra,
      ...read.issues,
      ...vetoIssues(ranked.ranking),
      ...ranked.issues,
      ...unknown,
      ...exampleUnitIssues(read.value),
    ]);
    return {
      ok: true,
      sheet,
      basis: read.value.basis,
      ...base,
      table: read.value,
      ranking: ranked.ranking,
      issues,
      members,
    };
  }
}

/** The sheets a ranking can produce on request (the summary comes with them when due). */
export type RankingOutput = "results" | "notice";

export interface RankingOutputsOptions {
  /** Which sheets to build: the CLI writes both, each ribbon button one. */
  readonly outputs: readonly RankingOutput[];
  readonly lang: Lang;
  /** The notice's header and signature fields (only read when the notice is asked for). */
  readonly fields?: NoticeFields;
  readonly extras?: readonly NoticeExtra[];
}

/** The sheets a ranking produces, where they go, and which old EMU sheets they replace. */
export interface RankingOutputs {
  /**
   * The sheets to write, in workbook order: the summary computed from detailed sheets (when the
   * ranking came from them, so people can read what was ranked), then the outputs asked for.
   */
  readonly sheets: readonly SheetModel[];
  /** The name each sheet got, by kind. */
  readonly names: Readonly<Partial<Record<EmuSheetKind, string>>>;
  /** Old EMU sheets to remove (the new ones take their names). */
  readonly replace: readonly string[];
  /** The marks to save after writing. */
  readonly marks: Marks;
}

/**
 * Builds the sheets of a successful ranking and decides their names so that only sheets EMU
 * made before are replaced; a user's sheet of the same name is never touched (EMU's gets "(2)").
 * The one place both the CLI's copy and the add-in's buttons decide what a ranking writes.
 * @example rankingOutputs(outcome, ["Bảng điểm"], NO_MARKS, { outputs: ["results"], lang: "vi" }).names
 * //=> { results: "Kết quả xếp hạng" }
 */
export function rankingOutputs(
  outcome: RankOutcome,
  existing: readonly string[],
  marks: Marks,
  opts: RankingOutputsOptions,
): RankingOutputs {
  const sheets: SheetModel[] = [];
  const names: Partial<Record<EmuSheetKind, string>> = {};
  const kinds = new Map(marks.sheets);
  const replace: string[] = [];
  const place = (base: string, kind: EmuSheetKind): string => {
    const p = placeSheet(base, kind, existing, marks);
    if (p.replace) replace.push(p.name);
    kinds.set(p.name, kind);
    names[kind] = p.name;
    return p.name;
  };
  if (outcome.sheet === CRITERIA_SUMMARY_SHEET && outcome.table) {
    const name = place(CRITERIA_SUMMARY_SHEET, "summary");
    sheets.push(gridSheet(name, summaryRows(outcome.table), { headerRows: [0], widths: [6, 40, 16, 20] }));
  }
  if (opts.outputs.includes("results")) {
    const sheetName = place(RESULTS_SHEET_BASE[opts.lang], "results");
    const rulesName = outcome.rules.name ?? outcome.rules.id ?? "";
    sheets.push(buildResults(outcome.ranking, outcome.basis, rulesName, { sheetName, lang: opts.lang }));
  }
  if (opts.outputs.includes("notice")) {
    const sheetName = place(NOTICE_SHEET_BASE, "notice");
    const fields = opts.fields ?? DEFAULT_NOTICE_FIELDS;
    sheets.push(documentSheet(workbookNotice(outcome, fields, opts.extras ?? []).doc, { sheetName }));
  }
  return {
    sheets,
    names,
    replace,
    marks: {
      sheets: kinds,
      cells: marks.cells,
      ...(outcome.sheet ? { source: outcome.sheet } : {}),
      // A mapping the user confirmed in the pane survives every rewrite of the marks.
      ...(marks.mapping ? { mapping: marks.mapping } : {}),
      // What EMU writes now, to notice a person's edits before the next run replaces them.
      prints: new Map([
        ...(marks.prints ?? []),
        ...sheets.map((s): [string, string] => [s.name, modelPrint(s)]),
      ]),
    },
  };
}

/**
 * The notice of a ranking as the sheet, `emu rank --docx` and the pane's Word button all print
 * it: each unit under its official name from the member list (a unit no member matches keeps its
 * table's name — it is the `unknown-member` warning), signed by the Cụm trưởng of the list unless
 * the notice's fields name a signer (what the user typed wins). `signer.source` says which was used.
 * @example workbookNotice(outcome, fields).signer.source //=> "members"
 */
export function workbookNotice(
  outcome: RankOutcome,
  fields: NoticeFields,
  extras: readonly NoticeExtra[] = [],
): { doc: OfficialDocument; signer: ResolvedSigner } {
  const names = documentNames(outcome.members ?? null);
  const ranking = outcome.ranking.map((r) => {
    const name = names.unitName(r.unit.name);
    return name === r.unit.name ? r : { ...r, unit: withUnitName(r.unit, name) };
  });
  const s = noticeSigner(outcome, fields);
  const doc = noticeDocument(
    ranking,
    { ...fields, signerTitle: s.signerTitle, signerName: s.signerName },
    { extras, basis: outcome.basis },
  );
  return { doc, signer: s };
}

/**
 * Who signs the notice (the pane shows it beside the form, and checks the fields' gaps with it):
 * the signer typed in the notice's fields, else the Cụm trưởng's from the member list.
 * @example noticeSigner(outcome, DEFAULT_NOTICE_FIELDS).source //=> "members"
 */
export function noticeSigner(outcome: RankOutcome | null, fields: NoticeFields): ResolvedSigner {
  return documentNames(outcome?.members ?? null).signer(fields, fields.issuingBody);
}

/** The summary table's rows, in the units' source order (what EMU computed from detailed sheets). */
function summaryRows(table: ScoreTable): (string | number | null)[][] {
  const verified = table.units.some((u) => u.verified !== null);
  const bonus = table.units.some((u) => (u.bonus ?? 0) > 0);
  return [
    [
      "STT",
      "Đơn vị",
      "Điểm tự chấm",
      ...(verified ? ["Điểm chấm thẩm định"] : []),
      ...(bonus ? ["Điểm thưởng"] : []),
    ],
    ...table.units.map((u, k) => [
      k + 1,
      u.name,
      u.self,
      ...(verified ? [u.verified] : []),
      ...(bonus ? [u.bonus] : []),
    ]),
  ];
}

/** The machine-readable report (`emu … --json`), one object. */
export interface JsonReport {
  readonly sheet: string | null;
  readonly basis: Basis;
  readonly units: readonly {
    stt: number;
    unit: string;
    self: number | null;
    verified: number | null;
    /** The number ranked and classified on: the total when one applies, else verified (or self). */
    score: number;
    gap: number | null;
    rank: number;
    tied: boolean;
    classification: string;
    award: string | null;
    needsDeliberation: boolean;
    row: number;
  }[];
  readonly issues: readonly { code: string; severity: string; cell: string | null; message: string }[];
}

/** One unit of the machine-readable report. */
export type JsonUnit = JsonReport["units"][number];

/** A ranked unit as the report gives it (the CLI makes them a batch at a time). */
export function jsonUnit(r: RankedUnit): JsonUnit {
  return {
    stt: r.stt,
    unit: r.unit.name,
    self: r.unit.self,
    verified: r.unit.verified,
    score: r.score,
    gap: r.gap,
    rank: r.rank,
    tied: r.tied,
    classification: r.classification,
    award: r.award,
    needsDeliberation: r.needsDeliberation,
    row: r.unit.row + 1,
  };
}

/** The report of a ranking (or of a validation when `ranking` is empty). */
export function jsonReport(outcome: RankOutcome, lang: Lang): JsonReport {
  return {
    sheet: outcome.sheet,
    basis: outcome.basis,
    units: outcome.ranking.map(jsonUnit),
    issues: outcome.issues.map((i) => ({
      code: i.code,
      severity: i.severity,
      cell: i.cell ? cellAddress(i.cell) : null,
      message: issueMessage(i, lang),
    })),
  };
}

export { hasErrors };
