/**
 * Independent checks with LibreOffice, when it is installed: the notice prints on one A4
 * page, and a workbook saved by another producer (LibreOffice recalculates and stores its
 * own cached values) reads back as expected. Skipped, with the reason in the test name,
 * on machines without `soffice`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { basename, delimiter, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../../src/cli/io";
import { renderSheetModel } from "../../../src/cli/io/write-workbook";
import { cleanTmp, tmpPath } from "../../helpers/xlsx";
import { noticeModel } from "./fixtures";
import {
  SEED_000_NOTICE_FIELDS,
  buildNotice,
  noticeDocument,
  rankWorkbook,
  type NoticeFields,
  type RankedUnit,
} from "../../../src/core";
import { renderDocx } from "../../../src/docx/render-docx";
import { seed000Grid } from "../../helpers/grid";

afterAll(cleanTmp);

/** LibreOffice's command-line entry, when installed (it is an optional, independent check). */
function findSoffice(): string | undefined {
  for (const dir of (process.env["PATH"] ?? "").split(delimiter)) {
    for (const exe of ["soffice", "libreoffice", "soffice.exe"]) {
      const p = join(dir, exe);
      if (dir !== "" && existsSync(p)) return p;
    }
  }
  return undefined;
}

const soffice = findSoffice();

/** Converts `file` with LibreOffice into `outDir`; returns the converted file's path. */
function convert(file: string, format: "pdf" | "xlsx", outDir: string): string {
  if (soffice === undefined) throw new Error("soffice missing");
  mkdirSync(outDir, { recursive: true });
  // A private profile, so a desktop LibreOffice or a parallel run cannot lock ours.
  const profile = pathToFileURL(join(dirname(file), `lo-profile-${format}`)).href;
  const run = spawnSync(
    soffice,
    [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", format, "--outdir", outDir, file],
    { encoding: "utf8", timeout: 120_000 },
  );
  const out = join(outDir, basename(file).replace(/\.xlsx$/, `.${format}`));
  if (run.status !== 0 || !existsSync(out)) throw new Error(`soffice failed: ${run.status} ${run.stderr}`);
  return out;
}

const cases: [string, () => Promise<void>][] = [
  [
    "a notice rendered from its SheetModel prints on exactly one A4 portrait page",
    async () => {
      const wb = new ExcelJS.Workbook();
      renderSheetModel(wb.addWorksheet("Thông báo"), noticeModel());
      const xlsx = tmpPath("thong-bao.xlsx");
      await wb.xlsx.writeFile(xlsx);
      const pdf = readFileSync(convert(xlsx, "pdf", join(dirname(xlsx), "pdf"))).toString("latin1");
      // Page objects are "/Type /Page" (not "/Pages"); LibreOffice writes them uncompressed.
      expect(pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).toHaveLength(1);
      const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
      // A4 portrait is 595.3 × 841.9 points.
      expect(Number(box?.[1])).toBeCloseTo(595.3, 0);
      expect(Number(box?.[2])).toBeCloseTo(841.9, 0);
    },
  ],
  [
    "a workbook re-saved by LibreOffice reads back with its recalculated values, dates and merges",
    async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Bảng điểm");
      ws.mergeCells("A1:C1");
      ws.getCell("A1").value = "KẾT QUẢ";
      ws.getRow(2).values = ["Đơn vị", "Tự chấm", "Thẩm định"];
      ws.getRow(3).values = ["Sở TT&TT Lạng Sơn", 995, 965];
      ws.getRow(4).values = ["Sở TT&TT Lào Cai", 980, 965];
      // No cached results: LibreOffice computes and stores them.
      ws.getCell("D3").value = { formula: "B3-C3" };
      ws.getCell("D4").value = { formula: 'IF(C4>=900,"Xuất sắc","Tốt")' };
      ws.getCell("E3").value = { formula: "1/0" };
      ws.getCell("E4").value = new Date(Date.UTC(2023, 11, 15));
      ws.getCell("E4").numFmt = "dd/mm/yyyy";
      ws.getCell("F3").value = "-Sở A";
      const xlsx = tmpPath("goc.xlsx");
      await wb.xlsx.writeFile(xlsx);
      const resaved = convert(xlsx, "xlsx", join(dirname(xlsx), "lo"));
      const r = await readWorkbook(resaved);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      expect(r.sheets[0]?.grid).toEqual([
        ["KẾT QUẢ", "", "", "", "", ""],
        ["Đơn vị", "Tự chấm", "Thẩm định", "", "", ""],
        ["Sở TT&TT Lạng Sơn", 995, 965, 30, "#DIV/0!", "-Sở A"],
        ["Sở TT&TT Lào Cai", 980, 965, "Xuất sắc", 45275, ""],
      ]);
    },
  ],
];

/** Renders many files to PDF in one LibreOffice run (each run costs seconds on a shared machine). */
function convertAll(files: readonly string[], outDir: string, tag: string): string[] {
  if (soffice === undefined) throw new Error("soffice missing");
  mkdirSync(outDir, { recursive: true });
  const profile = pathToFileURL(join(outDir, `lo-profile-${tag}`)).href;
  const run = spawnSync(
    soffice,
    [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, ...files],
    { encoding: "utf8", timeout: 300_000 },
  );
  const outs = files.map((f) => join(outDir, basename(f).replace(/\.(xlsx|docx)$/, ".pdf")));
  for (const o of outs) if (!existsSync(o)) throw new Error(`soffice failed: ${run.status} ${run.stderr}`);
  return outs;
}

/** The text of each page of a PDF (poppler's pdftotext), whitespace folded. */
function pagesOf(pdf: string): string[] {
  const run = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
  const pages = run.stdout.split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages.map((p) => p.replace(/\s+/g, " ").trim());
}

/** pdfinfo's page size line, e.g. "595.304 x 841.89 pts (A4)". */
function pageSize(pdf: string): string {
  const run = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
  return /Page size:\s*(.*)/.exec(run.stdout)?.[1]?.trim() ?? "";
}

/** Keeps a few pages as PNGs under test-results/ to look at (60 dpi). */
function keepPng(pdf: string, name: string): void {
  const dir = join(process.cwd(), "test-results", "notice-pages");
  mkdirSync(dir, { recursive: true });
  spawnSync("pdftoppm", ["-png", "-r", "60", pdf, join(dir, name)]);
}

function unitsGrid(n: number): (string | number)[][] {
  const head = ["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định", "Xếp loại"];
  return [
    head,
    ...Array.from({ length: n }, (_, i) => [i + 1, `Sở TT&TT số ${i + 1}`, 990 - i, 985 - i, ""]),
  ];
}

const seedRanking = (): readonly RankedUnit[] =>
  rankWorkbook({ sheets: [{ name: "Tổng hợp", grid: seed000Grid() }] }).ranking;
const fortyRanking = (): readonly RankedUnit[] =>
  rankWorkbook({ sheets: [{ name: "Tổng hợp", grid: unitsGrid(40) }] }).ranking;
const SHORT_FIELDS: NoticeFields = {
  ...SEED_000_NOTICE_FIELDS,
  bases: SEED_000_NOTICE_FIELDS.bases.slice(0, 1),
};

/** Seed 000's table rows, as the seed prints them (/work/shared/seeds/000_*.txt). */
const SEED_ROWS = [
  "1 Sở TT&TT Điện Biên 985 985 Xuất sắc",
  "2 Sở TT&TT Cao Bằng 975 975 Xuất sắc",
  "3 Sở TT&TT Lạng Sơn 995 965 Xuất sắc",
  "4 Sở TT&TT Lào Cai 965 965 Xuất sắc",
  "5 Sở TT&TT Lai Châu 980 960 Xuất sắc",
  "6 Sở TT&TT Hà Giang 980 915 Xuất sắc",
  "7 Sở TT&TT Sơn La 915 915 Xuất sắc",
];

function expectInOrder(text: string, parts: readonly string[]): void {
  let at = -1;
  for (const p of parts) {
    const k = text.indexOf(p, at + 1);
    expect({ part: p, found: k > at }).toEqual({ part: p, found: true });
    at = k;
  }
}

async function writeSheet(file: string, ranking: readonly RankedUnit[], fields: NoticeFields): Promise<void> {
  const wb = new ExcelJS.Workbook();
  renderSheetModel(wb.addWorksheet("Thông báo"), buildNotice(ranking, fields, { sheetName: "Thông báo" }));
  await wb.xlsx.writeFile(file);
}

async function writeDocx(file: string, ranking: readonly RankedUnit[], fields: NoticeFields): Promise<void> {
  const { writeFileSync } = await import("node:fs");
  writeFileSync(file, await renderDocx(noticeDocument(ranking, fields)));
}

/** One LibreOffice run for every notice check below (sheet and Word, seed 000, short and 40 units). */
let rendered: Record<string, string> | undefined;
async function renderNotices(): Promise<Record<string, string>> {
  if (rendered) return rendered;
  const dir = dirname(tmpPath("notices/x"));
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    sheetSeed: join(dir, "sheet-seed.xlsx"),
    sheet40: join(dir, "sheet-40.xlsx"),
    docxSeed: join(dir, "word-seed.docx"),
    docxShort: join(dir, "word-short.docx"),
    docx40: join(dir, "word-40.docx"),
  };
  await writeSheet(files["sheetSeed"] ?? "", seedRanking(), SEED_000_NOTICE_FIELDS);
  await writeSheet(files["sheet40"] ?? "", fortyRanking(), SEED_000_NOTICE_FIELDS);
  await writeDocx(files["docxSeed"] ?? "", seedRanking(), SEED_000_NOTICE_FIELDS);
  await writeDocx(files["docxShort"] ?? "", seedRanking(), SHORT_FIELDS);
  await writeDocx(files["docx40"] ?? "", fortyRanking(), SEED_000_NOTICE_FIELDS);
  const keys = Object.keys(files);
  const pdfs = convertAll(
    keys.map((k) => files[k] ?? ""),
    join(dir, "pdf"),
    "notices",
  );
  rendered = Object.fromEntries(keys.map((k, i) => [k, pdfs[i] ?? ""]));
  for (const [k, pdf] of Object.entries(rendered)) keepPng(pdf, k);
  rendered["docxSeedFile"] = files["docxSeed"] ?? "";
  return rendered;
}

const A4 = "595.304 x 841.89 pts (A4)";
/**
 * The table header as pdftotext -layout reads it: its two-line cells ("Điểm tự / chấm") fold
 * into the lines around them, so the one-line cells in order (the others are checked as present).
 */
const HEADER = ["STT", "Đơn vị", "Xếp loại"];
const HEADER_WORDS = ["Điểm tự", "chấm", "Điểm chấm", "thẩm định"];
/** The seed's wording, line for line, up to the table. */
const SEED_HEAD = [
  "BỘ THÔNG TIN VÀ TRUYỀN THÔNG",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "CỤM THI ĐUA SỐ 2",
  "Độc lập - Tự do - Hạnh phúc",
  "Số: /CTĐ2",
  "Lào Cai, ngày tháng 12 năm 2022",
];
const SIGNING = [
  "Nơi nhận:",
  "GIÁM ĐỐC",
  "- Như trên;",
  "- Lãnh đạo Sở;",
  "- Các phòng, Trung tâm;",
  "- Lưu: VT, VP.",
  "Vũ Hùng Dũng",
];

cases.push(
  [
    "seed 000's notice sheet prints on exactly one A4 page: header, motto, the table in order, Nơi nhận and the signer",
    async () => {
      const pdf = (await renderNotices())["sheetSeed"] ?? "";
      expect(pageSize(pdf)).toBe(A4);
      const pages = pagesOf(pdf);
      expect(pages).toHaveLength(1);
      const text = pages[0] ?? "";
      expectInOrder(text, [
        ...SEED_HEAD,
        "Kính gửi:",
        "Căn cứ Quyết định số 1459/QĐ-BTTTT",
        "Căn cứ Báo cáo, Biên bản",
      ]);
      expectInOrder(text, [...HEADER, ...SEED_ROWS]);
      for (const w of HEADER_WORDS) expect(text).toContain(w);
      expectInOrder(text, [
        SEED_ROWS.at(-1) ?? "",
        "trình thi đua khen thưởng năm 2022./.",
        "Nơi nhận:",
        "Vũ Hùng Dũng",
      ]);
      for (const s of SIGNING) expect(text).toContain(s);
    },
  ],
  [
    "a 40-unit notice sheet continues the table on page 2 under its repeated header, the signing block whole",
    async () => {
      const pages = pagesOf((await renderNotices())["sheet40"] ?? "");
      expect(pages.length).toBeGreaterThanOrEqual(2);
      // Page 2 opens with the repeated header, then the rows that did not fit page 1.
      const p2 = pages[1] ?? "";
      expectInOrder(p2, [...HEADER, "Sở TT&TT số"]);
      expect(p2.indexOf("STT")).toBeLessThan(40);
      const all = pages.join(" ");
      expectInOrder(
        all,
        Array.from({ length: 40 }, (_, i) => `${i + 1} Sở TT&TT số ${i + 1} `),
      );
      const last = pages.at(-1) ?? "";
      for (const s of ["trình thi đua khen thưởng năm 2022./.", ...SIGNING]) expect(last).toContain(s);
      // The last page is not the signing block alone: the table's end comes with it.
      expect(last).toContain("40 Sở TT&TT số 40");
    },
  ],
  [
    "the Word notice: A4, NĐ 30 margins read back from the file, seed 000 on as few pages as 14 pt allows, signing block whole",
    async () => {
      const r = await renderNotices();
      const { unzipSync, strFromU8 } = await import("fflate");
      const xml = strFromU8(
        unzipSync(readFileSync(r["docxSeedFile"] ?? ""))["word/document.xml"] ?? new Uint8Array(),
      );
      expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      const mar = /<w:pgMar ([^>]*)\/>/.exec(xml)?.[1] ?? "";
      const twips = (k: string): number => Number(new RegExp(`w:${k}="(\\d+)"`).exec(mar)?.[1]);
      const mm = (k: string): number => Math.round((twips(k) * 25.4) / 1440);
      expect([mm("top"), mm("bottom"), mm("left"), mm("right")]).toEqual([20, 20, 30, 15]);
      expect(xml).toContain('w:ascii="Times New Roman"');
      const pdf = r["docxSeed"] ?? "";
      expect(pageSize(pdf)).toBe(A4);
      const pages = pagesOf(pdf);
      expect(pages.length).toBeLessThanOrEqual(2);
      const text = pages.join(" ");
      expectInOrder(text, [...SEED_HEAD, "V/v Thông báo tổng hợp kết quả chấm điểm", "Kính gửi:"]);
      expectInOrder(text, [...HEADER, ...SEED_ROWS]);
      for (const w of HEADER_WORDS) expect(text).toContain(w);
      const last = pages.at(-1) ?? "";
      for (const s of ["trình thi đua khen thưởng năm 2022./.", ...SIGNING]) expect(last).toContain(s);
      expect(pages[0]?.startsWith("BỘ THÔNG TIN")).toBe(true);
    },
  ],
  [
    "a short Word notice (one Căn cứ, 7 units) is one page; a 40-unit one repeats the table header and numbers pages from 2",
    async () => {
      const r = await renderNotices();
      expect(pagesOf(r["docxShort"] ?? "")).toHaveLength(1);
      const pages = pagesOf(r["docx40"] ?? "");
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(pages[0]?.startsWith("BỘ THÔNG TIN")).toBe(true);
      pages.slice(1).forEach((p, i) => expect(p.startsWith(`${i + 2} `)).toBe(true));
      // Page 2 opens with the repeated header (its two-line cells come out of pdftotext in any
      // order), before the first row carried over.
      const page2 = pages[1] ?? "";
      const head2 = page2.slice(0, page2.indexOf("Sở TT&TT"));
      expect(head2.length).toBeGreaterThan(0);
      for (const w of [...HEADER, ...HEADER_WORDS]) expect(head2).toContain(w);
      const last = pages.at(-1) ?? "";
      for (const s of ["trình thi đua khen thưởng năm 2022./.", ...SIGNING]) expect(last).toContain(s);
    },
  ],
);

if (soffice === undefined) {
  console.info("LibreOffice (soffice) is not on PATH: skipping the one-page A4 PDF and re-save checks.");
}

for (const [title, body] of cases) {
  if (soffice === undefined) {
    // Say why in the test name, so the skip is visible in every report.
    test.skip(`${title} — skipped: LibreOffice (soffice) is not installed`, () => undefined);
  } else {
    test(`${title} (LibreOffice)`, body, 180_000);
  }
}
