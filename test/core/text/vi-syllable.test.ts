import { isViSyllable } from "../../../src/core/text/vi-syllable";

const REAL = (
  "Bảo Thắng Mường Khương Việt Nam Sở Thông tin và Truyền thông Ủy Uỷ ban nhân dân Điện Biên Lạng Sơn " +
  "Hà Giang Cao Bằng Lào Cai Lai Châu Sơn La Đắk Lắk Kon Tum Bắc Kạn người nước khuya khuỷu nguyệt " +
  "quyết giếng gì gìn già hoặc boong soóc thuở rượu ngoẹo khuấy tuần huynh oanh khuếch kênh ích yến ý " +
  "tỉnh thành phố huyện quận thị xã phường Quảng Ninh Thừa Thiên Huế Đồng Tháp Cần Thơ Bà Rịa Vũng Tàu " +
  "hòa hoà thủy thuỷ khỏe khoẻ cứu gửi muối xoáy hoài yêu tiếu quý quả quốc nghiêng ghế kẻ điểm chấm " +
  "thẩm định xếp loại xuất sắc tốt khá trung bình yếu cụm thi đua khen thưởng"
).split(" ");

describe("isViSyllable", () => {
  it("accepts real Vietnamese syllables, in any case and either normal form", () => {
    expect(REAL.filter((w) => !isViSyllable(w))).toEqual([]);
    expect(REAL.filter((w) => !isViSyllable(w.toUpperCase().normalize("NFD")))).toEqual([]);
  });

  it("rejects foreign words and mis-decoded text", () => {
    for (const w of ["café", "Müller", "José", "Señor", "naïve", "Mỹnchen", "Cafộ", "Cõy", "Bỡnh", "Hạti"]) {
      expect([w, isViSyllable(w)]).toEqual([w, false]);
    }
  });

  it("enforces Vietnamese spelling rules", () => {
    expect(isViSyllable("viềt")).toBe(false); // a stop takes only sắc or nặng
    expect(isViSyllable("at")).toBe(false);
    expect(isViSyllable("mơng")).toBe(false); // "ơ" never comes before ng
    expect(isViSyllable("ngi")).toBe(false); // "ngh" before i
    expect(isViSyllable("ghá")).toBe(false); // "g" before a
    expect(isViSyllable("ce")).toBe(false); // "k" before e
    expect(isViSyllable("caù")).toBe(false); // tone on the wrong vowel
    expect(isViSyllable("mãí")).toBe(false); // two tones
    expect(isViSyllable("tiên")).toBe(true);
    expect(isViSyllable("tiê")).toBe(false); // "iê" needs a final
    expect(isViSyllable("aic")).toBe(false);
    expect(isViSyllable("ñ")).toBe(false); // a tone on a consonant
  });

  it("handles the boundaries", () => {
    expect(isViSyllable("")).toBe(false);
    expect(isViSyllable("a")).toBe(true);
    expect(isViSyllable("ạ")).toBe(true);
    expect(isViSyllable("Hà Nội")).toBe(false);
    expect(isViSyllable("x2")).toBe(false);
  });

  it("throws on a non-string, which is a programming error", () => {
    expect(() => isViSyllable(undefined as unknown as string)).toThrow(TypeError);
  });
});
