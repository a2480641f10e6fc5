import {
  SEED_002_PLEDGE_FIELDS,
  SEED_003_CALL_FIELDS,
  buildCall,
  buildPledge,
  yearToOfficialDocument,
  type Member,
} from "../../src/core";

/** A member as the list gives it (the cell is irrelevant here). */
const member = (name: string, title: string[], signer: string): Member => ({
  name,
  short: "",
  signerTitle: title,
  signer,
  email: "",
  address: "",
  role: "",
  cell: { sheet: "Thành viên cụm", row: 0, col: 0 },
});

const THREE = [
  member("Sở TTTT tỉnh Hà Giang", ["GIÁM ĐỐC"], "Đỗ Thái Hòa"),
  member("Sở TTTT tỉnh Lai Châu", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Phạm Quang Cường"),
  member("Sở TTTT tỉnh Lào Cai", ["GIÁM ĐỐC"], "Vũ Hùng Dũng"),
];

describe("yearToOfficialDocument: the year's documents on the shared model", () => {
  it("the pledge: title, the grid heading kept with the grid, one block per member in capitals, titles padded per row", () => {
    const doc = yearToOfficialDocument(buildPledge(SEED_002_PLEDGE_FIELDS, THREE));
    expect(doc.header.parentBody).toBe("BỘ THÔNG TIN VÀ TRUYỀN THÔNG");
    expect(doc.header.issuingBody).toBe("CỤM THI ĐUA SỐ 2");
    expect(doc.header.subject).toBeUndefined();
    expect(doc.title).toEqual(["GIAO ƯỚC THI ĐUA CỤM THI ĐUA SỐ 2"]);
    const headings = doc.body.filter((b) => b.kind === "paragraph" && b.keepWithNext);
    expect(headings.map((b) => (b.kind === "paragraph" ? b.text : ""))).toEqual([
      "ĐẠI DIỆN 03 SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
      "CỤM THI ĐUA SỐ 2 KÝ KẾT GIAO ƯỚC THI ĐUA",
    ]);
    const grid = doc.body.at(-1);
    expect(grid?.kind).toBe("signatures");
    if (grid?.kind !== "signatures") return;
    expect(grid.perRow).toBe(2);
    // Row 1 has a two-line title, so Hà Giang's title gets a blank second line; Lào Cai is alone.
    expect(grid.blocks).toEqual([
      { authority: ["SỞ TTTT TỈNH HÀ GIANG", "GIÁM ĐỐC", ""], signer: "Đỗ Thái Hòa" },
      { authority: ["SỞ TTTT TỈNH LAI CHÂU", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], signer: "Phạm Quang Cường" },
      { authority: ["SỞ TTTT TỈNH LÀO CAI", "GIÁM ĐỐC"], signer: "Vũ Hùng Dũng" },
    ]);
    // The pledge's closing stays above the grid; no single signer, Nơi nhận as punctuated.
    expect(doc.closing).toBeUndefined();
    expect(doc.sign).toBeUndefined();
    expect(doc.places?.at(-1)).toBe("- Lưu: VT, VP.");
  });

  it("the call: addressees without their list punctuation, the bold deadline run, the closing apart, the signer", () => {
    const doc = yearToOfficialDocument(buildCall(SEED_003_CALL_FIELDS, THREE, 45275));
    expect(doc.header.subject?.[0]).toMatch(/^V\/v báo cáo tổng kết/);
    expect(doc.body[0]).toEqual({
      kind: "addressees",
      names: ["Sở TTTT tỉnh Hà Giang", "Sở TTTT tỉnh Lai Châu", "Sở TTTT tỉnh Lào Cai"],
    });
    const deadline = doc.body.find(
      (b) => b.kind === "paragraph" && Array.isArray(b.text) && b.text.some((r) => r.bold),
    );
    expect(deadline).toMatchObject({
      text: [
        { text: "Thời hạn gửi: chậm nhất trước " },
        { text: "ngày 15 tháng 12 năm 2023", bold: true },
        { text: "." },
      ],
    });
    expect(doc.closing).toEqual([{ text: SEED_003_CALL_FIELDS.closing }]);
    expect(doc.sign).toEqual({
      authority: ["TM. CỤM THI ĐUA SỐ 01", "CỤM TRƯỞNG", "CHỦ TỊCH UBND THÀNH PHỐ SA ĐÉC"],
      signer: "Nguyễn Văn Hon",
    });
    expect(doc.places?.[0]).toBe("- Như trên;");
  });
});
