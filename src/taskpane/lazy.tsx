import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from "@fluentui/react-components";
import { Component, Suspense, lazy, useState, type ComponentType, type ReactNode } from "react";
import { uiText, type Lang } from "../core";
import { loadRulesSchema } from "../excel/rules-schema";
import type { PaneState } from "./usePane";

/*
 * The pane's first render needs the tab list and step 1 only. Every other step's view (with its
 * Fluent components, its hooks and the use cases they call) is a chunk fetched the first time its
 * tab is opened, and so is the question dialog the first time a question is asked: the pane's
 * first download stays small (the README's performance section says how it is counted). A step,
 * once opened, stays mounted (App keeps it), so its draft survives switching tabs.
 */

type StepView = ComponentType<{ pane: PaneState }>;

/**
 * A step view loaded on first use: a spinner while its chunk arrives; a chunk that cannot be
 * fetched (the connection dropped) is said in the step with a button to try again, and never
 * takes the rest of the pane down.
 */
function lazyStep(load: () => Promise<StepView>): StepView {
  const make = () => lazy(async () => ({ default: await load() }));
  let View = make();
  function LazyStep({ pane }: { pane: PaneState }) {
    const [attempt, setAttempt] = useState(0);
    return (
      <StepBoundary
        key={attempt}
        lang={pane.lang}
        onRetry={() => {
          // React.lazy keeps a failed load; webpack forgets it, so a new lazy fetches again.
          View = make();
          setAttempt((a) => a + 1);
        }}
      >
        <Suspense fallback={<StepLoading lang={pane.lang} />}>
          <View pane={pane} />
        </Suspense>
      </StepBoundary>
    );
  }
  return LazyStep;
}

function StepLoading({ lang }: { lang: Lang }) {
  return <Spinner size="small" label={uiText(lang, "stepLoading")} style={{ paddingTop: 24 }} />;
}

interface BoundaryProps {
  readonly lang: Lang;
  readonly onRetry: () => void;
  readonly children: ReactNode;
}

/** Says in the step that its code could not be loaded (or the step failed), with a retry. */
class StepBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    const { lang, onRetry, children } = this.props;
    if (!this.state.failed) return children;
    return (
      <MessageBar intent="error" layout="multiline" data-testid="step-load-failed" style={{ marginTop: 12 }}>
        <MessageBarBody>{uiText(lang, "stepLoadFailed")}</MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {uiText(lang, "stepLoadRetry")}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}

export const RulesStep = lazyStep(async () => {
  // The Rules step checks its draft as the user types: the schema's messages come with it.
  const [m] = await Promise.all([
    import(/* webpackChunkName: "step-rules" */ "./RulesStep"),
    loadRulesSchema(),
  ]);
  return m.RulesStep;
});
export const CheckStep = lazyStep(
  async () => (await import(/* webpackChunkName: "step-check" */ "./CheckStep")).CheckStep,
);
export const ResultsStep = lazyStep(
  async () => (await import(/* webpackChunkName: "step-results" */ "./ResultsStep")).ResultsStep,
);
export const NoticeStep = lazyStep(
  async () => (await import(/* webpackChunkName: "step-notice" */ "./NoticeStep")).NoticeStep,
);
export const FormsStep = lazyStep(
  async () => (await import(/* webpackChunkName: "step-forms" */ "./FormsStep")).FormsStep,
);
export const ConferenceStep = lazyStep(
  async () => (await import(/* webpackChunkName: "step-conference" */ "./ConferenceStep")).ConferenceStep,
);

const loadDialog = () =>
  lazy(async () => ({
    default: (await import(/* webpackChunkName: "ask-dialog" */ "./AskDialog")).AskDialog,
  }));
let Dialog = loadDialog();

/** Catches a dialog chunk that cannot be fetched: the question is cancelled and the failure said. */
class AskBoundary extends Component<
  { pane: PaneState; onFailed: () => void; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override componentDidCatch(error: unknown): void {
    const { pane, onFailed } = this.props;
    pane.answer(null);
    pane.runner.report(pane.adapter.explain(error, pane.lang));
    onFailed();
  }
  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

/**
 * The pane's question dialog, fetched the first time a question is asked and then kept mounted
 * (its closing animation, the next question at once). If it cannot be fetched the question is
 * cancelled (nothing is written) and the next question tries again.
 */
export function AskDialog({ pane }: { pane: PaneState }) {
  const [asked, setAsked] = useState(false);
  if (pane.question && !asked) setAsked(true);
  if (!asked) return null;
  return (
    <AskBoundary
      pane={pane}
      onFailed={() => {
        Dialog = loadDialog();
        setAsked(false);
      }}
    >
      <Suspense fallback={null}>
        <Dialog pane={pane} />
      </Suspense>
    </AskBoundary>
  );
}
