import { useCallback, useEffect, useState } from "react";
import { subscribe } from "../app/session";
import type { UiTextKey } from "../core";
import type { YearDocumentKind, YearInfo } from "./adapter";
import { downloadDocx } from "./NoticeWordButtons";
import type { PaneState } from "./usePane";

/** What the last action of the panel said. */
export type YearMessage = {
  readonly intent: "success" | "warning";
  readonly keys: readonly [UiTextKey, Record<string, string | number>?][];
};

export interface YearPanelState {
  /** Null until read, or when the adapter has no year operations. */
  readonly info: YearInfo | null;
  readonly message: YearMessage | null;
  reload(): Promise<void>;
  createList(): Promise<void>;
  write(kind: YearDocumentKind): Promise<void>;
  /** Downloads the document as a Word file (the same one `emu … --docx` writes). */
  word(kind: YearDocumentKind): Promise<void>;
}

const REASON_KEY: Readonly<Record<string, UiTextKey>> = {
  "none-missing": "yearNoneMissing",
  "no-member-list": "yearNoMemberList",
  "no-members": "yearNoMembers",
  "no-units": "yearNoMembers",
  "no-deadline": "yearNoDeadline",
  "bad-deadline": "yearBadDeadline",
};

/**
 * Step 6's members and tracking: reads the member list and who has returned the forms whenever
 * the pane reads the workbook again, creates the list on request, writes the call, the reminder
 * and the pledge (the same use cases as `emu members`, `emu track`, `emu call`, `emu remind`,
 * `emu pledge`).
 */
export function useYearPanel(pane: PaneState): YearPanelState {
  const { adapter, runner, inspection } = pane;
  const [info, setInfo] = useState<YearInfo | null>(null);
  const [message, setMessage] = useState<YearMessage | null>(null);

  // A passive read beside the step's own (not through the runner, which runs one operation at a
  // time and would skip the Forms step's read): a failure leaves the panel as it was.
  const reload = useCallback(async () => {
    const read = adapter.yearInfo;
    if (!read) return;
    try {
      setInfo(await read());
    } catch {
      // The panel keeps its last read; the user's actions still report their own failures.
    }
  }, [adapter]);

  useEffect(() => {
    void reload();
  }, [inspection]);

  const createList = useCallback(async () => {
    const create = adapter.createMembers;
    if (!create) return;
    const out = await runner.run("yearCreateList", () => create());
    if (!out) return;
    setMessage(
      out.ok
        ? { intent: "success", keys: [["yearListMade", { sheet: out.sheet }]] }
        : { intent: "warning", keys: [[REASON_KEY[out.reason] ?? "yearNoMembers"]] },
    );
    await reload();
  }, [adapter, runner, reload]);

  const write = useCallback(
    async (kind: YearDocumentKind) => {
      const w = adapter.writeYearDocument;
      if (!w) return;
      const label: UiTextKey =
        kind === "call" ? "yearCall" : kind === "reminder" ? "yearRemind" : "yearPledge";
      const out = await runner.run(label, () => w(kind));
      if (!out) return;
      setMessage(writtenMessage(out));
      await reload();
    },
    [adapter, runner, reload],
  );

  const word = useCallback(
    async (kind: YearDocumentKind) => {
      const get = adapter.yearWordDocument;
      if (!get) return;
      const label: UiTextKey =
        kind === "call" ? "yearCall" : kind === "reminder" ? "yearRemind" : "yearPledge";
      const out = await runner.run(label, async () => {
        const made = await get(kind);
        // The Word writer's chunk is loaded by downloadDocx on first use.
        if (made.ok) await downloadDocx(made.document, made.file);
        return made;
      });
      if (!out) return;
      setMessage(
        out.ok
          ? { intent: "success", keys: [["yearWordSaved", { file: out.file }]] }
          : { intent: "warning", keys: [[REASON_KEY[out.reason] ?? "failed"]] },
      );
    },
    [adapter, runner],
  );

  // The ribbon's "Giao ước" writes the pledge itself and publishes what it wrote.
  useEffect(
    () =>
      subscribe((e) => {
        if (e.kind !== "pledge" || !e.pledge) return;
        setMessage(writtenMessage(e.pledge));
        void reload();
      }),
    [reload],
  );

  return { info, message, reload, createList, write, word };
}

/** What the panel says after a document was written (by its button or the ribbon), or why not. */
function writtenMessage(
  out: { ok: true; sheet: string; fieldsSheet: string | null } | { ok: false; reason: string },
): YearMessage {
  return out.ok
    ? {
        intent: "success",
        keys: [
          ["yearDocMade", { sheet: out.sheet }],
          ...(out.fieldsSheet
            ? [["yearFieldsMade", { sheet: out.fieldsSheet }] as [UiTextKey, Record<string, string>]]
            : []),
        ],
      }
    : { intent: "warning", keys: [[REASON_KEY[out.reason] ?? "failed"]] };
}
