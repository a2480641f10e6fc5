import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { readWorkbookBytes } from "../../src/xlsx";
import { cli } from "../cli/run-cli";
import { tmpPath } from "../helpers/xlsx";

/**
 * A unit's sheet whose criteria are not numbered and nest only by Excel's indent (Format Cells →
 * Alignment → Indent), the way many staff lay out a list: the reader must carry the levels so
 * the tree, and therefore the totals, come out right.
 */
async function indentedWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Cao Bằng");
  const rows: [string, number, number | "", number][] = [
    ["Công tác chỉ đạo, điều hành", 30, "", 0],
    ["Ban hành kế hoạch thi đua", 10, 10, 1],
    ["Tổ chức phát động phong trào", 20, "", 1],
    ["Phát động đợt thi đua chuyên đề", 12, 11, 2],
    ["Sơ kết, tổng kết", 8, 8, 2],
    ["Thực hiện nhiệm vụ chuyên môn", 70, "", 0],
    ["Hoàn thành chỉ tiêu được giao", 70, 65, 1],
  ];
  ws.addRow(["Đơn vị: Sở TT&TT Cao Bằng"]);
  ws.addRow(["TT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm"]);
  for (const [content, max, self, level] of rows) {
    const r = ws.addRow(["", content, max, self]);
    if (level > 0) r.getCell(2).alignment = { indent: level };
  }
  ws.addRow(["", "Tổng cộng", 100, 94]);
  const path = tmpPath("thut-le.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

describe("Excel indent levels", () => {
  it("are read per cell from the styles part", async () => {
    const read = readWorkbookBytes(new Uint8Array(readFileSync(await indentedWorkbook())), "thut-le.xlsx");
    if (!read.ok) throw new Error(read.error.code);
    const indents = read.sheets[0]?.indents;
    expect([...(indents ?? [])].map(([r, cols]) => [r, [...cols]])).toEqual([
      [3, [[1, 1]]],
      [4, [[1, 1]]],
      [5, [[1, 2]]],
      [6, [[1, 2]]],
      [8, [[1, 1]]],
    ]);
  });

  it("give the criteria tree its shape, so the unit totals right with no issue", async () => {
    // A 100-point list: on the default 1000-point rules it would be refused (scale-mismatch).
    const r = await cli("rank", await indentedWorkbook(), "--json", "--preset", "nd335-100");
    const report = JSON.parse(r.stdout);
    // Only the note that no verified scores are in yet: no sum or total mismatch.
    expect(report.issues.map((i: { code: string }) => i.code)).toEqual(["basis-self"]);
    expect(report.units.map((u: { unit: string; self: number }) => [u.unit, u.self])).toEqual([
      ["Sở TT&TT Cao Bằng", 94],
    ]);
  });
});
