/**
 * Writes the bundled conference sample (`npm run sample:conference`): a 9-member cluster (the
 * southern provinces of seed 001's Cụm thi đua số 8, as Sở KH&CN after the 2025 merger) with its
 * verified scores and the conference's editable fields (Thông tin bình xét). The scores and names of
 * people are invented for the example; the shape is the real one.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import ExcelJS from "exceljs";
import {
  CONFERENCE_FIELDS_SHEET_NAME,
  DEFAULT_LEGAL_BASES,
  conferenceFieldsGrid,
  type ConferenceFields,
} from "../core";

export const CONFERENCE_SAMPLE_PATH = "assets/samples/cum-thi-dua-so-8-binh-xet-2025.xlsx";

/** Nine members: name, self score, verified score (1000 points). */
export const CONFERENCE_UNITS: readonly (readonly [string, number, number])[] = [
  ["Sở KH&CN An Giang", 955, 950],
  ["Sở KH&CN Long An", 980, 975],
  ["Sở KH&CN Hậu Giang", 970, 968],
  ["Sở KH&CN Tiền Giang", 965, 960],
  ["Sở KH&CN Vĩnh Long", 945, 940],
  ["Sở KH&CN Đồng Tháp", 930, 925],
  ["Sở KH&CN Trà Vinh", 900, 890],
  ["Sở KH&CN Bến Tre", 960, 955],
  ["Sở KH&CN Kiên Giang", 890, 880],
];

export const CONFERENCE_SAMPLE_FIELDS: ConferenceFields = {
  parentBody: "BỘ KHOA HỌC VÀ CÔNG NGHỆ",
  issuingBody: "CỤM THI ĐUA SỐ 8",
  year: "2025",
  place: "Long An",
  day: "",
  month: "3",
  dateYear: "2026",
  time: "14 giờ 00",
  venue: "Hội trường Sở Khoa học và Công nghệ tỉnh Long An",
  voteForm: "bỏ phiếu kín",
  chairName: "Nguyễn Văn An",
  chairTitle: "Giám đốc Sở KH&CN Long An, Cụm trưởng",
  secretaryName: "Trần Thị Bình",
  secretaryTitle: "Chuyên viên Văn phòng Sở KH&CN Long An",
  countingCommittee: [
    "Ông Lê Văn Cường, Sở KH&CN Hậu Giang – Trưởng ban;",
    "Bà Phạm Thị Dung, Sở KH&CN Tiền Giang – Thành viên;",
    "Ông Võ Minh Em, Sở KH&CN Bến Tre – Thành viên.",
  ],
  content: [
    "Tổng kết phong trào thi đua, công tác khen thưởng năm 2025 của Cụm thi đua số 8;",
    "Công bố kết quả chấm điểm, xếp hạng thi đua năm 2025;",
    "Bình xét, suy tôn đơn vị đề nghị tặng Cờ thi đua và Bằng khen.",
  ],
  proposalNumber: "",
  proposalSymbol: "TTr-CTĐ8",
  recipients: ["Hội đồng Thi đua - Khen thưởng Bộ Khoa học và Công nghệ"],
  bases: DEFAULT_LEGAL_BASES,
  awardingAuthority: "Bộ trưởng Bộ Khoa học và Công nghệ",
  distribution: [
    "Như trên",
    "Vụ Thi đua - Khen thưởng (để b/c)",
    "Các đơn vị thành viên Cụm",
    "Lưu: VT, CTĐ8",
  ],
  signerTitle: ["TM. CỤM THI ĐUA SỐ 8", "CỤM TRƯỞNG"],
  signerName: "Nguyễn Văn An",
};

const FONT = { name: "Times New Roman", size: 13 };

export async function writeConferenceSample(path: string = CONFERENCE_SAMPLE_PATH): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "EMU";
  wb.created = new Date("2026-03-01T00:00:00Z");
  wb.modified = wb.created;
  const ws = wb.addWorksheet("Tổng hợp điểm", {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 6 }, { width: 32 }, { width: 14 }, { width: 16 }, { width: 14 }];
  ws.mergeCells("A1:E1");
  ws.getCell("A1").value = "BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2025 - CỤM THI ĐUA SỐ 8";
  ws.getCell("A1").font = { ...FONT, bold: true };
  ws.getCell("A1").alignment = { horizontal: "center" };
  const border: Partial<ExcelJS.Borders> = {
    top: { style: "thin" },
    left: { style: "thin" },
    bottom: { style: "thin" },
    right: { style: "thin" },
  };
  ["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định", "Xếp loại"].forEach((h, c) => {
    const cell = ws.getRow(3).getCell(c + 1);
    cell.value = h;
    cell.style = {
      font: { ...FONT, bold: true },
      alignment: { horizontal: "center", wrapText: true },
      border,
    };
  });
  CONFERENCE_UNITS.forEach(([unit, self, verified], k) => {
    [k + 1, unit, self, verified].forEach((v, c) => {
      const cell = ws.getRow(4 + k).getCell(c + 1);
      cell.value = v;
      cell.style = { font: FONT, alignment: { horizontal: c === 1 ? "left" : "center" }, border };
    });
    ws.getRow(4 + k).getCell(5).style = { font: FONT, border };
  });
  const fields = wb.addWorksheet(CONFERENCE_FIELDS_SHEET_NAME);
  fields.columns = [{ width: 28 }, { width: 110 }];
  for (const row of conferenceFieldsGrid(CONFERENCE_SAMPLE_FIELDS)) {
    const r = fields.addRow(row.map((v) => (v === null ? "" : v)));
    r.font = { name: "Times New Roman", size: 12 };
    r.alignment = { wrapText: true, vertical: "top" };
  }
  fields.getRow(1).font = { name: "Times New Roman", size: 14, bold: true };
  fields.getRow(3).font = { name: "Times New Roman", size: 12, bold: true };
  mkdirSync(dirname(path), { recursive: true });
  await wb.xlsx.writeFile(path);
}

if (require.main === module) {
  writeConferenceSample(process.argv[2]).then(
    () => console.log(`Đã tạo ${process.argv[2] ?? CONFERENCE_SAMPLE_PATH}`),
    (e: unknown) => {
      console.error(String(e));
      process.exitCode = 2;
    },
  );
}
