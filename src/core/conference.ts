import { cellAddress } from "./address";
import { awardQuota } from "./awards";
import { COUNT_SHEET_NAME, readCountSheet, type CountSheet } from "./count-sheet";
import { hasErrors, type Issue } from "./issues";
import { issueMessage } from "./messages";
import { foldKey } from "./text";
import type { Rules } from "./rules";
import { sortIssues, withUnitName } from "./score-table";
import { tallyCount, thresholdShare, type Tally } from "./tally";
import type { Lang } from "./types";
import { marksOf, rankWorkbook, resolveRules, type RankOutcome, type WorkbookSheet } from "./use-cases";
import { MARKS_SHEET_NAME, placeSheet, type EmuSheetKind, type Marks } from "./marks";
import {
  CONFERENCE_FIELDS_SHEET_NAME,
  conferenceFieldsGrid,
  conferenceFieldsOf,
  isConferenceFieldsSheet,
} from "./conference-fields";
import {
  awardCandidates,
  ballotDocument,
  ballotQuotas,
  countMinutes,
  countSheetGrid,
  meetingMinutes,
  proposalLetter,
  toOfficialDocument,
  type ConferenceDocument,
} from "./conference-docs";
import { documentSheet as officialSheet } from "./document-sheet";
import { gridSheet } from "./sheet-builder";
import type { SheetModel } from "./sheet-model";
import { TALLY_SHEET_BASE, tallySheet } from "./tally-sheet";
import { documentNamesOf, type DocumentNames, type SignerSource } from "./document-names";
import type { ConferenceFields } from "./conference-fields";
import type { RankedUnit } from "./rank";

/** A conference document as a printable sheet: the shared official-document model and renderer (as Word). */
function documentSheet(doc: ConferenceDocument, sheetName: string): SheetModel {
  return officialSheet(toOfficialDocument(doc), { sheetName });
}

/** A ranked unit under its name from the member list (the table's when no member matches). */
function namedUnit(r: RankedUnit, names: DocumentNames): RankedUnit {
  const name = names.unitName(r.unit.name);
  return name === r.unit.name ? r : { ...r, unit: withUnitName(r.unit, name) };
}

/** The conference's documents as every entry point writes them (sheets, `emu tally --docx`, the pane). */
export interface ConferenceDocuments {
  readonly countMinutes: ConferenceDocument;
  readonly minutes: ConferenceDocument;
  readonly proposal: ConferenceDocument;
  /** Where the minutes' chair and the proposal's signer came from (typed fields win). */
  readonly chair: SignerSource;
  readonly signer: SignerSource;
}

/**
 * The Biên bản kiểm phiếu, the Biên bản họp bình xét and the Tờ trình of a tally, each unit under
 * its official name from the member list (*Thành viên cụm*), the chair and the proposal's signer
 * the Cụm trưởng's unless the conference's fields name them (what the user typed wins).
 * @example conferenceDocuments(tally, fields, sheets).proposal.signatures[0].name //=> "Vũ Anh Dũng"
 */
export function conferenceDocuments(
  tally: Tally,
  fields: ConferenceFields,
  sheets: readonly WorkbookSheet[],
): ConferenceDocuments {
  const names = documentNamesOf(sheets);
  const named: Tally = {
    ...tally,
    awards: tally.awards.map((a) => ({
      ...a,
      candidates: a.candidates.map((c) => ({
        ...c,
        unit: names.unitName(c.unit),
        ranked: c.ranked ? namedUnit(c.ranked, names) : null,
      })),
    })),
  };
  const signer = names.signer(fields, fields.issuingBody);
  const chair = names.chair(fields.chairName, fields.chairTitle);
  const f: ConferenceFields = {
    ...fields,
    signerTitle: signer.signerTitle,
    signerName: signer.signerName,
    chairName: chair.name,
    chairTitle: chair.title,
  };
  return {
    countMinutes: countMinutes(named, f),
    minutes: meetingMinutes(named, f),
    proposal: proposalLetter(named, f),
    chair: chair.source,
    signer: signer.source,
  };
}

export interface TallyRequest {
  readonly sheets: readonly WorkbookSheet[];
  /** The count sheet; otherwise "Kiểm phiếu", otherwise the first sheet holding a count table. */
  readonly sheet?: string;
  /** Rules given explicitly (--rules/--preset, or the pane); they win over the workbook's. */
  readonly rules?: Rules;
}

export interface TallyOutcome {
  /** False when an error blocks the result (nothing should be written). */
  readonly ok: boolean;
  /** The count sheet read, or null when none was found. */
  readonly sheet: string | null;
  readonly rules: Rules;
  /** The ranking the candidates are checked against (null when the workbook has no score table). */
  readonly rank: RankOutcome | null;
  readonly count: CountSheet | null;
  readonly tally: Tally | null;
  readonly issues: readonly Issue[];
}

function isCountSheetName(name: string): boolean {
  const k = foldKey(name);
  return (
    k === foldKey(COUNT_SHEET_NAME) || k.startsWith(`${foldKey(COUNT_SHEET_NAME)} (`) || k === "vote count"
  );
}

/**
 * The conference's count as one use case, what the CLI, the ribbon and the pane call: the ranking
 * (for eligibility and the order of equal votes), the count sheet, and the tally. Never throws for
 * user input; a score table with errors blocks the tally (eligibility could not be trusted).
 * @example tallyWorkbook({ sheets }).tally.awards[0].candidates[0].elected //=> true
 */
export function tallyWorkbook(req: TallyRequest): TallyOutcome {
  const resolved = resolveRules(req.sheets, req.rules);
  if (!resolved.ok) {
    return {
      ok: false,
      sheet: null,
      rules: rankWorkbook({ sheets: [] }).rules,
      rank: null,
      count: null,
      tally: null,
      issues: resolved.issues,
    };
  }
  const rules = resolved.value.rules;
  const marks = marksOf(req.sheets);
  // The count sheet itself is never a score table; EMU's own sheets are never count sheets.
  const countCandidates =
    req.sheet !== undefined
      ? req.sheets.filter((s) => s.name === req.sheet)
      : [
          ...req.sheets.filter((s) => isCountSheetName(s.name) && !marks.sheets.has(s.name)),
          ...req.sheets.filter(
            (s) =>
              !isCountSheetName(s.name) &&
              s.visible !== false &&
              s.name !== MARKS_SHEET_NAME &&
              !marks.sheets.has(s.name),
          ),
        ];

  const rankSheets = req.sheets.filter((s) => s.name !== req.sheet);
  const rank = rankWorkbook({ sheets: rankSheets, rules });
  const noTable = !rank.ok && rank.issues.every((i) => i.code === "no-table");
  if (!rank.ok && !noTable) {
    return { ok: false, sheet: null, rules, rank, count: null, tally: null, issues: rank.issues };
  }
  const ranking = rank.ok ? rank.ranking : null;
  const unitCount = ranking?.length ?? null;

  for (const s of countCandidates) {
    const origin = s.origin ?? { sheet: s.name, row: 0, col: 0 };
    const size = unitCount;
    const read = readCountSheet(s.grid, origin, rules, (a) => awardQuota(a, size ?? Number.MAX_SAFE_INTEGER));
    const none = !read.ok && read.issues.every((i) => i.code === "no-count-table");
    if (none && req.sheet === undefined) continue;
    if (!read.ok) {
      return {
        ok: false,
        sheet: s.name,
        rules,
        rank: rank.ok ? rank : null,
        count: null,
        tally: null,
        issues: sortIssues(read.issues),
      };
    }
    const tally = tallyCount(read.value, ranking, rules);
    const issues = sortIssues([...resolved.issues, ...read.issues, ...tally.issues]);
    return {
      ok: !hasErrors(issues),
      sheet: s.name,
      rules,
      rank: rank.ok ? rank : null,
      count: read.value,
      tally,
      issues,
    };
  }
  const name = req.sheet ?? req.sheets.find((s) => s.visible !== false)?.name ?? "";
  return {
    ok: false,
    sheet: null,
    rules,
    rank: rank.ok ? rank : null,
    count: null,
    tally: null,
    issues: [{ code: "no-count-table", severity: "error", sheet: name }],
  };
}

/** The machine-readable report of `emu tally --json`, one object. */
export interface TallyJson {
  readonly sheet: string | null;
  readonly ballots: {
    members: number | null;
    present: number | null;
    issued: number | null;
    returned: number | null;
    valid: number | null;
    invalid: number | null;
  };
  readonly threshold: {
    share: number;
    strict: boolean;
    base: string;
    baseCount: number | null;
    required: number | null;
  };
  readonly awards: readonly {
    award: string;
    quota: number;
    candidates: readonly {
      unit: string;
      votes: number;
      percent: number | null;
      passed: boolean;
      elected: boolean;
      needsRevote: boolean;
      row: number;
    }[];
  }[];
  readonly issues: readonly { code: string; severity: string; cell: string | null; message: string }[];
}

/**
 * The tally as `emu tally --json` prints it: counts unknown are null, the share a number, each
 * candidate's `row` the 1-based Excel row in the count sheet.
 */
export function tallyJson(outcome: TallyOutcome, lang: Lang): TallyJson {
  const t = outcome.tally;
  const rule = t?.threshold.rule ?? { share: 0.5, strict: true, base: "members" as const };
  const b = t?.ballots;
  return {
    sheet: outcome.sheet,
    ballots: {
      members: b?.members ?? null,
      present: b?.present ?? null,
      issued: b?.issued ?? null,
      returned: b?.returned ?? null,
      valid: b?.valid ?? null,
      invalid: b?.invalid ?? null,
    },
    threshold: {
      share: t ? thresholdShare(t.threshold) : typeof rule.share === "number" ? rule.share : 0.5,
      strict: rule.strict,
      base: rule.base,
      baseCount: t?.threshold.baseCount ?? null,
      required: t?.threshold.required ?? null,
    },
    awards: (t?.awards ?? []).map((a) => ({
      award: a.award,
      quota: a.quota,
      candidates: a.candidates.map((c) => ({
        unit: c.unit,
        votes: c.votes,
        percent: c.percent,
        passed: c.passed,
        elected: c.elected,
        needsRevote: c.needsRevote,
        row: c.row + 1,
      })),
    })),
    issues: outcome.issues.map((i) => ({
      code: i.code,
      severity: i.severity,
      cell: i.cell ? cellAddress(i.cell) : null,
      message: issueMessage(i, lang),
    })),
  };
}

/** The sheets a tally or a preparation writes, where they go, and which old EMU sheets they replace. */
export interface ConferenceOutputs {
  readonly sheets: readonly SheetModel[];
  /** The name each sheet got, in writing order. */
  readonly names: readonly string[];
  readonly replace: readonly string[];
  readonly marks: Marks;
}

export const CONFERENCE_SHEET_BASES = {
  countMinutes: "Biên bản kiểm phiếu",
  minutes: "Biên bản họp bình xét",
  proposal: "Tờ trình khen thưởng",
  ballot: "Phiếu bình xét",
} as const;

function placer(existing: readonly string[], marks: Marks) {
  const kinds = new Map(marks.sheets);
  const replace: string[] = [];
  const names: string[] = [];
  const taken = [...existing];
  return {
    place(base: string, kind: EmuSheetKind): string {
      const p = placeSheet(base, kind, taken, {
        ...marks,
        sheets: new Map([...marks.sheets].filter(([n]) => !names.includes(n))),
      });
      if (p.replace) replace.push(p.name);
      kinds.set(p.name, kind);
      names.push(p.name);
      if (!taken.includes(p.name)) taken.push(p.name);
      return p.name;
    },
    /** A sheet that becomes the user's (the count sheet, the fields): a free name, never marked, never replaced. */
    fresh(base: string): string {
      let name = base;
      for (let i = 2; taken.some((t) => foldKey(t) === foldKey(name)); i++) name = `${base} (${i})`;
      taken.push(name);
      names.push(name);
      return name;
    },
    done(): { names: string[]; replace: string[]; marks: Marks } {
      return { names, replace, marks: { ...marks, sheets: kinds } };
    },
  };
}

/**
 * What a successful tally writes: the results, the Biên bản kiểm phiếu, the Biên bản họp bình xét
 * and the Tờ trình, plus the editable fields sheet when the workbook has none yet. The one place
 * the CLI's copy, the ribbon and the pane decide it.
 */
export function conferenceOutputs(
  outcome: TallyOutcome,
  sheets: readonly WorkbookSheet[],
  lang: Lang,
): ConferenceOutputs {
  const tally = outcome.tally;
  const marks = marksOf(sheets);
  const p = placer(
    sheets.map((s) => s.name),
    marks,
  );
  const out: SheetModel[] = [];
  if (tally) {
    const fields = conferenceFieldsOf(sheets);
    const docs = conferenceDocuments(tally, fields, sheets);
    out.push(tallySheet(tally, { sheetName: p.place(TALLY_SHEET_BASE[lang], "tally"), lang }));
    out.push(documentSheet(docs.countMinutes, p.place(CONFERENCE_SHEET_BASES.countMinutes, "count-minutes")));
    out.push(documentSheet(docs.minutes, p.place(CONFERENCE_SHEET_BASES.minutes, "minutes")));
    out.push(documentSheet(docs.proposal, p.place(CONFERENCE_SHEET_BASES.proposal, "proposal")));
    if (!sheets.some((s) => isConferenceFieldsSheet(s.name)))
      out.push(
        gridSheet(p.fresh(CONFERENCE_FIELDS_SHEET_NAME), conferenceFieldsGrid(fields), { headerRows: [2] }),
      );
  }
  const d = p.done();
  return { sheets: out, ...d };
}

/**
 * Preparing the vote from the last ranking: a ballot per award (the proposal plus the units the
 * user adds), the count sheet Kiểm phiếu prefilled with the candidates (it becomes the user's: never
 * replaced), and the fields sheet when missing.
 */
export function prepareConference(
  rank: RankOutcome,
  sheets: readonly WorkbookSheet[],
  extra: Readonly<Record<string, readonly string[]>> = {},
): ConferenceOutputs {
  const marks = marksOf(sheets);
  const p = placer(
    sheets.map((s) => s.name),
    marks,
  );
  const fields = conferenceFieldsOf(sheets);
  const out: SheetModel[] = [];
  const quotas = ballotQuotas(rank.rules, rank.ranking.length);
  const names = documentNamesOf(sheets);
  for (const a of rank.rules.awards) {
    // The ballot names each candidate as the member list does (the count sheet keeps the table's).
    const candidates = awardCandidates(rank.ranking, a.label, extra[a.label] ?? []).map((r) =>
      namedUnit(r, names),
    );
    const doc = ballotDocument(a.label, quotas.get(a.label) ?? 0, candidates, fields);
    out.push(documentSheet(doc, p.place(`${CONFERENCE_SHEET_BASES.ballot} - ${a.label}`, "ballot")));
  }
  out.push(
    gridSheet(p.fresh(COUNT_SHEET_NAME), countSheetGrid(rank.ranking, rank.rules, fields, extra), {
      headerRows: [8],
      widths: [18, 36, 16, 16, 16],
    }),
  );
  if (!sheets.some((s) => isConferenceFieldsSheet(s.name)))
    out.push(
      gridSheet(p.fresh(CONFERENCE_FIELDS_SHEET_NAME), conferenceFieldsGrid(fields), { headerRows: [2] }),
    );
  return { sheets: out, ...p.done() };
}
