/**
 * Regenerates the bundled sample workbook (`npm run sample`): seed 000 — the 2022 summary of
 * Cụm thi đua số 2 (7 Sở TT&TT of the northern border provinces) — as staff keep it in Excel:
 * the letter's title rows above the table, units in the order of the pledge rather than ranked,
 * the Xếp loại column still empty, and the notice's fields on their own sheet.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import ExcelJS from "exceljs";
import { NOTICE_FIELDS_SHEET_NAME, SEED_000_NOTICE_FIELDS, noticeFieldsGrid } from "../core";

export const SAMPLE_PATH = "assets/samples/cum-thi-dua-so-2-nam-2022.xlsx";

/** Seed 000's units in the pledge's order (seed 002), with self and verified scores. */
export const SAMPLE_UNITS: readonly (readonly [string, number, number])[] = [
  ["Sở TT&TT Sơn La", 915, 915],
  ["Sở TT&TT Lai Châu", 980, 960],
  ["Sở TT&TT Điện Biên", 985, 985],
  ["Sở TT&TT Lào Cai", 965, 965],
  ["Sở TT&TT Hà Giang", 980, 915],
  ["Sở TT&TT Cao Bằng", 975, 975],
  ["Sở TT&TT Lạng Sơn", 995, 965],
];

const FONT = { name: "Times New Roman", size: 13 };

/** Writes the sample workbook to `path`. Deterministic apart from the file's timestamps. */
export async function writeSample(path: string = SAMPLE_PATH): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "EMU";
  wb.created = new Date("2022-12-01T00:00:00Z");
  wb.modified = wb.created;
  const ws = wb.addWorksheet("Tổng hợp điểm", {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 6 }, { width: 32 }, { width: 14 }, { width: 16 }, { width: 14 }, { width: 16 }];
  const put = (addr: string, value: string, extra: Partial<ExcelJS.Style> = {}): void => {
    const c = ws.getCell(addr);
    c.value = value;
    c.style = {
      font: FONT,
      alignment: { horizontal: "center", vertical: "middle", wrapText: true },
      ...extra,
    };
  };
  ws.mergeCells("A1:B1");
  ws.mergeCells("C1:F1");
  ws.mergeCells("A2:B2");
  ws.mergeCells("C2:F2");
  ws.mergeCells("A4:F4");
  ws.mergeCells("A5:F5");
  put("A1", "BỘ THÔNG TIN VÀ TRUYỀN THÔNG");
  put("C1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { font: { ...FONT, size: 12, bold: true } });
  put("A2", "CỤM THI ĐUA SỐ 2", { font: { ...FONT, bold: true } });
  put("C2", "Độc lập - Tự do - Hạnh phúc", { font: { ...FONT, bold: true } });
  put("A4", "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM KIỂM TRA CHÉO CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2022", {
    font: { ...FONT, bold: true },
  });
  put("A5", "(Thang điểm 1000; điểm chấm thẩm định theo biên bản kiểm tra chéo)", {
    font: { ...FONT, italic: true },
  });
  ws.getRow(4).height = 36;

  const border: Partial<ExcelJS.Borders> = {
    top: { style: "thin" },
    left: { style: "thin" },
    bottom: { style: "thin" },
    right: { style: "thin" },
  };
  const header = ["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định", "Xếp loại", "Ghi chú"];
  header.forEach((h, c) => {
    const cell = ws.getRow(7).getCell(c + 1);
    cell.value = h;
    cell.style = {
      font: { ...FONT, bold: true },
      alignment: { horizontal: "center", vertical: "middle", wrapText: true },
      border,
    };
  });
  ws.getRow(7).height = 36;
  SAMPLE_UNITS.forEach(([unit, self, verified], k) => {
    const row = ws.getRow(8 + k);
    [k + 1, unit, self, verified, "", ""].forEach((v, c) => {
      const cell = row.getCell(c + 1);
      if (v !== "") cell.value = v;
      cell.style = {
        font: FONT,
        alignment: { horizontal: c === 1 ? "left" : "center", vertical: "middle" },
        border,
      };
    });
  });

  const fields = wb.addWorksheet(NOTICE_FIELDS_SHEET_NAME);
  fields.columns = [{ width: 28 }, { width: 110 }];
  for (const row of noticeFieldsGrid(SEED_000_NOTICE_FIELDS)) {
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
  writeSample(process.argv[2]).then(
    () => console.log(`Đã tạo ${process.argv[2] ?? SAMPLE_PATH}`),
    (e: unknown) => {
      console.error(String(e));
      process.exitCode = 2;
    },
  );
}
