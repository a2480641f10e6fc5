/**
 * Why a workbook could not be read, as data, and the one-line message users see for it. It
 * lives with the reader so the CLI and the task pane say the same thing, in the same words,
 * about the same file problem.
 */
import type { Lang } from "../core/types";

/**
 * Why an input file could not be read as a workbook. The byte reader never reports
 * `not-found`: only a caller that opens files by path (the CLI) can meet a wrong path.
 */
export type ReadErrorCode =
  | "not-found"
  | "not-xlsx"
  | "truncated"
  | "encrypted"
  | "unreadable"
  | "no-sheets"
  // A folder where the workbook was expected (only the CLI, which opens paths, meets one).
  | "is-folder";

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
  /**
   * The file as the caller names it (the path the user typed to the CLI, the file name the
   * user picked in the pane), so the message names the file the user knows.
   */
  readonly path: string;
  /** Technical detail for logs and `--verbose`; never shown as the main message. */
  readonly detail?: string;
  /** For `not-xlsx`: what the file is instead, when known. */
  readonly format?: FoundFormat;
  /** For `unreadable` about one sheet: its name. */
  readonly sheet?: string;
}

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
 * @example readErrorMessage({ code: "not-found", path: "x.xlsx" }, "vi")
 * //=> 'Không tìm thấy tệp "x.xlsx". Hãy kiểm tra lại đường dẫn.'
 */
export function readErrorMessage(e: WorkbookReadError, lang: Lang): string {
  const f = e.path;
  const vi = lang === "vi";
  switch (e.code) {
    case "not-found":
      return vi
        ? `Không tìm thấy tệp "${f}". Hãy kiểm tra lại đường dẫn.`
        : `File "${f}" was not found. Check the path.`;
    case "is-folder":
      return vi
        ? `"${f}" là một thư mục, không phải tệp. Hãy chỉ ra tệp .xlsx trong thư mục đó, ví dụ "${f.replace(/[\\/]+$/, "")}/bang-diem.xlsx".`
        : `"${f}" is a folder, not a file. Name the .xlsx file inside it, e.g. "${f.replace(/[\\/]+$/, "")}/scores.xlsx".`;
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
  }
}
