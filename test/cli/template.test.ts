import { writeFileSync } from "node:fs";
import { readWorkbook } from "../../src/cli/io";
import { tmpPath } from "../helpers/xlsx";
import { cli } from "./run-cli";

describe("emu template: the pane's 'Tạo bảng điểm mẫu' as a file", () => {
  it("writes the sample table and the rules sheet, which emu validate then reads without errors", async () => {
    const out = tmpPath("bang-diem-mau.xlsx");
    const made = await cli("template", out);
    expect(made.stderr).toBe("");
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/Đã tạo "[^"]+bang-diem-mau.xlsx" với trang “Bảng điểm mẫu”/);
    const read = await readWorkbook(out);
    if (!read.ok) throw new Error("unreadable");
    expect(read.sheets.map((s) => s.name)).toEqual(["Bảng điểm mẫu", "Quy tắc xếp loại"]);
    expect(read.sheets[0]?.grid[3]?.slice(0, 4)).toEqual([
      "STT",
      "Đơn vị",
      "Điểm tự chấm",
      "Điểm chấm thẩm định",
    ]);
    const checked = await cli("validate", out, "--json");
    expect(checked.code).toBe(0);
    const json = JSON.parse(checked.stdout) as {
      sheet: string;
      issues: { code: string; severity: string; cell: string }[];
    };
    expect(json.sheet).toBe("Bảng điểm mẫu");
    // No error; each example unit is a warning at its name until it is replaced.
    expect(json.issues.map((i) => [i.code, i.severity, i.cell])).toEqual([
      ["example-unit", "warning", "'Bảng điểm mẫu'!B5"],
      ["example-unit", "warning", "'Bảng điểm mẫu'!B6"],
      ["example-unit", "warning", "'Bảng điểm mẫu'!B7"],
    ]);
    const replaced = tmpPath("bang-diem-that.xlsx");
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Bảng điểm mẫu");
    ["Sở TT&TT Điện Biên", "Sở TT&TT Lào Cai", "Sở TT&TT Sơn La"].forEach((n, k) => {
      if (ws) ws.getCell(5 + k, 2).value = n;
    });
    await wb.xlsx.writeFile(replaced);
    const real = JSON.parse((await cli("validate", replaced, "--json")).stdout) as { issues: unknown[] };
    expect(real.issues).toEqual([]);
  });

  it("takes a preset's scale and refuses to overwrite a file without --force", async () => {
    const out = tmpPath("mau-100.xlsx");
    writeFileSync(out, "giữ nguyên");
    const refused = await cli("template", out, "--preset", "nd335-100");
    expect(refused.code).toBe(2);
    const made = await cli("template", out, "--preset", "nd335-100", "--force", "--lang", "en");
    expect(made.code).toBe(0);
    const read = await readWorkbook(out);
    if (!read.ok) throw new Error("unreadable");
    const scores = read.sheets[0]?.grid.slice(4).map((r) => r[2]);
    expect(scores).toEqual([95, 88, 76]);
    expect(String(read.sheets[0]?.grid[4]?.[1])).toMatch(/\(example\)$/);
  });
});
