import {
  PROVISIONAL,
  SEED_000_NOTICE_FIELDS,
  addresseeLines,
  closingSentence,
  documentSheet,
  listLines,
  noticeDocument,
  rankWorkbook,
  textWidthPt,
  wrapText,
  type OfficialDocument,
} from "../../src/core";
import { seed000Grid } from "../helpers/grid";

const ranking = rankWorkbook({ sheets: [{ name: "Tổng hợp", grid: seed000Grid() }] }).ranking;

describe("the official document model", () => {
  it("punctuates lists, addressees and the closing sentence the NĐ 30 way", () => {
    expect(listLines(["Như trên", " ", "Lưu: VT, VP."])).toEqual(["- Như trên;", "- Lưu: VT, VP."]);
    expect(addresseeLines(["Sở A;"])).toEqual(["Kính gửi: Sở A."]);
    expect(addresseeLines(["Sở A", "Sở B"])).toEqual(["Kính gửi:", "- Sở A;", "- Sở B."]);
    expect(closingSentence("Trân trọng thông báo.")).toBe("Trân trọng thông báo./.");
    expect(closingSentence("Trân trọng./.")).toBe("Trân trọng./.");
  });

  it("builds seed 000's notice: header, Kính gửi, seven Căn cứ, the table, closing, Nơi nhận, signer", () => {
    const doc = noticeDocument(ranking, SEED_000_NOTICE_FIELDS);
    expect(doc.header).toMatchObject({
      parentBody: "BỘ THÔNG TIN VÀ TRUYỀN THÔNG",
      issuingBody: "CỤM THI ĐUA SỐ 2",
      numberLine: "Số:       /CTĐ2",
      nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      motto: "Độc lập - Tự do - Hạnh phúc",
      dateLine: "Lào Cai, ngày        tháng 12 năm 2022",
    });
    expect(doc.body.map((b) => b.kind)).toEqual(["addressees", ...Array(7).fill("paragraph"), "table"]);
    const table = doc.body.at(-1);
    expect(table?.kind === "table" && table.rows.map((r) => r[1])).toEqual([
      "Sở TT&TT Điện Biên",
      "Sở TT&TT Cao Bằng",
      "Sở TT&TT Lạng Sơn",
      "Sở TT&TT Lào Cai",
      "Sở TT&TT Lai Châu",
      "Sở TT&TT Hà Giang",
      "Sở TT&TT Sơn La",
    ]);
    expect(doc.closing).toBe(SEED_000_NOTICE_FIELDS.closing);
    expect(doc.places).toEqual([
      "- Như trên;",
      "- Lãnh đạo Sở;",
      "- Các phòng, Trung tâm;",
      "- Lưu: VT, VP.",
    ]);
    expect(doc.sign).toEqual({ authority: ["GIÁM ĐỐC"], signer: "Vũ Hùng Dũng" });
  });

  it("on self-scores says the result is provisional and leaves the verified column out", () => {
    const doc = noticeDocument(ranking, SEED_000_NOTICE_FIELDS, { basis: "self" });
    expect(doc.header.subject?.[0]).toBe(
      "V/v Thông báo tổng hợp kết quả tạm tính theo điểm tự chấm công tác thi đua khen thưởng Cụm thi đua số 2 năm 2022.",
    );
    expect(doc.closing).toBe(
      `Sở Thông tin và Truyền thông tỉnh Lào Cai trân trọng thông báo gửi Cụm trưởng Cụm Thi đua số 2 để làm căn cứ xét, trình thi đua khen thưởng năm 2022 (${PROVISIONAL})./.`,
    );
    const table = doc.body.find((b) => b.kind === "table");
    expect(table?.kind === "table" && table.columns.map((c) => c.header)).toEqual([
      "STT",
      "Đơn vị",
      "Điểm tự chấm",
      "Xếp loại",
    ]);
    expect(table?.kind === "table" && table.rows[0]).toEqual([1, "Sở TT&TT Điện Biên", 985, "Xuất sắc"]);
  });

  it("measures Times New Roman: digits half an em, bold wider, Vietnamese letters as wide as their base", () => {
    expect(textWidthPt("0123456789", 10)).toBe(50);
    expect(textWidthPt("ă", 13, { bold: true })).toBeGreaterThan(textWidthPt("ă", 13));
    expect(textWidthPt("ộ", 12)).toBe(textWidthPt("o", 12));
    expect(wrapText("Sở TT&TT Điện Biên", 60, 13)).toEqual(["Sở TT&TT", "Điện Biên"]);
  });

  it("lays out a signature grid: blocks side by side, 2 a row, each whole", () => {
    const doc: OfficialDocument = {
      header: {
        issuingBody: "CỤM THI ĐUA SỐ 2",
        numberLine: "Số:      /CTĐ2",
        nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        motto: "Độc lập - Tự do - Hạnh phúc",
        dateLine: "Lào Cai, ngày      tháng 12 năm 2022",
      },
      title: ["BẢN ĐĂNG KÝ GIAO ƯỚC THI ĐUA"],
      body: [
        {
          kind: "signatures",
          perRow: 2,
          blocks: ["Sở A", "Sở B", "Sở C"].map((u) => ({
            authority: [u.toUpperCase(), "GIÁM ĐỐC"],
            signer: `Ông ${u}`,
          })),
        },
      ],
    };
    const sheet = documentSheet(doc, { sheetName: "Giao ước" });
    const at = (v: string) => sheet.cells.find((c) => c.value === v);
    expect(at("SỞ A")?.row).toBe(at("SỞ B")?.row);
    expect(at("Ông Sở A")?.row).toBe(at("Ông Sở B")?.row);
    expect(at("SỞ C")?.row).toBeGreaterThan(at("Ông Sở A")?.row ?? Infinity);
    expect(at("SỞ A")?.col).toBeLessThan(at("SỞ B")?.col ?? 0);
  });
});
