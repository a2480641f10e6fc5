/**
 * Errors the CLI meets when it reads or writes a workbook file, as data, and the one-line
 * messages users see for them. The reader and the writer share one union so the CLI has a
 * single place that turns any file problem into words.
 */
import type { Lang } from "../../core/types";

/** Why an input file could not be read as a workbook. */
export type ReadErrorCode = "not-found" | "not-xlsx" | "truncated" | "encrypted" | "unreadable" | "no-sheets";

/** Why an output file was not written. */
export type WriteErrorCode = "exists" | "same-file" | "sheet-exists" | "write-failed";

/**
 * What a file that is not an .xlsx turned out to be, when the sniffer could tell. It lets the
 * message say exactly what to do ("save the old .xls as .xlsx") instead of a generic refusal.
 */
export type FoundFormat =
  | "xls" // Excel 97–2003 (OLE compound file or raw BIFF)
  | "xlsb" // Excel binary workbook (a zip, but no XML to read)
  | "ods" // OpenDocument spreadsheet
  | "xml2003" // Excel 2003 "XML Spreadsheet"
  | "html" // an HTML table named .xls, which many reporting systems export
  | "text" // CSV, TXT and other plain text
  | "zip" // some other zip (a .docx, an archive)
  | "ole" // some other OLE compound file (a .doc)
  | "other";

/** A problem reading an input workbook. */
export interface WorkbookReadError {
  readonly code: ReadErrorCode;
  /** The path as the caller gave it, so the message names the file the user typed. */
  readonly path: string;
  /** Technical detail for logs and `--verbose`; never shown as the main message. */
  readonly detail?: string;
  /** For `not-xlsx`: what the file is instead, when known. */
  readonly format?: FoundFormat;
  /** For `unreadable` about one sheet: its name. */
  readonly sheet?: string;
}

/** A problem writing an output workbook. */
export interface WorkbookWriteError {
  readonly code: WriteErrorCode;
  readonly path: string;
  readonly detail?: string;
  /** For `sheet-exists`: the sheet name that clashes. */
  readonly sheet?: string;
}

/** Any file problem the CLI's workbook I/O can report. */
export type WorkbookIoError = WorkbookReadError | WorkbookWriteError;

/** Names of file formats in messages, per language. */
const FORMAT_NAMES: Record<
  Exclude<FoundFormat, "text" | "zip" | "ole" | "other" | "html">,
  Record<Lang, string>
> = {
  xls: { vi: "Excel 97–2003 (.xls) cũ", en: "old Excel 97–2003 (.xls)" },
  xlsb: { vi: "Excel nhị phân (.xlsb)", en: "Excel binary (.xlsb)" },
  ods: { vi: "OpenDocument (.ods)", en: "OpenDocument (.ods)" },
  xml2003: { vi: "Excel 2003 XML", en: "Excel 2003 XML" },
};

function notXlsxMessage(file: string, format: FoundFormat | undefined, lang: Lang): string {
  const saveAs =
    lang === "vi"
      ? "Hãy mở bằng Excel, chọn Tệp → Lưu thành → Sổ làm việc Excel (*.xlsx) rồi thử lại."
      : "Open it in Excel, choose File → Save As → Excel Workbook (*.xlsx), and try again.";
  switch (format) {
    case "xls":
    case "xlsb":
    case "ods":
    case "xml2003": {
      const name = FORMAT_NAMES[format][lang];
      return lang === "vi"
        ? `Tệp "${file}" ở định dạng ${name}, EMU chỉ đọc được .xlsx. ${saveAs}`
        : `"${file}" is in the ${name} format; EMU reads only .xlsx. ${saveAs}`;
    }
    case "html":
      return lang === "vi"
        ? `Tệp "${file}" là trang HTML mang đuôi Excel (thường do phần mềm xuất ra), không phải .xlsx. ${saveAs}`
        : `"${file}" is an HTML page with an Excel extension (as some systems export), not an .xlsx. ${saveAs}`;
    case "text":
      return lang === "vi"
        ? `Tệp "${file}" là tệp văn bản (CSV/TXT), không phải sổ làm việc .xlsx. ${saveAs}`
        : `"${file}" is a text file (CSV/TXT), not an .xlsx workbook. ${saveAs}`;
    default:
      return lang === "vi"
        ? `Tệp "${file}" không phải là sổ làm việc Excel (.xlsx). ${saveAs}`
        : `"${file}" is not an Excel workbook (.xlsx). ${saveAs}`;
  }
}

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
    case "not-found":
      return vi
        ? `Không tìm thấy tệp "${f}". Hãy kiểm tra lại đường dẫn.`
        : `File "${f}" was not found. Check the path.`;
    case "not-xlsx":
      return notXlsxMessage(f, e.format, lang);
    case "truncated":
      return vi
        ? `Tệp "${f}" bị thiếu dữ liệu (có thể chép hoặc tải về chưa xong). Hãy chép hoặc tải lại tệp rồi thử lại.`
        : `"${f}" is incomplete (perhaps a copy or download did not finish). Copy or download it again and retry.`;
    case "encrypted":
      return vi
        ? `Tệp "${f}" được đặt mật khẩu. Hãy mở bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi thử lại.`
        : `"${f}" is password-protected. Open it in Excel, remove the password (File → Info → Protect Workbook), and try again.`;
    case "no-sheets":
      return vi
        ? `Tệp "${f}" không có trang tính nào. Hãy mở bằng Excel, kiểm tra rằng tệp có trang chứa bảng điểm, lưu lại rồi thử lại.`
        : `"${f}" has no worksheet. Open it in Excel, check that it has the sheet with the score table, save it, and try again.`;
    case "unreadable":
      if (e.sheet !== undefined) {
        return vi
          ? `Không đọc được trang tính "${e.sheet}" trong tệp "${f}" (trang quá lớn hoặc bị hỏng). Hãy xóa các ô thừa ở cuối trang, lưu lại bằng Excel rồi thử lại.`
          : `Sheet "${e.sheet}" in "${f}" could not be read (too large or damaged). Clear stray cells at the end of the sheet, save it in Excel, and try again.`;
      }
      return vi
        ? `Không đọc được tệp "${f}" (tệp bị hỏng hoặc không có quyền đọc). Hãy mở bằng Excel, lưu lại rồi thử lại.`
        : `"${f}" could not be read (damaged, or no permission to read it). Open it in Excel, save it again, and retry.`;
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
    case "write-failed":
      return vi
        ? `Không ghi được tệp "${f}". Hãy kiểm tra quyền ghi vào thư mục, đóng tệp nếu đang mở trong Excel rồi thử lại.`
        : `Could not write "${f}". Check that the folder is writable, close the file if it is open in Excel, and try again.`;
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
