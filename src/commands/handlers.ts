import type { Lang } from "../core";
import { hostErrorMessage } from "../excel/host";
import { computeRanking, generateNotice, validateSheet, type OperationOutcome } from "../excel/operations";
import { loadRulesSchema, rulesNeedExplaining } from "../excel/rules-schema";
import { publish, type SessionEvent } from "../app/session";

export interface CommandDeps {
  readonly lang: () => Lang;
  /** Opens the task pane (Office.addin.showAsTaskpane in Excel). */
  readonly showPane: () => Promise<void>;
}

type Op = (req: { lang: Lang }) => Promise<OperationOutcome>;

/**
 * One ribbon command: run the use case, publish the outcome, and open the pane when there is
 * something to read (errors, warnings a person must see, or a host failure). Never throws.
 */
export async function runCommand(kind: SessionEvent["kind"], op: Op, deps: CommandDeps): Promise<void> {
  const lang = deps.lang();
  try {
    let outcome = await op({ lang });
    // Invalid rules stop every command before it writes; run again to say why in full.
    if (rulesNeedExplaining(outcome.issues)) {
      await loadRulesSchema();
      outcome = await op({ lang });
    }
    publish({ kind, outcome });
    const attention = !outcome.ok || outcome.issues.length > 0 || kind === "validate";
    if (attention) await deps.showPane();
  } catch (e) {
    publish({ kind, error: hostErrorMessage(e, lang) });
    await deps.showPane().catch(() => undefined);
  }
}

export const COMMANDS = {
  computeRanking: { kind: "compute", op: computeRanking },
  validateSheet: { kind: "validate", op: validateSheet },
  generateNotice: { kind: "notice", op: generateNotice },
} as const satisfies Readonly<Record<string, { kind: SessionEvent["kind"]; op: Op }>>;
