import { NO_MARKS, marksGrid, parseMarks, placeSheet, rememberedMapping } from "../../src/core";

describe("marks", () => {
  it("round-trips sheets and cells", () => {
    const marks = {
      sheets: new Map([["Thông báo kết quả", "notice" as const]]),
      cells: new Map([["'Tổng hợp'!E7", "Xuất sắc"]]),
    };
    const back = parseMarks(marksGrid(marks));
    expect([...back.sheets]).toEqual([["Thông báo kết quả", "notice"]]);
    expect([...back.cells]).toEqual([["'Tổng hợp'!E7", "Xuất sắc"]]);
  });

  it("stores filled cells as runs down a column, compact even for 100,000 rows", () => {
    const cells = new Map<string, string | number>();
    for (let r = 7; r < 100_007; r++) cells.set(`'Tổng hợp'!E${r + 1}`, r % 3 === 0 ? "Xuất sắc" : "Tốt");
    cells.set("'Tổng hợp'!F8", 1);
    cells.set("'Tổng hợp'!F10", 3);
    const grid = marksGrid({ sheets: new Map(), cells, source: "Tổng hợp" });
    expect(grid.length).toBeLessThan(10);
    expect(grid.every((row) => row.every((v) => typeof v !== "string" || v.length <= 30_000))).toBe(true);
    const back = parseMarks(grid);
    expect(back.cells).toEqual(cells);
    expect(back.source).toBe("Tổng hợp");
  });

  it("ignores rows it does not understand", () => {
    expect(parseMarks([["sheet", "X", "chart"], ["cell", 5, "y"], []]).sheets.size).toBe(0);
  });
});

describe("placeSheet", () => {
  it("uses the base name when free", () => {
    expect(placeSheet("Thông báo", "notice", ["Tổng hợp"], NO_MARKS)).toEqual({
      name: "Thông báo",
      replace: false,
    });
  });

  it("never replaces a user's sheet of the same name", () => {
    expect(placeSheet("Thông báo", "notice", ["Thông báo", "Thông báo (2)"], NO_MARKS)).toEqual({
      name: "Thông báo (3)",
      replace: false,
    });
  });

  it("replaces the sheet EMU made itself", () => {
    const marks = { sheets: new Map([["Thông báo (2)", "notice" as const]]), cells: new Map() };
    expect(placeSheet("Thông báo", "notice", ["Thông báo", "Thông báo (2)"], marks)).toEqual({
      name: "Thông báo (2)",
      replace: true,
    });
    expect(placeSheet("Kết quả", "results", ["Thông báo (2)"], marks)).toEqual({
      name: "Kết quả",
      replace: false,
    });
  });
});

describe("marks: the remembered column mapping", () => {
  it("round-trips a mapping and keeps it beside sheets, cells and source", () => {
    const marks = {
      sheets: new Map([["Kết quả xếp hạng", "results" as const]]),
      cells: new Map([["'Tổng hợp'!E8", "Xuất sắc"]]),
      source: "Tổng hợp",
      mapping: { sheet: "Tổng hợp", headerRow: 7, columns: { unit: "B", self: "C", verified: "D" } },
    };
    const back = parseMarks(marksGrid(marks));
    expect(back.mapping).toEqual(marks.mapping);
    expect(back.source).toBe("Tổng hợp");
    expect([...back.cells]).toEqual([["'Tổng hợp'!E8", "Xuất sắc"]]);
    expect(rememberedMapping(back, "Tổng hợp")).toEqual({
      headerRow: 7,
      columns: { unit: "B", self: "C", verified: "D" },
    });
    expect(rememberedMapping(back, "Khác")).toBeUndefined();
  });

  it("reads old marks sheets (no mapping row) as before", () => {
    const old = [
      ["EMU", "marks", 2],
      ["source", "Tổng hợp"],
      ["sheet", "Thông báo kết quả", "notice"],
    ];
    const m = parseMarks(old);
    expect(m.mapping).toBeUndefined();
    expect(m.source).toBe("Tổng hợp");
    expect(marksGrid(m)).toEqual(old);
  });

  it("drops a malformed mapping, and unknown roles or bad letters inside one", () => {
    expect(parseMarks([["mapping", "A", "{not json"]]).mapping).toBeUndefined();
    expect(parseMarks([["mapping", "A", 5]]).mapping).toBeUndefined();
    expect(
      parseMarks([
        ["mapping", "A", JSON.stringify({ headerRow: -1, columns: { unit: "B", bogus: "C", self: "c1" } })],
      ]).mapping,
    ).toEqual({
      sheet: "A",
      columns: { unit: "B" },
    });
  });
});
