import { writeFileSync } from "node:fs";
import * as zlib from "node:zlib";
import * as fc from "fast-check";
import { readWorkbook } from "../../../src/cli/io";
import { attrValue, decodeOoxmlEscapes, decodeXmlText, parseAttrs, scanXml } from "../../../src/xlsx/xml";
import { ZipFormatError, crc32Portable, findEntry, openZip, readEntry } from "../../../src/xlsx/zip";
import { cleanTmp, tmpPath } from "../../helpers/xlsx";
import { buildZip, crc32, minimalXlsxParts } from "./fixtures";

afterAll(cleanTmp);

const SHEET = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Điểm</t></is></c><c r="B1"><v>962.5</v></c></row>
</sheetData></worksheet>`;

async function gridOfBytes(bytes: Buffer): Promise<unknown> {
  const path = tmpPath("thu.xlsx");
  writeFileSync(path, bytes);
  const r = await readWorkbook(path);
  return r.ok ? r.sheets.map((s) => s.grid) : r.error;
}

describe("zip reader", () => {
  test("reads packages written with Zip64 records", async () => {
    expect(await gridOfBytes(buildZip(minimalXlsxParts(SHEET), true))).toEqual([[["Điểm", 962.5]]]);
    expect(await gridOfBytes(buildZip(minimalXlsxParts(SHEET), false))).toEqual([[["Điểm", 962.5]]]);
  });

  test("reads XML parts stored as UTF-16 with a byte-order mark", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SHEET, "utf16le")]);
    expect(await gridOfBytes(buildZip(minimalXlsxParts(utf16)))).toEqual([[["Điểm", 962.5]]]);
  });

  test("a checksum mismatch is damage, even when the entry still extracts", () => {
    const zip = Buffer.from(buildZip([{ name: "a.xml", data: "<a>xin chào</a>" }]));
    zip[30 + "a.xml".length + 3] = "X".charCodeAt(0); // flip one stored byte
    const archive = openZip(zip);
    const entry = findEntry(archive, "A.XML");
    if (entry === undefined) throw new Error("entry not found case-insensitively");
    expect(() => readEntry(archive, entry)).toThrow(/checksum/);
  });

  test("problems are classified: cut short vs damaged", () => {
    const zip = buildZip([{ name: "a.xml", data: "<a/>" }]);
    const problem = (b: Buffer): string | undefined => {
      try {
        openZip(b);
        return undefined;
      } catch (e) {
        return e instanceof ZipFormatError ? e.problem : "other";
      }
    };
    expect(problem(zip.subarray(0, zip.length - 10))).toBe("truncated");
    const badCd = Buffer.from(zip);
    badCd.writeUInt32LE(0xdeadbeef, zip.length - 22 - 46 - 5); // the central header's signature
    expect(problem(badCd)).toBe("corrupt");
  });

  test("the portable CRC-32 matches zlib's and an independent implementation", () => {
    const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (data) => {
        const c = crc32Portable(data);
        return c === crc32(data) && (native === undefined || c === native(data) >>> 0);
      }),
    );
    expect(crc32Portable(Buffer.from("123456789"))).toBe(0xcbf43926);
  });
});

describe("XML helpers", () => {
  test("attrValue finds attributes by local name, with either quote and spaces around '='", () => {
    expect(attrValue(` r="A1" s="3" t="s"`, "t")).toBe("s");
    expect(attrValue(` x:r = 'B2'`, "r")).toBe("B2");
    expect(attrValue(` ref="A1:C1" r="D4"`, "r")).toBe("D4");
    expect(attrValue(` name="a &amp; b"`, "name")).toBe("a & b");
    expect(attrValue(` rt="1"`, "t")).toBeUndefined();
    expect(parseAttrs(` name="Kết quả" rel:id="R1" sheetId="2"`)).toEqual({
      name: "Kết quả",
      id: "R1",
      sheetId: "2",
    });
  });

  test("entities, numeric references and line ends are decoded", () => {
    expect(decodeXmlText("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#7841; &#x1EA1; &bogus;")).toBe(
      `a <b> & "c" 'd' ạ ạ &bogus;`,
    );
    expect(decodeXmlText("1\r\n2\r3")).toBe("1\n2\n3");
    expect(decodeOoxmlEscapes("a_x000D_b_x005F_x000D_c_x00")).toBe("a\rb_x000D_c_x00");
  });

  test("the scanner skips comments, processing instructions and DOCTYPE, and survives junk", () => {
    const events: string[] = [];
    const xml = `<?xml version="1.0"?><!DOCTYPE x><!-- <c> --><a k=">"><b/>t<![CDATA[<c>]]></a><unterminated`;
    scanXml(xml, {
      open: (n, _a, sc) => events.push(sc ? `<${n}/>` : `<${n}>`),
      close: (n) => events.push(`</${n}>`),
      text: (s, e, cdata) => events.push(cdata ? `cdata:${xml.slice(s, e)}` : `text:${xml.slice(s, e)}`),
    });
    expect(events).toEqual(["<a>", "<b/>", "text:t", "cdata:<c>", "</a>"]);
    fc.assert(
      fc.property(fc.string(), (s) => {
        scanXml(s, { open: () => undefined, close: () => undefined, text: () => undefined });
        return true;
      }),
    );
  });
});
