import { detectTable, headerRole, mappingOf } from "../../src/core";
import { at, grid, seed000Grid, unwrap } from "../helpers/grid";

describe("headerRole", () => {
  it.each([
    ["STT", "stt"],
    ["TT", "stt"],
    ["Số TT", "stt"],
    ["Đơn vị", "unit"],
    ["Tên đơn vị", "unit"],
    ["Đơn vị thi đua", "unit"],
    ["Cơ quan", "unit"],
    ["Tập thể", "unit"],
    ["Điểm tự chấm", "self"],
    ["Tự chấm", "self"],
    ["Điểm tự đánh giá", "self"],
    ["Điểm chấm thẩm định", "verified"],
    ["Điểm thẩm định", "verified"],
    ["Điểm kiểm tra chéo", "verified"],
    ["Điểm chấm chéo", "verified"],
    ["Kết quả thẩm định", "verified"],
    ["Điểm tối đa", "max"],
    ["Điểm chuẩn", "max"],
    ["Thang điểm", "max"],
    ["Điểm thưởng", "bonus"],
    ["Điểm cộng", "bonus"],
    ["Điểm trừ", "deduction"],
    ["Xếp loại", "classification"],
    ["Hạng", "rank"],
    ["Xếp hạng", "rank"],
    ["Thứ hạng", "rank"],
    ["Ghi chú", "note"],
    ["Không xét", "veto"],
    ["Vi phạm", "veto"],
    ["Kỷ luật", "veto"],
    ["Unit", "unit"],
    ["Self score", "self"],
    ["Verified score", "verified"],
    ["Max", "max"],
    ["Bonus", "bonus"],
    ["Deduction", "deduction"],
    ["Classification", "classification"],
    ["Rank", "rank"],
    ["No.", "stt"],
    ["#", "stt"],
    ["Note", "note"],
    ["Excluded", "veto"],
  ])("%s → %s", (text, role) => {
    expect(headerRole(text)).toBe(role);
  });

  it("ignores case, accents, spaces and line breaks", () => {
    expect(headerRole("  ĐIỂM CHẤM\nTHẨM ĐỊNH ")).toBe("verified");
    expect(headerRole("diem tu cham")).toBe("self");
    expect(headerRole("Điểm tự chấm".normalize("NFD"))).toBe("self");
  });

  it("does not take other texts, numbers or booleans for headers", () => {
    expect(headerRole("Sở TT&TT Điện Biên")).toBeNull();
    expect(headerRole(985)).toBeNull();
    expect(headerRole(true)).toBeNull();
    expect(headerRole("")).toBeNull();
  });
});

describe("detectTable", () => {
  it("finds the header under letter-style title rows (seed 000)", () => {
    const loc = unwrap(detectTable(seed000Grid(), at()));
    expect(loc).toEqual({
      headerRow: 5,
      headerRows: 1,
      firstDataRow: 6,
      columns: { stt: 0, unit: 1, self: 2, verified: 3, classification: 4 },
    });
  });

  it("reads a two-row header with a merged parent cell", () => {
    const g = grid(
      ["STT", "Đơn vị", "Điểm", "", "Xếp loại"],
      ["", "", "Tự chấm", "Thẩm định", ""],
      [1, "Sở A", 900, 890, ""],
    );
    const loc = unwrap(detectTable(g, at()));
    expect(loc.headerRows).toBe(2);
    expect(loc.firstDataRow).toBe(2);
    expect(loc.columns).toEqual({ stt: 0, unit: 1, self: 2, verified: 3, classification: 4 });
  });

  it("reports no-table when no row names a unit and a score column", () => {
    const r = detectTable(grid(["Họ tên", "Ghi chú"], ["A", "B"]), at("Trang 1"));
    expect(r.ok).toBe(false);
    expect(r.issues).toEqual([{ code: "no-table", severity: "error", sheet: "Trang 1" }]);
  });

  it("lets an explicit mapping override detection, in sheet coordinates", () => {
    const g = grid(["Tên", "A", "B"], ["Sở A", 900, 880]);
    const loc = unwrap(
      detectTable(g, at(), { headerRow: 1, columns: { unit: "A", self: "B", verified: "C" } }),
    );
    expect(loc.columns).toEqual({ unit: 0, self: 1, verified: 2 });
    expect(loc.firstDataRow).toBe(1);
    expect(mappingOf(loc, at())).toEqual({ headerRow: 1, columns: { unit: "A", self: "B", verified: "C" } });
  });

  it("moves a column the user maps away from the role detection gave it", () => {
    const loc = unwrap(detectTable(seed000Grid(), at(), { columns: { verified: "C" } }));
    expect(loc.columns.verified).toBe(2);
    expect(loc.columns.self).toBeUndefined();
  });

  it("rejects a mapping with bad column letters", () => {
    const r = detectTable(seed000Grid(), at(), { columns: { unit: "1B" } });
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ code: "mapping-invalid", role: "unit", column: "1B" });
  });

  it("accounts for a grid that does not start at A1", () => {
    const loc = unwrap(detectTable(grid(["Đơn vị", "Tự chấm"], ["Sở A", 1]), at("S", 4, 2)));
    expect(mappingOf(loc, at("S", 4, 2))).toEqual({ headerRow: 5, columns: { unit: "C", self: "D" } });
  });
});
