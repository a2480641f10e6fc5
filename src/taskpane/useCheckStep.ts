import { useCallback } from "react";
import type { PaneState } from "./usePane";

export interface CheckStepState {
  check(): Promise<void>;
  select(address: string): Promise<void>;
}

/** The Check step: validate (nothing is written) and go to an issue's cell. */
export function useCheckStep(pane: PaneState): CheckStepState {
  const { adapter, runner, setOutcome, request } = pane;
  const check = useCallback(async () => {
    const out = await runner.run("checkRun", () => adapter.validate(request()));
    if (out) setOutcome("validate", out);
  }, [adapter, runner, setOutcome, request]);
  const select = useCallback(
    async (address: string) => {
      await runner.run("checkGoTo", () => adapter.selectCell(address));
    },
    [adapter, runner],
  );
  return { check, select };
}
