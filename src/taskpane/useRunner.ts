import { useCallback, useRef, useState } from "react";
import type { Lang, UiTextKey } from "../core";
import type { Adapter } from "./adapter";

export interface Notice {
  readonly intent: "success" | "warning" | "error" | "info";
  readonly text: string;
}

export interface Runner {
  /** The running operation's label, or null when idle. */
  readonly busy: UiTextKey | null;
  /** The last operation that ended, and whether it ended without a failure. */
  readonly last: { readonly label: UiTextKey; readonly ok: boolean } | null;
  /** The last failure, explained for the user. */
  readonly error: string | null;
  clearError(): void;
  /** Shows a failure already explained elsewhere (a ribbon command's). */
  report(text: string): void;
  /**
   * Runs one workbook operation at a time: a second click while one runs does nothing (the
   * buttons are disabled too, this guards the keyboard and a fast double click). A failure
   * becomes `error`, shown in a MessageBar; it never escapes into the console alone.
   */
  run<T>(label: UiTextKey, op: () => Promise<T>): Promise<T | undefined>;
}

export function useRunner(adapter: Adapter, lang: Lang): Runner {
  const [busy, setBusy] = useState<UiTextKey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [last, setLast] = useState<Runner["last"]>(null);
  const running = useRef(false);
  const run = useCallback(
    async <T>(label: UiTextKey, op: () => Promise<T>): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(label);
      setError(null);
      try {
        const out = await op();
        setLast({ label, ok: true });
        return out;
      } catch (e) {
        setError(adapter.explain(e, lang));
        setLast({ label, ok: false });
        return undefined;
      } finally {
        running.current = false;
        setBusy(null);
      }
    },
    [adapter, lang],
  );
  const clearError = useCallback(() => setError(null), []);
  const report = useCallback((text: string) => setError(text), []);
  return { busy, last, error, clearError, report, run };
}
