import { presetRules, readScoreTable, withUnitName } from "../../src/core";
import { at, grid, unwrap } from "../helpers/grid";

/**
 * A unit read from a table builds its cells and its row's existing marks on first use (issue 13's
 * engine); a document that prints the member list's name must keep them, which a spread would not.
 */
describe("withUnitName", () => {
  const rules = presetRules("cum-1000");
  const HEAD = ["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định", "Xếp loại"];
  const table = () =>
    unwrap(readScoreTable(grid(HEAD, [1, "Sở TT&TT Hà Giang", 980, 915, "Khá"]), at(), rules));

  it("keeps every field, the cells and the existing marks under the new name", () => {
    const unit = table().units[0]!;
    const renamed = withUnitName(unit, "Sở Thông tin và Truyền thông tỉnh Hà Giang");
    expect(renamed.name).toBe("Sở Thông tin và Truyền thông tỉnh Hà Giang");
    expect(unit.name).toBe("Sở TT&TT Hà Giang");
    for (const k of ["key", "self", "verified", "score", "veto", "row"] as const)
      expect(renamed[k]).toEqual(unit[k]);
    expect(renamed.cells).toEqual(unit.cells);
    expect(renamed.cells.verified).toEqual({ sheet: at().sheet, row: unit.row, col: 3 });
    expect(renamed.existing).toEqual({ classification: "Khá", rank: "" });
  });

  it("works on a unit whose cells were already asked for, and on a plain object", () => {
    const unit = table().units[0]!;
    const cells = unit.cells;
    expect(withUnitName(unit, "X").cells).toEqual(cells);
    const plain = { ...unit, cells, existing: unit.existing };
    expect(withUnitName(plain, "Y")).toEqual({ ...plain, name: "Y" });
  });
});
