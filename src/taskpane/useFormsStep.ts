import { useCallback, useEffect, useRef, useState } from "react";
import { cellAddress, whyNothingToWrite, type Issue, type NothingToWrite, type ReturnedForm } from "../core";
import type { ConsolidateOutcome, FormsInfo, FormsOperationOutcome } from "./adapter";
import { readFormFiles, type PickedFile } from "./formFiles";
import type { PaneState } from "./usePane";

/** What "Make forms" did: the sheets made and the units left alone, or why nothing was made. */
export type MadeForms = (
  | {
      readonly kind: "made";
      readonly sheets: readonly string[];
      readonly skipped: readonly { readonly unit: string; readonly sheet: string }[];
    }
  | { readonly kind: "no-criteria-list" | "no-units" }
) & {
  /** True when the ribbon's "Make forms" did it. */
  readonly ribbon: boolean;
};

/** A cell of the workbook that holds another value than the returned form. */
export interface Conflict {
  /** "'Sở A'!D7", as `consolidate`'s `overwrite` takes it. */
  readonly address: string;
  readonly current: string;
  readonly proposed: string;
}

/** The forms read from the picked files and what consolidating them would do, before any write. */
export interface FormsPlan {
  readonly forms: readonly ReturnedForm[];
  readonly units: readonly string[];
  readonly added: readonly string[];
  readonly filled: number;
  readonly conflicts: readonly Conflict[];
  /** The forms left out (criteria differ, no form found), for the issue list. */
  readonly issues: readonly Issue[];
  /** Why consolidating would write nothing (the core's reason, as the CLI says it), or null. */
  readonly nothing: NothingToWrite | null;
}

export interface FormsStepState {
  /** The workbook's criteria lists and units; null until read. */
  readonly info: FormsInfo | null;
  readonly listSheet: string;
  setListSheet(sheet: string): void;
  /** The units, one per line, as the user sees and edits them. */
  readonly unitsText: string;
  setUnitsText(text: string): void;
  readonly made: MadeForms | null;
  reload(): Promise<void>;
  make(): Promise<void>;
  /** One message per picked file that is not a readable .xlsx. */
  readonly unreadable: readonly string[];
  /** True when none of the picked files could be read (so nothing at all was planned). */
  readonly noneReadable: boolean;
  readonly plan: FormsPlan | null;
  /** Addresses of the differing cells the user agreed to overwrite. */
  readonly overwrite: ReadonlySet<string>;
  setOverwrite(address: string, on: boolean): void;
  /** The last consolidation written. */
  readonly applied: ConsolidateOutcome | null;
  pick(files: readonly PickedFile[]): Promise<void>;
  apply(): Promise<void>;
  discard(): void;
  select(address: string): Promise<void>;
}

/** The plan as the step shows it: the differing cells apart, with their values; the rest as issues. */
function planOf(forms: readonly ReturnedForm[], o: ConsolidateOutcome, unreadable: number): FormsPlan {
  const conflicts: Conflict[] = [];
  for (const i of o.conflicts)
    if (i.code === "kept-user-value" && i.cell)
      conflicts.push({ address: cellAddress(i.cell), current: i.value, proposed: i.proposed });
  const issues = o.issues.filter((i) => i.code !== "kept-user-value");
  const nothing = whyNothingToWrite({
    units: o.units.length,
    writes: o.added.length + o.filled.length,
    kept: conflicts.length,
    unreadable,
    forms: forms.length,
  });
  return { forms, units: o.units, added: o.added, filled: o.filled.length, conflicts, issues, nothing };
}

function madeOf(o: FormsOperationOutcome, ribbon: boolean): MadeForms {
  return o.ok ? { kind: "made", sheets: o.written, skipped: o.skipped, ribbon } : { kind: o.reason, ribbon };
}

const linesOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * The Forms step: make one blank self-scoring form per unit in the workbook, and consolidate
 * the forms units send back: read the picked files, show the plan, write only when asked and
 * overwrite only the cells the user ticked.
 */
export function useFormsStep(pane: PaneState): FormsStepState {
  const { adapter, runner, lang, inspection, formsMade, setFormsMade } = pane;
  const [info, setInfo] = useState<FormsInfo | null>(null);
  const [listSheet, setListSheet] = useState("");
  const [unitsText, setUnitsTextState] = useState("");
  const [unreadable, setUnreadable] = useState<readonly string[]>([]);
  const [plan, setPlan] = useState<FormsPlan | null>(null);
  const [overwrite, setOverwriteState] = useState<ReadonlySet<string>>(new Set());
  const [applied, setApplied] = useState<ConsolidateOutcome | null>(null);
  // Once the user edits the units, a re-read of the workbook no longer replaces them.
  const unitsEdited = useRef(false);

  const reload = useCallback(async () => {
    const read = await runner.run("formsReload", () => adapter.formsInfo());
    if (!read) return;
    setInfo(read);
    setListSheet((cur) => (read.lists.includes(cur) ? cur : (read.lists[0] ?? "")));
    if (!unitsEdited.current) setUnitsTextState(read.units.join("\n"));
  }, [adapter, runner]);

  // Read when the step opens and whenever the pane has read the workbook again (an edit, a
  // return to the pane): a criteria list added by hand then shows up by itself. A read that
  // meets another operation running is skipped; the pane's own re-read comes after it.
  useEffect(() => {
    void reload();
  }, [inspection]);

  const make = useCallback(async () => {
    setFormsMade(null);
    const out = await runner.run("formsMake", () =>
      adapter.generateForms({ lang, units: linesOf(unitsText), ...(listSheet ? { sheet: listSheet } : {}) }),
    );
    if (out) setFormsMade(out);
  }, [adapter, runner, lang, unitsText, listSheet, setFormsMade]);

  const pick = useCallback(
    async (files: readonly PickedFile[]) => {
      if (files.length === 0) return;
      setApplied(null);
      const out = await runner.run("formsReading", async () => {
        const read = await readFormFiles(files, lang);
        const outcome =
          read.forms.length > 0 ? await adapter.consolidate({ lang, forms: read.forms, apply: false }) : null;
        return { read, outcome };
      });
      if (!out) return;
      setUnreadable(out.read.unreadable);
      setPlan(out.outcome ? planOf(out.read.forms, out.outcome, out.read.unreadable.length) : null);
      setOverwriteState(new Set());
    },
    [adapter, runner, lang],
  );

  const apply = useCallback(async () => {
    if (!plan) return;
    const out = await runner.run("formsApply", () =>
      adapter.consolidate({ lang, forms: plan.forms, apply: true, overwrite }),
    );
    if (!out) return;
    setApplied(out);
    setPlan(null);
    setUnreadable([]);
    setOverwriteState(new Set());
  }, [adapter, runner, lang, plan, overwrite]);

  const select = useCallback(
    async (address: string) => {
      await runner.run("checkGoTo", () => adapter.selectCell(address));
    },
    [adapter, runner],
  );

  return {
    info,
    listSheet,
    setListSheet: (sheet) => {
      setFormsMade(null);
      setListSheet(sheet);
    },
    unitsText,
    setUnitsText: (text) => {
      unitsEdited.current = true;
      setFormsMade(null);
      setUnitsTextState(text);
    },
    made: formsMade && madeOf(formsMade.value, formsMade.ribbon),
    reload,
    make,
    unreadable,
    noneReadable:
      plan === null &&
      whyNothingToWrite({ units: 0, writes: 0, kept: 0, unreadable: unreadable.length }) === "none-readable",
    plan,
    overwrite,
    setOverwrite: (address, on) =>
      setOverwriteState((cur) => {
        const next = new Set(cur);
        if (on) next.add(address);
        else next.delete(address);
        return next;
      }),
    applied,
    pick,
    apply,
    discard: () => {
      setPlan(null);
      setUnreadable([]);
      setOverwriteState(new Set());
    },
    select,
  };
}
