import {
  MARKS_SHEET_NAME,
  conferenceOutputs,
  hasErrors,
  prepareConference,
  tallyWorkbook,
  type Issue,
  type Lang,
  type Rules,
  type TallyOutcome,
} from "../core";
import { runExcel, type RunOptions } from "./host";
import { readAllSheets } from "./read";
import { queueLeftoverCleanup, writeJob } from "./write";

/**
 * The conference (Bình xét) over a live workbook, the same use cases `emu tally` runs: one read of
 * every sheet, the engine, one write job. With no count sheet yet it prepares the vote (ballots and
 * a prefilled Kiểm phiếu); with one, it tallies and writes the results, the two minutes and the
 * proposal. Nothing is written when the count or the score table has errors.
 */

export interface ConferenceRequest {
  readonly lang: Lang;
  /** The count sheet; default: Kiểm phiếu, else the first sheet with a count table. */
  readonly sheet?: string;
  readonly rules?: Rules;
  /** Extra candidates per award (units the user adds to the proposal), by award label. */
  readonly extra?: Readonly<Record<string, readonly string[]>>;
  /** Prepare even when a count sheet exists (a new Kiểm phiếu (2) is made, nothing replaced). */
  readonly prepare?: boolean;
  readonly run?: RunOptions;
}

export interface ConferenceOperationOutcome {
  /** False when errors blocked writing. */
  readonly ok: boolean;
  /** "prepared": ballots and the count sheet were made; "tallied": the results and documents. */
  readonly step: "prepared" | "tallied" | "blocked";
  readonly tally: TallyOutcome;
  readonly issues: readonly Issue[];
  /** Names of the sheets written, in order. */
  readonly written: readonly string[];
}

export async function runConference(req: ConferenceRequest): Promise<ConferenceOperationOutcome> {
  return runExcel(async (context) => {
    const read = await readAllSheets(context);
    const sheets = read.sheets;
    const outcome = tallyWorkbook({
      sheets,
      ...(req.sheet !== undefined ? { sheet: req.sheet } : {}),
      ...(req.rules ? { rules: req.rules } : {}),
    });
    const noCount = outcome.count === null && outcome.issues.every((i) => i.code === "no-count-table");
    const prepare = outcome.rank !== null && ((noCount && req.sheet === undefined) || req.prepare === true);
    if (!prepare && (!outcome.ok || hasErrors(outcome.issues) || !outcome.tally))
      return { ok: false, step: "blocked", tally: outcome, issues: outcome.issues, written: [] };
    const out = prepare
      ? prepareConference(outcome.rank as NonNullable<TallyOutcome["rank"]>, sheets, req.extra ?? {})
      : conferenceOutputs(outcome, sheets, req.lang);
    const names = read.names.map((n) => n.name);
    queueLeftoverCleanup(context, names);
    await writeJob(context, {
      sheets: out.sheets,
      replace: out.replace,
      fill: [],
      marks: out.marks,
      marksExists: names.includes(MARKS_SHEET_NAME),
      ...(out.names[0]
        ? {
            activate: prepare
              ? (out.names.find((n) => n.startsWith("Kiểm phiếu")) ?? out.names[0])
              : out.names[0],
          }
        : {}),
    });
    return {
      ok: true,
      step: prepare ? "prepared" : "tallied",
      tally: outcome,
      issues: prepare ? [] : outcome.issues,
      written: out.names,
    };
  }, req.run);
}
