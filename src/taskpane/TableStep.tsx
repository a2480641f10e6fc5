import { Button, Field, Input, MessageBar, MessageBarBody, Select, Text } from "@fluentui/react-components";
import {
  ROLE_NAMES,
  joinSentences,
  requiredRoles,
  uiText,
  type CriteriaLayout,
  type UiTextKey,
} from "../core";
import type { PaneState } from "./usePane";
import { MAPPED_ROLES, useTableStep } from "./useTableStep";
import { useStepStyles } from "./shared.styles";
import { useTableStepStyles } from "./TableStep.styles";
import { StepActions } from "./StepActions";

const LAYOUT_NAMES: Readonly<Record<CriteriaLayout, UiTextKey>> = {
  single: "layoutSingle",
  multi: "layoutMulti",
};

/** Step 1: what EMU found on the sheet, and the user's corrections. */
export function TableStep({ pane }: { pane: PaneState }) {
  const { lang, inspection, runner } = pane;
  const s = useStepStyles();
  const c = useTableStepStyles();
  const state = useTableStep(pane);
  const t = (k: UiTextKey, v?: Record<string, string | number>) => uiText(lang, k, v);
  const busy = runner.busy !== null;

  if (!inspection) {
    return (
      <section className={s.step} aria-labelledby="step-title-table">
        <h2 id="step-title-table" className={s.visuallyHidden}>
          {t("stepTable")}
        </h2>
        <Text>{t("tableIntro")}</Text>
        <StepActions step="table" pane={pane}>
          <Button onClick={() => void pane.refresh()} disabled={busy}>
            {t("tableReload")}
          </Button>
        </StepActions>
      </section>
    );
  }

  // An empty or unrecognised workbook gets a way forward: a sample table in a new sheet.
  const offer = state.makeTemplate && (
    <div className={s.section} data-testid="table-template">
      <Text className={s.muted}>{t("tableTemplateHint")}</Text>
      <div className={s.actions}>
        <Button disabled={busy} onClick={() => void state.makeTemplate?.()}>
          {t("tableTemplate")}
        </Button>
      </div>
    </div>
  );
  const made = state.template;
  const required = requiredRoles(state.columns);

  const sheetOptions = inspection.sheets.includes(inspection.sheet)
    ? inspection.sheets
    : [inspection.sheet, ...inspection.sheets];

  return (
    <section className={s.step} aria-labelledby="step-title-table">
      <h2 id="step-title-table" className={s.visuallyHidden}>
        {t("stepTable")}
      </h2>
      <Text>{t("tableIntro")}</Text>
      <Field label={t("tableSheet")}>
        <Select value={inspection.sheet} disabled={busy} onChange={(_, d) => void state.chooseSheet(d.value)}>
          {sheetOptions.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      <dl className={s.facts}>
        <dt>{t("tableRange")}</dt>
        <dd data-testid="used-range">{inspection.usedRange ?? "—"}</dd>
        <dt>{t("tableHeaderRow")}</dt>
        <dd>{inspection.headerRow ?? "—"}</dd>
      </dl>
      {inspection.usedRange === null ? (
        <>
          <MessageBar intent="warning">
            <MessageBarBody>{t("tableEmpty")}</MessageBarBody>
          </MessageBar>
          {offer}
        </>
      ) : inspection.mapping !== null ? (
        <Text className={s.muted}>
          {inspection.remembered ? t("mappingRemembered") : t("mappingDetected")}
        </Text>
      ) : (
        // A detailed scoring sheet has no summary columns to map: what EMU found is said below.
        !inspection.criteria && (
          <>
            <MessageBar intent="warning">
              <MessageBarBody>{t("tableNotFound")}</MessageBarBody>
            </MessageBar>
            {offer}
          </>
        )
      )}
      {made && made.sheet === inspection.sheet && (
        <MessageBar intent="success" layout="multiline" data-testid="table-template-made">
          <MessageBarBody>
            {joinSentences([
              t("tableTemplateMade", { sheet: made.sheet }),
              made.rulesSheet ? t("tableTemplateRules", { sheet: made.rulesSheet }) : "",
            ])}
          </MessageBarBody>
        </MessageBar>
      )}
      {inspection.criteria && (
        <>
          <Text data-testid="criteria-detected">
            {t("tableCriteria", {
              criteria: inspection.criteria.criteria,
              units: inspection.criteria.units,
              layout: t(LAYOUT_NAMES[inspection.criteria.layout]),
            })}
          </Text>
          <Field label={t("tableLayout")} hint={t("tableLayoutHint")}>
            <Select
              value={pane.criteriaLayout ?? ""}
              disabled={busy}
              onChange={(_, d) => pane.setCriteriaLayout(d.value === "" ? null : (d.value as CriteriaLayout))}
            >
              <option value="">
                {t("tableLayoutAuto", { layout: t(LAYOUT_NAMES[inspection.criteria.layout]) })}
              </option>
              <option value="single">{t("tableLayoutSingle")}</option>
              <option value="multi">{t("tableLayoutMulti")}</option>
            </Select>
          </Field>
        </>
      )}
      {inspection.criteria ? (
        // The summary-table columns do not apply: EMU reads a detailed sheet by its criteria,
        // every unit's sheet, as the CLI does.
        <Text className={s.muted} data-testid="criteria-no-columns">
          {t("tableCriteriaNoColumns")}
        </Text>
      ) : (
        <>
          <Text className={s.muted}>{t("tableRequiredLegend")}</Text>
          <div className={c.roles}>
            {MAPPED_ROLES.map((role) => {
              const id = `map-${role}`;
              const roleName = ROLE_NAMES[role][lang];
              const note = state.notes[role];
              return (
                <div key={role} className={c.role}>
                  <Field
                    label={roleName}
                    required={required.includes(role)}
                    className={c.field}
                    {...(note ? { validationState: note.intent, validationMessage: note.text } : {})}
                  >
                    <Select
                      id={id}
                      className={c.select}
                      select={{ className: c.selectInner }}
                      value={state.columns[role] ?? ""}
                      disabled={busy}
                      onChange={(_, d) => void state.setColumn(role, d.value)}
                    >
                      <option value="">{t("columnNone")}</option>
                      {inspection.headers.map((h) => (
                        <option key={h.letter} value={h.letter}>
                          {t("columnOf", { column: h.letter, header: h.text || "…" })}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Button
                    size="small"
                    disabled={busy}
                    aria-label={t("useSelectionFor", { role: roleName })}
                    title={t("useSelectionFor", { role: roleName })}
                    onClick={() => void state.fromSelection(role)}
                  >
                    {t("useSelection")}
                  </Button>
                </div>
              );
            })}
          </div>
          <Field label={t("tableHeaderRow")} className={c.headerRow}>
            <Input
              type="number"
              min={1}
              value={state.headerRow}
              disabled={busy}
              onChange={(_, d) => state.setHeaderRow(d.value)}
            />
          </Field>
        </>
      )}
      {state.dirty && <Text className={s.muted}>{t("mappingUnsaved")}</Text>}
      {state.saved && !state.dirty && (
        <MessageBar intent="success">
          <MessageBarBody>{t("mappingSaved")}</MessageBarBody>
        </MessageBar>
      )}
      <StepActions
        step="table"
        pane={pane}
        result={state.saved && !state.dirty ? { intent: "success", text: t("stepSaved") } : null}
      >
        {!inspection.criteria && (
          <>
            <Button appearance="primary" disabled={busy} onClick={() => void state.save()}>
              {t("saveMapping")}
            </Button>
            <Button disabled={busy || !inspection.remembered} onClick={() => void state.reset()}>
              {t("resetMapping")}
            </Button>
          </>
        )}
        <Button disabled={busy} onClick={() => void state.reload()}>
          {t("tableReload")}
        </Button>
      </StepActions>
    </section>
  );
}
