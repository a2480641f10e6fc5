import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { hasErrors, uiText, type UiTextKey } from "../core";
import { IssuesView } from "./IssuesView";
import type { PaneState } from "./usePane";
import { useCheckStep } from "./useCheckStep";
import { useStepStyles } from "./shared.styles";
import { StepActions } from "./StepActions";

/** Step 3: every issue of the score table, grouped by severity; a click selects the cell. */
export function CheckStep({ pane }: { pane: PaneState }) {
  const { lang, outcome, runner, fromRibbon, outcomeStale } = pane;
  const s = useStepStyles();
  const { check, select } = useCheckStep(pane);
  const t = (k: UiTextKey, v?: Record<string, string | number>) => uiText(lang, k, v);
  const busy = runner.busy !== null;
  const issues = outcome?.issues ?? [];
  const errors = issues.filter((i) => i.severity === "error").length;

  return (
    <section className={s.step} aria-labelledby="step-title-check">
      <h2 id="step-title-check" className={s.visuallyHidden}>
        {t("stepCheck")}
      </h2>
      <Text>{t("checkIntro")}</Text>
      {!outcome && <Text className={s.muted}>{t("checkNone")}</Text>}
      {outcome && (
        <div role="status" aria-live="polite" className={s.step} data-testid="check-summary">
          {outcomeStale && (
            <MessageBar intent="warning" data-testid="check-stale">
              <MessageBarBody>{t("checkStale")}</MessageBarBody>
            </MessageBar>
          )}
          {fromRibbon && <Text className={s.muted}>{t("checkFromRibbon")}</Text>}
          {outcome.ranking.sheet && (
            <Text className={s.muted}>{t("checkSheet", { sheet: outcome.ranking.sheet })}</Text>
          )}
          {issues.length === 0 ? (
            <MessageBar intent="success">
              <MessageBarBody>{t("checkClean")}</MessageBarBody>
            </MessageBar>
          ) : hasErrors(issues) ? (
            <MessageBar intent="error">
              <MessageBarBody>{t("checkSummaryErrors", { count: errors })}</MessageBarBody>
            </MessageBar>
          ) : (
            <MessageBar intent="info">
              <MessageBarBody>{t("checkSummaryOk")}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
      <IssuesView issues={issues} lang={lang} disabled={busy} onSelect={(a) => void select(a)} />
      <StepActions step="check" pane={pane}>
        <Button appearance="primary" disabled={busy} onClick={() => void check()}>
          {outcome ? t("checkAgain") : t("checkRun")}
        </Button>
      </StepActions>
    </section>
  );
}
