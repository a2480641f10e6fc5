import { Link, Spinner, Text, mergeClasses } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { uiText } from "../core";
import type { PaneState, StepId } from "./usePane";
import { useStepActionsStyles as useStyles } from "./StepActions.styles";

export interface StepResult {
  readonly intent: "success" | "warning" | "error";
  readonly text: string;
  /** The test id of the text (default "step-result"). */
  readonly testId?: string;
}

/**
 * A step's primary action(s), pinned to the bottom of the pane, and beside them the running
 * operation (a spinner and its name, whichever button or ribbon command started it), a failure
 * pointing to its message, or the step's last result in a few words.
 */
export function StepActions({
  step,
  pane,
  result,
  children,
}: {
  /** The step this bar belongs to: only the shown step's bar speaks (steps stay mounted, hidden). */
  step: StepId;
  pane: PaneState;
  result?: StepResult | null;
  children?: ReactNode;
}) {
  const s = useStyles();
  const { lang, runner } = pane;
  const t = (k: Parameters<typeof uiText>[1], v?: Record<string, string>) => uiText(lang, k, v);
  const shown = pane.step === step;
  const failed = runner.error !== null && runner.last !== null && !runner.last.ok ? runner.last : null;
  const seeError = () => {
    const bar = document.querySelector<HTMLElement>("[data-testid=pane-error]");
    bar?.scrollIntoView({ block: "nearest" });
    bar?.querySelector<HTMLElement>("button")?.focus();
  };
  return (
    <div className={s.bar} role="group" aria-label={t("stepActions")} data-step-actions="">
      {children && <div className={s.buttons}>{children}</div>}
      <div className={s.status} role="status" aria-live="polite">
        {!shown ? null : runner.busy ? (
          <Spinner size="extra-tiny" labelPosition="after" label={`${t(runner.busy)} – ${t("working")}`} />
        ) : failed ? (
          <Text className={mergeClasses(s.status, s.error)}>
            {t("stepFailed", { op: t(failed.label) })}{" "}
            <Link as="button" onClick={seeError}>
              {t("stepSeeError")}
            </Link>
          </Text>
        ) : result ? (
          <Text
            className={mergeClasses(s.status, s[result.intent])}
            data-testid={result.testId ?? "step-result"}
          >
            {result.intent === "success" ? "✓ " : "! "}
            {result.text}
          </Text>
        ) : null}
      </div>
    </div>
  );
}
