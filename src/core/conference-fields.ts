import { fieldsFromGrid, fieldsGrid, type FieldSpec } from "./fields-sheet";
import { foldKey } from "./text";
import type { CellValue, Grid } from "./types";

/**
 * The editable text of the conference's documents (biên bản kiểm phiếu, biên bản họp bình xét,
 * tờ trình đề nghị khen thưởng), kept in the workbook like the notice's fields, on the sheet
 * "Thông tin bình xét": one row per field, list fields one row per line. Legal bases are text the
 * user edits, never rules.
 */
export interface ConferenceFields {
  /** Cơ quan chủ quản, e.g. "BỘ KHOA HỌC VÀ CÔNG NGHỆ". */
  readonly parentBody: string;
  /** The cluster, e.g. "CỤM THI ĐUA SỐ 8". */
  readonly issuingBody: string;
  /** The emulation year the conference closes, e.g. "2025". */
  readonly year: string;
  readonly place: string;
  /** The conference's date (day, month, year as text; blank parts stay blank for the clerk). */
  readonly day: string;
  readonly month: string;
  readonly dateYear: string;
  /** "14 giờ 00". */
  readonly time: string;
  /** Where the meeting is held. */
  readonly venue: string;
  /** "bỏ phiếu kín" or "biểu quyết". */
  readonly voteForm: string;
  readonly chairName: string;
  /** E.g. "Giám đốc Sở TT&TT Long An, Cụm trưởng". */
  readonly chairTitle: string;
  readonly secretaryName: string;
  readonly secretaryTitle: string;
  /** Ban kiểm phiếu, one member a line: "Ông Nguyễn Văn A, Sở … – Trưởng ban". */
  readonly countingCommittee: readonly string[];
  /** What the meeting dealt with, one paragraph a line. */
  readonly content: readonly string[];
  /** Số / ký hiệu of the tờ trình: "TTr-CTĐ8". */
  readonly proposalNumber: string;
  readonly proposalSymbol: string;
  /** Kính gửi of the tờ trình (the awarding authority's council). */
  readonly recipients: readonly string[];
  /** Căn cứ … of the tờ trình. */
  readonly bases: readonly string[];
  /** Who awards, as the tờ trình asks: "Bộ trưởng Bộ Khoa học và Công nghệ". */
  readonly awardingAuthority: string;
  readonly distribution: readonly string[];
  /** E.g. ["TM. CỤM THI ĐUA SỐ 8", "CỤM TRƯỞNG"]. */
  readonly signerTitle: readonly string[];
  readonly signerName: string;
}

/** The law in force (2025): editable text, never a rule. */
export const DEFAULT_LEGAL_BASES: readonly string[] = [
  "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
  "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;",
  "Căn cứ Quy chế tổ chức và hoạt động của Cụm thi đua;",
  "Căn cứ Biên bản họp bình xét thi đua, khen thưởng của Cụm thi đua,",
];

/** A neutral template for a workbook that has no conference fields yet. */
export const DEFAULT_CONFERENCE_FIELDS: ConferenceFields = {
  parentBody: "TÊN CƠ QUAN CHỦ QUẢN",
  issuingBody: "CỤM THI ĐUA SỐ …",
  year: "",
  place: "……",
  day: "",
  month: "",
  dateYear: "",
  time: "",
  venue: "",
  voteForm: "bỏ phiếu kín",
  chairName: "",
  chairTitle: "Cụm trưởng",
  secretaryName: "",
  secretaryTitle: "Thư ký",
  countingCommittee: [],
  content: [
    "Tổng kết công tác thi đua, khen thưởng của Cụm thi đua;",
    "Bình xét, suy tôn các đơn vị đề nghị khen thưởng trên cơ sở kết quả chấm điểm, xếp hạng.",
  ],
  proposalNumber: "",
  proposalSymbol: "TTr-CTĐ",
  recipients: ["Hội đồng Thi đua - Khen thưởng"],
  bases: DEFAULT_LEGAL_BASES,
  awardingAuthority: "cấp có thẩm quyền",
  distribution: ["Như trên", "Các đơn vị thành viên Cụm", "Lưu: VT"],
  signerTitle: ["TM. CỤM THI ĐUA", "CỤM TRƯỞNG"],
  signerName: "",
};

export const CONFERENCE_FIELDS_SHEET_NAME = "Thông tin bình xét";

type ListKey = "countingCommittee" | "content" | "recipients" | "bases" | "distribution" | "signerTitle";

const LABELS: ReadonlyArray<readonly [keyof ConferenceFields, string]> = [
  ["parentBody", "Cơ quan chủ quản"],
  ["issuingBody", "Cụm thi đua"],
  ["year", "Năm thi đua"],
  ["place", "Địa danh"],
  ["day", "Ngày họp"],
  ["month", "Tháng"],
  ["dateYear", "Năm"],
  ["time", "Thời gian"],
  ["venue", "Địa điểm"],
  ["voteForm", "Hình thức biểu quyết"],
  ["chairName", "Chủ trì"],
  ["chairTitle", "Chức vụ người chủ trì"],
  ["secretaryName", "Thư ký"],
  ["secretaryTitle", "Chức vụ thư ký"],
  ["countingCommittee", "Ban kiểm phiếu"],
  ["content", "Nội dung cuộc họp"],
  ["proposalNumber", "Số tờ trình"],
  ["proposalSymbol", "Ký hiệu tờ trình"],
  ["recipients", "Kính gửi"],
  ["bases", "Căn cứ"],
  ["awardingAuthority", "Cấp khen thưởng"],
  ["distribution", "Nơi nhận"],
  ["signerTitle", "Chức vụ người ký"],
  ["signerName", "Người ký"],
];
const LIST_KEYS: ReadonlySet<string> = new Set<ListKey>([
  "countingCommittee",
  "content",
  "recipients",
  "bases",
  "distribution",
  "signerTitle",
]);

/** The sheet's rows, read and written by the shared fields-sheet reader (as the call's and pledge's). */
const SPECS: readonly FieldSpec<ConferenceFields>[] = LABELS.map(([key, label]) =>
  LIST_KEYS.has(key) ? { key, label, list: true } : { key, label },
);

export function isConferenceFieldsSheet(name: string): boolean {
  return foldKey(name) === foldKey(CONFERENCE_FIELDS_SHEET_NAME);
}

/** The Vietnamese label of a field (the pane's form uses it too). */
export function conferenceFieldLabel(key: keyof ConferenceFields): string {
  return LABELS.find(([k]) => k === key)?.[1] ?? key;
}

/**
 * Reads the fields sheet; fields it lacks keep the defaults; a row with a blank label continues
 * the list above it.
 * @example conferenceFieldsFromGrid(conferenceFieldsGrid(DEFAULT_CONFERENCE_FIELDS)).voteForm //=> "bỏ phiếu kín"
 */
export function conferenceFieldsFromGrid(
  grid: Grid,
  base: ConferenceFields = DEFAULT_CONFERENCE_FIELDS,
): ConferenceFields {
  return fieldsFromGrid(grid, SPECS, base);
}

/**
 * The fields as the sheet's rows.
 * @example conferenceFieldsGrid(DEFAULT_CONFERENCE_FIELDS)[2] //=> ["Mục", "Nội dung"]
 */
export function conferenceFieldsGrid(fields: ConferenceFields): CellValue[][] {
  return fieldsGrid(
    "THÔNG TIN BÌNH XÉT",
    "EMU dùng các dòng dưới đây cho biên bản kiểm phiếu, biên bản họp bình xét và tờ trình đề nghị khen thưởng. Sửa ở cột B; mục nhiều dòng thì mỗi dòng một ý. Căn cứ pháp lý là văn bản để sửa, không phải quy tắc.",
    SPECS,
    fields,
  );
}

/** The fields saved in the workbook, or the default template. */
export function conferenceFieldsOf(sheets: readonly { name: string; grid: Grid }[]): ConferenceFields {
  const s = sheets.find((x) => isConferenceFieldsSheet(x.name));
  return s ? conferenceFieldsFromGrid(s.grid) : DEFAULT_CONFERENCE_FIELDS;
}
