import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Link,
} from "@fluentui/react-components";
import { useState, type ComponentType } from "react";
import { hasErrors, uiText, type Lang, type UiTextKey } from "../core";
import type { Adapter } from "./adapter";
import { TableStep } from "./TableStep";
import { CheckStep } from "./CheckStep";
import { StepTab, StepTabList } from "./StepTabs";
// Steps 2 and 4–7 and the question dialog: chunks fetched when first opened (lazy.tsx). Step 3
// (Kiểm tra), where a ribbon Validate lands, is small and comes with the pane.
import {
  AskDialog,
  ConferenceStep,
  FormsStep,
  NoticeStep,
  ResultsStep,
  RulesStep,
  preloadSteps,
  preloadTab,
} from "./lazy";
import { STEPS, usePane, type PaneState, type StepId } from "./usePane";
import { useAppStyles } from "./App.styles";

/** Each step's tab label and view; a new step adds one line here and one id to STEPS. */
const STEP_VIEWS: Readonly<Record<StepId, { label: UiTextKey; View: ComponentType<{ pane: PaneState }> }>> = {
  table: { label: "stepTable", View: TableStep },
  rules: { label: "stepRules", View: RulesStep },
  check: { label: "stepCheck", View: CheckStep },
  results: { label: "stepResults", View: ResultsStep },
  notice: { label: "stepNotice", View: NoticeStep },
  forms: { label: "stepForms", View: FormsStep },
  conference: { label: "stepConference", View: ConferenceStep },
};

/**
 * The task pane: five steps from "my score sheet" to "the notice is ready", and a sixth for the
 * self-scoring forms sent to the units and consolidated when they come back.
 */
export function App({ adapter, lang }: { adapter: Adapter; lang: Lang }) {
  const s = useAppStyles();
  const pane = usePane(adapter, lang);
  const t = (k: UiTextKey) => uiText(lang, k);
  const { runner, step, setStep } = pane;
  // No "next step" past a ranking stopped by errors: Kết quả points back to Kiểm tra instead.
  const stopped =
    step === "results" && pane.outcome !== null && (!pane.outcome.ok || hasErrors(pane.outcome.issues));
  const next = stopped ? undefined : STEPS[STEPS.indexOf(step) + 1];
  // Each step's state on its tab: Kiểm tra has errors or is clean; Kết quả and Thông báo are done
  // once their sheet was written. Unsaved drafts are marked separately (●).
  const failed = pane.outcome !== null && (!pane.outcome.ok || hasErrors(pane.outcome.issues));
  const stateOf = (id: StepId): "errors" | "done" | null => {
    if (!pane.outcome) return null;
    if (id === "check") return failed ? "errors" : "done";
    if (id === "results" && pane.outcomeKind === "compute" && !failed) return "done";
    if (id === "notice" && pane.outcomeKind === "notice" && !failed) return "done";
    return null;
  };
  // A step is mounted the first time it is opened and then kept (hidden) for the session, so
  // its draft survives switching tabs; unsaved drafts are marked on their tab.
  const [opened, setOpened] = useState<ReadonlySet<StepId>>(() => new Set([step]));
  if (!opened.has(step)) setOpened(new Set([...opened, step]));

  return (
    <main className={s.root} lang={lang}>
      <header className={s.header}>
        <h1 className={s.title}>EMU</h1>
        {/* The help page (assets/help.html) covers every step; it opens beside the pane. */}
        <Link href={`assets/help.html#${lang}`} target="_blank" rel="noopener noreferrer">
          {t("helpLink")}
        </Link>
      </header>
      {/* Fluent's TabList and Tab, with arrow keys of our own instead of tabster (StepTabs.tsx). */}
      <StepTabList
        className={s.tabs}
        size="small"
        selectedValue={step}
        onTabSelect={(_, d) => setStep(d.value as StepId)}
        onPointerOver={preloadTab}
        onFocus={preloadSteps}
        aria-label={t("stepsLabel")}
      >
        {STEPS.map((id) => (
          <StepTab key={id} value={id} id={`tab-${id}`} data-unsaved={pane.unsaved.has(id) || undefined}>
            {t(STEP_VIEWS[id].label)}
            {stateOf(id) === "errors" && (
              <span
                className={s.markError}
                role="img"
                aria-label={`(${t("tabErrors")})`}
                title={t("tabErrors")}
              >
                {" !"}
              </span>
            )}
            {stateOf(id) === "done" && (
              <span className={s.markDone} role="img" aria-label={`(${t("tabDone")})`} title={t("tabDone")}>
                {" ✓"}
              </span>
            )}
            {pane.unsaved.has(id) && (
              <span className={s.mark} role="img" aria-label={`(${t("tabUnsaved")})`} title={t("tabUnsaved")}>
                {" ●"}
              </span>
            )}
          </StepTab>
        ))}
      </StepTabList>
      {runner.error && (
        <MessageBar intent="error" layout="multiline" data-testid="pane-error">
          <MessageBarBody>
            <MessageBarTitle>{t("failed")}</MessageBarTitle>
            {runner.error}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={runner.clearError}>
              {t("dismiss")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {STEPS.filter((id) => opened.has(id)).map((id) => {
        const { View } = STEP_VIEWS[id];
        return (
          <div key={id} role="tabpanel" aria-labelledby={`tab-${id}`} hidden={id !== step}>
            <View pane={pane} />
          </div>
        );
      })}
      <AskDialog pane={pane} />
      {next && (
        <div className={s.footer}>
          <Button appearance="subtle" onClick={() => setStep(next)}>
            {`${t("next")}: ${t(STEP_VIEWS[next].label)}`}
          </Button>
        </div>
      )}
    </main>
  );
}
