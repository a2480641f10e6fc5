import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { readWorkbook, type SheetData } from "../../../src/cli/io";
import { cleanTmp, readBack, tmpPath, writeGridsXlsx } from "../../helpers/xlsx";
import { buildZip } from "./fixtures";

afterAll(cleanTmp);

async function sheetsOf(path: string): Promise<SheetData[]> {
  const r = await readWorkbook(path);
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.sheets;
}

async function gridOf(path: string, index = 0): Promise<SheetData["grid"]> {
  const sheet = (await sheetsOf(path))[index];
  if (sheet === undefined) throw new Error(`no sheet ${index}`);
  return sheet.grid;
}

describe("readWorkbook: values as Range.values gives them", () => {
  test("numbers, Vietnamese text, booleans, errors and blanks, in a rectangular grid from A1", async () => {
    const path = tmpPath("values.xlsx");
    await writeGridsXlsx(path, [
      {
        name: "Bảng điểm",
        rows: [
          [],
          [null, null, "STT", "Đơn vị", "Điểm tự chấm", "Ghi chú"],
          [null, null, 1, "Sở TT&TT Điện Biên", 962.5, true],
          [null, null, 2, "Sở Thông tin và Truyền thông tỉnh Lào Cai", "#N/A", false],
          [null, null, 3, "  SỞ TTTT TỈNH HÀ GIANG ", "#DIV/0!", ""],
        ],
      },
    ]);
    const grid = await gridOf(path);
    expect(grid).toEqual([
      ["", "", "", "", "", ""],
      ["", "", "STT", "Đơn vị", "Điểm tự chấm", "Ghi chú"],
      ["", "", 1, "Sở TT&TT Điện Biên", 962.5, true],
      ["", "", 2, "Sở Thông tin và Truyền thông tỉnh Lào Cai", "#N/A", false],
      ["", "", 3, "  SỞ TTTT TỈNH HÀ GIANG ", "#DIV/0!", ""],
    ]);
  });

  test("error strings are written as real error cells, other '#' text stays text", async () => {
    const path = tmpPath("errors.xlsx");
    await writeGridsXlsx(path, [
      { name: "E", rows: [["#N/A", "#REF!", "#NAME?", "#VALUE!", "#NUM!", "#NULL!", "#1 ưu tiên"]] },
    ]);
    const ws = (await readBack(path)).getWorksheet("E");
    const types = [1, 2, 3, 4, 5, 6, 7].map((c) => ws?.getRow(1).getCell(c).type);
    expect(types).toEqual([
      ...Array<ExcelJS.ValueType>(6).fill(ExcelJS.ValueType.Error),
      ExcelJS.ValueType.String,
    ]);
    expect(await gridOf(path)).toEqual([
      ["#N/A", "#REF!", "#NAME?", "#VALUE!", "#NUM!", "#NULL!", "#1 ưu tiên"],
    ]);
  });

  test("a merged range shows its value only at the top-left cell", async () => {
    const path = tmpPath("merges.xlsx");
    await writeGridsXlsx(path, [
      {
        name: "M",
        rows: [
          ["KẾT QUẢ CHẤM ĐIỂM", "ignored", "ignored"],
          ["STT", "Đơn vị", "Điểm"],
          [1, "Sở A", 950],
        ],
        merges: ["A1:C1"],
      },
    ]);
    expect(await gridOf(path)).toEqual([
      ["KẾT QUẢ CHẤM ĐIỂM", "", ""],
      ["STT", "Đơn vị", "Điểm"],
      [1, "Sở A", 950],
    ]);
    const ws = (await readBack(path)).getWorksheet("M");
    expect(ws?.model.merges).toEqual(["A1:C1"]);
  });

  test("sheet order, names and visibility are kept; an empty sheet has an empty grid", async () => {
    const path = tmpPath("states.xlsx");
    await writeGridsXlsx(path, [
      { name: "Trang 1", rows: [[1]] },
      { name: "Ẩn", rows: [["x"]], state: "hidden" },
      { name: "Rất ẩn", rows: [["y"]], state: "veryHidden" },
      { name: "Trống", rows: [] },
    ]);
    const sheets = await sheetsOf(path);
    expect(sheets.map((s) => [s.name, s.state])).toEqual([
      ["Trang 1", "visible"],
      ["Ẩn", "hidden"],
      ["Rất ẩn", "veryHidden"],
      ["Trống", "visible"],
    ]);
    expect(sheets[3]?.grid).toEqual([]);
  });

  test("formula cells give their cached result, or '' when none was cached", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("F");
    ws.getCell("A1").value = 915;
    ws.getCell("A2").value = 995;
    ws.getCell("B1").value = { formula: "SUM(A1:A2)", result: 1910 };
    ws.getCell("B2").value = { formula: 'IF(A1>900,"Xuất sắc","Tốt")', result: "Xuất sắc" };
    ws.getCell("B3").value = { formula: "A1*2" };
    ws.getCell("B4").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("B5").value = { formula: "A1>A2", result: false };
    ws.getCell("C1").value = { formula: "RANK.EQ(A1,$A$1:$A$2)", result: 2 };
    ws.getCell("C2").value = { sharedFormula: "C1", result: 1 };
    const path = tmpPath("formulas.xlsx");
    await wb.xlsx.writeFile(path);
    expect(await gridOf(path)).toEqual([
      [915, 1910, 2],
      [995, "Xuất sắc", 1],
      ["", "", ""],
      ["", "#DIV/0!", ""],
      ["", false, ""],
    ]);
  });

  test("rich text becomes plain text; a hyperlink gives its text", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("R");
    ws.getCell("A1").value = {
      richText: [{ text: "Sở " }, { text: "TT&TT", font: { bold: true } }, { text: " Điện Biên" }],
    };
    ws.getCell("A2").value = { text: "Cổng thông tin", hyperlink: "https://example.gov.vn" };
    const path = tmpPath("rich.xlsx");
    await wb.xlsx.writeFile(path);
    expect(await gridOf(path)).toEqual([["Sở TT&TT Điện Biên"], ["Cổng thông tin"]]);
  });

  test("dates give the Excel serial number", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("D");
    ws.getCell("A1").value = new Date(Date.UTC(2023, 11, 15));
    ws.getCell("A2").value = new Date(Date.UTC(2023, 11, 15, 12, 0, 0));
    ws.getCell("A3").value = new Date(Date.UTC(1900, 2, 1));
    ws.getCell("A1").numFmt = "dd/mm/yyyy";
    const path = tmpPath("dates.xlsx");
    await wb.xlsx.writeFile(path);
    expect(await gridOf(path)).toEqual([[45275], [45275.5], [61]]);
  });

  test("formula-like text stays text", async () => {
    const texts = ['=HYPERLINK("x")', "+1", "-Sở A", "@SUM(A1)", "=1+1"];
    const path = tmpPath("inject.xlsx");
    await writeGridsXlsx(path, [{ name: "T", rows: [texts] }]);
    expect(await gridOf(path)).toEqual([texts]);
    const ws = (await readBack(path)).getWorksheet("T");
    for (let c = 1; c <= texts.length; c++) {
      expect(ws?.getRow(1).getCell(c).type).toBe(ExcelJS.ValueType.String);
    }
  });

  test("cells that carry only formatting do not extend the grid", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "x";
    ws.getCell("B2").value = 2;
    ws.getCell("H40").border = { top: { style: "thin" } };
    ws.getCell("J3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    const path = tmpPath("formatted.xlsx");
    await wb.xlsx.writeFile(path);
    expect(await gridOf(path)).toEqual([
      ["x", ""],
      ["", 2],
    ]);
  });
});

describe("readWorkbook: SpreadsheetML as other producers write it", () => {
  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const files = [
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      // Prefixed elements (OpenXML SDK style), a non-"r" relationship prefix, the 1904 date system.
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}">
  <x:workbookPr date1904="1"/>
  <!-- a comment the scanner must skip -->
  <x:sheets>
    <x:sheet name="Điểm &amp; xếp loại" sheetId="1" rel:id="R1"/>
    <x:sheet name="Biểu đồ" sheetId="2" rel:id="R2"/>
    <x:sheet name="Ẩn" sheetId="3" state="veryHidden" rel:id="R3"/>
  </x:sheets>
</x:workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="R1" Type="${REL}/worksheet" Target="/xl/worksheets/data.xml"/>
<Relationship Id="R2" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/>
<Relationship Id="R3" Type="${REL}/worksheet" Target="worksheets/../worksheets/hidden.xml"/>
<Relationship Id="R4" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>`,
    },
    {
      name: "xl/sharedStrings.xml",
      data: `<?xml version="1.0"?><sst xmlns="${MAIN}" count="5" uniqueCount="5">
<si><t xml:space="preserve"> 975 </t></si>
<si><r><rPr><b/></rPr><t>Sở </t></r><r><t>TT&amp;TT</t></r><rPh sb="0" eb="1"><t>ソ</t></rPh><phoneticPr fontId="1"/></si>
<si><t>Dòng 1_x000D_\r\nDòng 2 _x005F_x0041_</t></si>
<si><t><![CDATA[a < b & c]]></t></si>
<si/>
</sst>`,
    },
    {
      name: "xl/worksheets/data.xml",
      data: `<?xml version="1.0"?>
<x:worksheet xmlns:x="${MAIN}">
<x:dimension ref="A1:J5"/>
<x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c><x:c r="D1" t="s"><x:v>3</x:v></x:c><x:c r="E1" t="s"><x:v>4</x:v></x:c></x:row>
<x:row><x:c><x:v>1.5</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c><x:c t="str"><x:f>"a"&amp;"b"</x:f><x:v>a&gt;b</x:v></x:c></x:row>
<x:row r="3"><x:c r="A3"><x:v>7</x:v></x:c><x:c r="B3"><x:v>8</x:v></x:c></x:row>
<x:row r="4"><x:c r="A4" t="inlineStr"><x:is><x:r><x:t>Hà </x:t></x:r><x:r><x:t>Giang</x:t></x:r><x:rPh><x:t>X</x:t></x:rPh></x:is></x:c><x:c r="B4" t="d"><x:v>2023-12-15T00:00:00</x:v></x:c><x:c r="C4" s="3"/><x:c r="D4"><x:f>1/0</x:f></x:c><x:c r="F4" s="1"><x:v></x:v></x:c></x:row>
<x:row r="5" spans="1:10" customFormat="1"><x:c r="J5" s="2"/></x:row>
</x:sheetData>
<x:mergeCells count="1"><x:mergeCell ref="A3:B3"/></x:mergeCells>
<x:conditionalFormatting sqref="A1"><x:cfRule type="containsText" text="a>b" priority="1"/></x:conditionalFormatting>
</x:worksheet>`,
    },
    { name: "xl/worksheets/hidden.xml", data: `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>` },
    { name: "xl/chartsheets/sheet1.xml", data: `<chartsheet xmlns="${MAIN}"/>` },
  ];

  test("prefixes, missing r attributes, inline and phonetic text, escapes, ISO dates, 1904 system", async () => {
    const path = tmpPath("dialect.xlsx");
    writeFileSync(path, buildZip(files));
    const sheets = await sheetsOf(path);
    // The chart sheet has no cells and is left out.
    expect(sheets.map((s) => [s.name, s.state])).toEqual([
      ["Điểm & xếp loại", "visible"],
      ["Ẩn", "veryHidden"],
    ]);
    expect(sheets[0]?.grid).toEqual([
      [" 975 ", "Sở TT&TT", "Dòng 1\r\nDòng 2 _x0041_", "a < b & c"],
      [1.5, true, "#DIV/0!", "a>b"],
      [7, "", "", ""],
      // 2023-12-15 in the 1904 date system is 45275 − 1462.
      ["Hà Giang", 43813, "", ""],
    ]);
    expect(sheets[1]?.grid).toEqual([]);
  });
});

describe("readWorkbook: a large sheet", () => {
  test("100,000 rows × 6 columns load completely", async () => {
    const rows: (string | number | boolean)[][] = [["STT", "Đơn vị", "Tự chấm", "Thẩm định", "Đạt", "Nhóm"]];
    for (let i = 1; i <= 100_000; i++) {
      rows.push([i, `Đơn vị số ${i}`, 900 + (i % 100), 850.5 + (i % 50), i % 2 === 0, `N${i % 7}`]);
    }
    const path = tmpPath("big.xlsx");
    await writeGridsXlsx(path, [{ name: "Lớn", rows }]);
    const grid = await gridOf(path);
    expect(grid).toHaveLength(100_001);
    expect(grid.every((r) => r.length === 6)).toBe(true);
    expect(grid[0]).toEqual(["STT", "Đơn vị", "Tự chấm", "Thẩm định", "Đạt", "Nhóm"]);
    expect(grid[1]).toEqual([1, "Đơn vị số 1", 901, 851.5, false, "N1"]);
    expect(grid[54_321]).toEqual([54_321, "Đơn vị số 54321", 921, 871.5, false, "N1"]);
    expect(grid[100_000]).toEqual([100_000, "Đơn vị số 100000", 900, 850.5, true, "N5"]);
  }, 120_000);
});
