import { useCallback, useEffect, useRef, useState } from "react";
import { uiText, type CriteriaLayout, type Lang, type UiTextKey } from "../core";
import { subscribe, type SessionEvent } from "../app/session";
import type {
  Adapter,
  FormsOperationOutcome,
  OperationOutcome,
  PaneRequest,
  SheetInspection,
} from "./adapter";
import { useRunner, type Runner } from "./useRunner";

export type StepId = "table" | "rules" | "check" | "results" | "notice" | "forms" | "conference";
export const STEPS: readonly StepId[] = [
  "table",
  "rules",
  "check",
  "results",
  "notice",
  "forms",
  "conference",
];

/** A question the pane asks before it discards or replaces something the user made. */
export interface Question {
  readonly title: string;
  readonly body: string;
  /** The answers, the first the safe one; `null` (Cancel, Escape) is always possible. */
  readonly choices: readonly { readonly value: string; readonly label: string; readonly primary?: boolean }[];
}

/** Which operation produced the outcome on show. */
export type OutcomeKind = SessionEvent["kind"];

export interface PaneState {
  readonly lang: Lang;
  readonly adapter: Adapter;
  readonly runner: Runner;
  readonly step: StepId;
  setStep(step: StepId): void;
  /** What EMU found on the score sheet; null until the first read. */
  readonly inspection: SheetInspection | null;
  /** Reads the sheet again (the active one, or `sheet`). */
  refresh(sheet?: string): Promise<SheetInspection | undefined>;
  /** The last check, ranking or notice (from the pane or a ribbon command). */
  readonly outcome: OperationOutcome | null;
  readonly outcomeKind: OutcomeKind | null;
  /** True when the outcome came from a ribbon command. */
  readonly fromRibbon: boolean;
  /** True when the workbook was edited after the outcome was computed: its list may be out of date. */
  readonly outcomeStale: boolean;
  setOutcome(kind: OutcomeKind, outcome: OperationOutcome): void;
  /** The last "Make forms" (from the Forms step or the ribbon) while its message is on show. */
  readonly formsMade: { readonly value: FormsOperationOutcome; readonly ribbon: boolean } | null;
  setFormsMade(value: FormsOperationOutcome | null): void;
  /** The layout the user chose for detailed scoring sheets; null: the detected one. */
  readonly criteriaLayout: CriteriaLayout | null;
  setCriteriaLayout(layout: CriteriaLayout | null): void;
  /** The request every use case gets: the sheet and the mapping the user confirmed. */
  request(): PaneRequest;
  /** Steps holding edits not yet saved to the workbook (their drafts live for the session). */
  readonly unsaved: ReadonlySet<StepId>;
  setUnsaved(step: StepId, on: boolean): void;
  /** The question on show, if any (App renders it as a dialog). */
  readonly question: Question | null;
  /** Asks the user; resolves to the chosen value, or null when they cancel. */
  ask(q: Question): Promise<string | null>;
  answer(value: string | null): void;
  /**
   * Runs a writing use case; when it stops because EMU sheets were edited by hand since EMU wrote
   * them, asks (keep / replace / keep a copy) and runs it again with the answer. Resolves to the
   * outcome, or `{ kept }` naming the sheets the user chose to keep (nothing written).
   */
  writeAsking(
    label: UiTextKey,
    op: (onEdited?: "replace" | "copy") => Promise<OperationOutcome>,
  ): Promise<OperationOutcome | { readonly kept: readonly string[] } | undefined>;
}

/** The pane's shared state: the sheet, the last outcome, the one-at-a-time runner, the ribbon's events. */
export function usePane(adapter: Adapter, lang: Lang): PaneState {
  const runner = useRunner(adapter, lang);
  const [step, setStep] = useState<StepId>("table");
  const [inspection, setInspection] = useState<SheetInspection | null>(null);
  const [outcomeStale, setOutcomeStale] = useState(false);
  const [outcome, setOutcomeState] = useState<{
    kind: OutcomeKind;
    value: OperationOutcome;
    ribbon: boolean;
  } | null>(null);
  const [formsMade, setFormsMadeState] = useState<PaneState["formsMade"]>(null);
  // Pane state only, never saved to the workbook (unlike the column mapping): like the CLI's
  // --layout it corrects how this session reads a sheet detection got wrong, and the ribbon's
  // commands, which cannot see it, keep to the detected layout.
  const [criteriaLayout, setCriteriaLayout] = useState<CriteriaLayout | null>(null);
  const [unsaved, setUnsavedState] = useState<ReadonlySet<StepId>>(new Set());
  const [question, setQuestion] = useState<Question | null>(null);
  const answerRef = useRef<((v: string | null) => void) | null>(null);
  const inspectionRef = useRef<SheetInspection | null>(null);
  inspectionRef.current = inspection;
  const layoutRef = useRef(criteriaLayout);
  layoutRef.current = criteriaLayout;

  const refresh = useCallback(
    (sheet?: string) =>
      runner.run("tableReload", async () => {
        const i = await adapter.inspect(sheet === undefined ? {} : { sheet });
        setInspection(i);
        return i;
      }),
    [adapter, runner.run],
  );

  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;

  // The first look at the sheet, once.
  useEffect(() => {
    void refresh();
  }, []);

  // Ribbon commands publish their outcome; errors and warnings land on the Check step, and
  // "Make forms" always on the Forms step: what was made and how to send it must be read.
  const report = runner.report;
  useEffect(
    () =>
      subscribe((e) => {
        if (e.kind === "conference") setStep("conference");
        else if (e.kind === "pledge")
          setStep("forms"); // step 6's year panel says what was written
        else if (e.kind === "forms") {
          if (e.forms) setFormsMadeState({ value: e.forms, ribbon: true });
          setStep("forms");
        } else if (e.outcome) {
          setOutcomeState({ kind: e.kind, value: e.outcome, ribbon: true });
          setOutcomeStale(false);
          if (!e.outcome.ok || e.outcome.issues.length > 0 || e.kind === "validate") setStep("check");
          else setStep(e.kind === "notice" ? "notice" : "results");
        }
        if (e.error) report(e.error);
      }),
    [report],
  );

  // Someone edited the workbook (the rules sheet by hand, a score): read it again, quietly. Where
  // the host reports no edits, coming back to the pane (focus) does the same.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const again = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void refreshRef.current(inspectionRef.current?.sheet), 300);
    };
    // An edit the host reports makes the last check's list out of date (focus alone does not).
    const stop = adapter.onWorkbookChanged?.(() => {
      setOutcomeStale(true);
      again();
    });
    window.addEventListener("focus", again);
    return () => {
      clearTimeout(timer);
      stop?.();
      window.removeEventListener("focus", again);
    };
  }, [adapter]);

  const setOutcome = useCallback((kind: OutcomeKind, value: OperationOutcome) => {
    setOutcomeState({ kind, value, ribbon: false });
    setOutcomeStale(false);
  }, []);

  const setFormsMade = useCallback((value: FormsOperationOutcome | null) => {
    setFormsMadeState(value ? { value, ribbon: false } : null);
  }, []);

  const request = useCallback((): PaneRequest => {
    const i = inspectionRef.current;
    const layout = layoutRef.current;
    return {
      lang,
      ...(i ? { sheet: i.sheet } : {}),
      ...(i?.remembered ? { mapping: i.remembered } : {}),
      // The override means something only while the sheet is a detailed scoring sheet.
      ...(i?.criteria && layout ? { criteriaLayout: layout } : {}),
    };
  }, [lang]);

  const setUnsaved = useCallback((id: StepId, on: boolean) => {
    setUnsavedState((u) => {
      if (u.has(id) === on) return u;
      const next = new Set(u);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  // Closing the pane (or reloading it) with unsaved drafts: the browser's own "leave?" prompt.
  useEffect(() => {
    if (unsaved.size === 0) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  const ask = useCallback(
    (q: Question) =>
      new Promise<string | null>((resolve) => {
        answerRef.current?.(null);
        answerRef.current = resolve;
        setQuestion(q);
      }),
    [],
  );
  const answer = useCallback((v: string | null) => {
    const r = answerRef.current;
    answerRef.current = null;
    setQuestion(null);
    r?.(v);
  }, []);

  const run = runner.run;
  const writeAsking = useCallback<PaneState["writeAsking"]>(
    async (label, op) => {
      const first = await run(label, () => op());
      if (!first?.edited?.length) return first;
      const sheets = first.edited.join("”, “");
      const choice = await ask({
        title: uiText(lang, "editedTitle"),
        body: uiText(lang, "editedBody", { sheets }),
        choices: [
          { value: "keep", label: uiText(lang, "editedKeep") },
          { value: "copy", label: uiText(lang, "editedCopy"), primary: true },
          { value: "replace", label: uiText(lang, "editedReplace") },
        ],
      });
      if (choice !== "replace" && choice !== "copy") return { kept: first.edited };
      return run(label, () => op(choice));
    },
    [run, ask, lang],
  );

  return {
    lang,
    adapter,
    runner,
    step,
    setStep,
    inspection,
    refresh,
    outcome: outcome?.value ?? null,
    outcomeKind: outcome?.kind ?? null,
    fromRibbon: outcome?.ribbon ?? false,
    outcomeStale: outcome !== null && outcomeStale,
    setOutcome,
    formsMade,
    setFormsMade,
    criteriaLayout,
    setCriteriaLayout,
    request,
    unsaved,
    setUnsaved,
    question,
    ask,
    answer,
    writeAsking,
  };
}
