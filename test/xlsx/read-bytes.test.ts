/**
 * The shared reader on bytes, as the pane uses it (plain `Uint8Array`, fflate, table CRC-32),
 * must see exactly what the CLI sees through a path and native zlib: the same grids for a good
 * file, the same error code, format, sheet and message for a bad one. And nothing in its
 * module graph may need Node, or the pane's bundle breaks.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import * as zlib from "node:zlib";
import { inflateSync } from "fflate";
import { ioErrorMessage, readWorkbook, type ReadOutcome } from "../../src/cli/io";
import { readErrorMessage, readWorkbookBytes } from "../../src/xlsx";
import { findEntry, openZip } from "../../src/xlsx/zip";
import { buildCfb, buildZip, minimalXlsxParts } from "../cli/io/fixtures";
import { cleanTmp, tmpPath } from "../helpers/xlsx";

/** fflate as it is, but watched, to prove it is what inflates when the caller injects nothing. */
jest.mock("fflate", () => {
  const actual = jest.requireActual<typeof import("fflate")>("fflate");
  return { ...actual, inflateSync: jest.fn(actual.inflateSync) };
});

afterAll(cleanTmp);

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "assets", "samples", "cum-thi-dua-so-2-nam-2022.xlsx");

const SHEET = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Điểm</t></is></c><c r="B1"><v>962.5</v></c></row>
</sheetData></worksheet>`;
/** A stored (uncompressed) package whose sheet is big-endian UTF-16, which the reader byte-swaps. */
const UTF16BE_XLSX = buildZip(minimalXlsxParts(Buffer.from(`\uFEFF${SHEET}`, "utf16le").swap16()));

/** The file's bytes as a browser hands them over: a plain Uint8Array, not a Node Buffer. */
function bytesOf(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

/** Writes `bytes` to a temp file and reads it the CLI's way, and reads them again as bytes. */
async function bothWays(name: string, bytes: Uint8Array): Promise<{ cli: ReadOutcome; pane: ReadOutcome }> {
  const path = tmpPath(name);
  writeFileSync(path, bytes);
  return { cli: await readWorkbook(path), pane: readWorkbookBytes(new Uint8Array(bytes), path) };
}

/**
 * Asserts both outcomes say the same thing to the user. `detail` is left out: it quotes the
 * inflater's own error text, which differs between zlib and fflate and is never shown.
 */
function expectSameOutcome(cli: ReadOutcome, pane: ReadOutcome): void {
  if (cli.ok || pane.ok) {
    expect(pane).toEqual(cli);
    return;
  }
  const { detail: _cliDetail, ...cliError } = cli.error;
  const { detail: _paneDetail, ...paneError } = pane.error;
  expect(paneError).toEqual(cliError);
  for (const lang of ["vi", "en"] as const) {
    expect(readErrorMessage(pane.error, lang)).toBe(ioErrorMessage(cli.error, lang));
  }
}

describe("readWorkbookBytes reads what readWorkbook reads", () => {
  test("the real sample, with the default (fflate) inflate: the same sheets, deep-equal", async () => {
    jest.mocked(inflateSync).mockClear();
    const pane = readWorkbookBytes(bytesOf(SAMPLE), "cum-thi-dua-so-2-nam-2022.xlsx");
    expect(inflateSync).toHaveBeenCalled();
    const calls = jest.mocked(inflateSync).mock.calls.length;
    const cli = await readWorkbook(SAMPLE);
    // The CLI inflates with native zlib, never with fflate.
    expect(jest.mocked(inflateSync).mock.calls.length).toBe(calls);
    if (!cli.ok || !pane.ok) throw new Error("the sample must be readable both ways");
    expect(pane.sheets.length).toBeGreaterThan(0);
    expect(pane.sheets).toEqual(cli.sheets);
  });

  test("an injected inflate and CRC-32 are the ones used", () => {
    const inflateRaw = jest.fn((d: Uint8Array) => zlib.inflateRawSync(d));
    const crc32 = jest.fn((d: Uint8Array) => zlib.crc32(d));
    const r = readWorkbookBytes(bytesOf(SAMPLE), "mau.xlsx", { inflateRaw, crc32 });
    expect(r.ok).toBe(true);
    expect(inflateRaw).toHaveBeenCalled();
    expect(crc32.mock.calls.length).toBeGreaterThanOrEqual(inflateRaw.mock.calls.length);
  });

  test("every file of the bad-input corpus gives the same outcome", async () => {
    const corpus = join(ROOT, "test", "fixtures", "corpus");
    const cases = readdirSync(corpus, { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(cases.length).toBeGreaterThan(5);
    for (const c of cases) {
      const path = join(corpus, c.name, "input.xlsx");
      expectSameOutcome(await readWorkbook(path), readWorkbookBytes(bytesOf(path), path));
    }
  });

  test("truncated: the sample cut short, at several points, and an empty file", async () => {
    const whole = bytesOf(SAMPLE);
    for (const keep of [0, 0.5, 0.9, 0.999]) {
      const { cli, pane } = await bothWays(
        `tai-do-${keep}.xlsx`,
        whole.subarray(0, Math.floor(whole.length * keep)),
      );
      expect(pane).toMatchObject({ ok: false, error: { code: "truncated" } });
      expectSameOutcome(cli, pane);
    }
  });

  test("damaged compressed data is unreadable, whichever inflater meets it", async () => {
    const bytes = bytesOf(SAMPLE);
    const sheet = findEntry(openZip(bytes), "xl/worksheets/sheet1.xml");
    if (sheet === undefined || sheet.method !== 8) throw new Error("the sample's sheet1 should be deflated");
    const damaged = new Uint8Array(bytes);
    const header = new DataView(bytes.buffer, sheet.localHeaderOffset, 30);
    const dataStart = sheet.localHeaderOffset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
    expect(sheet.compressedSize).toBeGreaterThan(100);
    for (let i = dataStart + 16; i < dataStart + 80; i++) damaged[i] = (bytes[i] ?? 0) ^ 0x5a;
    const { cli, pane } = await bothWays("hong.xlsx", damaged);
    expect(pane).toMatchObject({ ok: false, error: { code: "unreadable" } });
    expectSameOutcome(cli, pane);
  });

  test("not-xlsx, encrypted and legacy containers are classified alike", async () => {
    const text = (s: string): Uint8Array => new TextEncoder().encode(s);
    const cases: [string, Uint8Array, object][] = [
      [
        "bang-diem.xlsx",
        text('\uFEFFSTT,Đơn vị,Điểm\r\n1,Sở A,"962,5"\r\n'),
        { code: "not-xlsx", format: "text" },
      ],
      [
        "xuat.xls",
        text("<html><body><table><tr><td>1</td></tr></table>"),
        { code: "not-xlsx", format: "html" },
      ],
      [
        "co-mat-khau.xlsx",
        buildCfb([{ name: "\u0006DataSpaces" }, { name: "EncryptionInfo" }, { name: "EncryptedPackage" }]),
        { code: "encrypted" },
      ],
      ["cu.xls", buildCfb([{ name: "Workbook" }]), { code: "not-xlsx", format: "xls" }],
      [
        "libre.xlsx",
        buildZip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet" }]),
        { code: "not-xlsx", format: "ods" },
      ],
    ];
    for (const [name, bytes, error] of cases) {
      const { cli, pane } = await bothWays(name, bytes);
      expect(pane).toMatchObject({ ok: false, error });
      expectSameOutcome(cli, pane);
    }
  });

  test("Zip64 records and UTF-16 parts read the same", async () => {
    for (const [name, bytes] of [
      ["zip64.xlsx", buildZip(minimalXlsxParts(SHEET), true)],
      ["utf16be.xlsx", UTF16BE_XLSX],
    ] as const) {
      const { cli, pane } = await bothWays(name, bytes);
      expect(pane).toEqual({
        ok: true,
        sheets: [{ name: "Trang 1", state: "visible", grid: [["Điểm", 962.5]] }],
      });
      expectSameOutcome(cli, pane);
    }
  });

  test("the caller's bytes are left untouched, even where a stored part is decoded in place", () => {
    // A Node Buffer too: its `slice` is a view, not a copy.
    for (const bytes of [new Uint8Array(UTF16BE_XLSX), Buffer.from(UTF16BE_XLSX)]) {
      expect(readWorkbookBytes(bytes, "utf16be.xlsx").ok).toBe(true);
      expect(new Uint8Array(bytes)).toEqual(new Uint8Array(UTF16BE_XLSX));
    }
  });
});

describe("src/xlsx runs without Node", () => {
  const SRC = join(ROOT, "src");
  const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  /** The only package the reader may pull in: fflate, pure JS for every platform. */
  const ALLOWED_PACKAGES = new Set(["fflate"]);

  /** Source without comments, so a sentence about Buffer does not count as using it. */
  function code(file: string): string {
    return readFileSync(file, "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
  }

  function resolveImport(from: string, spec: string): string {
    const base = resolve(dirname(from), spec);
    const file = [`${base}.ts`, join(base, "index.ts")].find((f) => existsSync(f));
    if (file === undefined) throw new Error(`cannot resolve ${spec} from ${from}`);
    return file;
  }

  /** Every source file reachable from src/xlsx/index.ts, and every package it imports. */
  function moduleGraph(): { files: string[]; packages: Set<string> } {
    const files: string[] = [];
    const packages = new Set<string>();
    const todo = [join(SRC, "xlsx", "index.ts")];
    while (todo.length > 0) {
      const file = todo.pop() as string;
      if (files.includes(file)) continue;
      files.push(file);
      for (const m of code(file).matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
        const spec = m[1] as string;
        if (spec.startsWith(".")) todo.push(resolveImport(file, spec));
        else packages.add(spec);
      }
    }
    return { files, packages };
  }

  test("its module graph stays in src/xlsx and src/core and imports only fflate", () => {
    const { files, packages } = moduleGraph();
    const dirs = new Set(files.map((f) => relative(SRC, f).split(/[\\/]/)[0]));
    expect([...dirs].sort()).toEqual(["core", "xlsx"]);
    expect([...packages].filter((p) => NODE_BUILTINS.has(p))).toEqual([]);
    expect([...packages].filter((p) => !ALLOWED_PACKAGES.has(p))).toEqual([]);
  });

  test("no file in it uses Buffer, process or require", () => {
    const offenders = moduleGraph().files.flatMap((f) =>
      /\bBuffer\b|\bprocess\b|\brequire\s*\(/.test(code(f)) ? [relative(ROOT, f)] : [],
    );
    expect(offenders).toEqual([]);
  });
});
