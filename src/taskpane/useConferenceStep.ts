import { useCallback, useEffect, useState } from "react";
import { subscribe } from "../app/session";
import type { ConferenceOperationOutcome } from "./adapter";
import type { PaneState } from "./usePane";

export interface ConferenceStepState {
  readonly outcome: ConferenceOperationOutcome | null;
  prepare(): Promise<void>;
  tally(): Promise<void>;
}

/**
 * Step 7's state: the last Bình xét outcome (from this step or the ribbon's button, which
 * publishes it), and the two actions, through the same use case as `emu tally`.
 */
export function useConferenceStep(pane: PaneState): ConferenceStepState {
  const [outcome, setOutcome] = useState<ConferenceOperationOutcome | null>(null);
  const { adapter, runner, lang } = pane;
  useEffect(
    () =>
      subscribe((e) => {
        if (e.kind === "conference" && e.conference) setOutcome(e.conference);
      }),
    [],
  );
  const go = useCallback(
    async (prepare: boolean) => {
      if (!adapter.conference) return;
      const conference = adapter.conference;
      const out = await runner.run(prepare ? "conferencePrepare" : "conferenceTally", () =>
        conference({ lang, prepare }),
      );
      if (out) setOutcome(out);
    },
    [adapter, runner.run, lang],
  );
  return { outcome, prepare: () => go(true), tally: () => go(false) };
}
