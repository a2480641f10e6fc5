import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { formatNumber, uiText, voteRuleText, type UiTextKey } from "../core";
import { IssuesView } from "./IssuesView";
import { useConferenceStep } from "./useConferenceStep";
import type { PaneState } from "./usePane";
import { StepActions } from "./StepActions";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
  },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: "left",
  },
  num: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: "right",
    whiteSpace: "nowrap",
  },
  elected: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  revote: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  heading: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalS },
});

/** Step 7, Bình xét: prepare the vote, then count it; the result per award and the issues at their cells. */
export function ConferenceStep({ pane }: { pane: PaneState }) {
  const s = useStyles();
  const { lang, runner, adapter } = pane;
  const t = (k: UiTextKey, vars?: Record<string, string | number>) => uiText(lang, k, vars);
  const { outcome, prepare, tally } = useConferenceStep(pane);
  const result = outcome?.tally.tally ?? null;
  const busy = runner.busy !== null;
  return (
    <section className={s.root} aria-labelledby="conference-title">
      <h2 id="conference-title" style={{ margin: 0, fontSize: tokens.fontSizeBase400 }}>
        {t("stepConference")}
      </h2>
      <Body1>{t("conferenceIntro")}</Body1>
      <Caption1 data-testid="conference-rule">
        {result ? `${voteRuleText(result.threshold.rule, result.threshold.baseCount, lang)}. ` : ""}
        {t("conferenceRuleNote")}
      </Caption1>
      {outcome && (
        <MessageBar
          intent={outcome.step === "blocked" ? "error" : "success"}
          layout="multiline"
          data-testid="conference-message"
        >
          <MessageBarBody>
            {outcome.step === "blocked"
              ? t("conferenceBlocked")
              : t(outcome.step === "prepared" ? "conferencePrepared" : "conferenceTallied", {
                  sheets: outcome.written.join(", "),
                })}
          </MessageBarBody>
        </MessageBar>
      )}
      {result &&
        outcome?.step !== "prepared" &&
        result.awards.map((a) => (
          <div key={a.award}>
            <div className={s.heading}>{t("conferenceQuota", { award: a.award, quota: a.quota })}</div>
            <table className={s.table} aria-label={a.award}>
              <tbody>
                {a.candidates.map((c) => (
                  <tr key={c.unit}>
                    <td className={s.cell}>{c.unit}</td>
                    <td className={s.num}>
                      {result.threshold.baseCount === null
                        ? c.votes
                        : `${c.votes}/${result.threshold.baseCount}`}
                    </td>
                    <td className={s.num}>{c.percent === null ? "" : `${formatNumber(c.percent, lang)}%`}</td>
                    <td className={c.elected ? s.elected : c.needsRevote ? s.revote : s.cell}>
                      {c.elected
                        ? t("conferenceElected")
                        : c.needsRevote
                          ? t("conferenceRevote")
                          : t(c.passed ? "conferencePassed" : "conferenceFailed")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {outcome && outcome.issues.length > 0 && (
        <IssuesView
          issues={outcome.issues}
          lang={lang}
          disabled={busy}
          onSelect={(address) => void runner.run("conferenceTally", () => adapter.selectCell(address))}
        />
      )}
      <StepActions step="conference" pane={pane}>
        <Button disabled={busy} onClick={() => void prepare()}>
          {t("conferencePrepare")}
        </Button>
        <Button appearance="primary" disabled={busy} onClick={() => void tally()}>
          {t("conferenceTally")}
        </Button>
      </StepActions>
    </section>
  );
}
