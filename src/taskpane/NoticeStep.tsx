import { Button, Field, Input, MessageBar, MessageBarBody, Text, Textarea } from "@fluentui/react-components";
import { NOTICE_FIELDS_SHEET_NAME, noticeSigner, uiText, type UiTextKey } from "../core";
import type { PaneState } from "./usePane";
import {
  GAP_LABELS,
  LIST_FIELDS,
  fieldsOfDraft,
  signedNoticeGaps,
  useNoticeStep,
  type FieldKey,
} from "./useNoticeStep";
import { useStepStyles } from "./shared.styles";
import { useNoticeStepStyles } from "./NoticeStep.styles";
import { NoticeWordButtons } from "./NoticeWordButtons";
import { StepActions } from "./StepActions";

const LABELS: Readonly<Record<FieldKey, UiTextKey>> = {
  parentBody: "fieldParentBody",
  issuingBody: "fieldIssuingBody",
  number: "fieldNumber",
  symbol: "fieldSymbol",
  place: "fieldPlace",
  day: "fieldDay",
  month: "fieldMonth",
  year: "fieldYear",
  subject: "fieldSubject",
  recipients: "fieldRecipients",
  bases: "fieldBases",
  intro: "fieldIntro",
  closing: "fieldClosing",
  distribution: "fieldDistribution",
  signerTitle: "fieldSignerTitle",
  signerName: "fieldSignerName",
};
/** The form's layout: fields side by side where the pane is wide enough. */
const LAYOUT: readonly (readonly FieldKey[])[] = [
  ["parentBody"],
  ["issuingBody"],
  ["number", "symbol"],
  ["place"],
  ["day", "month", "year"],
  ["subject"],
  ["recipients"],
  ["bases"],
  ["intro"],
  ["closing"],
  ["distribution"],
  ["signerTitle"],
  ["signerName"],
];
const LONG: ReadonlySet<FieldKey> = new Set<FieldKey>(["subject", "intro", "closing"]);
const BLANK_HINT: ReadonlySet<FieldKey> = new Set<FieldKey>(["number", "day"]);

/** Step 5: the notice's fields (Nghị định 30/2020 layout) and "Generate notice". */
export function NoticeStep({ pane }: { pane: PaneState }) {
  const { lang, inspection, runner } = pane;
  const s = useStepStyles();
  const c = useNoticeStepStyles();
  const n = useNoticeStep(pane);
  const t = (k: UiTextKey, v?: Record<string, string | number>) => uiText(lang, k, v);
  const busy = runner.busy !== null;
  const d = n.draft;
  const ranking = pane.outcome?.ranking ?? null;
  const gaps = d ? signedNoticeGaps(fieldsOfDraft(d), ranking) : [];
  // A blank signer is the member list's Cụm trưởng: the pane says whose name the notice will carry.
  const signer = d ? noticeSigner(ranking, fieldsOfDraft(d)) : null;

  const field = (k: FieldKey) => {
    const label = t(LABELS[k]);
    const hint = LIST_FIELDS.has(k)
      ? t("noticeListHint")
      : BLANK_HINT.has(k)
        ? t("fieldBlankHint")
        : undefined;
    const value = d?.[k] ?? "";
    return (
      <Field key={k} label={label} hint={hint}>
        {LIST_FIELDS.has(k) || LONG.has(k) ? (
          <Textarea
            value={value}
            resize="vertical"
            rows={k === "bases" ? 6 : LIST_FIELDS.has(k) ? 3 : 2}
            onChange={(_, v) => n.set(k, v.value)}
          />
        ) : (
          <Input value={value} onChange={(_, v) => n.set(k, v.value)} />
        )}
      </Field>
    );
  };

  return (
    <section className={s.step} aria-labelledby="step-title-notice">
      <h2 id="step-title-notice" className={s.visuallyHidden}>
        {t("stepNotice")}
      </h2>
      <Text>{t("noticeIntro", { sheet: NOTICE_FIELDS_SHEET_NAME })}</Text>
      <Text className={s.muted}>
        {inspection?.noticeFieldsSaved ? t("noticeFromWorkbook") : t("noticeFromTemplate")}
      </Text>
      {inspection?.bundledSample && (
        <div className={s.actions}>
          <Button size="small" disabled={busy} onClick={() => void n.fillSeed()}>
            {t("noticeUseSeed")}
          </Button>
        </div>
      )}
      {d && (
        <div className={c.form}>
          {LAYOUT.map((row, k) =>
            row.length === 1 ? (
              field(row[0] as FieldKey)
            ) : (
              <div key={k} className={c.pair}>
                {row.map(field)}
              </div>
            ),
          )}
        </div>
      )}
      {gaps.length > 0 && (
        <MessageBar intent="warning" data-testid="notice-gaps">
          <MessageBarBody>
            {t("noticeGaps", { fields: gaps.map((g) => t(GAP_LABELS[g] ?? "fieldSubject")).join(", ") })}
          </MessageBarBody>
        </MessageBar>
      )}
      {signer?.source === "members" && (
        <MessageBar intent="info" data-testid="notice-signer-members">
          <MessageBarBody>
            {t("noticeSignerFromMembers", { name: signer.signerName, unit: signer.member?.name ?? "" })}
          </MessageBarBody>
        </MessageBar>
      )}
      <div role="status" aria-live="polite">
        {n.status?.kind === "saved" && (
          <MessageBar intent="success">
            <MessageBarBody>{t("noticeSaved")}</MessageBarBody>
          </MessageBar>
        )}
        {n.status?.kind === "written" && (
          <MessageBar intent="success">
            <MessageBarBody>{t("noticeDone", { sheet: n.status.sheet })}</MessageBarBody>
          </MessageBar>
        )}
        {n.status?.kind === "kept" && (
          <MessageBar intent="info" data-testid="notice-kept">
            <MessageBarBody>{t("editedKept", { sheets: n.status.sheets.join("”, “") })}</MessageBarBody>
          </MessageBar>
        )}
        {n.status?.kind === "blocked" && (
          <MessageBar intent="error">
            <MessageBarBody>{t("noticeBlocked")}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={s.actions}>
        <NoticeWordButtons
          lang={lang}
          ranking={pane.outcome?.ranking ?? null}
          fields={d ? fieldsOfDraft(d) : null}
          disabled={busy}
        />
      </div>
      <StepActions
        step="notice"
        pane={pane}
        result={
          n.status?.kind === "written"
            ? { intent: "success", text: t("stepWrote", { sheet: n.status.sheet }) }
            : n.status?.kind === "saved"
              ? { intent: "success", text: t("stepSaved") }
              : null
        }
      >
        <Button appearance="primary" disabled={busy || !d} onClick={() => void n.generate()}>
          {t("noticeGenerate")}
        </Button>
        <Button disabled={busy || !d} onClick={() => void n.save()}>
          {t("noticeSave")}
        </Button>
      </StepActions>
    </section>
  );
}
