/**
 * The CLI's workbook I/O: read an .xlsx as value grids, write a copy with EMU's sheets, and
 * turn any file problem into one line for the user. Other modules import from here.
 */
export { ioErrorMessage, notCopiedMessage } from "./io-error";
export type {
  FoundFormat,
  NotCopied,
  ReadErrorCode,
  WorkbookIoError,
  WorkbookReadError,
  WorkbookWriteError,
  WriteErrorCode,
} from "./io-error";
export { MAX_GRID_CELLS, readWorkbook } from "./read-workbook";
export type { ReadOutcome, SheetData } from "./read-workbook";
export { renderSheetModel, writeGridsXlsx, writeModelsXlsx, writeWorkbookCopy } from "./write-workbook";
export type { GridSheet, WriteCopyOptions, WriteOutcome } from "./write-workbook";
