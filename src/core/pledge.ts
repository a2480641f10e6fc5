import {
  LETTER_HEAD_SPECS,
  fieldsFromGrid,
  fieldsGrid,
  type FieldSpec,
  type LetterHeadFields,
} from "./fields-sheet";
import { dateLineOf, numberLineOf, punctuate, type YearDocument, type SignatureBlock } from "./letter";
import type { Member } from "./members";
import { foldKey } from "./text";
import type { CellValue, Grid } from "./types";

/**
 * The emulation pledge (*Giao ước thi đua*, seed 002) every member signs in February: a title,
 * the "Thực hiện …" bases, the numbered contents, the closing, then "ĐẠI DIỆN … KÝ KẾT GIAO ƯỚC
 * THI ĐUA" over a signature grid of every member (its name in capitals, the signer's title,
 * room to sign, the signer's name), and Nơi nhận.
 */
export interface PledgeFields extends LetterHeadFields {
  /** "GIAO ƯỚC THI ĐUA CỤM THI ĐUA SỐ 2". */
  readonly title: string;
  /** "Thực hiện …" paragraphs, and the one that names the members. */
  readonly bases: readonly string[];
  /** The numbered contents, without their numbers (EMU numbers them 1., 2. …). */
  readonly contents: readonly string[];
  readonly closing: string;
  /** The grid's heading, one line each; "{n}" becomes the member count ("07"). */
  readonly gridHeading: readonly string[];
  readonly distribution: readonly string[];
  /** Members a row in the grid: 2 or 3. */
  readonly perRow: string;
}

export const PLEDGE_FIELDS_SHEET_NAME = "Thông tin giao ước";

export const PLEDGE_FIELD_SPECS: readonly FieldSpec<PledgeFields>[] = [
  ...LETTER_HEAD_SPECS,
  { key: "title", label: "Tên văn bản" },
  { key: "bases", label: "Căn cứ", list: true },
  { key: "contents", label: "Nội dung giao ước", list: true },
  { key: "closing", label: "Câu kết" },
  { key: "gridHeading", label: "Tiêu đề phần ký", list: true },
  { key: "distribution", label: "Nơi nhận", list: true },
  { key: "perRow", label: "Số đơn vị mỗi hàng ký" },
];

export const DEFAULT_PLEDGE_FIELDS: PledgeFields = {
  parentBody: "TÊN CƠ QUAN CHỦ QUẢN",
  issuingBody: "CỤM THI ĐUA SỐ …",
  number: "",
  symbol: "CTĐ",
  place: "……",
  day: "",
  month: "",
  year: "",
  title: "GIAO ƯỚC THI ĐUA CỤM THI ĐUA SỐ …",
  bases: [
    "Thực hiện Quy chế tổ chức và hoạt động của Cụm thi đua, các thành viên Cụm thi đua ký kết giao ước thi đua, cùng thực hiện tốt các nội dung thi đua như sau:",
  ],
  contents: ["Nội dung thi đua thứ nhất."],
  closing: "Các thành viên Cụm thi đua cam kết thực hiện tốt các nội dung giao ước thi đua./.",
  gridHeading: ["ĐẠI DIỆN {n} ĐƠN VỊ THÀNH VIÊN", "KÝ KẾT GIAO ƯỚC THI ĐUA"],
  distribution: ["Các đơn vị thành viên Cụm thi đua", "Lưu: VT"],
  perRow: "2",
};

/** Seed 002: Cụm thi đua số 2 (Sở TT&TT of seven northern mountain provinces), 2023. */
export const SEED_002_PLEDGE_FIELDS: PledgeFields = {
  parentBody: "BỘ THÔNG TIN VÀ TRUYỀN THÔNG",
  issuingBody: "CỤM THI ĐUA SỐ 2",
  number: "",
  symbol: "CTĐS2",
  place: "Lào Cai",
  day: "",
  month: "02",
  year: "2023",
  title: "GIAO ƯỚC THI ĐUA CỤM THI ĐUA SỐ 2",
  bases: [
    "Thực hiện Quyết định số 2341/QĐ-BTTTT, ngày 16/12/2022 của Bộ Thông tin và Truyền thông về việc ban hành Quy định về việc tổ chức phong trào thi đua và bình xét khen thưởng Khối thi đua Sở Thông tin và Truyền thông các tỉnh, thành phố trực thuộc Trung ương; Chỉ thị số 03/CT-BTTTT ngày 16/12/2022 của Bộ trưởng Bộ Thông tin và Truyền thông về công tác thi đua, khen thưởng năm 2023;",
    "Thực hiện Chỉ thị số 01/CT-BTTTT ngày 20/01/2023 của Bộ Thông tin và Truyền thông về định hướng phát triển Ngành Thông tin và Truyền thông năm 2023 và giai đoạn 2024-2025.",
    "Hưởng ứng các phong trào thi đua do Thủ tướng Chính phủ, Chủ tịch UBND tỉnh, các Bộ, ban, ngành phát động và phấn đấu thực hiện thắng lợi Nghị quyết Đại hội Đảng các cấp, góp phần tích cực hoàn thành xuất sắc các nhiệm vụ, chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2023. Cụm thi đua số 2, gồm 07 Sở Thông tin và Truyền thông các tỉnh miền núi, biên giới phía Bắc gồm: Sơn La, Lai Châu, Điện Biên, Lào Cai, Hà Giang, Cao Bằng, Lạng Sơn tiến hành ký kết giao ước thi đua năm 2023, cùng thực hiện tốt các nội dung thi đua như sau:",
  ],
  contents: [
    "Chủ đề thi đua của Cụm Thi đua số 2 năm 2023: “Toàn Ngành Thông tin và Truyền thông tiếp tục thi đua đổi mới, sáng tạo, đi đầu thực hiện chuyển đổi số để phát triển bền vững”, cụ thể hóa 10 chữ vàng truyền thống của Ngành là “Trung thành, Dũng cảm, Tận tụy, Sáng tạo, Nghĩa tình” với phương châm hành động “Làm gương, Kỷ cương, Trọng tâm, Bứt phá”.",
    "Không ngừng nâng cao trách nhiệm của người đứng đầu trong chỉ đạo, điều hành tổ chức các phong trào thi đua do các cấp phát động đảm bảo hiệu quả, thiết thực, phong phú, phù hợp với yêu cầu nhiệm vụ, tình hình thực tế của cơ quan trong Cụm; thi đua lập thành tích chào mừng Kỷ niệm các Ngày lễ lớn của đất nước, của ngành, của tỉnh. Phát huy sức mạnh tổng hợp của cấp ủy Đảng, chính quyền, đoàn thể của các cơ quan trong Cụm Thi đua số 2 làm cho phong trào thi đua trở thành phong trào hành động sâu rộng trong toàn Ngành.",
    "Kịp thời phát hiện, bồi dưỡng và nhân rộng các điển hình tiên tiến, tạo điều kiện để các điển hình tiên tiến phát huy, đóng góp tích cực hơn nữa cho các phong trào thi đua yêu nước. Đặc biệt, đẩy mạnh thi đua thực hiện chuyển đổi số một cách toàn diện trên các trụ cột để xây dựng phát triển chính quyền số, nền kinh tế số, nền tảng số, ứng dụng công nghệ số để cung cấp dịch vụ mới cho người dân; khai mở giá trị mới, tạo ra không gian phát triển tạo đà cho tăng trưởng kinh tế - xã hội. Đẩy mạnh tuyên truyền các gương điển hình tiên tiến, biểu dương, tôn vinh, tạo sức mạnh lan tỏa trong Ngành TT&TT và các Sở, ban, ngành, các địa phương trên địa bàn tỉnh.",
    "Tăng cường đôn đốc, hướng dẫn các cơ quan thông tấn báo chí, hệ thống thông tin cơ sở tại địa phương thông tin, tuyên truyền toàn diện, đầy đủ, chính xác, kịp thời về chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước, công tác chỉ đạo, điều hành của Chính phủ, Thủ tướng Chính phủ và cấp ủy, chính quyền địa phương, xây dựng lòng tin và sự đồng thuận của nhân dân. Đẩy mạnh công tác thanh tra, kiểm tra, xử lý các thông tin sai sự thật gây hoang mang dư luận, kích động, xuyên tạc chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước.",
    "Kịp thời tháo gỡ khó khăn, vướng mắc để các doanh nghiệp trong lĩnh vực thông tin và truyền thông hoạt động đúng định hướng, phát huy hiệu quả theo quy định của pháp luật và phù hợp với đặc điểm, tình hình của địa phương; cung cấp các dịch vụ tốt nhất, phát triển thị trường, đảm bảo quyền lợi cho người dân.",
    "Đẩy mạnh đổi mới sáng tạo, thi đua thực hiện cải cách hành chính giai đoạn 2022 - 2025; tích cực ứng dụng công nghệ thông tin trong các lĩnh vực; ưu tiên công nghệ số góp phần xây dựng, phát triển chính quyền điện tử, chính quyền số, xã hội số, công dân số.",
    "Thi đua phấn đấu nâng cao chất lượng, hiệu quả công việc, hoàn thành và hoàn thành vượt các chỉ tiêu phát triển kinh tế - xã hội lĩnh vực quản lý Nhà nước của ngành thông tin và truyền thông được cấp có thẩm quyền giao.",
    "Tổ chức phát động, triển khai các phong trào thi đua thường xuyên, theo đợt, theo chuyên đề, đặc biệt là 5 Phong trào lớn do Thủ tướng Chính phủ phát động thiết thực, hiệu quả. Nâng cao chất lượng khen thưởng đảm bảo việc tôn vinh, khen thưởng chính xác, kịp thời, tạo động lực cổ vũ các tập thể, cá nhân, tạo sức lan tỏa trong từng cơ quan, đơn vị.",
    "Giữ gìn đoàn kết nội bộ, gương mẫu chấp hành các chủ trương, chính sách của Đảng, pháp luật của Nhà nước. Xây dựng tổ chức Đảng, đoàn thể trong sạch vững mạnh.",
    "Thực hiện tốt hoàn thành 100% kế hoạch thi đua của Cụm Thi đua số 2, thực hiện nghiêm túc chế độ sinh hoạt, báo cáo đạt chất lượng và thời gian quy định. Đẩy mạnh các hoạt động trao đổi và chia sẻ kinh nghiệm về công tác quản lý Nhà nước ngành thông tin và truyền thông giữa các đơn vị trong Cụm.",
  ],
  closing:
    "Năm 2023, Cụm Thi đua số 2 tiếp tục đoàn kết, phát huy trí tuệ, sáng tạo, giữ vững kỷ cương, trách nhiệm, quyết tâm thi đua hoàn thành xuất sắc các nhiệm vụ chính trị được giao./.",
  gridHeading: ["ĐẠI DIỆN {n} SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "CỤM THI ĐUA SỐ 2 KÝ KẾT GIAO ƯỚC THI ĐUA"],
  distribution: [
    "Vụ TCCB - Bộ TTTT",
    "UBND các tỉnh Cụm TĐ số 2",
    "Các Sở TTTT Cụm TĐ số 2",
    "Sở Nội vụ tỉnh Lào Cai",
    "Ban Giám đốc Sở",
    "Lưu: VT, VP",
  ],
  perRow: "2",
};

export function isPledgeFieldsSheet(name: string): boolean {
  return foldKey(name) === foldKey(PLEDGE_FIELDS_SHEET_NAME);
}

export function pledgeFieldsFromGrid(grid: Grid, base: PledgeFields = DEFAULT_PLEDGE_FIELDS): PledgeFields {
  return fieldsFromGrid(grid, PLEDGE_FIELD_SPECS, base);
}

export function pledgeFieldsGrid(fields: PledgeFields): CellValue[][] {
  return fieldsGrid(
    "THÔNG TIN GIAO ƯỚC THI ĐUA",
    "EMU dùng các dòng dưới đây và trang Thành viên cụm để viết giao ước thi đua. Sửa ở cột B; mỗi nội dung giao ước một dòng (EMU tự đánh số). {n} trong tiêu đề phần ký là số đơn vị.",
    PLEDGE_FIELD_SPECS,
    fields,
  );
}

/**
 * The member's block in the grid: its name in capitals, the signer's title (two lines for
 * "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"), the signer's name. The seed writes a province's department
 * as "SỞ TTTT TỈNH …": the member list's full name is used as it is, in capitals.
 */
export function signatureBlock(m: Member): SignatureBlock {
  return {
    unit: m.name.toLocaleUpperCase("vi"),
    title: m.signerTitle.map((t) => t.toLocaleUpperCase("vi")),
    signer: m.signer,
  };
}

/**
 * Rows of the signature grid: `perRow` (2 or 3) blocks a row, in the member list's order.
 * @example gridRows(sevenMembers, 2).map((r) => r.length) //=> [2, 2, 2, 1]
 */
export function gridRows(members: readonly Member[], perRow: number): SignatureBlock[][] {
  const n = perRow === 3 ? 3 : 2;
  const rows: SignatureBlock[][] = [];
  for (let i = 0; i < members.length; i += n) rows.push(members.slice(i, i + n).map(signatureBlock));
  return rows;
}

/** "07" for seven, as the seed writes the count. */
const count = (n: number): string => String(n).padStart(2, "0");

/**
 * The pledge as a document.
 * @example buildPledge(SEED_002_PLEDGE_FIELDS, members).grid.flat().length //=> 7
 */
export function buildPledge(fields: PledgeFields, members: readonly Member[]): YearDocument {
  const contents = fields.contents
    .map((c) => c.trim().replace(/^\d+\s*[.)]\s*/, ""))
    .filter((c) => c !== "")
    .map((c, i) => ({ kind: "body" as const, runs: [{ text: `${i + 1}. ${c}` }] }));
  const closing = fields.closing.trim();
  return {
    header: {
      parentBody: fields.parentBody,
      issuingBody: fields.issuingBody,
      numberLine: numberLineOf(fields.number, fields.symbol),
      dateLine: dateLineOf(fields.place, fields.day, fields.month, fields.year),
      subject: "",
    },
    title: fields.title,
    recipients: [],
    paragraphs: [
      ...fields.bases.map((b) => ({ kind: "body" as const, runs: [{ text: b }] })),
      ...contents,
      ...(closing ? [{ kind: "body" as const, runs: [{ text: closing }] }] : []),
    ],
    gridHeading: fields.gridHeading.map((h) => h.replace(/\{n\}/g, count(members.length))),
    grid: gridRows(members, Number(fields.perRow.trim()) === 3 ? 3 : 2),
    distribution: punctuate(fields.distribution),
  };
}
