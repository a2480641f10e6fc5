import { formatDateVi, longDateVi, parseDateCell } from "./dates";
import {
  LETTER_HEAD_SPECS,
  fieldsFromGrid,
  fieldsGrid,
  type FieldSpec,
  type LetterHeadFields,
} from "./fields-sheet";
import { dateLineOf, numberLineOf, punctuate, type YearDocument, type Paragraph, type Run } from "./letter";
import type { Member } from "./members";
import { foldKey } from "./text";
import type { CellValue, Grid } from "./types";

/**
 * The call for year-end reports and self-scoring sheets (*Công văn đề nghị*, seed 003) and the
 * reminder to those who have not sent them (*Công văn đôn đốc*): editable fields kept in the
 * workbook (*Thông tin công văn*), the members as Kính gửi, the deadline in bold.
 */
export interface CallFields extends LetterHeadFields {
  /** Trích yếu, without "V/v". */
  readonly subject: string;
  /** Kính gửi; empty: every member of the list. */
  readonly recipients: readonly string[];
  /** "Căn cứ …" paragraphs. */
  readonly bases: readonly string[];
  /** The request, up to "gửi các tài liệu sau:" (or the whole sentence when there is no list). */
  readonly request: string;
  /** What to send, one line each: the report, one or more scoring sheets. */
  readonly documents: readonly string[];
  /** The deadline, dd/mm/yyyy (an Excel date in the cell works too). */
  readonly deadline: string;
  /** How to send it (address, e-mail, software). */
  readonly howToSend: string;
  readonly closing: string;
  readonly distribution: readonly string[];
  readonly signerTitle: readonly string[];
  readonly signerName: string;
  /** The reminder's own number and symbol (the call's symbol when blank). */
  readonly reminderNumber: string;
  readonly reminderSubject: string;
}

export const CALL_FIELDS_SHEET_NAME = "Thông tin công văn";

export const CALL_FIELD_SPECS: readonly FieldSpec<CallFields>[] = [
  ...LETTER_HEAD_SPECS,
  { key: "subject", label: "Trích yếu (V/v)" },
  { key: "recipients", label: "Kính gửi", list: true },
  { key: "bases", label: "Căn cứ", list: true },
  { key: "request", label: "Nội dung đề nghị" },
  { key: "documents", label: "Tài liệu gửi", list: true },
  { key: "deadline", label: "Hạn nộp" },
  { key: "howToSend", label: "Hình thức gửi" },
  { key: "closing", label: "Câu kết" },
  { key: "distribution", label: "Nơi nhận", list: true },
  { key: "signerTitle", label: "Chức vụ người ký", list: true },
  { key: "signerName", label: "Người ký" },
  { key: "reminderNumber", label: "Số công văn đôn đốc" },
  { key: "reminderSubject", label: "Trích yếu công văn đôn đốc" },
];

/** A neutral template in seed 003's shape. */
export const DEFAULT_CALL_FIELDS: CallFields = {
  parentBody: "TÊN CƠ QUAN CHỦ QUẢN",
  issuingBody: "CỤM THI ĐUA SỐ …",
  number: "",
  symbol: "CTĐ",
  place: "……",
  day: "",
  month: "",
  year: "",
  subject: "báo cáo tổng kết công tác thi đua, khen thưởng và bảng tự chấm điểm",
  recipients: [],
  bases: ["Căn cứ Quy chế tổ chức và hoạt động của Cụm thi đua;"],
  request:
    "Để có cơ sở tổng hợp, đánh giá kết quả thực hiện công tác thi đua, khen thưởng, Cụm trưởng đề nghị các thành viên Cụm thi đua gửi các tài liệu sau:",
  documents: [
    "Báo cáo tổng kết công tác thi đua, khen thưởng",
    "Bảng tự chấm điểm thực hiện các tiêu chí thi đua",
  ],
  deadline: "",
  howToSend:
    "Văn bản gửi qua hệ thống quản lý văn bản và điều hành, đồng thời gửi tệp Excel bảng tự chấm điểm qua thư điện tử.",
  closing: "Đề nghị các thành viên Cụm thi đua gửi báo cáo đúng thời gian nêu trên để tổng hợp./.",
  distribution: ["Như trên", "Lưu: VT"],
  signerTitle: ["TM. CỤM THI ĐUA", "CỤM TRƯỞNG"],
  signerName: "",
  reminderNumber: "",
  reminderSubject: "đôn đốc gửi báo cáo tổng kết và bảng tự chấm điểm",
};

/** Seed 003 itself: Cụm thi đua số 1 (Đồng Tháp), deadline 15/12/2023. */
export const SEED_003_CALL_FIELDS: CallFields = {
  parentBody: "UBND TỈNH ĐỒNG THÁP",
  issuingBody: "CỤM THI ĐUA SỐ 1",
  number: "",
  symbol: "CUM1-TĐKT",
  place: "Sa Đéc",
  day: "",
  month: "10",
  year: "2023",
  subject:
    "báo cáo tổng kết công tác thi đua, khen thưởng năm 2023 và phương hướng năm 2024; báo cáo phong trào thi đua chuyên đề Cụm thi đua số 1",
  recipients: [],
  bases: [
    "Căn cứ Quyết định số 323/QĐ-CUM01 ngày 02/10/2023 của Cụm thi đua số 01 về Quyết định ban hành Quy định về tổ chức hoạt động và bình xét thi đua của Cụm thi đua số 01 năm 2023; Kế hoạch số 127/KH-CUM1 ngày 20/4/2023; Hướng dẫn số 2847/HD-SNV ngày 16/10/2023 của Sở Nội vụ tỉnh Đồng Tháp tổng kết công tác thi đua, khen thưởng năm 2023.",
  ],
  request:
    "Để có cơ sở xây dựng báo cáo tổng hợp, đánh giá kết quả thực hiện công tác thi đua, khen thưởng năm 2023 và đề ra phương hướng, nhiệm vụ năm 2024 của Cụm thi đua số 01 tỉnh Đồng Tháp, UBND thành phố Sa Đéc (Trưởng Cụm thi đua số 01 năm 2023) đề nghị các thành viên thuộc Cụm thi đua số 01 xây dựng và gửi các tài liệu sau (theo đề cương báo cáo, bảng điểm gửi kèm):",
  documents: [
    "Báo cáo tổng kết công tác thi đua, khen thưởng năm 2023 và phương hướng năm 2024",
    "Bảng tự chấm điểm thực hiện các tiêu chí thi đua năm 2023",
    "Bảng tự chấm điểm thực hiện các tiêu chí của phong trào thi đua chuyên đề “Đẩy mạnh thực hiện công tác cải cách hành chính gắn với chuyển đổi số” năm 2023",
  ],
  deadline: "15/12/2023",
  howToSend: "Gửi về UBND thành phố Sa Đéc (qua Phòng Nội vụ Thành phố).",
  closing:
    "Đề nghị các thành viên Cụm thi đua số 1 xây dựng báo cáo gửi về UBND thành phố Sa Đéc theo thời gian nêu trên để tổng hợp, dự thảo Báo cáo gửi các thành viên góp ý bổ sung hoàn chỉnh, phục vụ cho Hội nghị tổng kết thực hiện giao ước thi đua năm 2023 và phương hướng, nhiệm vụ năm 2024 của Cụm thi đua số 01./.",
  distribution: [
    "Như trên",
    "Sở Nội vụ Tỉnh (b/c)",
    "Chủ tịch, các PCT/UBND Thành phố",
    "Phòng Nội vụ thành phố Sa Đéc",
    "Lưu: VT",
  ],
  signerTitle: ["TM. CỤM THI ĐUA SỐ 01", "CỤM TRƯỞNG", "CHỦ TỊCH UBND THÀNH PHỐ SA ĐÉC"],
  signerName: "Nguyễn Văn Hon",
  reminderNumber: "",
  reminderSubject: "đôn đốc gửi báo cáo tổng kết và bảng tự chấm điểm năm 2023",
};

export function isCallFieldsSheet(name: string): boolean {
  return foldKey(name) === foldKey(CALL_FIELDS_SHEET_NAME);
}

/** Reads *Thông tin công văn* (an Excel date in "Hạn nộp" is read as dd/mm/yyyy). */
export function callFieldsFromGrid(grid: Grid, base: CallFields = DEFAULT_CALL_FIELDS): CallFields {
  const fields = fieldsFromGrid(grid, CALL_FIELD_SPECS, base);
  const deadlineRow = grid.find((r) => foldKey(String(r[0] ?? "")) === foldKey("Hạn nộp"));
  const raw: CellValue | undefined = deadlineRow?.[1];
  if (typeof raw === "number") {
    const d = parseDateCell(raw);
    if (d.kind === "date") return { ...fields, deadline: formatDateVi(d.serial) };
  }
  return fields;
}

/** The fields as the sheet's rows. */
export function callFieldsGrid(fields: CallFields): CellValue[][] {
  return fieldsGrid(
    "THÔNG TIN CÔNG VĂN ĐỀ NGHỊ GỬI BÁO CÁO, PHIẾU TỰ CHẤM",
    "EMU dùng các dòng dưới đây để viết công văn đề nghị và công văn đôn đốc. Sửa ở cột B; mục nhiều dòng thì mỗi dòng một ý. Kính gửi để trống: gửi mọi đơn vị trong trang Thành viên cụm. Hạn nộp ghi dd/mm/yyyy.",
    CALL_FIELD_SPECS,
    fields,
  );
}

/** The deadline as a serial, or null when the field is blank; "bad" when it is not a date. */
export function callDeadline(fields: CallFields): number | null | "bad" {
  const d = parseDateCell(fields.deadline);
  return d.kind === "date" ? d.serial : d.kind === "empty" ? null : "bad";
}

const body = (...runs: Run[]): Paragraph => ({ kind: "body", runs });

function recipientsOf(fields: CallFields, members: readonly Member[]): string[] {
  const names = fields.recipients.length > 0 ? fields.recipients : members.map((m) => m.name);
  return names.length === 1 ? [names[0] ?? ""] : punctuate(names);
}

function header(fields: CallFields, number: string, subject: string): YearDocument["header"] {
  return {
    parentBody: fields.parentBody,
    issuingBody: fields.issuingBody,
    numberLine: numberLineOf(number, fields.symbol),
    dateLine: dateLineOf(fields.place, fields.day, fields.month, fields.year),
    subject: subject.trim()
      ? /^v\/v\b/i.test(subject.trim())
        ? subject.trim()
        : `V/v ${subject.trim()}`
      : "",
  };
}

function deadlineRuns(deadline: number | null, lead: string): Run[] {
  if (deadline === null) return [{ text: `${lead} ……` }];
  return [{ text: lead }, { text: longDateVi(deadline), bold: true }, { text: "." }];
}

/**
 * The call as a document: the members (or the fields' Kính gửi) as addressees, the bases, the
 * request, what to send, the deadline in bold, how to send it, the closing, Nơi nhận, the signer.
 * @example buildCall(SEED_003_CALL_FIELDS, members, 45275).paragraphs.some((p) => p.runs.some((r) => r.bold)) //=> true
 */
export function buildCall(
  fields: CallFields,
  members: readonly Member[],
  deadline: number | null,
): YearDocument {
  const paragraphs: Paragraph[] = fields.bases.map((b) => body({ text: b }));
  if (fields.request.trim()) paragraphs.push(body({ text: fields.request.trim() }));
  punctuate(fields.documents).forEach((d) => paragraphs.push({ kind: "item", runs: [{ text: d }] }));
  paragraphs.push(body(...deadlineRuns(deadline, "Thời hạn gửi: chậm nhất trước ")));
  if (fields.howToSend.trim()) paragraphs.push(body({ text: `Hình thức gửi: ${fields.howToSend.trim()}` }));
  if (fields.closing.trim()) paragraphs.push(body({ text: closingOf(fields.closing) }));
  return {
    header: header(fields, fields.number, fields.subject),
    title: "",
    recipients: recipientsOf(fields, members),
    paragraphs,
    gridHeading: [],
    grid: [],
    distribution: punctuate(fields.distribution),
    signer: { title: fields.signerTitle, name: fields.signerName },
  };
}

function closingOf(s: string): string {
  const t = s.trim();
  return /\.\/\.$/.test(t) ? t : `${t.replace(/[.;,]+$/, "")}./.`;
}

/**
 * The reminder (*Công văn đôn đốc*): the same letter shape, addressed to the members whose
 * documents have not been received, naming the call and its deadline.
 * @example buildReminder(fields, [haGiang], 45275).recipients //=> ["Sở TT&TT Hà Giang"]
 */
export function buildReminder(
  fields: CallFields,
  missing: readonly Member[],
  deadline: number | null,
): YearDocument {
  const call = `${numberLineOf(fields.number, fields.symbol)
    .replace(/^Số:\s*/, "số ")
    .replace(/\s+\//, "/")}`;
  const docs = fields.documents.map((d) => d.trim().replace(/[;.,]+$/, "")).filter(Boolean);
  const what =
    docs.length > 0 ? docs.join("; ").replace(/^./, (c) => c.toLowerCase()) : "báo cáo và bảng tự chấm điểm";
  const paragraphs: Paragraph[] = [
    body({
      text: `Thực hiện Công văn ${call} về việc ${fields.subject.trim().replace(/^v\/v\s*/i, "")}, các thành viên Cụm thi đua được đề nghị gửi: ${what}.`,
    }),
    body(...deadlineRuns(deadline, "Thời hạn gửi: chậm nhất trước ")),
    body({
      text: `Đến nay, chưa nhận được tài liệu của ${missing.length === 1 ? "đơn vị" : "các đơn vị"}: ${missing.map((m) => m.name).join("; ")}.`,
    }),
    body({
      text: `Đề nghị ${missing.length === 1 ? "đơn vị" : "các đơn vị"} khẩn trương hoàn thiện và gửi tài liệu nêu trên để Cụm tổng hợp kịp thời.${fields.howToSend.trim() ? ` Hình thức gửi: ${fields.howToSend.trim()}` : ""}`,
    }),
    body({ text: "Trân trọng đề nghị các đơn vị quan tâm phối hợp thực hiện./." }),
  ];
  return {
    header: header(fields, fields.reminderNumber, fields.reminderSubject),
    title: "",
    recipients: missing.length === 1 ? [missing[0]?.name ?? ""] : punctuate(missing.map((m) => m.name)),
    paragraphs,
    gridHeading: [],
    grid: [],
    distribution: punctuate(fields.distribution),
    signer: { title: fields.signerTitle, name: fields.signerName },
  };
}
