/**
 * Errors the CLI meets when it reads or writes a workbook file, as data, and the one-line
 * messages users see for them. The reader and the writer share one union so the CLI has a
 * single place that turns any file problem into words. Read errors, and their words, belong
 * to the shared reader in src/xlsx, so the pane says the same about the same file.
 */
import type { Lang } from "../../core/types";
import { readErrorMessage, type WorkbookReadError } from "../../xlsx";

/** Why an output file was not written. */
export type WriteErrorCode = "exists" | "same-file" | "sheet-exists" | "write-failed" | "sheet-not-copied";

/** A problem writing an output workbook. */
export interface WorkbookWriteError {
  readonly code: WriteErrorCode;
  readonly path: string;
  readonly detail?: string;
  /** For `sheet-exists`: the sheet name that clashes; for `sheet-not-copied`: the sheet the copy would lose. */
  readonly sheet?: string;
}

/** Any file problem the CLI's workbook I/O can report. */
export type WorkbookIoError = WorkbookReadError | WorkbookWriteError;

/**
 * One clear line, in Vietnamese or English, that names the file and says what to do.
 * `detail` is deliberately left out: it is technical English, meant for logs and `--verbose`.
 * @example ioErrorMessage({ code: "not-found", path: "x.xlsx" }, "vi")
 * //=> 'Không tìm thấy tệp "x.xlsx". Hãy kiểm tra lại đường dẫn.'
 */
export function ioErrorMessage(e: WorkbookIoError, lang: Lang): string {
  const f = e.path;
  const vi = lang === "vi";
  switch (e.code) {
    case "exists":
      return vi
        ? `Tệp "${f}" đã có. Hãy chọn tên tệp khác, hoặc thêm --force để ghi đè.`
        : `"${f}" already exists. Choose another file name, or add --force to overwrite it.`;
    case "same-file":
      return vi
        ? `Tệp kết quả "${f}" trùng với tệp đầu vào; EMU không ghi đè lên tệp gốc. Hãy chọn tên tệp kết quả khác.`
        : `The output "${f}" is the input file; EMU never writes over the original. Choose another output file name.`;
    case "sheet-exists":
      return vi
        ? `Sổ làm việc đã có trang tính "${e.sheet ?? ""}" không do EMU tạo, nên tệp "${f}" chưa được ghi. Hãy đổi tên trang tính đó rồi thử lại.`
        : `The workbook already has a sheet "${e.sheet ?? ""}" that EMU did not create, so "${f}" was not written. Rename that sheet and try again.`;
    case "sheet-not-copied":
      return vi
        ? `Chưa ghi tệp "${f}": bản sao sẽ thiếu hoặc sai trang "${e.sheet ?? ""}" của sổ làm việc gốc, nên EMU không ghi gì. Tệp gốc vẫn nguyên; hãy mở tệp gốc trong Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi chạy lại.`
        : `"${f}" was not written: the copy would lose or change the sheet "${e.sheet ?? ""}" of the original workbook, so EMU wrote nothing. The original is unchanged; open it in Excel or LibreOffice, save it as .xlsx, and run again.`;
    case "write-failed":
      return vi
        ? `Không ghi được tệp "${f}". Hãy kiểm tra quyền ghi vào thư mục, đóng tệp nếu đang mở trong Excel rồi thử lại.`
        : `Could not write "${f}". Check that the folder is writable, close the file if it is open in Excel, and try again.`;
    default:
      return readErrorMessage(e, lang);
  }
}

/** Kinds of workbook content a copy written through exceljs loses (the original keeps them). */
export type NotCopied = "charts" | "pivot-tables" | "macros" | "slicers" | "external-links";

const NOT_COPIED_NAMES: Record<NotCopied, Record<Lang, string>> = {
  charts: { vi: "biểu đồ", en: "charts" },
  "pivot-tables": { vi: "bảng tổng hợp (PivotTable)", en: "pivot tables" },
  macros: { vi: "macro", en: "macros" },
  slicers: { vi: "bộ lọc slicer", en: "slicers" },
  "external-links": { vi: "liên kết tới tệp khác", en: "links to other workbooks" },
};

/**
 * One line telling the user what the written copy lacks compared with the original, e.g.
 * after `writeWorkbookCopy` returned `notCopied`. Empty string when nothing was lost.
 * @example notCopiedMessage(["charts"], "out.xlsx", "en")
 * //=> 'Note: "out.xlsx" does not contain the charts of the original workbook; the original is unchanged.'
 */
export function notCopiedMessage(items: readonly NotCopied[], outPath: string, lang: Lang): string {
  if (items.length === 0) return "";
  const list = items.map((i) => NOT_COPIED_NAMES[i][lang]).join(", ");
  return lang === "vi"
    ? `Lưu ý: tệp "${outPath}" không có ${list} của sổ làm việc gốc; tệp gốc vẫn giữ nguyên.`
    : `Note: "${outPath}" does not contain the ${list} of the original workbook; the original is unchanged.`;
}
