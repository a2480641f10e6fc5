/* global Excel */
import type { Lang } from "../core";

/**
 * The one wrapper that owns the host's failure modes: it retries while the user is editing a
 * cell (every call fails with InvalidOperationInCellEditMode then), and turns Office errors into
 * a typed `HostError` the ribbon and the pane can explain in the user's language.
 */

export type HostErrorKind = "cell-edit" | "payload" | "not-found" | "busy" | "protected" | "unknown";

export class HostError extends Error {
  constructor(
    readonly kind: HostErrorKind,
    readonly code: string,
    detail: string,
  ) {
    super(detail);
    this.name = "HostError";
  }
}

const MESSAGES: Readonly<Record<HostErrorKind, Record<Lang, string>>> = {
  "cell-edit": {
    vi: "Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa rồi thử lại.",
    en: "Excel is in cell-edit mode. Press Enter or Esc to leave the cell you are editing, then try again.",
  },
  payload: {
    vi: "Dữ liệu quá lớn để Excel nhận trong một lần. Sổ làm việc không bị thay đổi; hãy thử lại hoặc chia nhỏ bảng.",
    en: "The data is too large for Excel to take in one request. The workbook was not changed; try again or split the table.",
  },
  "not-found": {
    vi: "Không tìm thấy trang tính hoặc vùng cần dùng; có thể nó vừa bị đổi tên hoặc xóa. Sổ làm việc không bị thay đổi.",
    en: "A sheet or range EMU needed was not found; it may have been renamed or deleted. The workbook was not changed.",
  },
  busy: {
    vi: "Excel đang bận. Hãy đợi vài giây rồi thử lại.",
    en: "Excel is busy. Wait a few seconds and try again.",
  },
  protected: {
    vi: "Một trang tính đang được bảo vệ (Protect Sheet) nên EMU không ghi được vào ô cần ghi. Hãy bỏ bảo vệ trang đó (Xem lại → Bỏ bảo vệ trang tính) rồi chạy lại.",
    en: "A sheet is protected (Protect Sheet), so EMU could not write to a cell it needed. Unprotect that sheet (Review → Unprotect Sheet) and run again.",
  },
  unknown: {
    vi: "Excel báo lỗi khi EMU làm việc với sổ làm việc",
    en: "Excel reported an error while EMU was working on the workbook",
  },
};

/** The user-facing explanation of a host error. */
export function hostErrorMessage(e: unknown, lang: Lang): string {
  const he = toHostError(e);
  const base = MESSAGES[he.kind][lang];
  return he.kind === "unknown" ? `${base}: ${he.message}` : base;
}

/** Classifies anything thrown by Excel.run / context.sync. */
export function toHostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const err = (e ?? {}) as { code?: unknown; message?: unknown; debugInfo?: { code?: unknown } };
  const code = String(err.code ?? err.debugInfo?.code ?? "");
  const message = String(err.message ?? e);
  if (code === "InvalidOperationInCellEditMode") return new HostError("cell-edit", code, message);
  if (
    code === "RequestPayloadSizeLimitExceeded" ||
    code === "ResponsePayloadSizeLimitExceeded" ||
    /payload/i.test(code)
  )
    return new HostError("payload", code, message);
  if (code === "ItemNotFound") return new HostError("not-found", code, message);
  // Excel's answer to a write into a locked cell of a protected sheet.
  if (code === "AccessDenied") return new HostError("protected", code, message);
  if (code === "ActivityLimitReached" || code === "ServiceNotAvailable" || code === "Conflict")
    return new HostError("busy", code, message);
  return new HostError("unknown", code || "Unknown", message);
}

export interface RunOptions {
  /** How many times to try while the user is editing a cell. */
  readonly attempts?: number;
  /** Delay between attempts, ms. */
  readonly delayMs?: number;
  /** Injected for tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a batch against the workbook, retrying while the user is editing a cell.
 * @example await runExcel((context) => readSomething(context))
 */
export async function runExcel<T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  opts: RunOptions = {},
): Promise<T> {
  const attempts = opts.attempts ?? 4;
  const sleep = opts.sleep ?? defaultSleep;
  for (let i = 1; ; i++) {
    try {
      return await Excel.run(batch);
    } catch (e) {
      const he = toHostError(e);
      if (he.kind !== "cell-edit" || i >= attempts) throw he;
      await sleep((opts.delayMs ?? 400) * i);
    }
  }
}
