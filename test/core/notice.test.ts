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

function textAt(m: SheetModel, row: number, col: number): unknown {
  return m.cells.find((c) => c.row === row && c.col === col)?.value;
}
function rowOf(m: SheetModel, value: unknown): number {
  const c = m.cells.find((x) => x.value === value);
  if (!c) throw new Error(`no cell ${String(value)}`);
  return c.row;
}

describe("the notice model", () => {
  it("has seed 000's table exactly", () => {
    const head = rowOf(model, "Điểm chấm thẩm định");
    const cells = (r: number) => [0, 1, 2, 3, 4].map((c) => textAt(model, r, c));
    expect(cells(head)).toEqual(["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định", "Xếp loại"]);
    expect(SEED_000_NOTICE.map((_, k) => cells(head + 1 + k))).toEqual(SEED_000_NOTICE);
    expect(model.page.printTitleRows).toBeUndefined();
  });

  it("lays out the letter head of Nghị định 30: two columns, upper case, bold issuer and motto with rules", () => {
    expect(textAt(model, 0, 0)).toBe("BỘ THÔNG TIN VÀ TRUYỀN THÔNG");
    expect(textAt(model, 0, 2)).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(textAt(model, 1, 0)).toBe("CỤM THI ĐUA SỐ 2");
    expect(textAt(model, 1, 2)).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(textAt(model, 3, 0)).toBe("Số:       /CTĐ2");
    expect(textAt(model, 3, 2)).toBe("Lào Cai, ngày        tháng 12 năm 2022");
    expect(String(textAt(model, 4, 0))).toMatch(/^V\/v Thông báo tổng hợp kết quả chấm điểm/);
    const style = (r: number, c: number) =>
      model.styles[model.cells.find((x) => x.row === r && x.col === c)?.style ?? ""];
    expect(style(1, 0)).toMatchObject({ font: { bold: true, name: "Times New Roman" }, bottomRule: true });
    expect(style(1, 2)).toMatchObject({ font: { bold: true }, bottomRule: true });
    expect(style(3, 2)).toMatchObject({ font: { italic: true } });
    expect(model.merges).toEqual(
      expect.arrayContaining([
        { r1: 0, c1: 0, r2: 0, c2: 1 },
        { r1: 0, c1: 2, r2: 0, c2: 4 },
      ]),
    );
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

  it("writes Kính gửi, the Căn cứ paragraphs, the closing ./. and the signature block", () => {
    const values = model.cells.map((c) => c.value);
    expect(values).toContain(
      "Kính gửi: Sở Thông tin và Truyền thông các tỉnh: Điện Biên, Lai Châu, Sơn La, Hà Giang, Cao Bằng, Lạng Sơn.",
    );
    expect(values.filter((v) => typeof v === "string" && v.startsWith("Căn cứ"))).toHaveLength(7);
    expect(values).toContain(SEED_000_NOTICE_FIELDS.closing);
    const places = rowOf(model, "Nơi nhận:");
    expect([1, 2, 3, 4].map((k) => textAt(model, places + k, 0))).toEqual([
      "- Như trên;",
      "- Lãnh đạo Sở;",
      "- Các phòng, Trung tâm;",
      "- Lưu: VT, VP.",
    ]);
    expect(textAt(model, places, 2)).toBe("GIÁM ĐỐC");
    expect(rowOf(model, "Vũ Hùng Dũng")).toBeGreaterThan(places + 3);
    expect(model.page.printArea.r2).toBeGreaterThanOrEqual(rowOf(model, "Vũ Hùng Dũng"));
  });

  it("sizes rows for the wrapped paragraphs, since Excel does not grow merged rows", () => {
    const para = rowOf(model, SEED_000_NOTICE_FIELDS.bases[0]);
    expect(model.rowHeights[para]).toBeGreaterThan(50);
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
