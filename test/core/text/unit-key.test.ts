import fc from "fast-check";
import { unitKey } from "../../../src/core/text/unit-key";

const same = (...names: string[]) => new Set(names.map(unitKey)).size === 1;

describe("unitKey", () => {
  it("gives every spelling of a department one key", () => {
    const dienBien = [
      "Sở TT&TT Điện Biên",
      "Sở Thông tin và Truyền thông tỉnh Điện Biên",
      "SỞ TTTT TỈNH ĐIỆN BIÊN",
      "Sở  TT & TT  Điện Biên ",
      "Sở TT-TT Điện Biên",
      "Sở Thông tin Truyền thông Điện Biên",
    ];
    expect(same(...dienBien, ...dienBien.map((n) => n.normalize("NFD")))).toBe(true);
    expect(unitKey("Sở TT&TT Điện Biên")).toBe("so tttt dien bien");
  });

  it("drops the doubled province word of a real typo", () => {
    expect(unitKey("SỞ TTTT TỈNH TỈNH LÀO CAI")).toBe(unitKey("Sở TT&TT Lào Cai"));
  });

  it("drops the city word after a department", () => {
    expect(
      same("Sở TT&TT thành phố Hà Nội", "Sở TT&TT TP. Hà Nội", "Sở TT&TT TP Hà Nội", "Sở TT&TT Hà Nội"),
    ).toBe(true);
  });

  it("keeps the administrative level after UBND", () => {
    expect(unitKey("UBND thành phố Cao Lãnh")).toBe("ubnd tp cao lanh");
    expect(unitKey("UBND huyện Cao Lãnh")).toBe("ubnd huyen cao lanh");
    expect(
      same("UBND thành phố Cao Lãnh", "Ủy ban nhân dân TP. Cao Lãnh", "Uỷ ban nhân dân Thành phố Cao Lãnh"),
    ).toBe(true);
    expect(same("UBND thị xã Sa Pa", "UBND TX Sa Pa", "U ban nhân dân thị xã Sa Pa")).toBe(true);
    expect(unitKey("UBND tỉnh Lào Cai")).not.toBe(unitKey("UBND thành phố Lào Cai"));
  });

  it("keeps names that contain the level words", () => {
    expect(unitKey("Sở TT&TT Hà Tĩnh")).toBe("so tttt ha tinh");
    expect(unitKey("Sở TT&TT tỉnh Hà Tĩnh")).toBe("so tttt ha tinh");
    expect(unitKey("UBND huyện Tĩnh Gia")).toBe("ubnd huyen tinh gia");
  });

  it("writes culture departments in one form", () => {
    expect(
      same(
        "Sở VH, TT&DL Lào Cai",
        "Sở Văn hóa, Thể thao và Du lịch Lào Cai",
        "Sở VHTTDL tỉnh Lào Cai",
        "Sở VH-TT-DL Lào Cai",
        "Sở VHTT&DL Lào Cai",
      ),
    ).toBe(true);
    expect(unitKey("Sở Văn hóa, Thông tin, Thể thao và Du lịch Lào Cai")).toBe("so vhttttdl lao cai");
    expect(unitKey("Sở VH, TT, TT và DL Lào Cai")).toBe("so vhttttdl lao cai");
  });

  it("keeps different units apart", () => {
    expect(unitKey("Sở TT&TT Lào Cai")).not.toBe(unitKey("Sở TT&TT Lai Châu"));
    expect(unitKey("UBND thành phố Cao Lãnh")).not.toBe(unitKey("UBND huyện Cao Lãnh"));
    expect(unitKey("Sở TT&TT Hà Giang")).not.toBe(unitKey("Sở TT&TT Hà Nam"));
    expect(unitKey("Sở TT&TT Lào Cai")).not.toBe(unitKey("Sở VHTTDL Lào Cai"));
  });

  it("handles the boundaries", () => {
    expect(unitKey("")).toBe("");
    expect(unitKey(" - ")).toBe("");
    expect(unitKey("tỉnh")).toBe("tinh");
    expect(unitKey("TT&TT")).toBe("tttt");
    expect(unitKey("Sở Sở TT&TT")).toBe("so tttt");
  });

  it("throws on a non-string, which is a programming error", () => {
    expect(() => unitKey(7 as unknown as string)).toThrow(TypeError);
  });

  it("is stable under NFD, case and whitespace changes", () => {
    const word = fc.constantFrom(
      "Sở",
      "TT&TT",
      "Thông",
      "tin",
      "và",
      "Truyền",
      "thông",
      "tỉnh",
      "thành",
      "phố",
      "TP.",
      "UBND",
      "Ủy",
      "ban",
      "nhân",
      "dân",
      "huyện",
      "thị",
      "xã",
      "Điện",
      "Biên",
      "Lào",
      "Cai",
      "Hà",
      "Tĩnh",
      "VH,",
      "TT",
      "DL",
    );
    const space = fc.constantFrom(" ", "  ", "\u00A0", "\t", " \n ");
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 8 }),
        space,
        fc.boolean(),
        (words, gap, upper) => {
          const name = words.join(" ");
          const variant = ` ${words.join(gap)} `.normalize("NFD");
          const key = unitKey(name);
          return (
            unitKey(upper ? variant.toUpperCase() : variant.toLowerCase()) === key && unitKey(key) === key
          );
        },
      ),
      { numRuns: 1000, seed: 42 },
    );
  });
});
