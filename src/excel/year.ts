import {
  MARKS_SHEET_NAME,
  callDocument,
  createMemberList,
  isoDate,
  marksOf,
  memberListOffer,
  pledgeDocument,
  reminderDocument,
  serialOf,
  trackWorkbook,
  type Issue,
  type OfficialDocument,
  type PlacedDocument,
  type TrackedMember,
  yearToOfficialDocument,
  type Marks,
} from "../core";
import { runExcel, type RunOptions } from "./host";
import { readAllSheets } from "./read";
import { queueLeftoverCleanup, writeJob } from "./write";

/**
 * The year's use cases over a live workbook (the same core use cases as `emu members`, `emu
 * track`, `emu call`, `emu remind`, `emu pledge`): read every sheet in one round trip, decide
 * in the engine, write through the all-or-nothing `writeJob`.
 */

export interface YearInfo {
  /** The member list's sheet, or null (then `units` are the score table's, to create it from). */
  readonly membersSheet: string | null;
  readonly units: readonly string[];
  /** The tracking report, or why there is none ("no-deadline", "bad-deadline", "no-members"). */
  readonly tracking:
    | { readonly ok: true; readonly deadline: string; readonly members: readonly TrackedMember[] }
    | { readonly ok: false; readonly reason: string };
  readonly issues: readonly Issue[];
}

/** What step 6 shows about the members and who has returned their forms (one round trip). */
export async function yearInfo(run?: RunOptions): Promise<YearInfo> {
  return runExcel(async (context) => {
    const { sheets } = await readAllSheets(context);
    const offer = memberListOffer(sheets);
    const t = trackWorkbook(sheets);
    return {
      membersSheet: offer.list?.sheet ?? null,
      units: offer.units,
      tracking: t.ok
        ? { ok: true, deadline: isoDate(t.deadline), members: t.members }
        : { ok: false, reason: t.reason },
      issues: [...offer.issues, ...t.issues],
    };
  }, run);
}

/** Adds *Thành viên cụm* made from the given units (or the score table's); never over a list. */
export async function createMembers(
  units: readonly string[] | undefined,
  run?: RunOptions,
): Promise<{ ok: true; sheet: string } | { ok: false; reason: string }> {
  return runExcel(async (context) => {
    const read = await readAllSheets(context);
    const made = createMemberList(read.sheets, units);
    if (!made.ok) return { ok: false, reason: made.reason };
    queueLeftoverCleanup(
      context,
      read.names.map((n) => n.name),
    );
    await writeJob(context, {
      sheets: [made.model],
      replace: [],
      fill: [],
      marksExists: false,
      activate: made.model.name,
    });
    return { ok: true, sheet: made.model.name };
  }, run);
}

export type YearDocumentKind = "call" | "reminder" | "pledge";

/** The year document of `kind` from the workbook's sheets (the sheet and the Word file alike). */
function yearDocumentOf(kind: YearDocumentKind, sheets: Parameters<typeof callDocument>[0], marks: Marks) {
  if (kind === "call") return callDocument(sheets, marks);
  return kind === "reminder" ? reminderDocument(sheets, marks) : pledgeDocument(sheets, marks);
}

/**
 * Writes the call, the reminder or the pledge as a sheet (replacing only EMU's previous one),
 * with its fields sheet when the workbook has none yet.
 */
export async function writeYearDocument(
  kind: YearDocumentKind,
  run?: RunOptions,
): Promise<{ ok: true; sheet: string; fieldsSheet: string | null } | { ok: false; reason: string }> {
  return runExcel(async (context) => {
    const read = await readAllSheets(context);
    const marks = marksOf(read.sheets);
    const made = yearDocumentOf(kind, read.sheets, marks);
    if (!made.ok) return { ok: false, reason: made.reason };
    const placed: PlacedDocument = made.placed;
    const names = read.names.map((n) => n.name);
    queueLeftoverCleanup(context, names);
    const kinds = new Map(marks.sheets);
    kinds.set(placed.model.name, placed.kind);
    await writeJob(context, {
      sheets: [...(placed.fieldsSheet ? [placed.fieldsSheet] : []), placed.model],
      replace: placed.replace ? [placed.replace] : [],
      fill: [],
      marks: { ...marks, sheets: kinds },
      marksExists: names.includes(MARKS_SHEET_NAME),
      activate: placed.model.name,
    });
    return { ok: true, sheet: placed.model.name, fieldsSheet: placed.fieldsSheet?.name ?? null };
  }, run);
}

/** The file name the pane offers for each document's Word file. */
export const YEAR_WORD_FILES: Readonly<Record<YearDocumentKind, string>> = {
  call: "cong-van-de-nghi.docx",
  reminder: "cong-van-don-doc.docx",
  pledge: "giao-uoc-thi-dua.docx",
};

/**
 * The call, the reminder or the pledge as the shared document model, for the Word writer (the
 * same document `emu call|remind|pledge --docx` writes); reads the workbook, writes nothing.
 */
export async function yearWordDocument(
  kind: YearDocumentKind,
  run?: RunOptions,
): Promise<{ ok: true; document: OfficialDocument; file: string } | { ok: false; reason: string }> {
  return runExcel(async (context) => {
    const read = await readAllSheets(context);
    const marks = marksOf(read.sheets);
    const made = yearDocumentOf(kind, read.sheets, marks);
    if (!made.ok) return { ok: false, reason: made.reason };
    return {
      ok: true,
      document: yearToOfficialDocument(made.placed.document),
      file: YEAR_WORD_FILES[kind],
    };
  }, run);
}

/** Today as an Excel serial, on this computer's calendar (the day forms are consolidated). */
export function todaySerial(now: Date = new Date()): number {
  return serialOf(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? 0;
}
