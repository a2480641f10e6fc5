/**
 * The CLI's workbook I/O: read an .xlsx as value grids, write a copy with EMU's sheets, and
 * turn any file problem into one line for the user. Other modules import from here. Reading
 * itself is the platform-neutral reader in src/xlsx, which the pane shares; this is its Node
 * shell (paths, native zlib) plus the exceljs writer.
 *
 * The writer is loaded only when something is written (`--out`, `emu form`): exceljs alone
 * takes ~0.3 s to require, three times a bare `node` start, and `emu --help`, `emu validate`
 * and `emu rank` without `--out` never need it. esbuild keeps a dynamically imported module
 * in the same file but runs its top level (and so `require("exceljs")`) only on first call.
 */
import type * as Writer from "./write-workbook";

export { ioErrorMessage, notCopiedMessage } from "./io-error";
export type { NotCopied, WorkbookIoError, WorkbookWriteError, WriteErrorCode } from "./io-error";
export { MAX_GRID_CELLS } from "../../xlsx";
export type { FoundFormat, ReadErrorCode, ReadOutcome, SheetData, WorkbookReadError } from "../../xlsx";
export { readWorkbook } from "./read-workbook";
export type { GridSheet, WriteCopyOptions, WriteOutcome } from "./write-workbook";

let writer: Promise<typeof Writer> | undefined;
const loadWriter = (): Promise<typeof Writer> => (writer ??= import("./write-workbook"));

/** `writeWorkbookCopy` from ./write-workbook, loaded on first use. */
export const writeWorkbookCopy: typeof Writer.writeWorkbookCopy = async (...args) =>
  (await loadWriter()).writeWorkbookCopy(...args);
/** `writeFileBytes` from ./write-workbook (the notice as .docx), loaded on first use. */
export const writeFileBytes: typeof Writer.writeFileBytes = async (...args) =>
  (await loadWriter()).writeFileBytes(...args);
/** `writeModelsXlsx` from ./write-workbook, loaded on first use. */
export const writeModelsXlsx: typeof Writer.writeModelsXlsx = async (...args) =>
  (await loadWriter()).writeModelsXlsx(...args);
/** `writeGridsXlsx` from ./write-workbook, loaded on first use. */
export const writeGridsXlsx: typeof Writer.writeGridsXlsx = async (...args) =>
  (await loadWriter()).writeGridsXlsx(...args);
