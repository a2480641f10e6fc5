import { detectTable, isNumberingRow, locateRows, sameUnitName, type Grid } from "../../src/core";

/** The named phases of reading a score table (issue 14), each on its own. */
const origin = { sheet: "Bảng điểm", row: 0, col: 0 };
const HEAD = ["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định"];
const loc = (g: Grid) => {
  const d = detectTable(g, origin);
  if (!d.ok) throw new Error("no table");
  return d.value;
};

describe("isNumberingRow", () => {
  const l = loc([HEAD, [1, "Sở A", 900, 900]]);
  it.each([
    [["(1)", "(2)", "(3)", "(4)"]],
    [["A", "B", 1, 2]],
    [[1, 2, 3, 4]],
    [["(1)", "(2)", "(3)", "(4)=(3)-(2)"]],
  ])("takes %j for the header's numbering", (row) => expect(isNumberingRow(row, l)).toBe(true));
  it.each([[[1, "Sở A", 900, 900]], [[1, "B", 900, 900]], [[1, 2, 4, 5]], [["", "", "", ""]]])(
    "never takes the unit row %j",
    (row) => expect(isNumberingRow(row, l)).toBe(false),
  );
});

describe("locateRows", () => {
  it("skips the numbering row and a first section title, stops at notes and signatures", () => {
    const g: Grid = [
      HEAD,
      ["(1)", "(2)", "(3)", "(4)"],
      ["I", "Khối các Sở", "", ""],
      [1, "Sở A", 900, 890],
      [2, "Sở B", 880, 880],
      ["Ghi chú: điểm theo biên bản", "", "", ""],
      ["Nơi nhận:", "", "KT. GIÁM ĐỐC", ""],
      ["Nguyễn Văn A", "", "Trần Văn B", ""],
    ];
    expect(locateRows(g, loc(g))).toEqual({
      units: [3, 4],
      totalRow: null,
      lastRow: 4,
      secondTable: null,
      secondEnd: null,
    });
  });

  it("ends the first table at a second header and says where the second one is", () => {
    const g: Grid = [
      ["I. Khối các Sở"],
      HEAD,
      [1, "Sở A", 900, 890],
      [],
      ["II. Khối các huyện"],
      HEAD,
      [1, "UBND huyện C", 870, 860],
    ];
    expect(locateRows(g, loc(g))).toMatchObject({ units: [2], secondTable: 5, secondEnd: 6 });
  });
});

describe("sameUnitName", () => {
  it.each([
    ["Tân Thành", "Tân Thạnh", false],
    ["Mỹ Tho", "Mỹ Thọ", false],
    ["Long Thành", "Long Thạnh", false],
    ["An Hòa", "An Hóa", false],
    ["UBND xã An Hoà", "UBND xã An Hòa", true],
    ["Tan Thanh", "Tân Thạnh", true],
    ["Sở TT&TT Điện Biên", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH ĐIỆN BIÊN", true],
    ["Sở Lào Cai".normalize("NFD"), "Sở Lào Cai", true],
  ])("%s ~ %s: %s", (a, b, same) => expect(sameUnitName(a, b)).toBe(same));
});
