import { foldKey } from "../../../src/core/text/fold-key";

describe("foldKey", () => {
  it("folds headers for matching", () => {
    expect(foldKey("  Điểm chấm\nthẩm định ")).toBe("diem cham tham dinh");
    expect(foldKey("Số TT")).toBe("so tt");
    expect(foldKey("ĐIỂM TỰ CHẤM")).toBe("diem tu cham");
    expect(foldKey("Xếp loại")).toBe("xep loai");
  });

  it("gives NFC and NFD text the same key", () => {
    const header = "Điểm chấm thẩm định";
    expect(foldKey(header.normalize("NFD"))).toBe(foldKey(header));
  });

  it("keeps &, % and / and drops other punctuation", () => {
    expect(foldKey("Sở TT&TT")).toBe("so tt&tt");
    expect(foldKey("Tỷ lệ (%)")).toBe("ty le %");
    expect(foldKey("V/v: Thông báo...")).toBe("v/v thong bao");
    expect(foldKey("Điểm_tối-đa")).toBe("diem toi da");
  });

  it("handles the boundaries", () => {
    expect(foldKey("")).toBe("");
    expect(foldKey(" .,;- ")).toBe("");
    expect(foldKey("STT 1")).toBe("stt 1");
  });

  it("throws on a non-string, which is a programming error", () => {
    expect(() => foldKey(null as unknown as string)).toThrow(TypeError);
  });
});
