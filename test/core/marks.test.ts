import { NO_MARKS, marksGrid, parseMarks, placeSheet } from "../../src/core";

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
