import { DEFAULT_NOTICE_FIELDS, type NoticeFields } from "./notice-fields";
import { fieldsFromGrid, fieldsGrid, type FieldSpec } from "./fields-sheet";
import { foldKey } from "./text";
import type { CellValue, Grid } from "./types";

/**
 * The notice's fields as a sheet people can read and edit ("Thông tin thông báo"): one row per
 * field, list fields (Kính gửi, Căn cứ, Nơi nhận, signer title) one row per line. The pane
 * saves the form here, so the next notice starts from the last one.
 */
export const NOTICE_FIELDS_SHEET_NAME = "Thông tin thông báo";

type ListKey = "recipients" | "bases" | "distribution" | "signerTitle";

const LABELS: ReadonlyArray<readonly [keyof NoticeFields, string]> = [
  ["parentBody", "Cơ quan chủ quản"],
  ["issuingBody", "Cơ quan ban hành"],
  ["number", "Số"],
  ["symbol", "Ký hiệu"],
  ["place", "Địa danh"],
  ["day", "Ngày"],
  ["month", "Tháng"],
  ["year", "Năm"],
  ["subject", "Trích yếu (V/v)"],
  ["recipients", "Kính gửi"],
  ["bases", "Căn cứ"],
  ["intro", "Câu dẫn trước bảng"],
  ["closing", "Câu kết"],
  ["distribution", "Nơi nhận"],
  ["signerTitle", "Chức vụ người ký"],
  ["signerName", "Người ký"],
];
const LIST_KEYS: ReadonlySet<string> = new Set<ListKey>([
  "recipients",
  "bases",
  "distribution",
  "signerTitle",
]);

/** The Vietnamese label of a field (also used by the pane's form). */
export function noticeFieldLabel(key: keyof NoticeFields): string {
  return LABELS.find(([k]) => k === key)?.[1] ?? key;
}

/** The sheet's rows, read and written by the shared fields-sheet reader. */
const SPECS: readonly FieldSpec<NoticeFields>[] = LABELS.map(([key, label]) =>
  LIST_KEYS.has(key) ? { key, label, list: true } : { key, label },
);

export function isNoticeFieldsSheet(name: string): boolean {
  return foldKey(name) === foldKey(NOTICE_FIELDS_SHEET_NAME);
}

/**
 * Reads the fields sheet. Fields it lacks keep the defaults; a row with a blank label continues
 * the list above it (people press Alt+Enter or add a row — both work).
 * @example noticeFieldsFromGrid(noticeFieldsGrid(SEED_000_NOTICE_FIELDS)).signerName //=> "Vũ Hùng Dũng"
 */
export function noticeFieldsFromGrid(grid: Grid, base: NoticeFields = DEFAULT_NOTICE_FIELDS): NoticeFields {
  return fieldsFromGrid(grid, SPECS, base);
}

/**
 * The fields as the sheet's rows.
 * @example noticeFieldsGrid(DEFAULT_NOTICE_FIELDS)[2] //=> ["Mục", "Nội dung"]
 */
export function noticeFieldsGrid(fields: NoticeFields): CellValue[][] {
  return fieldsGrid(
    "THÔNG TIN THÔNG BÁO",
    "EMU dùng các dòng dưới đây để tạo trang Thông báo. Sửa ở cột B; mục nhiều dòng (Kính gửi, Căn cứ, Nơi nhận, Chức vụ người ký) thì mỗi dòng một ý.",
    SPECS,
    fields,
  );
}

/**
 * The notice fields saved in the workbook, or the default template.
 * @example noticeFieldsOf([]) //=> DEFAULT_NOTICE_FIELDS
 */
export function noticeFieldsOf(
  sheets: readonly { readonly name: string; readonly grid: Grid }[],
): NoticeFields {
  const s = sheets.find((x) => isNoticeFieldsSheet(x.name));
  return s ? noticeFieldsFromGrid(s.grid) : DEFAULT_NOTICE_FIELDS;
}
