import { documentNames, officeCase } from "../../src/core/document-names";
import { bareMember, type Member, type MemberList } from "../../src/core/members";

const member = (m: Partial<Member> & { name: string }): Member => bareMember(m.name, m);

const list = (...members: Member[]): MemberList => ({ sheet: "Thành viên cụm", members });

const HA_GIANG = member({
  name: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH HÀ GIANG",
  short: "Sở TT&TT Hà Giang",
  signerTitle: ["GIÁM ĐỐC"],
  signer: "Đỗ Thái Hòa",
  role: "head",
});
const LAI_CHAU = member({
  name: "Sở Thông tin và Truyền thông tỉnh Lai Châu",
  short: "Sở TT&TT Lai Châu",
  signerTitle: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
  signer: "Phạm Quang Cường",
});
const TEMPLATE = { signerTitle: ["TM. CỤM THI ĐUA", "CỤM TRƯỞNG"], signerName: "" };

describe("documentNames: one rule for every document's names and signer", () => {
  it("a unit's name: the member's full name for its short name or another spelling, else as it is", () => {
    const names = documentNames(list(HA_GIANG, LAI_CHAU));
    expect(names.unitName("Sở TT&TT Hà Giang")).toBe("SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH HÀ GIANG");
    expect(names.unitName("SỞ TTTT TỈNH LAI CHÂU")).toBe("Sở Thông tin và Truyền thông tỉnh Lai Châu");
    expect(names.unitName("Sở TT&TT Bắc Kạn")).toBe("Sở TT&TT Bắc Kạn");
    expect(documentNames(null).unitName("Sở TT&TT Hà Giang")).toBe("Sở TT&TT Hà Giang");
  });

  it("tone marks tell places apart: Mỹ Tho is not the member Mỹ Thọ", () => {
    const names = documentNames(list(member({ name: "UBND huyện Mỹ Thọ", short: "Mỹ Thọ" })));
    expect(names.unitName("UBND huyện Mỹ Tho")).toBe("UBND huyện Mỹ Tho");
    expect(names.unitName("Ủy ban nhân dân huyện Mỹ Thọ")).toBe("UBND huyện Mỹ Thọ");
  });

  it("the signer: the Cụm trưởng's, under the template completed with the cluster's name (seed 003's shape)", () => {
    const s = documentNames(list(LAI_CHAU, HA_GIANG)).signer(TEMPLATE, "Cụm thi đua số 2");
    expect(s).toMatchObject({
      signerTitle: ["TM. CỤM THI ĐUA SỐ 2", "CỤM TRƯỞNG", "GIÁM ĐỐC"],
      signerName: "Đỗ Thái Hòa",
      source: "members",
    });
    // The template's cluster still a placeholder: the lines are left as they are.
    expect(documentNames(list(HA_GIANG)).signer(TEMPLATE, "CỤM THI ĐUA SỐ …").signerTitle).toEqual([
      "TM. CỤM THI ĐUA",
      "CỤM TRƯỞNG",
      "GIÁM ĐỐC",
    ]);
  });

  it("lines the user typed are kept, the head's title added only when they do not already say it", () => {
    const names = documentNames(list(HA_GIANG));
    const s = names.signer(
      { signerTitle: ["TM. CỤM THI ĐUA SỐ 2", "CỤM TRƯỞNG", "Giám đốc"], signerName: "" },
      "",
    );
    expect(s.signerTitle).toEqual(["TM. CỤM THI ĐUA SỐ 2", "CỤM TRƯỞNG", "GIÁM ĐỐC"]);
  });

  it("a typed signer always wins; no head (or a head without a signer) leaves the fields as they are", () => {
    const typed = documentNames(list(HA_GIANG)).signer(
      { signerTitle: [" GIÁM ĐỐC "], signerName: " Vũ Hùng Dũng " },
      "CỤM THI ĐUA SỐ 2",
    );
    expect(typed).toEqual({ signerTitle: ["GIÁM ĐỐC"], signerName: "Vũ Hùng Dũng", source: "typed" });
    expect(documentNames(list(LAI_CHAU)).signer(TEMPLATE, "CỤM THI ĐUA SỐ 2")).toEqual({
      ...TEMPLATE,
      source: "none",
    });
    const noSigner = member({ name: "Sở A", role: "head" });
    expect(documentNames(list(noSigner)).signer(TEMPLATE, "CỤM THI ĐUA SỐ 2").source).toBe("none");
  });

  it("the chair: typed wins; else the head's signer, described by office and member", () => {
    const names = documentNames(list(LAI_CHAU, { ...LAI_CHAU, name: "Sở B", short: "", role: "head" }));
    expect(names.chair("", "Cụm trưởng")).toEqual({
      name: "Phạm Quang Cường",
      title: "Phó Giám đốc Sở B, Cụm trưởng",
      source: "members",
    });
    expect(names.chair("", "Giám đốc Sở B, Cụm trưởng Cụm thi đua số 2").title).toBe(
      "Giám đốc Sở B, Cụm trưởng Cụm thi đua số 2",
    );
    expect(names.chair("Ông Lê Văn C", "Cụm trưởng")).toEqual({
      name: "Ông Lê Văn C",
      title: "Cụm trưởng",
      source: "typed",
    });
    expect(documentNames(null).chair("", "Cụm trưởng")).toEqual({
      name: "",
      title: "Cụm trưởng",
      source: "none",
    });
  });

  it("offices in running text", () => {
    expect(officeCase("GIÁM ĐỐC")).toBe("Giám đốc");
    expect(officeCase("PHÓ GIÁM ĐỐC")).toBe("Phó Giám đốc");
    expect(officeCase("CHỦ TỊCH UBND THÀNH PHỐ SA ĐÉC")).toBe("CHỦ TỊCH UBND THÀNH PHỐ SA ĐÉC");
    expect(officeCase("TRƯỞNG PHÒNG")).toBe("TRƯỞNG PHÒNG");
  });
});
