import {
  CALL_FIELDS_SHEET_NAME,
  DEFAULT_CALL_FIELDS,
  buildCall,
  buildReminder,
  callDeadline,
  callFieldsFromGrid,
  callFieldsGrid,
  isCallFieldsSheet,
  type CallFields,
} from "./call";
import { parseDateCell } from "./dates";
import { formSources } from "./form-use-cases";
import type { Issue } from "./issues";
import { yearDocumentSheet, type YearDocument } from "./letter";
import { placeSheet, type EmuSheetKind, type Marks } from "./marks";
import {
  MEMBERS_SHEET_NAME,
  bareMember,
  findMember,
  memberKey,
  membersOf,
  membersSheet,
  type Member,
  type MemberList,
} from "./members";
import { documentNames } from "./document-names";
import {
  DEFAULT_PLEDGE_FIELDS,
  PLEDGE_FIELDS_SHEET_NAME,
  buildPledge,
  isPledgeFieldsSheet,
  pledgeFieldsFromGrid,
  pledgeFieldsGrid,
  type PledgeFields,
} from "./pledge";
import { gridSheet } from "./sheet-builder";
import type { SheetModel } from "./sheet-model";
import {
  TRACKING_SHEET_NAME,
  isTrackingSheetName,
  readTracking,
  trackMembers,
  trackingEdits,
  trackingSheet,
  type TrackedMember,
  type TrackingEdit,
  type TrackingSheet,
} from "./tracking";
import { cleanText, sameUnitName } from "./text";
import type { WorkbookSheet } from "./use-cases";

/**
 * The rest of the cluster's year as use cases every entry point runs the same way: the member
 * list, the call for reports and self-scoring sheets, who has returned them, the reminder, the
 * pledge. Pure: the CLI and the add-in read the sheets, call these, and write what they return.
 */

const originOf = (s: WorkbookSheet) => s.origin ?? { sheet: s.name, row: 0, col: 0 };

/**
 * What the pane offers about the member list: the list when there is one, else the units of
 * the score table to create it from.
 * @example memberListOffer(sheets) //=> { list: null, units: ["Sở TT&TT Hà Giang", …], issues: [] }
 */
export function memberListOffer(sheets: readonly WorkbookSheet[]): {
  list: MemberList | null;
  units: string[];
  issues: Issue[];
} {
  const { list, issues } = membersOf(sheets);
  if (list) return { list, units: list.members.map((m) => m.name), issues };
  return { list: null, units: formSources(sheets).units, issues };
}

/**
 * The member list sheet to add, made from the given units or the score table's; refused when
 * the workbook already has a member list (it is the user's, never replaced) or names no unit.
 * The sheet is named *Thành viên cụm*, or "Thành viên cụm (2)" when a user's sheet has that name.
 */
export function createMemberList(
  sheets: readonly WorkbookSheet[],
  units?: readonly string[],
): { ok: true; model: SheetModel } | { ok: false; reason: "exists" | "no-units"; sheet?: string } {
  const { list } = membersOf(sheets);
  if (list) return { ok: false, reason: "exists", sheet: list.sheet };
  const names: string[] = [];
  for (const u of (units ?? formSources(sheets).units).map((x) => cleanText(x)))
    if (u && !names.some((n) => sameUnitName(n, u))) names.push(u);
  if (names.length === 0) return { ok: false, reason: "no-units" };
  const name = freeName(
    MEMBERS_SHEET_NAME,
    sheets.map((s) => s.name),
  );
  return { ok: true, model: membersSheet(names, name) };
}

function freeName(base: string, taken: readonly string[]): string {
  const t = new Set(taken.map((n) => n.toLocaleLowerCase("vi")));
  if (!t.has(base.toLocaleLowerCase("vi"))) return base;
  for (let i = 2; ; i++) if (!t.has(`${base} (${i})`.toLocaleLowerCase("vi"))) return `${base} (${i})`;
}

/** The call's fields kept in the workbook, or the template; `saved` says whether the sheet exists. */
export function callFieldsOf(sheets: readonly WorkbookSheet[]): { fields: CallFields; saved: boolean } {
  const s = sheets.find((x) => isCallFieldsSheet(x.name));
  return s
    ? { fields: callFieldsFromGrid(s.grid), saved: true }
    : { fields: DEFAULT_CALL_FIELDS, saved: false };
}

/** The pledge's fields kept in the workbook, or the template. */
export function pledgeFieldsOf(sheets: readonly WorkbookSheet[]): { fields: PledgeFields; saved: boolean } {
  const s = sheets.find((x) => isPledgeFieldsSheet(x.name));
  return s
    ? { fields: pledgeFieldsFromGrid(s.grid), saved: true }
    : { fields: DEFAULT_PLEDGE_FIELDS, saved: false };
}

/** The fields sheets as models (written once, then edited by the user). */
export function callFieldsSheet(fields: CallFields): SheetModel {
  return gridSheet(CALL_FIELDS_SHEET_NAME, callFieldsGrid(fields), { headerRows: [2], widths: [30, 90] });
}
export function pledgeFieldsSheet(fields: PledgeFields): SheetModel {
  return gridSheet(PLEDGE_FIELDS_SHEET_NAME, pledgeFieldsGrid(fields), { headerRows: [2], widths: [30, 90] });
}

/** Members as the documents see them: the list's, else bare names from the score table. */
function documentMembers(sheets: readonly WorkbookSheet[]): { members: Member[]; list: MemberList | null } {
  const { list } = membersOf(sheets);
  if (list) return { members: [...list.members], list };
  const names = formSources(sheets).units;
  return {
    list: null,
    members: names.map((name) => bareMember(name)),
  };
}

/**
 * The call's fields as the letter is signed: the signer typed in *Thông tin công văn*, else the
 * Cụm trưởng's from the member list (the shared rule of every document; the sheet keeps what was typed).
 */
function signedByHead(fields: CallFields, list: MemberList | null): CallFields {
  const s = documentNames(list).signer(fields, fields.issuingBody);
  return { ...fields, signerTitle: s.signerTitle, signerName: s.signerName };
}

/** Why a deadline cannot be used. */
export type DeadlineProblem = "no-deadline" | "bad-deadline";

/**
 * The deadline: the one given (`--deadline`, YYYY-MM-DD or dd/mm/yyyy), else the call's field.
 * @example deadlineOf(sheets, "2023-12-15") //=> 45275
 */
export function deadlineOf(sheets: readonly WorkbookSheet[], given?: string): number | DeadlineProblem {
  if (given !== undefined) {
    const d = parseDateCell(given);
    return d.kind === "date" ? d.serial : "bad-deadline";
  }
  const d = callDeadline(callFieldsOf(sheets).fields);
  return d === null ? "no-deadline" : d === "bad" ? "bad-deadline" : d;
}

/** The workbook's tracking sheet, if any (the named one first, else one found by its headers). */
export function trackingOf(sheets: readonly WorkbookSheet[]): {
  table: TrackingSheet | null;
  issues: Issue[];
} {
  const ordered = [
    ...sheets.filter((s) => isTrackingSheetName(s.name)),
    ...sheets.filter((s) => !isTrackingSheetName(s.name) && s.visible !== false),
  ];
  for (const s of ordered) {
    const r = readTracking(s.grid, originOf(s));
    if (r.table) return r;
  }
  return { table: null, issues: [] };
}

export type TrackOutcome =
  | {
      readonly ok: true;
      readonly deadline: number;
      readonly members: readonly TrackedMember[];
      readonly issues: readonly Issue[];
      /** The tracking sheet read, or null (everyone is then missing). */
      readonly sheet: string | null;
    }
  | {
      readonly ok: false;
      readonly reason: DeadlineProblem | "no-members";
      readonly issues: readonly Issue[];
    };

/**
 * Who has returned the documents, against the deadline (`emu track`, the pane's step 6).
 * @example trackWorkbook(sheets, "2023-12-15").members[0] //=> { unit: "Sở A", received: true, receivedOn: "2023-12-14", status: "on-time", daysLate: 0 }
 */
export function trackWorkbook(sheets: readonly WorkbookSheet[], deadline?: string): TrackOutcome {
  const d = deadlineOf(sheets, deadline);
  const { list, issues: listIssues } = membersOf(sheets);
  const tracking = trackingOf(sheets);
  const issues = [...listIssues, ...tracking.issues];
  if (typeof d !== "number") return { ok: false, reason: d, issues };
  const input = {
    members: list ? list.members : null,
    membersSheet: list ? list.sheet : null,
    tracking: tracking.table,
    fallbackUnits: list || tracking.table ? [] : formSources(sheets).units,
  };
  const tracked = trackMembers(input, d);
  if (tracked.members.length === 0) return { ok: false, reason: "no-members", issues };
  return {
    ok: true,
    deadline: d,
    members: tracked.members,
    issues: [...issues, ...tracked.issues],
    sheet: tracking.table?.sheet ?? null,
  };
}

/** A document sheet placed so that only EMU's previous one is replaced. */
export interface PlacedDocument {
  readonly document: YearDocument;
  readonly model: SheetModel;
  /** An EMU sheet of the same kind to remove first, if any. */
  readonly replace: string | null;
  readonly kind: EmuSheetKind;
  /** The fields sheet to add when the workbook has none yet (so the user can edit it). */
  readonly fieldsSheet: SheetModel | null;
}

const DOC_SHEETS: Readonly<Record<"call" | "reminder" | "pledge", string>> = {
  call: "Công văn đề nghị",
  reminder: "Công văn đôn đốc",
  pledge: "Giao ước thi đua",
};

function place(
  kind: "call" | "reminder" | "pledge",
  doc: YearDocument,
  sheets: readonly WorkbookSheet[],
  marks: Marks,
  fieldsSheet: SheetModel | null,
): PlacedDocument {
  const names = sheets.map((s) => s.name);
  const p = placeSheet(DOC_SHEETS[kind], kind, fieldsSheet ? [...names, fieldsSheet.name] : names, marks);
  return {
    document: doc,
    model: yearDocumentSheet(doc, p.name),
    replace: p.replace ? p.name : null,
    kind,
    fieldsSheet,
  };
}

/**
 * The call (*Công văn đề nghị*) from the workbook's fields and member list.
 * @example callDocument(sheets, marks).model.name //=> "Công văn đề nghị"
 */
export function callDocument(
  sheets: readonly WorkbookSheet[],
  marks: Marks,
):
  | { ok: true; placed: PlacedDocument; issues: Issue[] }
  | { ok: false; reason: "bad-deadline" | "no-members" } {
  const { fields, saved } = callFieldsOf(sheets);
  const d = callDeadline(fields);
  if (d === "bad") return { ok: false, reason: "bad-deadline" };
  const { members, list } = documentMembers(sheets);
  if (members.length === 0 && fields.recipients.length === 0) return { ok: false, reason: "no-members" };
  const doc = buildCall(signedByHead(fields, list), members, d);
  return {
    ok: true,
    placed: place("call", doc, sheets, marks, saved ? null : callFieldsSheet(fields)),
    issues: [],
  };
}

/**
 * The reminder (*Công văn đôn đốc*) to the members not yet received; refused when everyone has
 * sent (there is no one to remind).
 */
export function reminderDocument(
  sheets: readonly WorkbookSheet[],
  marks: Marks,
  deadline?: string,
):
  | { ok: true; placed: PlacedDocument; missing: string[]; issues: readonly Issue[] }
  | { ok: false; reason: DeadlineProblem | "no-members" | "none-missing"; issues: readonly Issue[] } {
  const tracked = trackWorkbook(sheets, deadline);
  if (!tracked.ok) return tracked;
  const { members, list } = documentMembers(sheets);
  const missingNames = tracked.members.filter((m) => m.status === "missing").map((m) => m.unit);
  if (missingNames.length === 0) return { ok: false, reason: "none-missing", issues: tracked.issues };
  const missing = missingNames.map((n) => findMember(members, n) ?? bareMember(n));
  const { fields, saved } = callFieldsOf(sheets);
  const doc = buildReminder(signedByHead(fields, list), missing, tracked.deadline);
  return {
    ok: true,
    placed: place("reminder", doc, sheets, marks, saved ? null : callFieldsSheet(fields)),
    missing: missingNames,
    issues: tracked.issues,
  };
}

/**
 * The pledge (*Giao ước thi đua*): needs the member list (its signers and titles sign it).
 * @example pledgeDocument(sheets, marks).placed.document.grid.flat().length //=> 7
 */
export function pledgeDocument(
  sheets: readonly WorkbookSheet[],
  marks: Marks,
): { ok: true; placed: PlacedDocument; issues: Issue[] } | { ok: false; reason: "no-member-list" } {
  const { list, issues } = membersOf(sheets);
  if (!list || list.members.length === 0) return { ok: false, reason: "no-member-list" };
  const { fields, saved } = pledgeFieldsOf(sheets);
  const doc = buildPledge(fields, list.members);
  return {
    ok: true,
    placed: place("pledge", doc, sheets, marks, saved ? null : pledgeFieldsSheet(fields)),
    issues,
  };
}

/**
 * What consolidation does to the tracking sheet when forms of `units` arrive on `received`:
 * blank date (and EMU status) cells of an existing sheet filled, or, when there is none but the
 * workbook has a member list (or the call's fields), a new sheet with every member.
 * @example trackingAfterConsolidation(sheets, ["Sở A"], 45274).edits.length //=> 2
 */
export function trackingAfterConsolidation(
  sheets: readonly WorkbookSheet[],
  units: readonly string[],
  received: number,
): { add: SheetModel | null; edits: TrackingEdit[] } {
  if (units.length === 0) return { add: null, edits: [] };
  const d = deadlineOf(sheets);
  const deadline = typeof d === "number" ? d : null;
  const { list } = membersOf(sheets);
  const { table } = trackingOf(sheets);
  if (table) return { add: null, edits: trackingEdits(table, units, received, deadline, list).edits };
  // No tracking sheet yet: one is made for the members of the list (without a list, or the
  // call's fields, the workbook is not tracking submissions and gets nothing new).
  if (!list && !callFieldsOf(sheets).saved) return { add: null, edits: [] };
  const names = list ? list.members.map((m) => m.name) : formSources(sheets).units;
  const all = [...names];
  for (const u of units) {
    const m = list ? findMember(list.members, u) : null;
    if (!all.some((n) => sameUnitName(n, m ? m.name : u))) all.push(m ? m.name : u);
  }
  const members = list ? list.members : null;
  const got = new Set(units.map((u) => memberKey(members, u)));
  const rows = all.map((unit) => ({ unit, received: got.has(memberKey(members, unit)) ? received : null }));
  return {
    add: trackingSheet(
      rows,
      deadline,
      freeName(
        TRACKING_SHEET_NAME,
        sheets.map((s) => s.name),
      ),
    ),
    edits: [],
  };
}
