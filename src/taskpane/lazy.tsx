import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from "@fluentui/react-components";
import { Component, Suspense, lazy, useEffect, useState, type ComponentType, type ReactNode } from "react";
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
 * A thenable that calls back at once: React.lazy then renders a loaded view without suspending
 * (it reads the value its `then` gave synchronously). Typed as the Promise React.lazy asks for.
 */
function settled<T>(value: T): Promise<T> {
  const thenable = { then: (resolve: (v: T) => unknown) => resolve(value) };
  return thenable as unknown as Promise<T>;
}

/**
 * A step view loaded on first use: a spinner while its chunk arrives; a chunk that cannot be
 * fetched (the connection dropped) is said in the step with a button to try again, and never
 * takes the rest of the pane down. `preload` starts the fetch early (the pointer over the tab):
 * a view already loaded renders at once.
 */
function lazyStep(load: () => Promise<StepView>): StepView & { preload(): void } {
  let loaded: StepView | null = null;
  let loading: Promise<StepView> | null = null;
  const loadChunk = () =>
    (loading ??= load().then(
      (v) => (loaded = v),
      (e: unknown) => {
        loading = null; // webpack forgets a failed chunk too: the next try fetches again
        throw e;
      },
    ));
  const make = () =>
    lazy(() => (loaded ? settled({ default: loaded }) : loadChunk().then((v) => ({ default: v }))));
  let View = make();
  function LazyStep({ pane }: { pane: PaneState }) {
    const [attempt, setAttempt] = useState(0);
    return (
      <StepBoundary
        key={attempt}
        lang={pane.lang}
        onRetry={() => {
          // React.lazy keeps a failed load: a new one tries again.
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
  return Object.assign(LazyStep, { preload: () => void loadChunk().catch(() => undefined) });
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
export const ResultsStep = lazyStep(
  async () => (await import(/* webpackChunkName: "step-results" */ "./ResultsStep")).ResultsStep,
);
export const NoticeStep = lazyStep(
  async () => (await import(/* webpackChunkName: "step-notice" */ "./NoticeStep")).NoticeStep,
);
export const FormsStep = lazyStep(async () => {
  // Step 6 reads the workbook's forms sources and year on opening: their code comes with it, so
  // its fields are filled as soon as it shows (same chunk names as the adapter's imports).
  const [m] = await Promise.all([
    import(/* webpackChunkName: "step-forms" */ "./FormsStep"),
    import(/* webpackChunkName: "pane-forms" */ "../excel/forms"),
    import(/* webpackChunkName: "pane-year" */ "../excel/year"),
    loadRulesSchema(),
  ]);
  return m.FormsStep;
});
export const ConferenceStep = lazyStep(
  async () => (await import(/* webpackChunkName: "step-conference" */ "./ConferenceStep")).ConferenceStep,
);

const PRELOAD: Readonly<Record<string, { preload(): void }>> = {
  rules: RulesStep,
  results: ResultsStep,
  notice: NoticeStep,
  forms: FormsStep,
  conference: ConferenceStep,
};

/**
 * Starts fetching a step's view when the pointer comes over its tab (its id is `tab-<step>`): by
 * the click the view is usually there. Only the step being gone for.
 */
export function preloadTab(e: { target: EventTarget | null }): void {
  const tab = e.target instanceof Element ? e.target.closest("[role=tab]") : null;
  PRELOAD[tab?.id.replace(/^tab-/, "") ?? ""]?.preload();
}

/**
 * Keyboard focus in the tab list (arrows move between tabs, Enter opens, Tab goes to the step's
 * first control): every step is fetched, so the step is there when Tab is pressed.
 */
export function preloadSteps(): void {
  for (const step of Object.values(PRELOAD)) step.preload();
}

let dialogLoaded: StepView | null = null;
let dialogLoading: Promise<StepView> | null = null;
const fetchDialog = () =>
  (dialogLoading ??= import(/* webpackChunkName: "ask-dialog" */ "./AskDialog").then(
    (m) => (dialogLoaded = m.AskDialog),
    (e: unknown) => {
      dialogLoading = null;
      throw e;
    },
  ));
const loadDialog = () =>
  lazy(() =>
    dialogLoaded ? settled({ default: dialogLoaded }) : fetchDialog().then((v) => ({ default: v })),
  );
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
 * The pane's question dialog, mounted the first time a question is asked and then kept mounted
 * (its closing animation, the next question at once). If it cannot be fetched the question is
 * cancelled (nothing is written) and the next question tries again.
 */
export function AskDialog({ pane }: { pane: PaneState }) {
  const [asked, setAsked] = useState(false);
  // Fetched in the background once the pane is on screen (not needed for its first render, and
  // counted apart): a question must show at once when a choice asks it.
  useEffect(() => {
    const t = setTimeout(() => void fetchDialog().catch(() => undefined), 0);
    return () => clearTimeout(t);
  }, []);
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
