import { useCallback, useEffect, useRef, useState } from "react";
import {
  NOTICE_GAP_LABELS,
  SEED_000_NOTICE_FIELDS,
  noticeFormFields,
  noticeGaps,
  noticeSigner,
  quoteSheet,
  uiText,
  type NoticeFields,
  type RankOutcome,
} from "../core";

/** The labels of the fields a notice may lack (as the form names them; one table with the CLI). */
export const GAP_LABELS = NOTICE_GAP_LABELS;
import type { PaneState } from "./usePane";

export type FieldKey = keyof NoticeFields;
export const LIST_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>([
  "recipients",
  "bases",
  "distribution",
  "signerTitle",
]);
export type NoticeDraft = Record<FieldKey, string>;

export function noticeDraftOf(f: NoticeFields): NoticeDraft {
  const out = {} as NoticeDraft;
  for (const [k, v] of Object.entries(f) as [FieldKey, string | readonly string[]][]) {
    out[k] = typeof v === "string" ? v : v.join("\n");
  }
  return out;
}

/** The form as fields: list fields one item a line, blank lines dropped. */
export function fieldsOfDraft(d: NoticeDraft): NoticeFields {
  const list = (k: FieldKey) =>
    d[k]
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
  return {
    parentBody: d.parentBody.trim(),
    issuingBody: d.issuingBody.trim(),
    number: d.number.trim(),
    symbol: d.symbol.trim(),
    place: d.place.trim(),
    day: d.day.trim(),
    month: d.month.trim(),
    year: d.year.trim(),
    subject: d.subject.trim(),
    recipients: list("recipients"),
    bases: list("bases"),
    intro: d.intro.trim(),
    closing: d.closing.trim(),
    distribution: list("distribution"),
    signerTitle: list("signerTitle"),
    signerName: d.signerName.trim(),
  };
}

/**
 * What the notice still lacks once signed as it will be: a blank signer is the Cụm trưởng of the
 * member list (`noticeSigner`, the rule every document follows), so it is no gap then.
 */
export function signedNoticeGaps(fields: NoticeFields, ranking: RankOutcome | null): (keyof NoticeFields)[] {
  const s = noticeSigner(ranking, fields);
  return noticeGaps({ ...fields, signerTitle: s.signerTitle, signerName: s.signerName });
}

export interface NoticeStepState {
  readonly draft: NoticeDraft | null;
  readonly dirty: boolean;
  /** "saved", the sheet written, or "blocked" when the table's errors stopped it. */
  readonly status:
    | { kind: "saved" }
    | { kind: "written"; sheet: string }
    | { kind: "blocked" }
    | { kind: "kept"; sheets: readonly string[] }
    | null;
  set(key: FieldKey, value: string): void;
  fillSeed(): Promise<void>;
  save(): Promise<void>;
  generate(): Promise<void>;
}

/** The Notice step: the document's fields, remembered in the workbook, and "Generate notice". */
export function useNoticeStep(pane: PaneState): NoticeStepState {
  const { inspection, adapter, runner, request, setOutcome, lang, ask, setUnsaved, writeAsking } = pane;
  const [draft, setDraft] = useState<NoticeDraft | null>(
    inspection
      ? noticeDraftOf(noticeFormFields(inspection.noticeFields, inspection.noticeFieldsSaved))
      : null,
  );
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<NoticeStepState["status"]>(null);
  const dirtyRef = useRef(false);
  dirtyRef.current = dirty;

  useEffect(() => {
    if (inspection && !dirtyRef.current)
      setDraft(noticeDraftOf(noticeFormFields(inspection.noticeFields, inspection.noticeFieldsSaved)));
  }, [inspection]);

  useEffect(() => setUnsaved("notice", dirty), [dirty, setUnsaved]);

  const set = useCallback((key: FieldKey, value: string) => {
    setDraft((d) => (d ? { ...d, [key]: value } : d));
    setDirty(true);
    setStatus(null);
  }, []);

  const save = useCallback(async () => {
    if (!draft) return;
    const fields = fieldsOfDraft(draft);
    const done = await runner.run("noticeSave", async () => {
      await adapter.saveNoticeFields(fields);
      return true;
    });
    if (done) {
      setDirty(false);
      setStatus({ kind: "saved" });
    }
  }, [draft, adapter, runner]);

  const generate = useCallback(async () => {
    if (!draft) return;
    const fields = fieldsOfDraft(draft);
    const gaps = signedNoticeGaps(fields, pane.outcome?.ranking ?? null);
    if (gaps.length > 0) {
      const names = gaps.map((g) => uiText(lang, GAP_LABELS[g] ?? "fieldSubject")).join(", ");
      const yes = await ask({
        title: uiText(lang, "noticeDraftTitle"),
        body: uiText(lang, "noticeDraftBody", { fields: names }),
        choices: [{ value: "draft", label: uiText(lang, "noticeDraftConfirm"), primary: true }],
      });
      if (yes !== "draft") return;
    }
    setStatus(null);
    const out = await writeAsking("noticeGenerate", async (onEdited) => {
      await adapter.saveNoticeFields(fields);
      const o = await adapter.generateNotice({ ...request(), fields, ...(onEdited ? { onEdited } : {}) });
      const sheet = o.ok ? o.written[0] : undefined;
      if (sheet) await adapter.selectCell(`${quoteSheet(sheet)}!A1`);
      return o;
    });
    if (!out) return;
    if ("kept" in out) {
      setDirty(false);
      setStatus({ kind: "kept", sheets: out.kept });
      return;
    }
    setDirty(false);
    setOutcome("notice", out);
    const sheet = out.written[0];
    setStatus(out.ok && sheet ? { kind: "written", sheet } : { kind: "blocked" });
  }, [draft, adapter, writeAsking, request, setOutcome, ask, lang]);

  return {
    draft,
    dirty,
    status,
    set,
    fillSeed: async () => {
      if (dirtyRef.current) {
        const yes = await ask({
          title: uiText(lang, "discardTitle"),
          body: uiText(lang, "discardNotice"),
          choices: [{ value: "discard", label: uiText(lang, "discardConfirm"), primary: true }],
        });
        if (yes !== "discard") return;
      }
      setDraft(noticeDraftOf(SEED_000_NOTICE_FIELDS));
      setDirty(true);
      setStatus(null);
    },
    save,
    generate,
  };
}
