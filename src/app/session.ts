import type { Lang } from "../core";
import type { FormsOperationOutcome } from "../excel/forms";
import type { ConferenceOperationOutcome } from "../excel/conference";
import type { OperationOutcome } from "../excel/operations";

/**
 * What the ribbon commands tell the task pane. Both live in the same shared runtime, so a plain
 * module-level store is enough: a command that finds errors publishes its outcome and opens the
 * pane, which shows the issue list.
 */
export interface SessionEvent {
  readonly kind: "validate" | "compute" | "notice" | "forms" | "conference" | "pledge";
  readonly outcome?: OperationOutcome;
  /** What "Make forms" made (or why it could not). */
  readonly forms?: FormsOperationOutcome;
  /** What "Bình xét" did: prepared the vote, tallied it, or was blocked (with the issues). */
  readonly conference?: ConferenceOperationOutcome;
  /** What "Giao ước" wrote (the sheet, and the fields sheet added) or why it could not. */
  readonly pledge?:
    | { readonly ok: true; readonly sheet: string; readonly fieldsSheet: string | null }
    | { readonly ok: false; readonly reason: string };
  /** A host failure explained for the user (cell-edit mode, payload too large …). */
  readonly error?: string;
}

type Listener = (e: SessionEvent) => void;

const listeners = new Set<Listener>();
let last: SessionEvent | null = null;

export function publish(e: SessionEvent): void {
  last = e;
  for (const l of listeners) l(e);
}

/** Subscribes; the last event (if any) is delivered at once so a pane opened late still sees it. */
export function subscribe(l: Listener): () => void {
  listeners.add(l);
  if (last) l(last);
  return () => listeners.delete(l);
}

/**
 * Vietnamese by default; English when Office's display language is English.
 * @example langOf("en-US") //=> "en"
 */
export function langOf(displayLanguage: string | undefined): Lang {
  return displayLanguage?.toLowerCase().startsWith("en") ? "en" : "vi";
}
