import { publish } from "../app/session";
import { runConference } from "../excel/conference";
import { hostErrorMessage } from "../excel/host";
import type { CommandDeps } from "./handlers";

/**
 * "Bình xét": prepares the vote from the last ranking (ballots and the Kiểm phiếu sheet) when the
 * workbook has no count sheet yet, otherwise tallies it and writes the results, the minutes and the
 * proposal. The pane opens on its Bình xét step: what was made, the result, or the problems.
 * Never throws.
 */
export async function runConferenceCommand(deps: CommandDeps): Promise<void> {
  const lang = deps.lang();
  try {
    publish({ kind: "conference", conference: await runConference({ lang }) });
  } catch (e) {
    publish({ kind: "conference", error: hostErrorMessage(e, lang) });
  }
  await deps.showPane().catch(() => undefined);
}
