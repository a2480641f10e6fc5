import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbookBytes } from "../../src/xlsx";
import { isPercentFormat } from "../../src/xlsx/read-workbook";
import { writeStaffXlsx } from "../fixtures/corpus/staff-writer";

/** What the .xlsx reader finds beyond the values (issue 14), in sheet coordinates. */
describe("cell facts from the file", () => {
  it("finds formulas without a value, percent formats, SUBTOTAL cells and hidden rows", async () => {
    const dir = mkdtempSync(join(tmpdir(), "emu-facts-"));
    try {
      const path = join(dir, "a.xlsx");
      await writeStaffXlsx(path, [
        {
          name: "Bảng điểm",
          rows: [
            ["Đơn vị", "Tự chấm", "Thẩm định", "Tổng"],
            ["Sở A", 90, { n: 0.9177, fmt: "0.00%" }, { f: "B2+C2" }],
            ["Sở B", 80, 70, { f: "B3+C3", v: 150 }],
            ["Tổng cộng", { f: "SUBTOTAL(9,B2:B3)", v: 90 }, 70, 150],
          ],
          hidden: [3],
        },
      ]);
      const read = readWorkbookBytes(new Uint8Array(readFileSync(path)), "a.xlsx");
      if (!read.ok) throw new Error("unreadable");
      const s = read.sheets[0];
      expect(s?.grid[1]).toEqual(["Sở A", 90, 0.9177, ""]);
      expect(s?.grid[2]?.[3]).toBe(150);
      const facts = s?.facts;
      expect([...(facts?.uncalculated ?? [])].map(([r, c]) => [r, [...c]])).toEqual([[1, [3]]]);
      expect([...(facts?.percent ?? [])].map(([r, c]) => [r, [...c]])).toEqual([[1, [2]]]);
      expect([...(facts?.subtotal ?? [])].map(([r, c]) => [r, [...c]])).toEqual([[3, [1]]]);
      expect([...(facts?.hiddenRows ?? [])]).toEqual([2]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ["0.00%", true],
    ["0%", true],
    ['0.0"%"', false],
    ["0.00\\%", false],
    ["[Red]0.00", false],
    ["General", false],
  ])("format %s shows a percent: %s", (code, yes) => expect(isPercentFormat(code)).toBe(yes));
});
