import { publish } from "../app/session";
import { hostErrorMessage } from "../excel/host";
import { writeYearDocument } from "../excel/year";
import type { CommandDeps } from "./handlers";

/*
 * Kept apart from the other commands, like "Make forms", so that the pledge's code is fetched on
 * the first click of "Giao ước", not loaded with every workbook.
 */

/**
 * "Giao ước": writes the emulation pledge sheet from the member list and the pledge's fields —
 * the same use case as `emu pledge` and the pane's step 6 button. The pane then opens on its
 * Forms step, whose year panel says what was written, or why not (no member list). Never throws.
 */
export async function runPledgeCommand(deps: CommandDeps): Promise<void> {
  const lang = deps.lang();
  try {
    publish({ kind: "pledge", pledge: await writeYearDocument("pledge") });
  } catch (e) {
    publish({ kind: "pledge", error: hostErrorMessage(e, lang) });
  }
  await deps.showPane().catch(() => undefined);
}
