/**
 * The CLI's workbook I/O: read an .xlsx as value grids, write a copy with EMU's sheets, and
 * turn any file problem into one line for the user. Other modules import from here. Reading
 * itself is the platform-neutral reader in src/xlsx, which the pane shares; this is its Node
 * shell (paths, native zlib) plus the exceljs writer.
 */
export { ioErrorMessage, notCopiedMessage } from "./io-error";
export type { NotCopied, WorkbookIoError, WorkbookWriteError, WriteErrorCode } from "./io-error";
export { MAX_GRID_CELLS } from "../../xlsx";
export type { FoundFormat, ReadErrorCode, ReadOutcome, SheetData, WorkbookReadError } from "../../xlsx";
export { readWorkbook } from "./read-workbook";
export {
  renderSheetModel,
  writeFileBytes,
  writeGridsXlsx,
  writeModelsXlsx,
  writeWorkbookCopy,
} from "./write-workbook";
export type { GridSheet, WriteCopyOptions, WriteOutcome } from "./write-workbook";
