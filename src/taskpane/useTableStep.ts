import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { uiText, type ColumnMapping, type ColumnRole } from "../core";
import type { PaneState } from "./usePane";

/** The roles the Table step offers, most important first. */
export const MAPPED_ROLES: readonly ColumnRole[] = [
  "unit",
  "self",
  "verified",
  "max",
  "veto",
  "bonus",
  "deduction",
  "stt",
  "classification",
  "rank",
  "note",
];

type Columns = Partial<Record<ColumnRole, string>>;

function same(a: Columns, b: Columns): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<ColumnRole>;
  for (const k of keys) if ((a[k] ?? "") !== (b[k] ?? "")) return false;
  return true;
}

export interface TableStepState {
  readonly columns: Columns;
  readonly headerRow: string;
  readonly dirty: boolean;
  readonly saved: boolean;
  setColumn(role: ColumnRole, letters: string): void;
  setHeaderRow(row: string): void;
  fromSelection(role: ColumnRole): Promise<void>;
  chooseSheet(sheet: string): Promise<void>;
  /** Reads the active sheet again (asking first when there are unsaved edits). */
  reload(): Promise<void>;
  save(): Promise<void>;
  reset(): Promise<void>;
}

/** The Table step: the detected columns, corrected by the user and remembered in the workbook. */
export function useTableStep(pane: PaneState): TableStepState {
  const { inspection, adapter, runner, refresh, lang, ask, setUnsaved } = pane;
  const base = useMemo<Columns>(() => inspection?.mapping?.columns ?? {}, [inspection]);
  const baseRow = inspection?.headerRow ? String(inspection.headerRow) : "";
  const [columns, setColumns] = useState<Columns>(base);
  const [headerRow, setHeaderRow] = useState(baseRow);
  const [saved, setSaved] = useState(false);

  // A new read of the sheet (a save, a reload, the pane regaining focus) takes the new columns
  // unless the user has edits of their own: those are kept until saved or discarded.
  const prev = useRef({ base, baseRow, columns, headerRow });
  prev.current = { ...prev.current, columns, headerRow };
  useEffect(() => {
    const p = prev.current;
    const untouched = same(p.columns, p.base) && p.headerRow === p.baseRow;
    prev.current = { ...p, base, baseRow };
    if (!untouched) return;
    setColumns(base);
    setHeaderRow(baseRow);
  }, [base, baseRow]);

  const dirty = !same(columns, base) || headerRow !== baseRow;
  useEffect(() => setUnsaved("table", dirty), [dirty, setUnsaved]);

  /** Drops the edits (after asking, when there are some); false when the user keeps them. */
  const discard = useCallback(async (): Promise<boolean> => {
    if (!dirty) return true;
    const yes = await ask({
      title: uiText(lang, "discardTitle"),
      body: uiText(lang, "discardTable"),
      choices: [{ value: "discard", label: uiText(lang, "discardConfirm"), primary: true }],
    });
    if (yes !== "discard") return false;
    setColumns(base);
    setHeaderRow(baseRow);
    prev.current = { base, baseRow, columns: base, headerRow: baseRow };
    return true;
  }, [dirty, ask, lang, base, baseRow]);

  const setColumn = useCallback((role: ColumnRole, letters: string) => {
    setSaved(false);
    setColumns((c) => {
      const next: Columns = { ...c };
      // One column plays one role: the user's choice takes it from any other role.
      for (const [r, l] of Object.entries(next) as [ColumnRole, string][])
        if (letters && l === letters) delete next[r];
      if (letters) next[role] = letters;
      else delete next[role];
      return next;
    });
  }, []);

  const fromSelection = useCallback(
    async (role: ColumnRole) => {
      const sel = await runner.run("useSelection", () => adapter.selection());
      if (!sel) return;
      if (inspection && sel.sheet !== inspection.sheet) await refresh(sel.sheet);
      setColumn(role, sel.column);
    },
    [adapter, runner, inspection, refresh, setColumn],
  );

  const save = useCallback(async () => {
    if (!inspection) return;
    const row = Number.parseInt(headerRow, 10);
    const mapping: ColumnMapping = {
      columns,
      ...(Number.isInteger(row) && row >= 1 ? { headerRow: row } : {}),
    };
    const done = await runner.run("saveMapping", async () => {
      await adapter.saveMapping(inspection.sheet, mapping);
      return true;
    });
    if (done) {
      await refresh(inspection.sheet);
      setSaved(true);
    }
  }, [adapter, runner, inspection, columns, headerRow, refresh]);

  const reset = useCallback(async () => {
    if (!inspection) return;
    const done = await runner.run("resetMapping", async () => {
      await adapter.saveMapping(inspection.sheet, null);
      return true;
    });
    if (done) {
      setSaved(false);
      await refresh(inspection.sheet);
    }
  }, [adapter, runner, inspection, refresh]);

  const chooseSheet = useCallback(
    async (sheet: string) => {
      if (!(await discard())) return;
      setSaved(false);
      await refresh(sheet);
    },
    [refresh, discard],
  );

  const reload = useCallback(async () => {
    if (!(await discard())) return;
    await refresh();
  }, [refresh, discard]);

  return {
    columns,
    headerRow,
    dirty,
    saved,
    setColumn,
    setHeaderRow: (r) => {
      setSaved(false);
      setHeaderRow(r);
    },
    fromSelection,
    chooseSheet,
    reload,
    save,
    reset,
  };
}
