import { useCallback, useState } from "react";
import type { PaneState } from "./usePane";

export interface ResultsStepState {
  /** The sheet the last "rank and write" wrote, or "blocked" when errors stopped it. */
  readonly written: string | "blocked" | null;
  /** Sheets edited by hand that the user chose to keep (nothing was written). */
  readonly kept: readonly string[] | null;
  preview(): Promise<void>;
  compute(): Promise<void>;
}

/** The Results step: preview the ranking (nothing written), then write the results sheet. */
export function useResultsStep(pane: PaneState): ResultsStepState {
  const { adapter, runner, setOutcome, request, writeAsking } = pane;
  const [written, setWritten] = useState<string | "blocked" | null>(null);
  const [kept, setKept] = useState<readonly string[] | null>(null);
  const preview = useCallback(async () => {
    setWritten(null);
    setKept(null);
    const out = await runner.run("resultsPreview", () => adapter.validate(request()));
    if (out) setOutcome("validate", out);
  }, [adapter, runner, setOutcome, request]);
  const compute = useCallback(async () => {
    setWritten(null);
    setKept(null);
    const out = await writeAsking("resultsCompute", (onEdited) =>
      adapter.compute({ ...request(), ...(onEdited ? { onEdited } : {}) }),
    );
    if (!out) return;
    if ("kept" in out) {
      setKept(out.kept);
      return;
    }
    setOutcome("compute", out);
    setWritten(out.ok ? (out.written[0] ?? null) : "blocked");
  }, [adapter, writeAsking, setOutcome, request]);
  return { written, kept, preview, compute };
}
