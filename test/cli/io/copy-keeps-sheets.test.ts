/**
 * Issue 14, case 11: the `--out` copy keeps every sheet. For every workbook under
 * test/fixtures (globbed, so fixtures added later are covered too), the copy written by
 * `writeWorkbookCopy` either holds every original sheet with the same values, formulas, styles
 * that show, merges, column widths and page setup, or is refused with nothing written. The
 * comparison reads both packages' XML with an inspector that follows the relationships and
 * shares no code with the writer.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gridSheet } from "../../../src/core";
import { readWorkbook, writeWorkbookCopy } from "../../../src/cli/io";
import { ioErrorMessage } from "../../../src/cli/io/io-error";
import { cli } from "../run-cli";
import { cleanTmp, tmpPath } from "../../helpers/xlsx";
import { snapshotSheets } from "../../helpers/sheet-parts";
import { renameParts } from "../../helpers/rename-parts";
import { SAMPLE_PATH } from "../../../src/cli/make-sample";
import { addChartSheet } from "../../helpers/chart-sheet";
import { writeFileSync } from "node:fs";
import { unzipSync, zipSync } from "fflate";

afterAll(cleanTmp);

const FIXTURES = join(__dirname, "..", "..", "fixtures");

function workbooks(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...workbooks(p));
    else if (name.toLowerCase().endsWith(".xlsx")) out.push(p);
  }
  return out.sort();
}

const all = workbooks(FIXTURES).map((p) => relative(FIXTURES, p));

describe("the copy keeps every sheet, over every fixture workbook", () => {
  it("finds the fixtures, the non-standard part names among them", () => {
    expect(all.length).toBeGreaterThanOrEqual(25);
    expect(all).toEqual(
      expect.arrayContaining([
        "part-names-data/input.xlsx",
        "part-names-swapped/input.xlsx",
        "part-names-folder-absolute/input.xlsx",
        "seed-000-libreoffice/input.xlsx",
      ]),
    );
  });

  it.each(all)("%s", async (file) => {
    const input = join(FIXTURES, file);
    const read = await readWorkbook(input);
    const out = tmpPath("copy.xlsx");
    const added = gridSheet("EMU kiểm tra", [["Bản sao"], [1]]);
    const res = await writeWorkbookCopy(input, out, [added]);
    // A workbook without a worksheet has nothing to rank, but its copy is still whole.
    if (!read.ok && read.error.code !== "no-sheets") {
      // A file EMU cannot read is refused by the writer too, for the same reason, and nothing is written.
      expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: read.error.code }) });
      expect(existsSync(out)).toBe(false);
      return;
    }
    expect(res).toEqual(expect.objectContaining({ ok: true, path: out }));
    const before = snapshotSheets(readFileSync(input));
    const after = snapshotSheets(readFileSync(out));
    // Same tabs, same order, then EMU's sheet at the end.
    expect(after.map((s) => s.name)).toEqual([...before.map((s) => s.name), "EMU kiểm tra"]);
    for (const sheet of before) {
      const copy = after.find((s) => s.name === sheet.name);
      expect({ name: copy?.name, state: copy?.state }).toEqual({ name: sheet.name, state: sheet.state });
      expect(copy?.cells).toEqual(sheet.cells);
      expect(copy?.merges).toEqual(sheet.merges);
      expect(copy?.cols).toEqual(sheet.cols);
      expect(copy?.page).toEqual(sheet.page);
    }
  });
});

describe("sheets under non-standard part names", () => {
  const cases = ["part-names-data", "part-names-swapped", "part-names-folder-absolute"];

  it.each(cases)("%s: read and ranked exactly like the workbook it was made from", async (name) => {
    const source = readFileSync(join(FIXTURES, name, "source.txt"), "utf8").trim();
    const from = source === "seed-000-libreoffice" ? "seed-000" : source;
    const a = await cli("rank", join(FIXTURES, name, "input.xlsx"), "--json");
    const b = await cli("rank", join(FIXTURES, from, "input.xlsx"), "--json");
    expect(a.code).toBe(b.code);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
    const ra = await readWorkbook(join(FIXTURES, name, "input.xlsx"));
    const rb = await readWorkbook(join(FIXTURES, from, "input.xlsx"));
    expect(ra.ok && ra.sheets.map((s) => [s.name, s.grid])).toEqual(
      rb.ok && rb.sheets.map((s) => [s.name, s.grid]),
    );
  });

  it.each(cases)("%s: emu rank --out writes a copy with every original sheet", async (name) => {
    const out = tmpPath("ket-qua.xlsx");
    const r = await cli("rank", join(FIXTURES, name, "input.xlsx"), "--out", out);
    expect(r).toEqual(expect.objectContaining({ code: 0, stderr: "" }));
    const before = snapshotSheets(readFileSync(join(FIXTURES, name, "input.xlsx")));
    const after = snapshotSheets(readFileSync(out));
    for (const sheet of before) expect(after.find((s) => s.name === sheet.name)?.cells).toEqual(sheet.cells);
    expect(after.map((s) => s.name)).toEqual([
      ...before.map((s) => s.name),
      "Kết quả xếp hạng",
      "Thông báo kết quả",
      "_EMU",
    ]);
  });

  it("two sheets swapping file names, with upper-case part names, keep their own contents", async () => {
    const bytes = renameParts(readFileSync(SAMPLE_PATH), {
      sheet: (i) => `XL/Worksheets/Sheet${2 - i}.XML`,
    });
    const input = tmpPath("hoa.xlsx");
    writeFileSync(input, bytes);
    const out = tmpPath("ket-qua.xlsx");
    const r = await cli("rank", input, "--out", out);
    expect(r.code).toBe(0);
    const before = snapshotSheets(bytes);
    const after = snapshotSheets(readFileSync(out));
    for (const sheet of before) expect(after.find((s) => s.name === sheet.name)?.cells).toEqual(sheet.cells);
  });
});

describe("LibreOffice's true/false settings", () => {
  it('fit to page survives, and a sheet named "true" keeps its name', async () => {
    const files = unzipSync(readFileSync(join(FIXTURES, "seed-000-libreoffice", "input.xlsx")));
    const wb = new TextDecoder().decode(files["xl/workbook.xml"]);
    expect(wb).toContain('name="Thông tin thông báo"');
    files["xl/workbook.xml"] = new TextEncoder().encode(
      wb.replace('name="Thông tin thông báo"', 'name="true"'),
    );
    const input = tmpPath("lo.xlsx");
    writeFileSync(input, zipSync(files));
    const out = tmpPath("ket-qua.xlsx");
    expect(await writeWorkbookCopy(input, out, [])).toEqual({ ok: true, path: out });
    const [first, second] = snapshotSheets(readFileSync(out));
    expect(first?.page["fitToPage"]).toBe("true");
    expect(second?.name).toBe("true");
  });
});

describe("a sheet the copy cannot carry is never dropped silently", () => {
  it("a chart sheet: exit 2, one line naming it, nothing written", async () => {
    const input = tmpPath("bieu-do.xlsx");
    writeFileSync(input, addChartSheet(readFileSync(SAMPLE_PATH), "Biểu đồ điểm"));
    // The reader still reads the worksheets beside it.
    const read = await readWorkbook(input);
    expect(read.ok && read.sheets.map((s) => s.name)).toEqual(["Tổng hợp điểm", "Thông tin thông báo"]);
    const out = tmpPath("ket-qua.xlsx");
    const r = await cli("rank", input, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")).toHaveLength(1);
    expect(r.stderr).toBe(
      ioErrorMessage({ code: "sheet-not-copied", path: out, sheet: "Biểu đồ điểm" }, "vi"),
    );
    expect(r.stderr).toContain('"Biểu đồ điểm"');
    expect(existsSync(out)).toBe(false);
    const en = await cli("rank", input, "--out", out, "--lang", "en");
    expect(en.stderr).toBe(
      `"${out}" was not written: the copy would lose or change the sheet "Biểu đồ điểm" of the original workbook, so EMU wrote nothing. The original is unchanged; open it in Excel or LibreOffice, save it as .xlsx, and run again.`,
    );
  });
});
