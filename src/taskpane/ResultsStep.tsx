import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  mergeClasses,
} from "@fluentui/react-components";
import { formatNumber, hasErrors, uiText, type UiTextKey } from "../core";
import type { PaneState } from "./usePane";
import { ScoreChart } from "./ScoreChart";
import { useResultsStep } from "./useResultsStep";
import { useDataTableStyles, useStepStyles } from "./shared.styles";
import { useResultsStepStyles } from "./ResultsStep.styles";
import { StepActions } from "./StepActions";

/** Step 4: the ranking preview (ties and deliberation shown, never broken silently) and the chart. */
export function ResultsStep({ pane }: { pane: PaneState }) {
  const { lang, outcome, runner } = pane;
  const s = useStepStyles();
  const c = useResultsStepStyles();
  const dt = useDataTableStyles();
  const r = useResultsStep(pane);
  const t = (k: UiTextKey, v?: Record<string, string | number>) => uiText(lang, k, v);
  const busy = runner.busy !== null;
  const ranking = outcome?.ranking.ranking ?? [];
  const n = (v: number | null) => (v === null ? "—" : formatNumber(v, lang));
  // Errors stop the ranking: one message, and the way to Kiểm tra where they are listed.
  const blocked = r.written === "blocked" || (outcome !== null && (!outcome.ok || hasErrors(outcome.issues)));

  return (
    <section className={s.step} aria-labelledby="step-title-results">
      <h2 id="step-title-results" className={s.visuallyHidden}>
        {t("stepResults")}
      </h2>
      <Text>{t("resultsIntro")}</Text>
      <div role="status" aria-live="polite">
        {blocked && (
          <MessageBar intent="error" data-testid="results-blocked">
            <MessageBarBody>{t("resultsBlocked")}</MessageBarBody>
            <MessageBarActions>
              <Link as="button" onClick={() => pane.setStep("check")}>
                {t("resultsSeeCheck")}
              </Link>
            </MessageBarActions>
          </MessageBar>
        )}
        {r.kept && (
          <MessageBar intent="info" data-testid="results-kept">
            <MessageBarBody>{t("editedKept", { sheets: r.kept.join("”, “") })}</MessageBarBody>
          </MessageBar>
        )}
        {r.written && r.written !== "blocked" && (
          <MessageBar intent="success">
            <MessageBarBody>{t("resultsWritten", { sheet: r.written })}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {ranking.length === 0 ? (
        !blocked && <Text className={s.muted}>{t("resultsNone")}</Text>
      ) : (
        <>
          <Text className={s.muted}>
            {outcome?.ranking.basis === "self" ? t("resultsBasisSelf") : t("resultsBasisVerified")}
          </Text>
          <div className={dt.scroll} role="region" aria-label={t("resultsTableLabel")} tabIndex={0}>
            <table className={dt.table} data-testid="ranking-table">
              <thead>
                <tr>
                  <th scope="col" className={c.num}>
                    {t("colStt")}
                  </th>
                  <th scope="col">
                    {t("colUnit")}
                    <span className={c.sub}>
                      {t("colClass")} · {t("colAward")}
                    </span>
                  </th>
                  <th scope="col" className={c.num}>
                    {t("colSelf")}
                  </th>
                  <th scope="col" className={c.num}>
                    {t("colVerified")}
                  </th>
                  <th scope="col" className={c.num}>
                    {t("colGap")}
                  </th>
                  <th scope="col" className={c.num}>
                    {t("colRank")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ranking.map((u) => (
                  <tr key={u.stt}>
                    <td className={c.num}>{u.stt}</td>
                    <td className={c.unit}>
                      {u.unit.name}
                      <span className={c.sub}>
                        {u.classification}
                        {u.award && <strong className={c.award}> · {u.award}</strong>}
                        {u.unit.veto && (
                          <span className={mergeClasses(c.tag, c.veto)} data-testid="veto-badge">
                            {u.unit.vetoReason
                              ? t("vetoBadgeReason", { reason: u.unit.vetoReason })
                              : t("vetoBadge")}
                          </span>
                        )}
                        {u.needsDeliberation && (
                          <span className={mergeClasses(c.tag, c.deliberate)}>{t("needsDeliberation")}</span>
                        )}
                      </span>
                    </td>
                    <td className={c.num}>{n(u.unit.self)}</td>
                    <td className={c.num}>{n(u.unit.verified)}</td>
                    <td className={mergeClasses(c.num, u.gap !== null && u.gap < 0 ? c.negative : "")}>
                      {u.gap === null ? "—" : u.gap > 0 ? `+${n(u.gap)}` : n(u.gap)}
                    </td>
                    <td className={c.num}>
                      {u.rank}
                      {u.tied && <span className={mergeClasses(c.tag, c.block)}>{t("tied")}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ScoreChart
            lang={lang}
            maxScore={outcome?.ranking.rules.maxScore ?? 1000}
            bands={outcome?.ranking.rules.bands ?? []}
            rows={ranking.map((u) => ({
              name: u.unit.name,
              rank: u.rank,
              tied: u.tied,
              award: u.award,
              self: u.unit.self,
              verified: u.unit.verified,
            }))}
          />
        </>
      )}
      <StepActions
        step="results"
        pane={pane}
        result={
          // Blocked: the one message above says so (and links to Kiểm tra); no second one here.
          !blocked && r.written ? { intent: "success", text: t("stepWrote", { sheet: r.written }) } : null
        }
      >
        <Button disabled={busy} onClick={() => void r.preview()}>
          {t("resultsPreview")}
        </Button>
        <Button appearance="primary" disabled={busy} onClick={() => void r.compute()}>
          {t("resultsCompute")}
        </Button>
      </StepActions>
    </section>
  );
}
