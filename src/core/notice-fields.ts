/**
 * The editable text of the notice (Thông báo / công văn), with the shape of seed 000 and
 * Nghị định 30/2020/NĐ-CP, appendix I. Every header line is a template the user edits: symbols
 * differ even inside one cluster ("CTĐ2", "CTĐS2"), and the number and day are usually left
 * blank for the registry clerk.
 */
export interface NoticeFields {
  /** Cơ quan chủ quản, e.g. "BỘ THÔNG TIN VÀ TRUYỀN THÔNG" (upper case, regular). */
  readonly parentBody: string;
  /** Cơ quan ban hành, e.g. "CỤM THI ĐUA SỐ 2" (upper case, bold). */
  readonly issuingBody: string;
  /** The number, usually blank for the clerk. */
  readonly number: string;
  /** Ký hiệu, e.g. "CTĐ2". */
  readonly symbol: string;
  readonly place: string;
  /** Day, month, year as text: the day is usually left blank. */
  readonly day: string;
  readonly month: string;
  readonly year: string;
  /** Trích yếu, without the leading "V/v". */
  readonly subject: string;
  /** Kính gửi, one addressee a line, without the leading "- " and final punctuation. */
  readonly recipients: readonly string[];
  /** "Căn cứ …" paragraphs, in full. */
  readonly bases: readonly string[];
  /** The sentence that introduces the table (may end "như sau:"); optional. */
  readonly intro: string;
  /** The closing sentence; "./." is added when missing. */
  readonly closing: string;
  /** Nơi nhận, one line each, without "- " and punctuation ("Lưu: VT, VP" last). */
  readonly distribution: readonly string[];
  /** Signing authority lines, e.g. ["TM. CỤM THI ĐUA SỐ 01", "CỤM TRƯỞNG"] or ["GIÁM ĐỐC"]. */
  readonly signerTitle: readonly string[];
  readonly signerName: string;
}

/** A neutral template in seed 000's shape, for a workbook that has no notice fields yet. */
export const DEFAULT_NOTICE_FIELDS: NoticeFields = {
  parentBody: "TÊN CƠ QUAN CHỦ QUẢN",
  issuingBody: "CỤM THI ĐUA SỐ …",
  number: "",
  symbol: "CTĐ",
  place: "……",
  day: "",
  month: "",
  year: "",
  subject: "Thông báo tổng hợp kết quả chấm điểm kiểm tra chéo công tác thi đua, khen thưởng",
  recipients: ["Các đơn vị thành viên Cụm thi đua"],
  bases: ["Căn cứ Quy chế tổ chức và hoạt động của Cụm thi đua;"],
  intro: "Kết quả chấm điểm kiểm tra chéo công tác thi đua, khen thưởng như sau:",
  closing: "Trân trọng thông báo để các đơn vị biết, làm căn cứ xét, đề nghị khen thưởng./.",
  distribution: ["Như trên", "Lưu: VT"],
  signerTitle: ["TM. CỤM THI ĐUA", "CỤM TRƯỞNG"],
  signerName: "",
};

/** Seed 000 itself: the notice of Cụm thi đua số 2, 2022 (Sở TT&TT Lào Cai, Cụm phó). */
export const SEED_000_NOTICE_FIELDS: NoticeFields = {
  parentBody: "BỘ THÔNG TIN VÀ TRUYỀN THÔNG",
  issuingBody: "CỤM THI ĐUA SỐ 2",
  number: "",
  symbol: "CTĐ2",
  place: "Lào Cai",
  day: "",
  month: "12",
  year: "2022",
  subject:
    "Thông báo tổng hợp kết quả chấm điểm kiểm tra chéo công tác thi đua khen thưởng Cụm thi đua số 2 năm 2022.",
  recipients: [
    "Sở Thông tin và Truyền thông các tỉnh: Điện Biên, Lai Châu, Sơn La, Hà Giang, Cao Bằng, Lạng Sơn.",
  ],
  bases: [
    "Căn cứ Quyết định số 1459/QĐ-BTTTT ngày 09/09/2019 của Bộ Thông tin và Truyền thông về việc ban hành Quy định về việc tổ chức phong trào thi đua và bình xét khen thưởng Khối thi đua Sở Thông tin và Truyền thông các tỉnh, thành phố trực thuộc Trung ương;",
    "Căn cứ Chỉ thị số 103/CT-BTTTT ngày 13/12/2021 của Bộ Thông tin và Truyền thông về công tác thi đua, khen thưởng năm 2022;",
    "Căn cứ Quyết định số 552/QĐ-BTTTT ngày 25/3/2022 của Bộ Thông tin và Truyền thông về việc phân công Cụm trưởng, Cụm phó Cụm thi đua Khối thi đua Sở Thông tin và Truyền thông các tỉnh, thành phố trực thuộc Trung ương năm 2022;",
    "Căn cứ Quyết định số 553/QĐ-CTĐS2 ngày 19/4/2022 của Sở Thông tin và Truyền thông Điện Biên (Cụm trưởng Cụm Thi đua số 2) về việc ban hành Quy chế tổ chức và hoạt động Cụm thi đua số 2 năm 2022;",
    "Căn cứ Kế hoạch số 552/KH-CTĐ2 ngày 19/4/2022 của Sở Thông tin và Truyền thông Điện Biên (Cụm trưởng Cụm Thi đua số 2) về việc tổ chức công tác thi đua, khen thưởng của Cụm Thi đua số 2 năm 2022;",
    "Căn cứ Kế hoạch số 94/KH-CTĐ2 ngày 19/10/2022 của Sở Thông tin và Truyền thông tỉnh Lào Cai (Cụm phó Cụm Thi đua số 2) về việc kiểm tra chéo công tác thi đua, khen thưởng Cụm thi đua số 2 năm 2022.",
    "Căn cứ Báo cáo, Biên bản kiểm tra chéo công tác thi đua, khen thưởng năm 2022 của các Sở Thông tin và Truyền thông thuộc Cụm thi đua Số 2. Sở Thông tin và Truyền thông tỉnh Lào Cai tổng hợp kết quả chấm điểm kiểm tra chéo công tác thi đua, khen thưởng, như sau:",
  ],
  intro: "",
  closing:
    "Sở Thông tin và Truyền thông tỉnh Lào Cai trân trọng thông báo gửi Cụm trưởng Cụm Thi đua số 2 để làm căn cứ xét, trình thi đua khen thưởng năm 2022./.",
  distribution: ["Như trên", "Lãnh đạo Sở", "Các phòng, Trung tâm", "Lưu: VT, VP"],
  signerTitle: ["GIÁM ĐỐC"],
  signerName: "Vũ Hùng Dũng",
};
