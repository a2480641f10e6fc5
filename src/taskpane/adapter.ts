import type { ColumnMapping, CriteriaLayout, Lang, NoticeFields, OfficialDocument, Rules } from "../core";
import type {
  ConsolidateOutcome,
  ConsolidateRequest,
  FormsOperationOutcome,
  FormsOperationRequest,
} from "../excel/forms";
import { hostErrorMessage } from "../excel/host";
import type { TemplateOutcome } from "../excel/template";
import type { ConferenceOperationOutcome, ConferenceRequest } from "../excel/conference";
import type { YearDocumentKind, YearInfo } from "../excel/year";
import type { OperationOutcome } from "../excel/operations";
import { loadRulesSchema, rulesNeedExplaining } from "../excel/rules-schema";
import {
  currentSelection,
  inspectSheet,
  saveMapping,
  watchWorkbook,
  type SelectionInfo,
  type SheetInspection,
} from "../excel/pane";

export type { ConsolidateOutcome, FormsOperationOutcome, OperationOutcome, SelectionInfo, SheetInspection };
export type { YearDocumentKind, YearInfo };
export type { ConferenceOperationOutcome };
export type { TemplateOutcome };

/** What the pane asks of a use case: the user's language, and the sheet and mapping it confirmed. */
export interface PaneRequest {
  readonly lang: Lang;
  readonly sheet?: string;
  readonly mapping?: ColumnMapping;
  /** The user's override of a detailed scoring sheet's detected layout. */
  readonly criteriaLayout?: CriteriaLayout;
  /** The user's answer about EMU sheets edited by hand (see OperationRequest.onEdited). */
  readonly onEdited?: "stop" | "replace" | "copy";
}

/** What the workbook offers for making forms: its criteria lists (best first) and its units. */
export interface FormsInfo {
  readonly lists: readonly string[];
  readonly units: readonly string[];
}

/**
 * Everything the pane does to the workbook. The components take this as a prop, so they render
 * and test without Office; `excelAdapter` is the real one (the browser preview runs it over the
 * Excel double), tests pass a fake.
 */
export interface Adapter {
  inspect(opts?: { sheet?: string }): Promise<SheetInspection>;
  selection(): Promise<SelectionInfo>;
  saveMapping(sheet: string, mapping: ColumnMapping | null): Promise<void>;
  validate(req: PaneRequest): Promise<OperationOutcome>;
  compute(req: PaneRequest): Promise<OperationOutcome>;
  generateNotice(req: PaneRequest & { fields: NoticeFields }): Promise<OperationOutcome>;
  saveRules(rules: Rules): Promise<void>;
  saveNoticeFields(fields: NoticeFields): Promise<void>;
  formsInfo(): Promise<FormsInfo>;
  /** One blank self-scoring form sheet per unit, written into the workbook; no sheet is replaced. */
  generateForms(req: Omit<FormsOperationRequest, "run">): Promise<FormsOperationOutcome>;
  /**
   * Returned forms into the workbook: `apply: false` only plans; `apply: true` writes, overwriting
   * only the differing cells listed in `overwrite`.
   */
  consolidate(req: Omit<ConsolidateRequest, "run">): Promise<ConsolidateOutcome>;
  /** Selects a cell or a sheet's A1, given as "'Sheet'!D9". */
  selectCell(address: string): Promise<void>;
  /** Subscribes to edits of the workbook, where the host reports them; returns the unsubscribe. */
  onWorkbookChanged?(listener: () => void): () => void;
  /** The user-facing explanation of anything an operation threw. */
  explain(error: unknown, lang: Lang): string;
  /** The member list and who has returned the forms (absent in adapters without the year's work). */
  yearInfo?(): Promise<YearInfo>;
  /** Adds the member list made from the units (or the score table's); never over an existing one. */
  createMembers?(
    units?: readonly string[],
  ): Promise<{ ok: true; sheet: string } | { ok: false; reason: string }>;
  /** Writes the call, the reminder or the pledge as a sheet. */
  writeYearDocument?(
    kind: YearDocumentKind,
  ): Promise<{ ok: true; sheet: string; fieldsSheet: string | null } | { ok: false; reason: string }>;
  /** The call, the reminder or the pledge as the shared document model, for its Word file. */
  yearWordDocument?(
    kind: YearDocumentKind,
  ): Promise<{ ok: true; document: OfficialDocument; file: string } | { ok: false; reason: string }>;
  /** "Tạo bảng điểm mẫu": a sample score table in a new sheet (and the rules sheet when missing). */
  scoreTemplate?(lang: Lang): Promise<TemplateOutcome>;
  /** Bình xét: prepare the vote (ballots, Kiểm phiếu) or count it and write the documents. */
  conference?(req: Omit<ConferenceRequest, "run">): Promise<ConferenceOperationOutcome>;
}

/*
 * The use cases' code, fetched on the first action that needs it: the pane's first render reads
 * the sheet (pane.ts) and nothing more. Each action also brings the rules schema's messages
 * (rules-schema.ts, zod): an action may meet invalid rules and must say why in full, as the CLI
 * does. A chunk that cannot be fetched rejects like any host failure, and the runner says so.
 */
const operations = async () =>
  (
    await Promise.all([
      import(/* webpackChunkName: "pane-operations" */ "../excel/operations"),
      loadRulesSchema(),
    ])
  )[0];
const forms = async () =>
  (await Promise.all([import(/* webpackChunkName: "pane-forms" */ "../excel/forms"), loadRulesSchema()]))[0];
const year = async () =>
  (await Promise.all([import(/* webpackChunkName: "pane-year" */ "../excel/year"), loadRulesSchema()]))[0];
const template = async () =>
  (await Promise.all([import(/* webpackChunkName: "pane-template" */ "../excel/template"), loadRulesSchema()]))[0];
const conference = async () =>
  (
    await Promise.all([
      import(/* webpackChunkName: "pane-conference" */ "../excel/conference"),
      loadRulesSchema(),
    ])
  )[0];

/**
 * Reads the score sheet; invalid rules on the rules sheet are explained in full (the schema's
 * chunk is fetched only then, and the same read is looked at again).
 */
async function inspect(opts: { sheet?: string }): Promise<SheetInspection> {
  const first = await inspectSheet(opts);
  if (!rulesNeedExplaining(first.rulesIssues)) return first;
  await loadRulesSchema();
  return inspectSheet(opts);
}

/** The adapter over the live workbook (src/excel). */
export function excelAdapter(): Adapter {
  return {
    inspect: (opts) => inspect(opts ?? {}),
    selection: () => currentSelection(),
    saveMapping: (sheet, mapping) => saveMapping(sheet, mapping),
    validate: async (req) => (await operations()).validateSheet(req),
    compute: async (req) => (await operations()).computeRanking(req),
    generateNotice: async (req) => (await operations()).generateNotice(req),
    saveRules: async (rules) => (await operations()).saveRules(rules),
    saveNoticeFields: async (fields) => (await operations()).saveNoticeFields(fields),
    formsInfo: async () => (await forms()).formsInfo(),
    generateForms: async (req) => (await forms()).generateForms(req),
    consolidate: async (req) => (await forms()).consolidateForms(req),
    selectCell: async (address) => (await operations()).selectCell(address),
    onWorkbookChanged(listener) {
      let stop: (() => Promise<void>) | null = null;
      let cancelled = false;
      void watchWorkbook(listener).then((s) => {
        if (cancelled) void s?.();
        else stop = s;
      });
      return () => {
        cancelled = true;
        void stop?.().catch(() => undefined);
      };
    },
    explain: (error, lang) => hostErrorMessage(error, lang),
    yearInfo: async () => (await year()).yearInfo(),
    createMembers: async (units) => (await year()).createMembers(units),
    writeYearDocument: async (kind) => (await year()).writeYearDocument(kind),
    yearWordDocument: async (kind) => (await year()).yearWordDocument(kind),
    conference: async (req) => (await conference()).runConference(req),
    scoreTemplate: async (lang) => (await template()).writeScoreTemplate(lang),
  };
}
