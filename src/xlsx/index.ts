/**
 * The .xlsx reader shared by the CLI and the task pane: bytes in, value grids (or a classified
 * error with its one-line message) out. Platform-neutral on purpose: no Node modules, no
 * Buffer, no DOM, so it runs in Node, in jest and in every browser Excel's pane runs in.
 * Reading the file (a path, an `<input type=file>`) is the caller's job.
 */
export { MAX_GRID_CELLS, readWorkbookBytes } from "./read-workbook";
export type { ReadBytesOptions, ReadOutcome, SheetData } from "./read-workbook";
export { readErrorMessage } from "./read-error";
export type { FoundFormat, ReadErrorCode, WorkbookReadError } from "./read-error";
/** The opened package itself, for a caller that goes on to load it whole (the CLI's writer). */
export { probeWorkbookBytes } from "./sniff";
export type { OpenedWorkbook, ProbeOutcome } from "./sniff";
export type { ZipArchive, ZipCodec } from "./zip";
