import { useCallback, useEffect, useRef, useState } from "react";
import type { CriteriaLayout, Lang } from "../core";
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
  setOutcome(kind: OutcomeKind, outcome: OperationOutcome): void;
  /** The last "Make forms" (from the Forms step or the ribbon) while its message is on show. */
  readonly formsMade: { readonly value: FormsOperationOutcome; readonly ribbon: boolean } | null;
  setFormsMade(value: FormsOperationOutcome | null): void;
  /** The layout the user chose for detailed scoring sheets; null: the detected one. */
  readonly criteriaLayout: CriteriaLayout | null;
  setCriteriaLayout(layout: CriteriaLayout | null): void;
  /** The request every use case gets: the sheet and the mapping the user confirmed. */
  request(): PaneRequest;
}

/** The pane's shared state: the sheet, the last outcome, the one-at-a-time runner, the ribbon's events. */
export function usePane(adapter: Adapter, lang: Lang): PaneState {
  const runner = useRunner(adapter, lang);
  const [step, setStep] = useState<StepId>("table");
  const [inspection, setInspection] = useState<SheetInspection | null>(null);
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
        else if (e.kind === "forms") {
          if (e.forms) setFormsMadeState({ value: e.forms, ribbon: true });
          setStep("forms");
        } else if (e.outcome) {
          setOutcomeState({ kind: e.kind, value: e.outcome, ribbon: true });
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
    const stop = adapter.onWorkbookChanged?.(again);
    window.addEventListener("focus", again);
    return () => {
      clearTimeout(timer);
      stop?.();
      window.removeEventListener("focus", again);
    };
  }, [adapter]);

  const setOutcome = useCallback((kind: OutcomeKind, value: OperationOutcome) => {
    setOutcomeState({ kind, value, ribbon: false });
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
    setOutcome,
    formsMade,
    setFormsMade,
    criteriaLayout,
    setCriteriaLayout,
    request,
  };
}
