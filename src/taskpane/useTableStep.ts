import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ROLE_NAMES, uiText, type ColumnMapping, type ColumnRole } from "../core";
import type { SheetInspection } from "../excel/pane";
import type { TemplateOutcome } from "./adapter";
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

/** A message on one role's field: why a choice was refused, or that its column went elsewhere. */
export interface RoleNote {
  readonly intent: "error" | "warning";
  readonly text: string;
}

export interface TableStepState {
  readonly columns: Columns;
  /** Messages shown on the roles' fields. */
  readonly notes: Partial<Record<ColumnRole, RoleNote>>;
  readonly headerRow: string;
  readonly dirty: boolean;
  readonly saved: boolean;
  /**
   * Gives `role` the column `letters` ("" for none). A column another role holds is only moved
   * after the user agrees, and that role's field then says so; a numbers-only column is refused
   * for the unit names. Never changes another role silently.
   */
  setColumn(role: ColumnRole, letters: string): Promise<void>;
  setHeaderRow(row: string): void;
  fromSelection(role: ColumnRole): Promise<void>;
  chooseSheet(sheet: string): Promise<void>;
  /** Reads the active sheet again (asking first when there are unsaved edits). */
  reload(): Promise<void>;
  save(): Promise<void>;
  reset(): Promise<void>;
  /** Writes a sample score table into a new sheet and reads it (absent when the adapter cannot). */
  makeTemplate: (() => Promise<void>) | null;
  /** What the last "Tạo bảng điểm mẫu" made. */
  readonly template: TemplateOutcome | null;
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

  const [notes, setNotes] = useState<Partial<Record<ColumnRole, RoleNote>>>({});
  const note = useCallback((role: ColumnRole, n: RoleNote | null) => {
    setNotes((all) => {
      const next = { ...all };
      if (n) next[role] = n;
      else delete next[role];
      return next;
    });
  }, []);
  const columnsRef = useRef(columns);
  columnsRef.current = columns;

  const assign = useCallback(
    async (role: ColumnRole, letters: string, insp: SheetInspection | null | undefined) => {
      const name = (r: ColumnRole) => ROLE_NAMES[r][lang];
      if (letters && role === "unit" && insp?.headers.find((h) => h.letter === letters)?.numbersOnly) {
        note(role, { intent: "error", text: uiText(lang, "columnNumbersOnly", { column: letters }) });
        return;
      }
      const other = letters
        ? (Object.entries(columnsRef.current) as [ColumnRole, string][]).find(
            ([r, l]) => r !== role && l === letters,
          )?.[0]
        : undefined;
      if (other) {
        const vars = { column: letters, role: name(role), other: name(other) };
        const yes = await ask({
          title: uiText(lang, "columnTakenTitle", vars),
          body: uiText(lang, "columnTakenBody", vars),
          choices: [{ value: "move", label: uiText(lang, "columnTakenMove", vars), primary: true }],
        });
        if (yes !== "move") return;
      }
      setSaved(false);
      setColumns((c) => {
        const next: Columns = { ...c };
        if (other) delete next[other];
        if (letters) next[role] = letters;
        else delete next[role];
        return next;
      });
      note(role, null);
      if (other)
        note(other, {
          intent: "warning",
          text: uiText(lang, "columnMovedAway", { column: letters, role: name(role) }),
        });
    },
    [ask, lang, note],
  );

  const setColumn = useCallback(
    (role: ColumnRole, letters: string) => assign(role, letters, inspection),
    [assign, inspection],
  );

  const fromSelection = useCallback(
    async (role: ColumnRole) => {
      const sel = await runner.run("useSelection", () => adapter.selection());
      if (!sel) return;
      let insp: SheetInspection | null | undefined = inspection;
      let typedRow = Number.parseInt(headerRow, 10);
      if (inspection && sel.sheet !== inspection.sheet) {
        insp = await refresh(sel.sheet);
        typedRow = Number.NaN;
      }
      const row = Number.isInteger(typedRow) && typedRow >= 1 ? typedRow : (insp?.headerRow ?? null);
      if (row !== null && sel.row < row) {
        const cell = (sel.address.split("!").pop() ?? sel.address).split(":")[0] ?? sel.address;
        note(role, { intent: "error", text: uiText(lang, "selectionAboveHeader", { cell, row }) });
        return;
      }
      await assign(role, sel.column, insp);
    },
    [adapter, runner, inspection, refresh, assign, headerRow, note, lang],
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
      setNotes({});
      await refresh(inspection.sheet);
    }
  }, [adapter, runner, inspection, refresh]);

  const chooseSheet = useCallback(
    async (sheet: string) => {
      if (!(await discard())) return;
      setSaved(false);
      setNotes({});
      await refresh(sheet);
    },
    [refresh, discard],
  );

  const [template, setTemplate] = useState<TemplateOutcome | null>(null);
  const makeTemplate = useCallback(async () => {
    if (!adapter.scoreTemplate || !(await discard())) return;
    const write = adapter.scoreTemplate;
    const out = await runner.run("tableTemplateRunning", () => write(lang));
    if (!out) return;
    setNotes({});
    setSaved(false);
    await refresh(out.sheet);
    setTemplate(out);
  }, [adapter, runner, lang, refresh, discard]);

  const reload = useCallback(async () => {
    if (!(await discard())) return;
    setNotes({});
    await refresh();
  }, [refresh, discard]);

  return {
    columns,
    notes,
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
    makeTemplate: adapter.scoreTemplate ? makeTemplate : null,
    template,
  };
}
