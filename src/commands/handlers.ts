import type { Lang } from "../core";
import { hostErrorMessage } from "../excel/host";
import {
  computeRanking,
  generateNotice,
  issueAddress,
  selectCell,
  validateSheet,
  type OperationOutcome,
} from "../excel/operations";
import { publish, type SessionEvent } from "../app/session";

export interface CommandDeps {
  readonly lang: () => Lang;
  /** Opens the task pane (Office.addin.showAsTaskpane in Excel). */
  readonly showPane: () => Promise<void>;
  /** Selects a cell ("'Sheet'!D9"); default: the adapter's selectCell. */
  readonly select?: (address: string) => Promise<void>;
}

/**
 * The first problem's cell, errors before warnings: Validate selects it, so the ribbon leaves a
 * visible result even where the pane cannot be shown (showAsTaskpane is ignored for Marketplace
 * add-ins since February 2026). The pane, when it opens, lists them all.
 */
export function firstProblemAddress(outcome: OperationOutcome): string | null {
  const withCell = outcome.issues.filter((i) => i.cell);
  const first = withCell.find((i) => i.severity === "error") ?? withCell[0];
  return first ? issueAddress(first) : null;
}

type Op = (req: { lang: Lang }) => Promise<OperationOutcome>;

/**
 * One ribbon command: run the use case, publish the outcome, and open the pane when there is
 * something to read (errors, warnings a person must see, or a host failure). Never throws.
 */
export async function runCommand(kind: SessionEvent["kind"], op: Op, deps: CommandDeps): Promise<void> {
  const lang = deps.lang();
  try {
    const outcome = await op({ lang });
    publish({ kind, outcome });
    const attention = !outcome.ok || outcome.issues.length > 0 || kind === "validate";
    const problem = kind === "validate" ? firstProblemAddress(outcome) : null;
    if (problem) await (deps.select ?? selectCell)(problem).catch(() => undefined);
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
