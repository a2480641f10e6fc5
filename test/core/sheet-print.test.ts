import {
  editedSheets,
  gridPrint,
  marksGrid,
  marksOf,
  modelPrint,
  parseMarks,
  NO_MARKS,
} from "../../src/core";
import { readWorkbook } from "../../src/cli/io";
import { SAMPLE_PATH } from "../../src/cli/make-sample";
import { cli } from "../cli/run-cli";
import { tmpPath } from "../helpers/xlsx";

describe("sheet fingerprints (what EMU wrote, to notice a person's edits)", () => {
  it("ignore empty cells, styles and where the used range starts; see every typed value", () => {
    const model = {
      cells: [
        { row: 1, col: 1, value: "Sở A" },
        { row: 1, col: 2, value: 985.5 },
        { row: 2, col: 1, value: "" },
        { row: 3, col: 1, value: null },
      ],
    };
    const print = modelPrint(model);
    expect(
      gridPrint([
        [null, null, null],
        [null, "Sở A", 985.5],
      ]),
    ).toBe(print);
    expect(gridPrint([["Sở A", 985.5]], { row: 1, col: 1 })).toBe(print);
    // Decomposed tone marks are the same text (NFC).
    expect(gridPrint([["So\u031b\u0309 A", 985.5]], { row: 1, col: 1 })).toBe(print);
    expect(gridPrint([["Sở A", 985.5, "ghi chú"]], { row: 1, col: 1 })).not.toBe(print);
    expect(gridPrint([["Sở A", 985]], { row: 1, col: 1 })).not.toBe(print);
    expect(gridPrint([["Sở A"], [985.5]], { row: 1, col: 1 })).not.toBe(print);
  });

  it("are kept in the marks sheet and name only the sheets edited since", () => {
    const marks = {
      ...NO_MARKS,
      sheets: new Map([
        ["Kết quả xếp hạng", "results" as const],
        ["Thông báo kết quả", "notice" as const],
      ]),
      prints: new Map([
        ["Kết quả xếp hạng", gridPrint([["A"]])],
        ["Thông báo kết quả", gridPrint([["B"]])],
      ]),
    };
    const back = parseMarks(marksGrid(marks));
    expect(back.prints).toEqual(marks.prints);
    const current = new Map([
      ["Kết quả xếp hạng", { grid: [["A"]] }],
      ["Thông báo kết quả", { grid: [["B"], ["Số: 123/CTĐ2"]] }],
    ]);
    expect(editedSheets(["Kết quả xếp hạng", "Thông báo kết quả"], back, current)).toEqual([
      "Thông báo kết quả",
    ]);
    // A sheet an older EMU wrote (no print) is replaced as before.
    expect(editedSheets(["Kết quả xếp hạng"], { ...back, prints: new Map() }, current)).toEqual([]);
  });

  it("match what the CLI's file gives back: a CLI-written results sheet reads as unedited", async () => {
    const out = tmpPath("print.xlsx");
    expect((await cli("rank", SAMPLE_PATH, "--out", out)).code).toBe(0);
    const read = await readWorkbook(out);
    if (!read.ok) throw new Error("unreadable");
    const marks = marksOf(read.sheets);
    const results = read.sheets.find((s) => s.name === "Kết quả xếp hạng");
    if (!results) throw new Error("no results sheet");
    const current = new Map([[results.name, { grid: results.grid }]]);
    expect(marks.prints?.get(results.name)).toBeDefined();
    expect(editedSheets([results.name], marks, current)).toEqual([]);
  });
});
