import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  parseNumber,
  parseRules,
  presetRules,
  rulesProblems,
  type Issue,
  type Result,
  type Rules,
  type TieBreak,
  uiText,
} from "../core";
import type { PaneState } from "./usePane";

export interface BandDraft {
  readonly key: number;
  readonly min: string;
  readonly label: string;
}
export interface AwardDraft {
  readonly key: number;
  readonly label: string;
  /** "2", or a share such as "20%". */
  readonly count: string;
  readonly minBand: string;
  readonly allowVeto: boolean;
}
export interface RulesDraft {
  /** The rules the draft started from: keeps what the form does not show (name, veto label, sheet). */
  readonly base: Rules;
  readonly maxScore: string;
  readonly bands: readonly BandDraft[];
  readonly awards: readonly AwardDraft[];
  readonly tieBreak: readonly TieBreak[];
  readonly verifiedAboveSelf: Rules["verifiedAboveSelf"];
}

let nextKey = 1;
const num = (n: number): string => String(n);

export function draftOf(rules: Rules): RulesDraft {
  return {
    base: rules,
    maxScore: num(rules.maxScore),
    bands: rules.bands.map((b) => ({ key: nextKey++, min: num(b.min), label: b.label })),
    awards: rules.awards.map((a) => ({
      key: nextKey++,
      label: a.label,
      count: a.count !== undefined ? num(a.count) : `${Math.round((a.share ?? 0) * 10000) / 100}%`,
      minBand: a.minBand ?? "",
      allowVeto: a.allowVeto === true,
    })),
    tieBreak: rules.tieBreak,
    verifiedAboveSelf: rules.verifiedAboveSelf,
  };
}

function toNumber(s: string): unknown {
  const p = parseNumber(s.trim());
  return p.kind === "number" ? p.value : s.trim() === "" ? undefined : s;
}

/**
 * The draft as rules, validated by the engine's schema (the same one the CLI and the rules
 * sheet use). A count written "20%" is a share of the units.
 */
export function rulesOfDraft(d: RulesDraft): Result<Rules> {
  return parseRules(rulesInputOfDraft(d));
}

/** The draft as the plain rules object the schema validates (numbers parsed, "20%" a share). */
export function rulesInputOfDraft(d: RulesDraft): Record<string, unknown> {
  const { base } = d;
  return {
    ...(base.id !== undefined ? { id: base.id } : {}),
    ...(base.name !== undefined ? { name: base.name } : {}),
    ...(base.vetoLabel !== undefined ? { vetoLabel: base.vetoLabel } : {}),
    ...(base.sheet !== undefined ? { sheet: base.sheet } : {}),
    // The conference's vote rule is kept as it is: the form does not edit it (the rules sheet does).
    ...(base.vote !== undefined ? { vote: base.vote } : {}),
    maxScore: toNumber(d.maxScore),
    bands: d.bands.map((b) => ({ min: toNumber(b.min), label: b.label })),
    awards: d.awards.map((a) => {
      const pct = /^\s*([\d.,]+)\s*%\s*$/.exec(a.count);
      const amount = pct ? { share: Number(toNumber(pct[1] ?? "")) / 100 } : { count: toNumber(a.count) };
      return {
        label: a.label,
        ...amount,
        ...(a.minBand ? { minBand: a.minBand } : {}),
        ...(a.allowVeto ? { allowVeto: true } : {}),
      };
    }),
    tieBreak: [...d.tieBreak],
    verifiedAboveSelf: d.verifiedAboveSelf,
  };
}

export interface RulesStepState {
  readonly draft: RulesDraft | null;
  readonly dirty: boolean;
  readonly issues: readonly Issue[];
  /**
   * The draft's problems by field path ("bands.1.min" → "Mức 2 – Từ điểm phải là một số."),
   * shown on the fields once the user tried to save, and kept current as they edit.
   */
  readonly problems: ReadonlyMap<string, string>;
  /** "saved" after a save, "reloaded" after the sheet changed under a clean form. */
  readonly status: "saved" | "reloaded" | null;
  update(patch: Partial<Omit<RulesDraft, "base">>): void;
  setBand(key: number, patch: Partial<Omit<BandDraft, "key">>): void;
  addBand(): void;
  removeBand(key: number): void;
  setAward(key: number, patch: Partial<Omit<AwardDraft, "key">>): void;
  addAward(): void;
  removeAward(key: number): void;
  toggleTieBreak(t: TieBreak, on: boolean): void;
  applyPreset(id: string): void;
  save(): Promise<void>;
  reload(): Promise<void>;
}

export function useRulesStep(pane: PaneState): RulesStepState {
  const { inspection, adapter, runner, refresh, lang, ask, setUnsaved } = pane;
  const [draft, setDraft] = useState<RulesDraft | null>(inspection ? draftOf(inspection.rules) : null);
  const [dirty, setDirty] = useState(false);
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [status, setStatus] = useState<"saved" | "reloaded" | null>(null);
  const [tried, setTried] = useState(false);
  const problems = useMemo(
    () =>
      new Map(
        draft && tried ? rulesProblems(rulesInputOfDraft(draft), lang).map((p) => [p.path, p.message]) : [],
      ),
    [draft, tried, lang],
  );
  const seen = useRef<string | null>(inspection?.rulesSignature ?? null);
  const dirtyRef = useRef(false);
  dirtyRef.current = dirty;
  /** Set while the pane itself rewrites the rules sheet: that change is no "hand edit". */
  const ownWrite = useRef(false);

  // A new read of the workbook: take its rules unless the user is editing; say so when the
  // rules sheet itself changed (someone edited it by hand).
  useEffect(() => {
    if (!inspection) return;
    const changed = seen.current !== null && seen.current !== inspection.rulesSignature;
    const first = seen.current === null;
    seen.current = inspection.rulesSignature;
    if (dirtyRef.current) return;
    const own = ownWrite.current;
    ownWrite.current = false;
    if (first || changed || draft === null) {
      setDraft(draftOf(inspection.rules));
      setIssues(inspection.rulesIssues);
      if (changed && !own) setStatus("reloaded");
    }
  }, [inspection]);

  useEffect(() => setUnsaved("rules", dirty), [dirty, setUnsaved]);

  const edit = useCallback((f: (d: RulesDraft) => RulesDraft) => {
    setDraft((d) => (d ? f(d) : d));
    setDirty(true);
    setStatus(null);
  }, []);

  const save = useCallback(async () => {
    if (!draft) return;
    // Saving is refused while any field has a problem; each is shown on its field.
    setTried(true);
    if (rulesProblems(rulesInputOfDraft(draft), lang).length > 0) return;
    const parsed = rulesOfDraft(draft);
    if (!parsed.ok) {
      setIssues(parsed.issues);
      return;
    }
    setIssues([]);
    const done = await runner.run("rulesSave", async () => {
      await adapter.saveRules(parsed.value);
      return true;
    });
    if (done) {
      setDirty(false);
      dirtyRef.current = false;
      setStatus("saved");
      ownWrite.current = true;
      await refresh(inspection?.sheet);
    }
  }, [draft, adapter, runner, refresh, inspection, lang]);

  const reload = useCallback(async () => {
    if (dirtyRef.current) {
      const yes = await ask({
        title: uiText(lang, "discardTitle"),
        body: uiText(lang, "discardRules"),
        choices: [{ value: "discard", label: uiText(lang, "discardConfirm"), primary: true }],
      });
      if (yes !== "discard") return;
    }
    setDirty(false);
    dirtyRef.current = false;
    setTried(false);
    const i = await refresh(inspection?.sheet);
    if (i) {
      setDraft(draftOf(i.rules));
      setIssues(i.rulesIssues);
      setStatus(null);
    }
  }, [refresh, inspection, ask, lang]);

  return {
    draft,
    dirty,
    issues,
    problems,
    status,
    update: (patch) => edit((d) => ({ ...d, ...patch })),
    setBand: (key, patch) =>
      edit((d) => ({ ...d, bands: d.bands.map((b) => (b.key === key ? { ...b, ...patch } : b)) })),
    addBand: () => edit((d) => ({ ...d, bands: [...d.bands, { key: nextKey++, min: "", label: "" }] })),
    removeBand: (key) => edit((d) => ({ ...d, bands: d.bands.filter((b) => b.key !== key) })),
    setAward: (key, patch) =>
      edit((d) => ({ ...d, awards: d.awards.map((a) => (a.key === key ? { ...a, ...patch } : a)) })),
    addAward: () =>
      edit((d) => ({
        ...d,
        awards: [...d.awards, { key: nextKey++, label: "", count: "1", minBand: "", allowVeto: false }],
      })),
    removeAward: (key) => edit((d) => ({ ...d, awards: d.awards.filter((a) => a.key !== key) })),
    toggleTieBreak: (t, on) =>
      edit((d) => ({
        ...d,
        tieBreak: on ? [...d.tieBreak.filter((x) => x !== t), t] : d.tieBreak.filter((x) => x !== t),
      })),
    applyPreset: (id) => edit(() => draftOf(presetRules(id))),
    save,
    reload,
  };
}
