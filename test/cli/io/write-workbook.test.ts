import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ExcelJS from "exceljs";
import { readWorkbook, type SheetData } from "../../../src/cli/io";
import { notCopiedMessage } from "../../../src/cli/io/io-error";
import { findEntry, openZip, readEntry, readEntryText } from "../../../src/xlsx/zip";
import { renderSheetModel, writeWorkbookCopy } from "../../../src/cli/io/write-workbook";
import type { SheetModel } from "../../../src/core/sheet-model";
import { cleanTmp, readBack, tmpPath } from "../../helpers/xlsx";
import { buildZip, noticeModel } from "./fixtures";

afterAll(cleanTmp);

const INCH = 25.4;

async function renderAlone(model: SheetModel): Promise<{ path: string; ws: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook();
  renderSheetModel(wb.addWorksheet(model.name), model);
  const path = tmpPath("model.xlsx");
  await wb.xlsx.writeFile(path);
  const ws = (await readBack(path)).getWorksheet(model.name);
  if (ws === undefined) throw new Error("sheet missing after read-back");
  return { path, ws };
}

async function sheetsOf(path: string): Promise<SheetData[]> {
  const r = await readWorkbook(path);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.sheets;
}

function sha(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** Names of the sheets whose XML marks their tab as selected. */
function selectedTabs(path: string): string[] {
  const zip = openZip(readFileSync(path));
  const text = (part: string): string => {
    const e = findEntry(zip, part);
    return e === undefined ? "" : readEntryText(zip, e);
  };
  const rels = new Map(
    [
      ...text("xl/_rels/workbook.xml.rels").matchAll(
        /<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g,
      ),
    ].map((m) => [m[1], m[2]]),
  );
  return [...text("xl/workbook.xml").matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)]
    .filter((m) => /<sheetView [^>]*tabSelected="1"/.test(text(`xl/${rels.get(m[2] ?? "") ?? ""}`)))
    .map((m) => m[1] ?? "");
}

function results(name = "EMU Kết quả"): SheetModel {
  return {
    name,
    columnWidths: [6, 30, 12],
    rowHeights: {},
    cells: [
      { row: 0, col: 0, value: "Hạng", style: "h" },
      { row: 0, col: 1, value: "Đơn vị", style: "h" },
      { row: 0, col: 2, value: "Điểm", style: "h" },
      { row: 1, col: 0, value: 1 },
      { row: 1, col: 1, value: "Sở TT&TT Điện Biên" },
      { row: 1, col: 2, value: 975 },
    ],
    merges: [],
    styles: { h: { font: { bold: true }, border: true } },
    page: {
      paper: "A4",
      orientation: "landscape",
      marginsMm: { top: 20, bottom: 20, left: 20, right: 15 },
      fitToWidth: false,
      printArea: { r1: 0, c1: 0, r2: 1, c2: 2 },
    },
    defaultFont: { name: "Times New Roman", size: 12 },
    showGridLines: true,
  };
}

describe("renderSheetModel: what is written reads back", () => {
  test("values, fonts (default and per style), alignment, borders, fill, number formats", async () => {
    const model = noticeModel();
    const { ws } = await renderAlone(model);
    // Header block.
    expect(ws.getCell("A1").value).toBe("CỤM THI ĐUA SỐ 2");
    expect(ws.getCell("A1").font).toMatchObject({ name: "Times New Roman", size: 12 });
    expect(ws.getCell("A1").font.bold).toBeFalsy();
    expect(ws.getCell("A2").font).toMatchObject({ name: "Times New Roman", size: 12, bold: true });
    expect(ws.getCell("A2").border.bottom).toMatchObject({ style: "thin" });
    expect(ws.getCell("A2").border.top).toBeUndefined();
    expect(ws.getCell("C3").font).toMatchObject({ size: 13, italic: true });
    expect(ws.getCell("A5").alignment).toMatchObject({ horizontal: "center", wrapText: true });
    expect(ws.getCell("A5").value).toBe("THÔNG BÁO\nKết quả chấm điểm thi đua năm 2022");
    // Table header: all four thin borders, solid fill, centred both ways.
    const th = ws.getCell("D9");
    expect(th.value).toBe("Điểm chấm thẩm định");
    for (const side of ["top", "left", "bottom", "right"] as const)
      expect(th.border[side]).toMatchObject({ style: "thin" });
    expect(th.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } });
    expect(th.alignment).toMatchObject({ horizontal: "center", vertical: "middle", wrapText: true });
    // Body rows.
    expect(ws.getCell("A10").value).toBe(1);
    expect(ws.getCell("A10").numFmt).toBe("0");
    expect(ws.getCell("B10").value).toBe("Sở TT&TT Điện Biên");
    expect(ws.getCell("C10").value).toBe(995);
    expect(ws.getCell("D21").value).toBe(925);
    // "Nơi nhận:" is bold italic 12; the list 11.
    expect(ws.getCell("A25").value).toBe("Nơi nhận:");
    expect(ws.getCell("A25").font).toMatchObject({ size: 12, bold: true, italic: true });
    expect(ws.getCell("A26").font).toMatchObject({ name: "Times New Roman", size: 11 });
  });

  test("unstyled cells and null values still get the sheet's font; a null styled cell keeps its border", async () => {
    const model: SheetModel = {
      ...results("Trơn"),
      cells: [
        { row: 0, col: 0, value: "không kiểu" },
        { row: 1, col: 1, value: null, style: "h" },
      ],
    };
    const { ws } = await renderAlone(model);
    expect(ws.getCell("A1").font).toMatchObject({ name: "Times New Roman", size: 12 });
    expect(ws.getCell("B2").value).toBeNull();
    expect(ws.getCell("B2").border.left).toMatchObject({ style: "thin" });
    expect(ws.getCell("B2").font).toMatchObject({ name: "Times New Roman", size: 12, bold: true });
    // The column style carries the font for cells typed later.
    expect(ws.getColumn(3).font).toMatchObject({ name: "Times New Roman", size: 12 });
  });

  test("merges, column widths and row heights", async () => {
    const { ws } = await renderAlone(noticeModel());
    const merges = ws.model.merges;
    expect(merges).toEqual(expect.arrayContaining(["A1:B1", "C1:E1", "A5:E5", "D25:E25"]));
    expect(ws.getColumn(1).width).toBe(6);
    expect(ws.getColumn(2).width).toBe(34);
    expect(ws.getColumn(5).width).toBe(14);
    expect(ws.getRow(5).height).toBe(40);
    expect(ws.getRow(9).height).toBe(36);
    // A merged bordered range is bordered along its whole edge.
    const wide: SheetModel = {
      ...results("Gộp"),
      cells: [{ row: 0, col: 0, value: "Tiêu đề", style: "h" }],
      merges: [{ r1: 0, c1: 0, r2: 0, c2: 2 }],
    };
    const { ws: w2 } = await renderAlone(wide);
    expect(w2.getCell("C1").border.right).toMatchObject({ style: "thin" });
  });

  test("page setup: A4, orientation, margins in inches, fit to width, print area and titles, centring", async () => {
    const { ws } = await renderAlone(noticeModel());
    const ps = ws.pageSetup;
    const m = ps.margins;
    if (m === undefined) throw new Error("no margins");
    expect(ps.paperSize).toBe(9);
    expect(ps.orientation).toBe("portrait");
    expect(m.top).toBeCloseTo(20 / INCH, 6);
    expect(m.bottom).toBeCloseTo(20 / INCH, 6);
    expect(m.left).toBeCloseTo(30 / INCH, 6);
    expect(m.right).toBeCloseTo(15 / INCH, 6);
    expect(m.header).toBeLessThan(m.top);
    expect(ps.fitToPage).toBe(true);
    expect(ps.fitToWidth).toBe(1);
    expect(ps.fitToHeight).toBe(0);
    expect(ps.printArea).toBe("A1:E31");
    expect(ps.printTitlesRow).toBe("9:9");
    expect(ps.horizontalCentered).toBe(true);

    const { ws: land } = await renderAlone(results());
    expect(land.pageSetup.orientation).toBe("landscape");
    expect(land.pageSetup.fitToPage).toBeFalsy();
    expect(land.pageSetup.printArea).toBe("A1:C2");
    expect(land.pageSetup.printTitlesRow).toBeUndefined();
  });

  test("a one-cell print area is still written as a range", async () => {
    const model: SheetModel = {
      ...results("Một ô"),
      page: { ...results().page, printArea: { r1: 0, c1: 0, r2: 0, c2: 0 } },
    };
    const { ws } = await renderAlone(model);
    expect(ws.pageSetup.printArea).toBe("A1:A1");
  });

  test("gridlines hidden and rows frozen under the table header", async () => {
    const { ws } = await renderAlone(noticeModel());
    expect(ws.views[0]).toMatchObject({
      state: "frozen",
      ySplit: 9,
      topLeftCell: "A10",
      showGridLines: false,
    });
    const { ws: plain } = await renderAlone(results());
    expect(plain.views[0]).toMatchObject({ showGridLines: true });
    expect(plain.views[0]?.state).not.toBe("frozen");
  });

  test("text that looks like a formula is written as text and read back as the same text", async () => {
    const texts = ['=HYPERLINK("x")', "+1", "-Sở A", "@SUM(A1)", "=1/0"];
    const model: SheetModel = {
      ...results("Chữ"),
      cells: texts.map((value, col) => ({ row: 0, col, value })),
    };
    const { path, ws } = await renderAlone(model);
    for (let c = 1; c <= texts.length; c++) {
      expect(ws.getRow(1).getCell(c).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getRow(1).getCell(c).formula).toBeUndefined();
    }
    expect((await sheetsOf(path))[0]?.grid).toEqual([texts]);
  });

  test("a non-finite number becomes #NUM! rather than a corrupt file; an unknown style is a bug", async () => {
    const { path } = await renderAlone({ ...results("Số"), cells: [{ row: 0, col: 0, value: Number.NaN }] });
    expect((await sheetsOf(path))[0]?.grid).toEqual([["#NUM!"]]);
    const wb = new ExcelJS.Workbook();
    expect(() =>
      renderSheetModel(wb.addWorksheet("X"), {
        ...results("X"),
        cells: [{ row: 0, col: 0, value: 1, style: "nope" }],
      }),
    ).toThrow(/A1.*"nope"/);
  });
});

describe("writeWorkbookCopy", () => {
  /** A user's workbook: a styled score sheet with formulas, a hidden sheet, and EMU's output from a previous run. */
  async function makeInput(): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Bảng điểm");
    ws.mergeCells("A1:D1");
    ws.getCell("A1").value = "BẢNG TỔNG HỢP ĐIỂM";
    ws.getCell("A1").font = { name: "Times New Roman", size: 14, bold: true };
    ws.getCell("A1").alignment = { horizontal: "center" };
    ws.addRow(["STT", "Đơn vị", "Tự chấm", "Thẩm định"]);
    const units: [string, number, number][] = [
      ["Sở TT&TT Lạng Sơn", 995, 965],
      ["Sở TT&TT Lào Cai", 980, 965],
      ["Sở TT&TT Hà Giang", 950, 915],
    ];
    units.forEach(([u, s, v], i) => ws.addRow([i + 1, u, s, v]));
    ws.getCell("E3").value = { formula: "C3-D3", result: 30 };
    ws.getCell("E4").value = { formula: "C4-D4", result: 15 };
    ws.getCell("F3").value = { formula: "RANK.EQ(D3,$D$3:$D$5)", result: 1 };
    ws.getCell("D3").numFmt = "#,##0.0";
    ws.getCell("B2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    ws.getCell("B2").border = { bottom: { style: "double" } };
    ws.getColumn(2).width = 28;
    ws.pageSetup.printArea = "A1:F5";
    const hidden = wb.addWorksheet("Tham số", { state: "hidden" });
    hidden.getCell("A1").value = "Ngưỡng";
    hidden.getCell("B1").value = 900;
    const old = wb.addWorksheet("EMU Kết quả");
    old.getCell("A1").value = "kết quả cũ";
    wb.definedNames.add("'EMU Kết quả'!$A$1", "KetQuaCu");
    wb.definedNames.add("'Bảng điểm'!$D$3:$D$5", "DiemThamDinh");
    wb.views = [
      { x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 2, visibility: "visible" },
    ];
    const path = tmpPath("dau-vao.xlsx");
    await wb.xlsx.writeFile(path);
    return path;
  }

  function cellSnapshot(ws: ExcelJS.Worksheet): unknown[] {
    const out: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) =>
        out.push([c.address, c.type, c.value, JSON.stringify(c.style)]),
      ),
    );
    return out;
  }

  test("keeps every other sheet unchanged, replaces EMU's old sheet and appends the new ones", async () => {
    const input = await makeInput();
    const inputHash = sha(input);
    const out = join(dirname(input), "ket-qua", "cum-2.xlsx");
    const r = await writeWorkbookCopy(input, out, [results(), noticeModel()], { replace: ["emu kết quả"] });
    expect(r).toEqual({ ok: true, path: out });
    expect(sha(input)).toBe(inputHash);

    const before = await readBack(input);
    const after = await readBack(out);
    expect(after.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["Bảng điểm", "visible"],
      ["Tham số", "hidden"],
      ["EMU Kết quả", "visible"],
      ["Thông báo", "visible"],
    ]);
    for (const name of ["Bảng điểm", "Tham số"]) {
      const b = before.getWorksheet(name);
      const a = after.getWorksheet(name);
      if (!a || !b) throw new Error(name);
      expect(cellSnapshot(a)).toEqual(cellSnapshot(b));
      expect(a.model.merges).toEqual(b.model.merges);
      expect(a.getColumn(2).width).toBe(b.getColumn(2).width);
      expect(a.pageSetup.printArea).toBe(b.pageSetup.printArea);
    }
    expect(after.getWorksheet("Bảng điểm")?.getCell("E3").value).toEqual({ formula: "C3-D3", result: 30 });

    // The reader sees the same grids for the original sheets, and the new sheets' values.
    const gridsBefore = await sheetsOf(input);
    const gridsAfter = await sheetsOf(out);
    expect(gridsAfter.slice(0, 2)).toEqual(gridsBefore.slice(0, 2));
    expect(gridsAfter[2]?.grid).toEqual([
      ["Hạng", "Đơn vị", "Điểm"],
      [1, "Sở TT&TT Điện Biên", 975],
    ]);
    expect(gridsAfter[3]?.grid[8]).toEqual([
      "STT",
      "Đơn vị",
      "Điểm tự chấm",
      "Điểm chấm thẩm định",
      "Xếp loại",
    ]);

    // A name that pointed into the replaced sheet is gone; the user's own name survives.
    const names = after.definedNames.model.map((d) => d.name);
    expect(names).toContain("DiemThamDinh");
    expect(names).not.toContain("KetQuaCu");
    // The replaced sheet was the active tab; its replacement is active now, and the only selected tab.
    expect(after.views[0]?.activeTab).toBe(2);
    // (exceljs does not read tabSelected back, so look at the sheet XML itself.)
    expect(selectedTabs(out)).toEqual(["EMU Kết quả"]);
  });

  test("a model's sheet state is written; a very hidden sheet never becomes the active tab", async () => {
    const input = await makeInput();
    const out = tmpPath("an.xlsx");
    const marks: SheetModel = { ...results("_EMU"), state: "veryHidden" };
    const r = await writeWorkbookCopy(input, out, [marks, results()], { replace: ["EMU Kết quả"] });
    expect(r).toMatchObject({ ok: true });
    const after = await readBack(out);
    expect(after.getWorksheet("_EMU")?.state).toBe("veryHidden");
    expect(after.getWorksheet("EMU Kết quả")?.state).toBe("visible");
    expect(after.views[0]?.activeTab).toBe(3);
    expect(selectedTabs(out)).toEqual(["EMU Kết quả"]);
    expect((await sheetsOf(out)).map((s) => [s.name, s.state])).toEqual([
      ["Bảng điểm", "visible"],
      ["Tham số", "hidden"],
      ["_EMU", "veryHidden"],
      ["EMU Kết quả", "visible"],
    ]);
  });

  test("an active sheet that survives stays active, even when an earlier sheet is replaced", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("EMU cũ").getCell("A1").value = 1;
    wb.addWorksheet("Bảng điểm").getCell("A1").value = 2;
    wb.views = [
      { x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 1, visibility: "visible" },
    ];
    const input = tmpPath("hai-trang.xlsx");
    await wb.xlsx.writeFile(input);
    const out = tmpPath("ra.xlsx");
    expect(await writeWorkbookCopy(input, out, [results("EMU mới")], { replace: ["EMU cũ"] })).toMatchObject({
      ok: true,
    });
    const after = await readBack(out);
    expect(after.worksheets.map((w) => w.name)).toEqual(["Bảng điểm", "EMU mới"]);
    expect(after.views[0]?.activeTab).toBe(0);
    expect(selectedTabs(out)).toEqual(["Bảng điểm"]);
  });

  test("refuses to overwrite an existing output without force, and overwrites with it", async () => {
    const input = await makeInput();
    const out = tmpPath("da-co.xlsx");
    writeFileSync(out, "old content");
    const r = await writeWorkbookCopy(input, out, [results("Mới")], {});
    expect(r).toEqual({ ok: false, error: { code: "exists", path: out } });
    expect(readFileSync(out, "utf8")).toBe("old content");
    const forced = await writeWorkbookCopy(input, out, [results("Mới")], { force: true });
    expect(forced.ok).toBe(true);
    expect((await sheetsOf(out)).map((s) => s.name)).toContain("Mới");
  });

  test("never writes over the input, however the path is spelled, even with force", async () => {
    const input = await makeInput();
    const hash = sha(input);
    const dir = dirname(input);
    const spellings = [input, join(dir, ".", "sub", "..", "dau-vao.xlsx"), relative(process.cwd(), input)];
    const link = join(dir, "lien-ket.xlsx");
    symlinkSync(input, link);
    spellings.push(link);
    for (const out of spellings) {
      const r = await writeWorkbookCopy(input, out, [results("Mới")], { force: true });
      expect(r).toEqual({ ok: false, error: { code: "same-file", path: out } });
    }
    expect(sha(input)).toBe(hash);
  });

  test("refuses a new sheet whose name clashes with a sheet it is not replacing", async () => {
    const input = await makeInput();
    const out = tmpPath("trung-ten.xlsx");
    const r = await writeWorkbookCopy(input, out, [results("bảng điểm")], {});
    expect(r).toEqual({ ok: false, error: { code: "sheet-exists", path: out, sheet: "bảng điểm" } });
    expect(existsSync(out)).toBe(false);
    const twice = await writeWorkbookCopy(input, out, [results("A"), results("a")], {});
    expect(twice).toMatchObject({ ok: false, error: { code: "sheet-exists", sheet: "a" } });
  });

  test("tells which kinds of content the copy could not carry over", async () => {
    const input = await makeInput();
    expect(await writeWorkbookCopy(input, tmpPath("sach.xlsx"), [results("Mới")], {})).not.toHaveProperty(
      "notCopied",
    );
    // Repack the input with a chart part and a macro project, as a real .xlsm with a chart has.
    const zip = openZip(readFileSync(input));
    const parts: { name: string; data: string | Uint8Array }[] = [...zip.entries.values()].map((e) => ({
      name: e.name,
      data: readEntry(zip, e),
    }));
    parts.push(
      { name: "xl/charts/chart1.xml", data: "<c:chartSpace/>" },
      { name: "xl/vbaProject.bin", data: "x" },
    );
    const withExtras = tmpPath("co-bieu-do.xlsx");
    writeFileSync(withExtras, buildZip(parts));
    const out = tmpPath("ra.xlsx");
    const r = await writeWorkbookCopy(withExtras, out, [results("Mới")], {});
    expect(r).toEqual({ ok: true, path: out, notCopied: ["charts", "macros"] });
    expect(notCopiedMessage(["charts", "macros"], "ra.xlsx", "vi")).toBe(
      'Lưu ý: tệp "ra.xlsx" không có biểu đồ, macro của sổ làm việc gốc; tệp gốc vẫn giữ nguyên.',
    );
    expect(notCopiedMessage([], "ra.xlsx", "en")).toBe("");
  });

  test("refuses sheet names Excel would reject instead of letting exceljs truncate them", async () => {
    const input = await makeInput();
    const out = tmpPath("ten-sai.xlsx");
    for (const name of ["Kết quả chấm điểm thi đua năm 2022", "Điểm 1/2", "", "'Trích'", "Sở A's"]) {
      const r = await writeWorkbookCopy(input, out, [results(name)], {});
      expect(r).toMatchObject({ ok: false, error: { code: "write-failed", path: out } });
      expect(r.ok ? "" : r.error.detail).toMatch(/sheet name|empty/);
    }
    expect(existsSync(out)).toBe(false);
  });

  test("reports an unusable input with the reader's codes", async () => {
    const out = tmpPath("ra.xlsx");
    const missing = tmpPath("khong-co.xlsx");
    expect(await writeWorkbookCopy(missing, out, [], {})).toMatchObject({
      ok: false,
      error: { code: "not-found", path: missing },
    });
    const csv = tmpPath("bang.xlsx");
    writeFileSync(csv, "a,b\n1,2\n");
    expect(await writeWorkbookCopy(csv, out, [], {})).toMatchObject({
      ok: false,
      error: { code: "not-xlsx" },
    });
    expect(existsSync(out)).toBe(false);
  });

  test("write-failed when the output folder cannot be created", async () => {
    const input = await makeInput();
    const blocker = tmpPath("la-tep");
    writeFileSync(blocker, "x");
    const out = join(blocker, "con", "ra.xlsx");
    const r = await writeWorkbookCopy(input, out, [results("Mới")], {});
    expect(r).toMatchObject({ ok: false, error: { code: "write-failed", path: out } });
    expect(r.ok ? "" : r.error.detail).toBeTruthy();
  });

  test("write-failed when the output is a folder, even with force, leaving no temporary file behind", async () => {
    const input = await makeInput();
    const out = tmpPath("thu-muc-ra");
    mkdirSync(out);
    const r = await writeWorkbookCopy(input, out, [results("Mới")], { force: true });
    expect(r).toMatchObject({ ok: false, error: { code: "write-failed", path: out } });
    expect(readdirSync(dirname(out))).toEqual(["thu-muc-ra"]);
  });

  test("creates missing parent folders", async () => {
    const input = await makeInput();
    const out = join(dirname(input), "a", "b", "c", "ra.xlsx");
    expect(await writeWorkbookCopy(input, out, [results("Mới")], {})).toEqual({ ok: true, path: out });
    expect(existsSync(out)).toBe(true);
  });
});
