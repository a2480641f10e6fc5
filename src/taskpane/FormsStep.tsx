import { useRef } from "react";
import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  mergeClasses,
} from "@fluentui/react-components";
import { formatNumber, joinSentences, uiText, type UiTextKey } from "../core";
import { IssuesView } from "./IssuesView";
import type { PaneState } from "./usePane";
import { useFormsStep } from "./useFormsStep";
import { useDataTableStyles, useStepStyles } from "./shared.styles";
import { useFormsStepStyles } from "./FormsStep.styles";
import { YearPanel } from "./YearPanel";
import { StepActions } from "./StepActions";

/**
 * Step 6: the self-scoring forms. Make one blank form sheet per unit from the criteria list;
 * later, consolidate the filled-in forms units send back, shown first and written only on the
 * user's word, keeping every differing cell the user did not tick.
 */
export function FormsStep({ pane }: { pane: PaneState }) {
  const { lang, runner } = pane;
  const s = useStepStyles();
  const c = useFormsStepStyles();
  const dt = useDataTableStyles();
  const f = useFormsStep(pane);
  const fileInput = useRef<HTMLInputElement>(null);
  const t = (k: UiTextKey, v?: Record<string, string | number>) => uiText(lang, k, v);
  const busy = runner.busy !== null;
  const lists = f.info?.lists ?? [];
  const plan = f.plan;
  const value = (v: string) => {
    const n = Number(v);
    return v.trim() !== "" && Number.isFinite(n) ? formatNumber(n, lang) : v;
  };
  const writable = plan !== null && (plan.added.length > 0 || plan.filled > 0 || f.overwrite.size > 0);
  const makeButtons = (
    <>
      <Button appearance="primary" disabled={busy || lists.length === 0} onClick={() => void f.make()}>
        {t("formsMake")}
      </Button>
      <Button disabled={busy} onClick={() => void f.reload()}>
        {t("formsReload")}
      </Button>
    </>
  );

  return (
    <section className={s.step} aria-labelledby="step-title-forms">
      <h2 id="step-title-forms" className={s.visuallyHidden}>
        {t("stepForms")}
      </h2>
      <Text>{t("formsIntro")}</Text>

      <div className={s.section} role="group" aria-labelledby="forms-make">
        <h3 id="forms-make" className={s.sectionTitle}>
          {t("formsMakeTitle")}
        </h3>
        {f.info && lists.length === 0 ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t("formsNoList")}</MessageBarBody>
          </MessageBar>
        ) : (
          <Field label={t("formsList")}>
            <Select
              value={f.listSheet}
              disabled={busy || !f.info}
              onChange={(_, d) => f.setListSheet(d.value)}
            >
              {lists.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label={t("formsUnits")} hint={t("formsUnitsHint")}>
          <Textarea
            value={f.unitsText}
            resize="vertical"
            rows={5}
            onChange={(_, d) => f.setUnitsText(d.value)}
          />
        </Field>
        {plan && <div className={s.actions}>{makeButtons}</div>}
        <div role="status" aria-live="polite">
          {f.made?.ribbon && <Text className={s.muted}>{t("checkFromRibbon")}</Text>}
          {f.made?.kind === "made" && (
            <MessageBar intent="success" layout="multiline" data-testid="forms-made">
              <MessageBarBody>
                {f.made.sheets.length > 0 && (
                  <>
                    {t("formsMade", { count: f.made.sheets.length })}
                    <ul className={c.list}>
                      {f.made.sheets.map((n) => (
                        <li key={n}>{n}</li>
                      ))}
                    </ul>
                  </>
                )}
                {joinSentences([
                  f.made.sheets.length === 0 ? t("formsNoneMade") : "",
                  f.made.skipped.length > 0 ? t("formsSkipped", { count: f.made.skipped.length }) : "",
                ])}
                {f.made.skipped.length > 0 && (
                  <ul className={c.list}>
                    {f.made.skipped.map((k) => (
                      <li key={k.unit}>{t("formsSkippedUnit", { unit: k.unit, sheet: k.sheet })}</li>
                    ))}
                  </ul>
                )}
              </MessageBarBody>
            </MessageBar>
          )}
          {f.made && f.made.kind !== "made" && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                {t(f.made.kind === "no-units" ? "formsNoUnits" : "formsNoList")}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
        {f.made?.kind === "made" && f.made.sheets.length > 0 && (
          <Text className={s.muted}>{t("formsSendHint")}</Text>
        )}
      </div>

      <div className={s.section} role="group" aria-labelledby="forms-consolidate">
        <h3 id="forms-consolidate" className={s.sectionTitle}>
          {t("formsConsolidateTitle")}
        </h3>
        <Text>{t("formsConsolidateIntro")}</Text>
        <div className={s.actions}>
          <Button disabled={busy} onClick={() => fileInput.current?.click()}>
            {t("formsPick")}
          </Button>
          <input
            ref={fileInput}
            className={c.fileInput}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple
            aria-label={t("formsPick")}
            tabIndex={-1}
            onChange={(e) => {
              const files = [...(e.currentTarget.files ?? [])];
              // Cleared, so picking the same files again (after fixing one) is a change too.
              e.currentTarget.value = "";
              void f.pick(files);
            }}
          />
        </div>
        <div role="status" aria-live="polite">
          {f.unreadable.length > 0 && (
            <MessageBar intent="warning" layout="multiline" data-testid="forms-unreadable">
              <MessageBarBody>
                {t(f.noneReadable ? "formsNoneReadable" : "formsFilesSkipped", {
                  count: f.unreadable.length,
                })}
                <ul className={c.list}>
                  {f.unreadable.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {f.applied &&
            (f.applied.written ? (
              <MessageBar intent="success" layout="multiline" data-testid="forms-applied">
                <MessageBarBody>
                  {joinSentences([
                    t("formsApplied", {
                      units: f.applied.units.length,
                      added: f.applied.added.length,
                      filled: f.applied.filled.length,
                    }),
                    f.applied.conflicts.length > 0
                      ? t("formsKept", { count: f.applied.conflicts.length })
                      : "",
                  ])}
                </MessageBarBody>
              </MessageBar>
            ) : (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>{t("formsNothing")}</MessageBarBody>
              </MessageBar>
            ))}
        </div>
        {plan && (
          <div className={s.section} role="group" aria-labelledby="forms-plan" data-testid="forms-plan">
            <h4 id="forms-plan" className={s.sectionTitle}>
              {t("formsPlanTitle")}
            </h4>
            <dl className={s.facts}>
              <dt>{t("formsPlanUnits", { count: plan.units.length })}</dt>
              <dd>{plan.units.join("; ") || t("formsPlanNone")}</dd>
              <dt>{t("formsPlanAdd", { count: plan.added.length })}</dt>
              <dd>{plan.added.join("; ") || t("formsPlanNone")}</dd>
              <dt>{t("formsPlanFill")}</dt>
              <dd data-testid="forms-plan-fill">{plan.filled}</dd>
            </dl>
            <IssuesView issues={plan.issues} lang={lang} disabled={busy} onSelect={(a) => void f.select(a)} />
            {plan.conflicts.length > 0 && (
              <>
                <h4 id="forms-conflicts" className={s.sectionTitle}>
                  {t("formsConflicts", { count: plan.conflicts.length })}
                </h4>
                <Text className={s.muted}>{t("formsConflictsHint")}</Text>
                <div className={dt.scroll} role="region" aria-labelledby="forms-conflicts" tabIndex={0}>
                  <table className={mergeClasses(dt.table, dt.middle)} data-testid="forms-conflicts">
                    <thead>
                      <tr>
                        <th scope="col" className={c.tick}>
                          {t("formsOverwrite")}
                        </th>
                        <th scope="col">{t("formsCell")}</th>
                        <th scope="col" className={c.num}>
                          {t("formsCurrent")}
                        </th>
                        <th scope="col" className={c.num}>
                          {t("formsProposed")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {plan.conflicts.map((k) => (
                        <tr key={k.address}>
                          <td className={c.tick}>
                            <Checkbox
                              aria-label={t("formsOverwriteCell", { cell: k.address })}
                              checked={f.overwrite.has(k.address)}
                              disabled={busy}
                              onChange={(_, d) => f.setOverwrite(k.address, d.checked === true)}
                            />
                          </td>
                          <td>
                            <Button
                              appearance="transparent"
                              size="small"
                              className={c.cell}
                              disabled={busy}
                              aria-label={t("checkGoTo", { cell: k.address })}
                              onClick={() => void f.select(k.address)}
                            >
                              {k.address}
                            </Button>
                          </td>
                          <td className={c.num}>{value(k.current)}</td>
                          <td className={c.num}>{value(k.proposed)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
            {(plan.nothing === "nothing-new" || plan.nothing === "no-usable-form") && (
              <Text className={s.muted}>
                {t(plan.nothing === "nothing-new" ? "formsNothing" : "formsNoUsable")}
              </Text>
            )}
          </div>
        )}
      </div>
      <YearPanel pane={pane} />
      {/* The step's primary action pinned to the bottom: consolidating while a plan is shown, else making forms. */}
      <StepActions step="forms" pane={pane}>
        {plan ? (
          <>
            <Button appearance="primary" disabled={busy || !writable} onClick={() => void f.apply()}>
              {t("formsApply")}
            </Button>
            <Button disabled={busy} onClick={f.discard}>
              {t("formsCancel")}
            </Button>
          </>
        ) : (
          makeButtons
        )}
      </StepActions>
    </section>
  );
}
