import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
} from "@fluentui/react-components";
import { uiText, type Lang, type UiTextKey } from "../core";
import type { Adapter } from "./adapter";
import { CheckStep } from "./CheckStep";
import { ConferenceStep } from "./ConferenceStep";
import { FormsStep } from "./FormsStep";
import { NoticeStep } from "./NoticeStep";
import { ResultsStep } from "./ResultsStep";
import { RulesStep } from "./RulesStep";
import { TableStep } from "./TableStep";
import { STEPS, usePane, type StepId } from "./usePane";
import { useAppStyles } from "./App.styles";

const STEP_LABELS: Readonly<Record<StepId, UiTextKey>> = {
  table: "stepTable",
  rules: "stepRules",
  check: "stepCheck",
  results: "stepResults",
  notice: "stepNotice",
  forms: "stepForms",
  conference: "stepConference",
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
  const next = STEPS[STEPS.indexOf(step) + 1];

  return (
    <main className={s.root} lang={lang}>
      <header className={s.header}>
        <h1 className={s.title}>EMU</h1>
      </header>
      <TabList
        className={s.tabs}
        size="small"
        selectedValue={step}
        onTabSelect={(_, d) => setStep(d.value as StepId)}
        aria-label={t("stepsLabel")}
      >
        {STEPS.map((id) => (
          <Tab key={id} value={id} id={`tab-${id}`}>
            {t(STEP_LABELS[id])}
          </Tab>
        ))}
      </TabList>
      <div className={s.status} role="status" aria-live="polite">
        {runner.busy && (
          <Spinner size="tiny" labelPosition="after" label={`${t(runner.busy)} – ${t("working")}`} />
        )}
      </div>
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
      <div role="tabpanel" aria-labelledby={`tab-${step}`}>
        {step === "table" && <TableStep pane={pane} />}
        {step === "rules" && <RulesStep pane={pane} />}
        {step === "check" && <CheckStep pane={pane} />}
        {step === "results" && <ResultsStep pane={pane} />}
        {step === "notice" && <NoticeStep pane={pane} />}
        {step === "forms" && <FormsStep pane={pane} />}
        {step === "conference" && <ConferenceStep pane={pane} />}
      </div>
      {next && (
        <div className={s.footer}>
          <Button appearance="subtle" onClick={() => setStep(next)}>
            {`${t("next")}: ${t(STEP_LABELS[next])}`}
          </Button>
        </div>
      )}
    </main>
  );
}
