import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
} from "@fluentui/react-components";
import {
  PRESETS,
  RULES_SHEET_NAME,
  TIE_BREAKS,
  TIE_BREAK_LABELS,
  checkShare,
  issueMessage,
  uiText,
  voteRuleText,
  type Rules,
  type UiTextKey,
  type VoteBase,
} from "../core";
import { useState } from "react";
import type { PaneState } from "./usePane";
import { shareOfDraft, useRulesStep } from "./useRulesStep";
import { useStepStyles } from "./shared.styles";
import { useRulesStepStyles } from "./RulesStep.styles";
import { StepActions } from "./StepActions";

const PRESET_NAMES: Readonly<Record<string, UiTextKey>> = {
  "cum-1000": "rulesPresetCum",
  "nd335-100": "rulesPresetNd335",
};
const ABOVE_SELF: ReadonlyArray<[Rules["verifiedAboveSelf"], UiTextKey]> = [
  ["warning", "rulesAboveSelfWarning"],
  ["error", "rulesAboveSelfError"],
  ["allow", "rulesAboveSelfAllow"],
];

const VOTE_BASE_NAMES: ReadonlyArray<[VoteBase, UiTextKey]> = [
  ["members", "rulesVoteBaseMembers"],
  ["present", "rulesVoteBasePresent"],
  ["valid", "rulesVoteBaseValid"],
];

/** "Xóa" beside a band or an award; its accessible name says which one. */
function RemoveButton({ text, label, onClick }: { text: string; label: string; onClick: () => void }) {
  return (
    <Button size="small" appearance="subtle" aria-label={label} onClick={onClick}>
      {text}
    </Button>
  );
}

/** Step 2: the classification bands, ties and award quotas, saved to the readable rules sheet. */
export function RulesStep({ pane }: { pane: PaneState }) {
  const { lang, inspection, runner } = pane;
  const s = useStepStyles();
  const c = useRulesStepStyles();
  const r = useRulesStep(pane);
  // How many the vote counts on, to show the votes needed: the ranked units by default (the
  // cluster's members); a preview only, never saved (the count sheet carries the real figures).
  const ranked = pane.outcome?.ranking.ranking.length ?? 0;
  const [voteCount, setVoteCount] = useState<string | null>(null);
  const t = (k: UiTextKey, v?: Record<string, string | number>) => uiText(lang, k, v);
  const busy = runner.busy !== null;
  const d = r.draft;
  const found = pane.outcome?.issues.find((i) => i.code === "scale-mismatch");
  const scale = found?.code === "scale-mismatch" && !r.dirty && r.status !== "saved" ? found : null;
  /** A field's problem, shown on the field itself. */
  const err = (...paths: string[]) => {
    const m = paths.map((p) => r.problems.get(p)).find((x) => x !== undefined);
    return m ? { validationState: "error" as const, validationMessage: m } : {};
  };
  const shownPaths = (k: number, kind: "bands" | "awards") =>
    kind === "bands"
      ? [`bands.${k}.min`, `bands.${k}.label`]
      : [`awards.${k}.label`, `awards.${k}.count`, `awards.${k}.share`, `awards.${k}.minBand`];

  if (!d) {
    return (
      <section className={s.step} aria-labelledby="step-title-rules">
        <h2 id="step-title-rules" className={s.visuallyHidden}>
          {t("stepRules")}
        </h2>
        <Text>{t("rulesIntro", { sheet: RULES_SHEET_NAME })}</Text>
        <StepActions step="rules" pane={pane} />
      </section>
    );
  }
  const thousand = d.maxScore.trim() === "1000" || d.base.id === "cum-1000";
  const bandLabels = d.bands.map((b) => b.label).filter(Boolean);
  const presetValue = d.base.id && PRESETS[d.base.id] ? d.base.id : "";
  // Problems no field shows (paths the form has no field for) are listed above the buttons.
  const onFields = new Set([
    "maxScore",
    "bands",
    ...d.bands.flatMap((_, k) => shownPaths(k, "bands")),
    ...d.awards.flatMap((_, k) => shownPaths(k, "awards")),
    "vote.share",
    "vote.strict",
    "vote.base",
  ]);
  const countText = voteCount ?? (ranked > 0 ? String(ranked) : "");
  const count = /^\s*\d+\s*$/.test(countText) ? Number(countText) : null;
  const share = checkShare(shareOfDraft(d.vote.share));
  const voteRule = share !== null ? { share, strict: d.vote.strict, base: d.vote.base } : null;
  const baseName = t(VOTE_BASE_NAMES.find(([b]) => b === d.vote.base)?.[1] ?? "rulesVoteBaseMembers");
  const others = [...r.problems].filter(([p]) => !onFields.has(p));

  return (
    <section className={s.step} aria-labelledby="step-title-rules">
      <h2 id="step-title-rules" className={s.visuallyHidden}>
        {t("stepRules")}
      </h2>
      <Text>{t("rulesIntro", { sheet: RULES_SHEET_NAME })}</Text>
      <Text className={s.muted}>
        {inspection?.rulesSource === "workbook" ? t("rulesSourceWorkbook") : t("rulesSourcePreset")}
      </Text>
      {r.status === "reloaded" && (
        <MessageBar intent="info">
          <MessageBarBody>{t("rulesReloaded")}</MessageBarBody>
        </MessageBar>
      )}
      {thousand && (
        <MessageBar intent="warning" data-testid="example-warning">
          <MessageBarBody>{t("rulesExampleWarning")}</MessageBarBody>
        </MessageBar>
      )}
      {scale && (
        // The engine's scale-mismatch (the scores cannot be on these rules' scale): propose the
        // preset that fits; saving the rules sheet is the explicit choice that accepts the scale.
        <MessageBar intent="error" layout="multiline" data-testid="scale-mismatch">
          <MessageBarBody>{issueMessage(scale, lang)}</MessageBarBody>
          <div className={s.actions}>
            {scale.preset && PRESETS[scale.preset] && (
              <Button size="small" appearance="primary" onClick={() => r.applyPreset(scale.preset ?? "")}>
                {t("scaleUsePreset", {
                  preset: PRESET_NAMES[scale.preset]
                    ? t(PRESET_NAMES[scale.preset] as UiTextKey)
                    : scale.preset,
                })}
              </Button>
            )}
            <Button size="small" disabled={busy} onClick={() => void r.save()}>
              {t("scaleKeep")}
            </Button>
          </div>
        </MessageBar>
      )}
      <Field label={t("rulesPreset")}>
        <Select value={presetValue} disabled={busy} onChange={(_, v) => v.value && r.applyPreset(v.value)}>
          {presetValue === "" && <option value="">—</option>}
          {Object.keys(PRESETS).map((id) => (
            <option key={id} value={id}>
              {PRESET_NAMES[id] ? t(PRESET_NAMES[id]) : id}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("rulesMaxScore")} {...err("maxScore")}>
        <Input value={d.maxScore} inputMode="decimal" onChange={(_, v) => r.update({ maxScore: v.value })} />
      </Field>

      <div className={s.section} role="group" aria-labelledby="rules-bands">
        <h3 id="rules-bands" className={s.sectionTitle}>
          {t("rulesBands")}
        </h3>
        {r.problems.get("bands") && (
          <MessageBar intent="error" data-testid="rules-no-bands">
            <MessageBarBody>{r.problems.get("bands")}</MessageBarBody>
          </MessageBar>
        )}
        <ul className={c.list}>
          {d.bands.map((b, k) => (
            <li key={b.key} className={c.row}>
              <Field label={k === 0 ? t("rulesBandMin") : undefined} {...err(`bands.${k}.min`)}>
                <Input
                  value={b.min}
                  inputMode="decimal"
                  aria-label={`${t("rulesBandMin")} ${k + 1}`}
                  onChange={(_, v) => r.setBand(b.key, { min: v.value })}
                />
              </Field>
              <Field label={k === 0 ? t("rulesBandLabel") : undefined} {...err(`bands.${k}.label`)}>
                <Input
                  value={b.label}
                  aria-label={`${t("rulesBandLabel")} ${k + 1}`}
                  onChange={(_, v) => r.setBand(b.key, { label: v.value })}
                />
              </Field>
              <RemoveButton
                text={t("rulesRemove")}
                label={t("rulesRemoveBand", { label: b.label || String(k + 1) })}
                onClick={() => r.removeBand(b.key)}
              />
            </li>
          ))}
        </ul>
        <div className={s.actions}>
          <Button size="small" onClick={r.addBand}>
            {t("rulesAddBand")}
          </Button>
        </div>
      </div>

      <div className={s.section} role="group" aria-labelledby="rules-ties">
        <h3 id="rules-ties" className={s.sectionTitle}>
          {t("rulesTies")}
        </h3>
        <Text className={s.muted}>{t("rulesTiesShared")}</Text>
        <Text>{t("rulesTieBreakHint")}</Text>
        {TIE_BREAKS.map((tb) => (
          <Checkbox
            key={tb}
            label={TIE_BREAK_LABELS[tb][lang]}
            checked={d.tieBreak.includes(tb)}
            onChange={(_, v) => r.toggleTieBreak(tb, v.checked === true)}
          />
        ))}
        <Field label={t("rulesAboveSelf")}>
          <Select
            value={d.verifiedAboveSelf}
            onChange={(_, v) => r.update({ verifiedAboveSelf: v.value as Rules["verifiedAboveSelf"] })}
          >
            {ABOVE_SELF.map(([v, k]) => (
              <option key={v} value={v}>
                {t(k)}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <div className={s.section} role="group" aria-labelledby="rules-awards">
        <h3 id="rules-awards" className={s.sectionTitle}>
          {t("rulesAwards")}
        </h3>
        {d.awards.length === 0 && <Text className={s.muted}>{t("rulesNoAwards")}</Text>}
        <ul className={c.list}>
          {d.awards.map((a, k) => (
            <li key={a.key} className={c.award}>
              <Field label={t("rulesAwardLabel")} {...err(`awards.${k}.label`)}>
                <Input value={a.label} onChange={(_, v) => r.setAward(a.key, { label: v.value })} />
              </Field>
              <Field label={t("rulesAwardCount")} {...err(`awards.${k}.count`, `awards.${k}.share`)}>
                <Input value={a.count} onChange={(_, v) => r.setAward(a.key, { count: v.value })} />
              </Field>
              <Field label={t("rulesAwardMinBand")} className={c.wide} {...err(`awards.${k}.minBand`)}>
                <Select value={a.minBand} onChange={(_, v) => r.setAward(a.key, { minBand: v.value })}>
                  <option value="">{t("rulesAwardAnyBand")}</option>
                  {a.minBand !== "" && !bandLabels.includes(a.minBand) && (
                    // The class it named was renamed or removed: shown as it is, with its error.
                    <option value={a.minBand}>{a.minBand}</option>
                  )}
                  {bandLabels.map((l) => (
                    <option key={l} value={l}>
                      {l}
                    </option>
                  ))}
                </Select>
              </Field>
              <Checkbox
                label={t("rulesAwardAllowVeto")}
                checked={a.allowVeto}
                onChange={(_, v) => r.setAward(a.key, { allowVeto: v.checked === true })}
              />
              <RemoveButton
                text={t("rulesRemove")}
                label={t("rulesRemoveAward", { label: a.label || String(k + 1) })}
                onClick={() => r.removeAward(a.key)}
              />
            </li>
          ))}
        </ul>
        <div className={s.actions}>
          <Button size="small" onClick={r.addAward}>
            {t("rulesAddAward")}
          </Button>
        </div>
      </div>

      <div className={s.section} role="group" aria-labelledby="rules-vote">
        <h3 id="rules-vote" className={s.sectionTitle}>
          {t("rulesVote")}
        </h3>
        <Text className={s.muted} data-testid="vote-note">
          {t("rulesVoteNote")}
        </Text>
        <Field label={t("rulesVoteShare")} {...err("vote.share", "vote")}>
          <Input value={d.vote.share} onChange={(_, v) => r.setVote({ share: v.value })} />
        </Field>
        <Field label={t("rulesVoteStrict")} {...err("vote.strict")}>
          <Select
            value={d.vote.strict ? "more" : "atLeast"}
            onChange={(_, v) => r.setVote({ strict: v.value === "more" })}
          >
            <option value="more">{t("rulesVoteStrictMore")}</option>
            <option value="atLeast">{t("rulesVoteStrictAtLeast")}</option>
          </Select>
        </Field>
        <Field label={t("rulesVoteBase")} {...err("vote.base")}>
          <Select value={d.vote.base} onChange={(_, v) => r.setVote({ base: v.value as VoteBase })}>
            {VOTE_BASE_NAMES.map(([b, k]) => (
              <option key={b} value={b}>
                {t(k)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("rulesVoteCount", { base: baseName })}>
          <Input value={countText} inputMode="numeric" onChange={(_, v) => setVoteCount(v.value)} />
        </Field>
        {voteRule && (
          <Text weight="semibold" data-testid="vote-rule">
            {voteRuleText(voteRule, count, lang)}
          </Text>
        )}
      </div>

      {(r.issues.length > 0 || others.length > 0) && (
        <MessageBar intent="error" data-testid="rules-problems">
          <MessageBarBody>
            <ul className={c.issues}>
              {others.map(([path, m]) => (
                <li key={path}>{m}</li>
              ))}
              {r.issues.map((i, k) => (
                <li key={k}>{issueMessage(i, lang)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {r.dirty && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("rulesUnsaved")}</MessageBarBody>
        </MessageBar>
      )}
      {r.status === "saved" && !r.dirty && (
        <MessageBar intent="success">
          <MessageBarBody>{t("rulesSaved", { sheet: RULES_SHEET_NAME })}</MessageBarBody>
        </MessageBar>
      )}
      <StepActions
        step="rules"
        pane={pane}
        result={
          r.problems.size > 0
            ? {
                intent: "error",
                text: t("rulesFixFirst", { count: r.problems.size }),
                testId: "rules-refused",
              }
            : r.status === "saved" && !r.dirty
              ? { intent: "success", text: t("stepSaved") }
              : null
        }
      >
        <Button appearance="primary" disabled={busy} onClick={() => void r.save()}>
          {t("rulesSave")}
        </Button>
        <Button disabled={busy} onClick={() => void r.reload()}>
          {t("rulesReload")}
        </Button>
      </StepActions>
    </section>
  );
}
