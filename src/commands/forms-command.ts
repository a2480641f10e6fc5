import { publish } from "../app/session";
import { generateForms } from "../excel/forms";
import { hostErrorMessage } from "../excel/host";
import type { CommandDeps } from "./handlers";

/*
 * Kept apart from the other commands so that its code (the form builder) is fetched on the first
 * click of "Make forms", not loaded with every workbook: the runtime's first load stays small.
 */

/**
 * "Make forms": one blank form sheet per unit from the workbook's criteria list and units. The
 * pane always opens on its Forms step afterwards: the user needs the list of sheets made (and of
 * units skipped) and how to send each form, or why none could be made. Never throws.
 */
export async function runFormsCommand(deps: CommandDeps): Promise<void> {
  const lang = deps.lang();
  try {
    publish({ kind: "forms", forms: await generateForms({ lang }) });
  } catch (e) {
    publish({ kind: "forms", error: hostErrorMessage(e, lang) });
  }
  await deps.showPane().catch(() => undefined);
}
