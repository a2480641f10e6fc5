import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import * as fc from "fast-check";
import { ioErrorMessage, readWorkbook, type WorkbookIoError } from "../../../src/cli/io";
import { cleanTmp, tmpPath, writeGridsXlsx } from "../../helpers/xlsx";
import { buildCfb, buildZip, minimalXlsxParts } from "./fixtures";

afterAll(cleanTmp);

async function errorOf(path: string): Promise<WorkbookIoError> {
  const r = await readWorkbook(path);
  if (r.ok) throw new Error(`expected an error for ${path}`);
  return r.error;
}

async function realXlsx(name: string): Promise<string> {
  const path = tmpPath(name);
  const rows = Array.from({ length: 300 }, (_, i) => [i + 1, `Đơn vị ${i + 1}`, 900 + (i % 90)]);
  await writeGridsXlsx(path, [{ name: "Bảng điểm", rows }]);
  return path;
}

describe("readWorkbook: every kind of bad file is an error value, never an exception", () => {
  test("not-found: a missing file; is-folder: a folder given as the file (issue 14)", async () => {
    const missing = tmpPath("khong-co.xlsx");
    expect(await errorOf(missing)).toMatchObject({ code: "not-found", path: missing });
    const folder = tmpPath("thu-muc.xlsx");
    mkdirSync(folder);
    expect(await errorOf(folder)).toMatchObject({ code: "is-folder", path: folder });
  });

  test("not-xlsx: a CSV renamed .xlsx", async () => {
    const path = tmpPath("bang-diem.xlsx");
    writeFileSync(path, '\uFEFFSTT,Đơn vị,Điểm\r\n1,Sở A,"962,5"\r\n');
    expect(await errorOf(path)).toMatchObject({ code: "not-xlsx", format: "text" });
  });

  test("not-xlsx: a .txt renamed .xlsx, and UTF-16 text", async () => {
    const txt = tmpPath("ghi-chu.xlsx");
    writeFileSync(txt, "Đây là ghi chú, không phải bảng tính.\n");
    expect(await errorOf(txt)).toMatchObject({ code: "not-xlsx", format: "text" });
    const utf16 = tmpPath("unicode.xlsx");
    writeFileSync(
      utf16,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("STT\tĐơn vị\r\n", "utf16le")]),
    );
    expect(await errorOf(utf16)).toMatchObject({ code: "not-xlsx", format: "text" });
  });

  test("not-xlsx: an HTML table exported with an .xls name", async () => {
    const path = tmpPath("xuat-tu-phan-mem.xls");
    writeFileSync(
      path,
      '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>1</td></tr></table>',
    );
    expect(await errorOf(path)).toMatchObject({ code: "not-xlsx", format: "html" });
  });

  test("not-xlsx: a legacy .xls (OLE with a Workbook stream), with a detail naming the old format", async () => {
    const path = tmpPath("cu.xls");
    writeFileSync(
      path,
      buildCfb([
        { name: "Workbook", data: Buffer.from([0x09, 0x08, 0x10, 0x00]) },
        { name: "\u0005SummaryInformation" },
      ]),
    );
    const e = await errorOf(path);
    expect(e).toMatchObject({ code: "not-xlsx", format: "xls" });
    expect(e.detail).toMatch(/\.xls\b/);
    expect(ioErrorMessage(e, "vi")).toContain(".xlsx");
    expect(ioErrorMessage(e, "en")).toMatch(/97–2003 \(\.xls\).*Save As/);
  });

  test("not-xlsx: a BIFF5 'Book' stream is an .xls too; an OLE file without a workbook is not", async () => {
    const book = tmpPath("excel95.xls");
    writeFileSync(book, buildCfb([{ name: "Book" }]));
    expect(await errorOf(book)).toMatchObject({ code: "not-xlsx", format: "xls" });
    const doc = tmpPath("van-ban.xlsx");
    writeFileSync(doc, buildCfb([{ name: "WordDocument" }, { name: "1Table" }]));
    expect(await errorOf(doc)).toMatchObject({ code: "not-xlsx", format: "ole" });
  });

  test("not-xlsx: zips that hold no workbook (.docx, .xlsb, .ods)", async () => {
    const docx = tmpPath("cong-van.xlsx");
    writeFileSync(
      docx,
      buildZip([
        { name: "[Content_Types].xml", data: "<Types/>" },
        { name: "word/document.xml", data: "<w:document/>" },
      ]),
    );
    expect(await errorOf(docx)).toMatchObject({ code: "not-xlsx", format: "zip" });
    const xlsb = tmpPath("nhi-phan.xlsx");
    writeFileSync(xlsb, buildZip([{ name: "xl/workbook.bin", data: new Uint8Array([0x83, 0x01]) }]));
    expect(await errorOf(xlsb)).toMatchObject({ code: "not-xlsx", format: "xlsb" });
    const ods = tmpPath("libre.xlsx");
    writeFileSync(
      ods,
      buildZip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet" }]),
    );
    expect(await errorOf(ods)).toMatchObject({ code: "not-xlsx", format: "ods" });
  });

  test("truncated: a real .xlsx cut short, an empty file, and a cut compound file", async () => {
    const whole = await realXlsx("day-du.xlsx");
    const bytes = readFileSync(whole);
    for (const keep of [0.5, 0.9, 0.999]) {
      const cut = tmpPath(`tai-do-${keep}.xlsx`);
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * keep)));
      expect(await errorOf(cut)).toMatchObject({ code: "truncated", path: cut });
    }
    const empty = tmpPath("rong.xlsx");
    writeFileSync(empty, "");
    expect(await errorOf(empty)).toMatchObject({ code: "truncated" });
    const ole = buildCfb([{ name: "EncryptionInfo" }, { name: "EncryptedPackage" }]);
    const cutOle = tmpPath("mat-khau-do-dang.xlsx");
    writeFileSync(cutOle, ole.subarray(0, 700)); // header and FAT only: the directory sector is gone
    expect(await errorOf(cutOle)).toMatchObject({ code: "truncated" });
  });

  test("encrypted: an OLE container whose directory holds EncryptionInfo", async () => {
    const path = tmpPath("co-mat-khau.xlsx");
    writeFileSync(
      path,
      buildCfb([
        { name: "\u0006DataSpaces" },
        { name: "EncryptionInfo", data: Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]) },
        { name: "EncryptedPackage" },
      ]),
    );
    expect(await errorOf(path)).toMatchObject({ code: "encrypted", path });
  });

  test("encrypted is decided by live directory entries, not by bytes that merely spell the name", async () => {
    // "EncryptionInfo" inside a legacy workbook's stream data: still a plain .xls.
    const inData = tmpPath("chu-trong-du-lieu.xls");
    writeFileSync(
      inData,
      buildCfb([{ name: "Workbook", data: Buffer.from("EncryptionInfo EncryptedPackage", "utf16le") }]),
    );
    expect(await errorOf(inData)).toMatchObject({ code: "not-xlsx", format: "xls" });
    // The name left behind in a freed directory slot: not a live stream either.
    const freed = tmpPath("slot-da-xoa.xls");
    writeFileSync(freed, buildCfb([{ name: "Workbook" }], ["EncryptionInfo"]));
    expect(await errorOf(freed)).toMatchObject({ code: "not-xlsx", format: "xls" });
  });

  test("unreadable: a zip whose compressed data is damaged", async () => {
    const whole = await realXlsx("hong.xlsx");
    const bytes = Buffer.from(readFileSync(whole));
    // Scribble over the middle of the file, where the sheet's deflate stream lives.
    const mid = Math.floor(bytes.length / 2);
    for (let i = mid; i < mid + 64; i++) bytes[i] = 0xff;
    writeFileSync(whole, bytes);
    expect(await errorOf(whole)).toMatchObject({ code: "unreadable" });
  });

  test("unreadable: a workbook that names a worksheet part the zip does not have", async () => {
    const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const path = tmpPath("thieu-trang.xlsx");
    writeFileSync(
      path,
      buildZip([
        {
          name: "xl/workbook.xml",
          data: `<workbook xmlns:r="${REL}"><sheets><sheet name="Bảng điểm" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        },
        {
          name: "xl/_rels/workbook.xml.rels",
          data: `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        },
      ]),
    );
    const e = await errorOf(path);
    expect(e).toMatchObject({ code: "unreadable", sheet: "Bảng điểm" });
    expect(ioErrorMessage(e, "vi")).toContain('"Bảng điểm"');
  });

  test("unreadable, naming the sheet: stray values that would make the grid billions of cells", async () => {
    const sheet = `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>
<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>lạc</t></is></c></row></sheetData></worksheet>`;
    const path = tmpPath("o-lac.xlsx");
    writeFileSync(path, buildZip(minimalXlsxParts(sheet)));
    const e = await errorOf(path);
    expect(e).toMatchObject({ code: "unreadable", sheet: "Trang 1" });
    expect(ioErrorMessage(e, "en")).toContain('Sheet "Trang 1"');
  });

  test("arbitrary bytes, even behind a zip or OLE signature, never make readWorkbook throw", async () => {
    const dir = dirname(tmpPath("x"));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          [],
          [0x50, 0x4b, 0x03, 0x04],
          [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
          [0x50, 0x4b, 0x05, 0x06],
        ),
        fc.uint8Array({ maxLength: 2048 }),
        async (magic, rest) => {
          const path = `${dir}/rac-${n++}.xlsx`;
          writeFileSync(path, Buffer.concat([Buffer.from(magic), Buffer.from(rest)]));
          const r = await readWorkbook(path);
          return typeof r.ok === "boolean";
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("ioErrorMessage", () => {
  const all: WorkbookIoError[] = [
    { code: "not-found", path: "x.xlsx" },
    { code: "not-xlsx", path: "x.xlsx" },
    { code: "not-xlsx", path: "x.xlsx", format: "xls" },
    { code: "not-xlsx", path: "x.xlsx", format: "xlsb" },
    { code: "not-xlsx", path: "x.xlsx", format: "ods" },
    { code: "not-xlsx", path: "x.xlsx", format: "xml2003" },
    { code: "not-xlsx", path: "x.xlsx", format: "html" },
    { code: "not-xlsx", path: "x.xlsx", format: "text" },
    { code: "not-xlsx", path: "x.xlsx", format: "zip" },
    { code: "truncated", path: "x.xlsx" },
    { code: "encrypted", path: "x.xlsx" },
    { code: "unreadable", path: "x.xlsx" },
    { code: "unreadable", path: "x.xlsx", sheet: "Bảng điểm" },
    { code: "exists", path: "x.xlsx" },
    { code: "same-file", path: "x.xlsx" },
    { code: "sheet-exists", path: "x.xlsx", sheet: "Kết quả" },
    { code: "write-failed", path: "x.xlsx" },
  ];

  test.each(all.map((e) => [e.code + (("format" in e && e.format) || ""), e] as const))(
    "%s: one line per language that names the file",
    (_label, e) => {
      const vi = ioErrorMessage(e, "vi");
      const en = ioErrorMessage(e, "en");
      for (const m of [vi, en]) {
        expect(m).toContain('"x.xlsx"');
        expect(m).not.toMatch(/[\r\n]/);
        expect(m.trim()).toBe(m);
      }
      expect(vi).not.toBe(en);
      // Vietnamese with its diacritics, in NFC.
      expect(vi).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/i);
      expect(vi.normalize("NFC")).toBe(vi);
    },
  );

  test("the wording the CLI promises", () => {
    expect(ioErrorMessage({ code: "not-found", path: "x.xlsx" }, "vi")).toBe(
      'Không tìm thấy tệp "x.xlsx". Hãy kiểm tra lại đường dẫn.',
    );
    expect(ioErrorMessage({ code: "encrypted", path: "x.xlsx" }, "vi")).toBe(
      'Tệp "x.xlsx" được đặt mật khẩu. Hãy mở bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi thử lại.',
    );
    expect(ioErrorMessage({ code: "exists", path: "out.xlsx" }, "vi")).toContain("--force");
    expect(ioErrorMessage({ code: "sheet-exists", path: "out.xlsx", sheet: "Kết quả" }, "en")).toContain(
      '"Kết quả"',
    );
  });
});
