import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { formatDateVi, joinSentences, parseDateCell, uiText, type UiTextKey } from "../core";
import type { PaneState } from "./usePane";
import { useDataTableStyles, useStepStyles } from "./shared.styles";
import { canDownload } from "./NoticeWordButtons";
import { useYearPanel } from "./useYearPanel";

/** "2023-12-15" → "15/12/2023". */
function shown(iso: string): string {
  const d = parseDateCell(iso);
  return d.kind === "date" ? formatDateVi(d.serial) : iso;
}

/**
 * Step 6's second part: the member list (or the offer to create it from the score table), who
 * has returned the forms against the deadline, and the call, the reminder and the pledge.
 */
export function YearPanel({ pane }: { pane: PaneState }) {
  const { lang, runner } = pane;
  const s = useStepStyles();
  const dt = useDataTableStyles();
  const y = useYearPanel(pane);
  const t = (k: UiTextKey, v?: Record<string, string | number>) => uiText(lang, k, v);
  const busy = runner.busy !== null;
  if (!pane.adapter.yearInfo) return null;
  const info = y.info;
  const tr = info?.tracking;

  return (
    <div className={s.section} role="group" aria-labelledby="year-title" data-testid="year-panel">
      <h3 id="year-title" className={s.sectionTitle}>
        {t("yearTitle")}
      </h3>
      {info && info.membersSheet === null && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("yearNoList", { count: info.units.length })}</MessageBarBody>
        </MessageBar>
      )}
      {info && info.membersSheet !== null && (
        <Text>{t("yearList", { sheet: info.membersSheet, count: info.units.length })}</Text>
      )}
      {tr && !tr.ok && (
        <Text className={s.muted}>
          {t(tr.reason === "bad-deadline" ? "yearBadDeadline" : "yearNoDeadline")}
        </Text>
      )}
      {tr && tr.ok && (
        <>
          <Text weight="semibold">{t("yearDeadline", { date: shown(tr.deadline) })}</Text>
          <div className={dt.scroll} role="region" aria-labelledby="year-title" tabIndex={0}>
            <table className={dt.table} data-testid="year-tracking">
              <thead>
                <tr>
                  <th scope="col">{t("yearUnit")}</th>
                  <th scope="col">{t("yearReceived")}</th>
                  <th scope="col">{t("yearStatus")}</th>
                </tr>
              </thead>
              <tbody>
                {tr.members.map((m) => (
                  <tr key={m.unit}>
                    <td>{m.unit}</td>
                    <td>{m.receivedOn ? shown(m.receivedOn) : ""}</td>
                    <td>
                      {m.status === "on-time"
                        ? t("yearOnTime")
                        : m.status === "late"
                          ? t("yearLate", { days: m.daysLate ?? 0 })
                          : t("yearMissing")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Text className={s.muted}>
            {t("yearCounts", {
              ok: tr.members.filter((m) => m.status === "on-time").length,
              late: tr.members.filter((m) => m.status === "late").length,
              missing: tr.members.filter((m) => m.status === "missing").length,
            })}
          </Text>
        </>
      )}
      <div className={s.actions}>
        {info && info.membersSheet === null && (
          <Button
            appearance="primary"
            disabled={busy || info.units.length === 0}
            onClick={() => void y.createList()}
          >
            {t("yearCreateList")}
          </Button>
        )}
        <Button disabled={busy} onClick={() => void y.write("call")}>
          {t("yearCall")}
        </Button>
        <Button disabled={busy || !(tr && tr.ok)} onClick={() => void y.write("reminder")}>
          {t("yearRemind")}
        </Button>
        <Button disabled={busy || !info || info.membersSheet === null} onClick={() => void y.write("pledge")}>
          {t("yearPledge")}
        </Button>
      </div>
      {pane.adapter.yearWordDocument && canDownload() && (
        <div className={s.actions} data-testid="year-word">
          <Text>{t("yearWord")}</Text>
          <Button size="small" disabled={busy} onClick={() => void y.word("call")}>
            {t("yearWordCall")}
          </Button>
          <Button size="small" disabled={busy || !(tr && tr.ok)} onClick={() => void y.word("reminder")}>
            {t("yearWordRemind")}
          </Button>
          <Button
            size="small"
            disabled={busy || !info || info.membersSheet === null}
            onClick={() => void y.word("pledge")}
          >
            {t("yearWordPledge")}
          </Button>
        </div>
      )}
      <div role="status" aria-live="polite">
        {y.message && (
          <MessageBar intent={y.message.intent} layout="multiline" data-testid="year-message">
            <MessageBarBody>{joinSentences(y.message.keys.map(([k, v]) => t(k, v)))}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
