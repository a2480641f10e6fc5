import type { CellRef } from "./types";

/** Problems block ranking; warnings are shown but let the work go on. */
export type Severity = "error" | "warning";

/** The roles a column of a score table can play. */
export type ColumnRole =
  | "stt"
  | "unit"
  | "self"
  | "verified"
  | "max"
  | "bonus"
  | "deduction"
  | "classification"
  | "rank"
  | "note"
  | "veto"
  | "total";

/** The legacy 8-bit Vietnamese encodings still found in old workbooks. */
export type LegacyEncoding = "tcvn3" | "vni";

interface At {
  readonly severity: Severity;
  /** The cell the issue is about; absent only for issues about a whole sheet or file. */
  readonly cell?: CellRef;
}

/**
 * Everything a user can get wrong, as data. Each member carries what its message needs;
 * the texts live in one table (`messages.ts`) that every entry point renders from.
 */
export type Issue =
  | (At & { readonly code: "no-table"; readonly sheet: string })
  | (At & { readonly code: "emu-sheet-active"; readonly sheet: string })
  | (At & { readonly code: "no-units" })
  | (At & { readonly code: "missing-column"; readonly role: ColumnRole })
  | (At & { readonly code: "missing-unit-name" })
  | (At & { readonly code: "duplicate-unit"; readonly unit: string; readonly firstAddress: string })
  | (At & { readonly code: "missing-score"; readonly role: ColumnRole; readonly unit: string })
  | (At & { readonly code: "not-a-number"; readonly text: string })
  | (At & { readonly code: "negative-score"; readonly value: number })
  | (At & { readonly code: "score-above-max"; readonly value: number; readonly max: number })
  | (At & { readonly code: "verified-above-self"; readonly verified: number; readonly self: number })
  | (At & { readonly code: "cell-error"; readonly error: string })
  | (At & { readonly code: "text-number"; readonly text: string; readonly value: number })
  | (At & { readonly code: "decimal-comma"; readonly text: string; readonly value: number })
  | (At & {
      readonly code: "legacy-encoding";
      readonly encoding: LegacyEncoding;
      readonly text: string;
      readonly suggestion: string;
    })
  | (At & { readonly code: "non-nfc"; readonly text: string })
  | (At & {
      readonly code: "total-mismatch";
      readonly role: ColumnRole;
      readonly expected: number;
      readonly actual: number;
      /** The total is a SUBTOTAL/AGGREGATE formula and rows are hidden: it was compared with the visible rows. */
      readonly visibleOnly?: boolean;
    })
  | (At & { readonly code: "basis-self" })
  | (At & {
      readonly code: "parent-sum-mismatch";
      readonly path: string;
      /** How messages name the criterion: its numbering path, or its content when unnumbered. */
      readonly criterion: string;
      readonly expected: number;
      readonly actual: number;
    })
  | (At & {
      readonly code: "max-sum-mismatch";
      readonly path: string;
      /** How messages name the criterion: its numbering path, or its content when unnumbered. */
      readonly criterion: string;
      readonly expected: number;
      readonly actual: number;
    })
  | (At & { readonly code: "bonus-above-cap"; readonly value: number; readonly max: number })
  | (At & {
      readonly code: "pass-fail-partial";
      readonly path: string;
      /** How messages name the criterion: its numbering path, or its content when unnumbered. */
      readonly criterion: string;
      readonly value: number;
      readonly max: number;
    })
  | (At & {
      readonly code: "summary-mismatch";
      readonly unit: string;
      readonly role: ColumnRole;
      readonly expected: number;
      readonly actual: number;
      readonly source: string;
    })
  | (At & { readonly code: "unit-not-in-summary"; readonly unit: string; readonly source: string })
  | (At & { readonly code: "no-form"; readonly source: string })
  | (At & {
      readonly code: "criteria-differ";
      readonly unit: string;
      readonly source: string;
      readonly detail: string;
    })
  | (At & {
      readonly code: "needs-deliberation";
      readonly award: string;
      readonly rank: number;
      readonly units: readonly string[];
      readonly slots: number;
    })
  | (At & { readonly code: "veto-applied"; readonly unit: string; readonly label: string })
  | (At & { readonly code: "rules-invalid"; readonly path: string; readonly detail: string })
  | (At & { readonly code: "kept-user-value"; readonly value: string; readonly proposed: string })
  | (At & { readonly code: "mapping-invalid"; readonly role: ColumnRole; readonly column: string })
  | (At & { readonly code: "unknown-member"; readonly unit: string; readonly sheet: string })
  | (At & { readonly code: "example-unit"; readonly unit: string })
  | (At & { readonly code: "bad-date"; readonly text: string })
  | (At & { readonly code: "not-a-member"; readonly unit: string; readonly sheet: string })
  // The conference's count (Kiểm phiếu).
  | (At & { readonly code: "no-count-table"; readonly sheet: string })
  | (At & {
      readonly code: "vote-count-inconsistent";
      /** The count that is too large and the one it must not exceed (labels as on the sheet). */
      readonly count: CountName;
      readonly value: number;
      readonly limit: CountName;
      readonly limitValue: number;
    })
  | (At & {
      readonly code: "vote-count-mismatch";
      readonly count: CountName;
      readonly value: number;
      readonly expected: number;
    })
  | (At & { readonly code: "vote-not-whole"; readonly value: number })
  | (At & {
      readonly code: "votes-above-valid";
      readonly unit: string;
      readonly award: string;
      readonly votes: number;
      readonly limit: CountName;
      readonly limitValue: number;
    })
  | (At & { readonly code: "vote-base-missing"; readonly count: CountName })
  | (At & { readonly code: "vote-unknown-candidate"; readonly unit: string; readonly award: string })
  | (At & {
      readonly code: "vote-not-eligible";
      readonly unit: string;
      readonly award: string;
      /** Why: the class is below the award's minimum, or a veto. */
      readonly reason: "class" | "veto";
      readonly classification: string;
    })
  | (At & {
      readonly code: "vote-tie";
      readonly award: string;
      readonly votes: number;
      readonly units: readonly string[];
      readonly slots: number;
    })
  | (At & {
      readonly code: "ballot-invalid";
      readonly ballot: string;
      readonly award: string;
      readonly marked: number;
      readonly quota: number;
    })
  | (At & { readonly code: "vote-no-ranking" })
  | (At & { readonly code: "formula-not-calculated" })
  | (At & { readonly code: "total-column-mismatch"; readonly expected: number; readonly actual: number })
  | (At & { readonly code: "total-computed"; readonly bonus: boolean; readonly deduction: boolean })
  | (At & { readonly code: "percent-score"; readonly value: number })
  | (At & {
      readonly code: "scale-mismatch";
      readonly maxScore: number;
      readonly highest: number;
      /** The preset whose scale fits the scores, if one does. */
      readonly preset: string | null;
    })
  | (At & {
      readonly code: "second-table";
      /** The second table's range on the sheet ("A20:F30"), to rank it with --range or the pane. */
      readonly range: string;
    })
  | (At & { readonly code: "range-invalid"; readonly range: string })
  | (At & { readonly code: "emu-sheet-edited"; readonly sheet: string });

/** The ballot counts of a count sheet (Kiểm phiếu), as the checks name them. */
export type CountName = "members" | "present" | "issued" | "returned" | "valid" | "invalid";

export type IssueCode = Issue["code"];

/** The member of the union with a given code. */
export type IssueOf<C extends IssueCode> = Extract<Issue, { code: C }>;

/** True when any issue is an error (ranking must not run). */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
}

/**
 * The outcome of anything a user's input can make fail: a value with the warnings met on the
 * way, or the full list of problems. Never thrown.
 */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly issues: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };
