import {
  SEED_000_NOTICE_FIELDS,
  DEFAULT_NOTICE_FIELDS,
  buildNotice,
  dateLine,
  noticeFieldsFromGrid,
  noticeFieldsGrid,
  noticeTable,
  numberLine,
  rankWorkbook,
  type SheetModel,
} from "../../src/core";
import { SEED_000_NOTICE, seed000Grid } from "../helpers/grid";

const ranking = rankWorkbook({ sheets: [{ name: "Tổng hợp", grid: seed000Grid() }] }).ranking;
const model = buildNotice(ranking, SEED_000_NOTICE_FIELDS, { sheetName: "Thông báo kết quả" });

function rowOf(m: SheetModel, value: unknown): number {
  const c = m.cells.find((x) => x.value === value);
  if (!c) throw new Error(`no cell ${String(value)}`);
  return c.row;
}

describe("the notice model", () => {
  /** The non-empty values of a row, left to right. */
  const rowValues = (m: SheetModel, r: number): unknown[] =>
    m.cells
      .filter((c) => c.row === r && c.value !== null && c.value !== "")
      .sort((a, b) => a.col - b.col)
      .map((c) => (typeof c.value === "string" ? c.value.trim() : c.value));
  const styleOf = (m: SheetModel, value: string) =>
    m.styles[m.cells.find((x) => x.value === value)?.style ?? ""];

  it("has seed 000's table exactly", () => {
    const head = rowOf(model, "Điểm chấm thẩm định");
    expect(rowValues(model, head)).toEqual([
      "STT",
      "Đơn vị",
      "Điểm tự chấm",
      "Điểm chấm thẩm định",
      "Xếp loại",
    ]);
    expect(SEED_000_NOTICE.map((_, k) => rowValues(model, head + 1 + k))).toEqual(SEED_000_NOTICE);
  });

  it("lays out the letter head of Nghị định 30: two columns, upper case, bold issuer and motto with drawn rules", () => {
    expect(rowValues(model, 0)).toEqual([
      "BỘ THÔNG TIN VÀ TRUYỀN THÔNG",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ]);
    expect(rowValues(model, 1)).toEqual(["CỤM THI ĐUA SỐ 2", "Độc lập - Tự do - Hạnh phúc"]);
    expect(rowValues(model, 3)).toEqual(["Số:       /CTĐ2", "Lào Cai, ngày        tháng 12 năm 2022"]);
    expect(String(rowValues(model, 4)[0])).toMatch(/^V\/v Thông báo tổng hợp kết quả chấm điểm/);
    expect(styleOf(model, "CỤM THI ĐUA SỐ 2")).toMatchObject({
      font: { bold: true, name: "Times New Roman" },
    });
    expect(styleOf(model, "Độc lập - Tự do - Hạnh phúc")).toMatchObject({ font: { bold: true } });
    expect(styleOf(model, "Lào Cai, ngày        tháng 12 năm 2022")).toMatchObject({
      font: { italic: true },
    });
    // No cell border under the header: two short drawn rules, each centred under its text.
    expect(Object.values(model.styles).some((st) => st.bottomRule)).toBe(false);
    const [issuer, motto] = model.lines ?? [];
    const left = model.merges.find((m) => m.r1 === 1 && m.c1 === 0);
    const right = model.merges.find((m) => m.r1 === 1 && m.c1 > 0);
    const colLeft = (c: number) => model.columnWidths.slice(0, c).reduce((a, w) => a + (w * 7 + 5) * 0.75, 0);
    const mid = (m: typeof left) => (colLeft(m?.c1 ?? 0) + colLeft((m?.c2 ?? 0) + 1)) / 2;
    expect(issuer && issuer.leftPt + issuer.widthPt / 2).toBeCloseTo(mid(left), 1);
    expect(motto && motto.leftPt + motto.widthPt / 2).toBeCloseTo(mid(right), 1);
    // NĐ 30: 1/3–1/2 of the issuing body's line; the motto's own length (163 pt at 13 pt bold).
    expect(issuer?.widthPt).toBeGreaterThan(120 / 3);
    expect(issuer?.widthPt).toBeLessThan(120 / 2);
    expect(motto?.widthPt).toBeGreaterThan(150);
    expect(motto?.widthPt).toBeLessThan(175);
  });

  it("prints on A4 portrait with the decree's margins, Times New Roman, no gridlines", () => {
    expect(model.page).toMatchObject({
      paper: "A4",
      orientation: "portrait",
      marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
      fitToWidth: true,
    });
    expect(model.defaultFont.name).toBe("Times New Roman");
    expect(model.showGridLines).toBe(false);
    const fonts = new Set(Object.values(model.styles).map((s) => s.font?.name));
    expect([...fonts]).toEqual(["Times New Roman"]);
  });

  it("fits seed 000 on one page: columns within the text width, fit to one page tall, no page break", () => {
    const widthPt = model.columnWidths.reduce((a, w) => a + (w * 7 + 5) * 0.75, 0);
    expect(widthPt).toBeLessThanOrEqual(((210 - 45) * 72) / 25.4);
    expect(model.page.fitToHeight).toBe(true);
    expect(model.rowBreaks).toBeUndefined();
  });

  it("writes Kính gửi, the Căn cứ paragraphs, the closing ./. and the signature block", () => {
    const values = model.cells.map((c) => (typeof c.value === "string" ? c.value.trim() : c.value));
    expect(values).toContain(
      "Kính gửi: Sở Thông tin và Truyền thông các tỉnh: Điện Biên, Lai Châu, Sơn La, Hà Giang, Cao Bằng, Lạng Sơn.",
    );
    expect(values.filter((v) => typeof v === "string" && v.startsWith("Căn cứ"))).toHaveLength(7);
    expect(values).toContain(SEED_000_NOTICE_FIELDS.closing);
    const places = rowOf(model, "Nơi nhận:");
    expect([1, 2, 3, 4].map((k) => rowValues(model, places + k)[0])).toEqual([
      "- Như trên;",
      "- Lãnh đạo Sở;",
      "- Các phòng, Trung tâm;",
      "- Lưu: VT, VP.",
    ]);
    expect(rowValues(model, places)).toEqual(["Nơi nhận:", "GIÁM ĐỐC"]);
    expect(rowOf(model, "Vũ Hùng Dũng")).toBeGreaterThan(places + 3);
    expect(model.page.printArea.r2).toBeGreaterThanOrEqual(rowOf(model, "Vũ Hùng Dũng"));
  });

  it("sizes rows for the wrapped paragraphs from Times New Roman's widths, since Excel does not grow merged rows", () => {
    // Căn cứ 1 takes four lines of 13 pt (1,393 pt of text on a 460 pt line less the indent), Căn cứ 2 two.
    const row = (k: number) =>
      model.rowHeights[
        rowOf(
          model,
          model.cells.find((c) => String(c.value).trim() === SEED_000_NOTICE_FIELDS.bases[k])?.value,
        )
      ];
    expect(row(0)).toBeCloseTo(4 * 13 * 1.15 + 2.4 + 3, 0);
    expect(row(1)).toBeCloseTo(2 * 13 * 1.15 + 2.4 + 3, 0);
  });

  it("adds the optional columns and turns landscape when the table gets wide", () => {
    const wide = buildNotice(ranking, SEED_000_NOTICE_FIELDS, {
      sheetName: "T",
      extras: ["rank", "gap", "award", "note"],
    });
    expect(noticeTable(ranking, ["rank", "gap", "award"])[3]).toEqual([
      3,
      "Sở TT&TT Lạng Sơn",
      995,
      965,
      "Xuất sắc",
      "3 (đồng hạng)",
      -30,
      "Bằng khen",
    ]);
    expect(wide.page.orientation).toBe("landscape");
  });

  it("leaves the number and the day blank for the registry clerk, and ends list lines properly", () => {
    expect(numberLine({ ...DEFAULT_NOTICE_FIELDS, number: "", symbol: "CTĐS2" })).toBe("Số:       /CTĐS2");
    expect(dateLine({ ...DEFAULT_NOTICE_FIELDS, place: "Sa Đéc", day: "", month: "10", year: "2023" })).toBe(
      "Sa Đéc, ngày        tháng 10 năm 2023",
    );
    const multi = buildNotice(
      ranking,
      { ...SEED_000_NOTICE_FIELDS, recipients: ["UBND thành phố Cao Lãnh;", "UBND huyện Lấp Vò"] },
      { sheetName: "T" },
    );
    const vals = multi.cells.map((c) => c.value);
    expect(vals).toEqual(
      expect.arrayContaining(["Kính gửi:", "- UBND thành phố Cao Lãnh;", "- UBND huyện Lấp Vò."]),
    );
  });
});

describe("the notice fields sheet", () => {
  it("round-trips seed 000's fields", () => {
    expect(noticeFieldsFromGrid(noticeFieldsGrid(SEED_000_NOTICE_FIELDS))).toEqual(SEED_000_NOTICE_FIELDS);
  });

  it("keeps defaults for missing fields, continues lists on blank labels and reads numbers as text", () => {
    const f = noticeFieldsFromGrid([
      ["Mục", "Nội dung"],
      ["Tháng", 12],
      ["Nơi nhận", "Như trên"],
      ["", "Lưu: VT"],
      ["Không biết", "x"],
    ]);
    expect(f.month).toBe("12");
    expect(f.distribution).toEqual(["Như trên", "Lưu: VT"]);
    expect(f.signerTitle).toEqual(DEFAULT_NOTICE_FIELDS.signerTitle);
  });
});
