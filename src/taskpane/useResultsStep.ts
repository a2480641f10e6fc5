import { useCallback, useState } from "react";
import type { PaneState } from "./usePane";

export interface ResultsStepState {
  /** The sheet the last "rank and write" wrote, or "blocked" when errors stopped it. */
  readonly written: string | "blocked" | null;
  preview(): Promise<void>;
  compute(): Promise<void>;
}

/** The Results step: preview the ranking (nothing written), then write the results sheet. */
export function useResultsStep(pane: PaneState): ResultsStepState {
  const { adapter, runner, setOutcome, request } = pane;
  const [written, setWritten] = useState<string | "blocked" | null>(null);
  const preview = useCallback(async () => {
    setWritten(null);
    const out = await runner.run("resultsPreview", () => adapter.validate(request()));
    if (out) setOutcome("validate", out);
  }, [adapter, runner, setOutcome, request]);
  const compute = useCallback(async () => {
    setWritten(null);
    const out = await runner.run("resultsCompute", () => adapter.compute(request()));
    if (!out) return;
    setOutcome("compute", out);
    setWritten(out.ok ? (out.written[0] ?? null) : "blocked");
  }, [adapter, runner, setOutcome, request]);
  return { written, preview, compute };
}
