/**
 * The CLI's side of reading a workbook: it opens the file the user named, telling a wrong path
 * from an unreadable file, and hands the bytes to the shared reader in src/xlsx together with
 * Node's native zlib, which inflates and checksums a big sheet several times faster than the
 * portable fflate + table CRC the reader uses on its own.
 */
import { readFile } from "node:fs/promises";
import * as zlib from "node:zlib";
import {
  probeWorkbookBytes,
  readWorkbookBytes,
  type ProbeOutcome,
  type ReadBytesOptions,
  type ReadOutcome,
  type WorkbookReadError,
} from "../../xlsx";

const NODE_CODEC: ReadBytesOptions = {
  inflateRaw: zlib.inflateRawSync,
  // zlib's native CRC-32 exists from Node 20.15 on; on older 20.x the reader's table one is used.
  crc32: (zlib as { crc32?: (data: Uint8Array) => number }).crc32,
};

/** The bytes of the file at `path`, or the read error (`not-found`, `unreadable`) a bad path gives. */
async function readInputFile(
  path: string,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; error: WorkbookReadError }> {
  try {
    return { ok: true, bytes: await readFile(path) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const detail = (err as Error).message;
    if (code === "ENOENT" || code === "ENOTDIR") {
      return { ok: false, error: { code: "not-found", path, detail } };
    }
    // A folder where a file was expected: say so, "not found" would send the user looking for it.
    if (code === "EISDIR") {
      return { ok: false, error: { code: "is-folder", path, detail: "the path is a folder, not a file" } };
    }
    return { ok: false, error: { code: "unreadable", path, detail } };
  }
}

/**
 * Reads a file and decides whether it is an .xlsx EMU can read, keeping the opened package
 * (the writer hands its bytes to exceljs). Never throws for a bad file: every problem becomes
 * a `WorkbookReadError` (not-found, not-xlsx, truncated, encrypted, unreadable).
 */
export async function probeWorkbookFile(path: string): Promise<ProbeOutcome> {
  const input = await readInputFile(path);
  return input.ok ? probeWorkbookBytes(input.bytes, path, NODE_CODEC) : input;
}

/**
 * Reads every worksheet of an .xlsx as values. Never throws for a bad file: a missing file,
 * a CSV or legacy .xls, a truncated download, a password-protected workbook or a damaged
 * one, or one without any worksheet, each come back as `{ ok: false, error }` with its own code.
 * Chart sheets are skipped.
 */
export async function readWorkbook(path: string): Promise<ReadOutcome> {
  const input = await readInputFile(path);
  return input.ok ? readWorkbookBytes(input.bytes, path, NODE_CODEC) : input;
}
