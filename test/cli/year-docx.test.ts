/**
 * `emu call|remind|pledge --docx`: the year's documents as Word files, read back (word/document.xml)
 * and, when LibreOffice is installed, printed to PDF and read word by word with their positions
 * (poppler's `pdftotext -bbox`) to check that every member's block of the pledge — its name in
 * capitals, the signer's title and the signer's name — is whole on one page. Expected names come
 * from the fixtures' rows (test/fixtures/year-cases.ts), typed as seed 002 prints them.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, delimiter, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { strFromU8, unzipSync } from "fflate";
import { FIFTEEN } from "../fixtures/year-cases";
import { cleanTmp, tmpPath } from "../helpers/xlsx";
import { cli } from "./run-cli";

afterAll(cleanTmp);

const fixture = (name: string, file = "input.xlsx"): string => join("test", "fixtures", name, file);

interface Block {
  readonly unit: string;
  readonly title: readonly string[];
  readonly signer: string;
}

/** Seed 002's grid, as the seed prints it (the fixture's member list spells the units so). */
const SEED_002_GRID: readonly Block[] = [
  { unit: "SỞ TTTT TỈNH HÀ GIANG", title: ["GIÁM ĐỐC"], signer: "Đỗ Thái Hòa" },
  { unit: "SỞ TTTT TỈNH CAO BẰNG", title: ["GIÁM ĐỐC"], signer: "Hoàng Ngọc Sơn" },
  { unit: "SỞ TTTT TỈNH LAI CHÂU", title: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], signer: "Phạm Quang Cường" },
  { unit: "SỞ TTTT TỈNH ĐIỆN BIÊN", title: ["GIÁM ĐỐC"], signer: "Vũ Anh Dũng" },
  { unit: "SỞ TTTT TỈNH LẠNG SƠN", title: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], signer: "Phương Thị Hương Lan" },
  { unit: "SỞ TTTT TỈNH SƠN LA", title: ["GIÁM ĐỐC"], signer: "Nguyễn Đắc Tĩnh" },
  { unit: "SỞ TTTT TỈNH LÀO CAI", title: ["GIÁM ĐỐC"], signer: "Vũ Hùng Dũng" },
];

const FIFTEEN_GRID: readonly Block[] = FIFTEEN.map(([name, , title, signer]) => ({
  unit: name.toLocaleUpperCase("vi"),
  title: title.split("/").map((t) => t.trim()),
  signer,
}));

/** The texts of word/document.xml's runs, joined per paragraph. */
function docxParagraphs(file: string): { xml: string; paragraphs: string[] } {
  const xml = strFromU8(
    unzipSync(new Uint8Array(readFileSync(file)))["word/document.xml"] ?? new Uint8Array(),
  );
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1] ?? "").join(""),
  );
  return { xml, paragraphs };
}

/** A4 portrait (11906 × 16838 twips) with NĐ 30's margins 20/20/30/15 mm. */
function expectA4(xml: string): void {
  expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  const mar = xml.match(/<w:pgMar ([^>]*)\/>/)?.[1] ?? "";
  const tw = (mm: number): string => String(Math.round((mm * 1440) / 25.4));
  expect(mar).toContain(`w:top="${tw(20)}"`);
  expect(mar).toContain(`w:bottom="${tw(20)}"`);
  expect(mar).toContain(`w:left="${tw(30)}"`);
  expect(mar).toContain(`w:right="${tw(15)}"`);
}

describe("emu pledge|call|remind --docx", () => {
  it("the seed-002 pledge: title, grid heading, every member's name in capitals, title and signer", async () => {
    const out = tmpPath("giao-uoc-7.docx");
    const r = await cli("pledge", fixture("pledge-seed-002", "pledge.xlsx"), "--docx", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Đã ghi văn bản Word "${out}"`);
    const { xml, paragraphs } = docxParagraphs(out);
    expectA4(xml);
    expect(paragraphs).toContain("GIAO ƯỚC THI ĐUA CỤM THI ĐUA SỐ 2");
    expect(paragraphs).toContain("ĐẠI DIỆN 07 SỞ THÔNG TIN VÀ TRUYỀN THÔNG");
    expect(paragraphs).toContain("CỤM THI ĐUA SỐ 2 KÝ KẾT GIAO ƯỚC THI ĐUA");
    for (const b of SEED_002_GRID) {
      // Name, title lines and signer are consecutive paragraphs of one table cell.
      const k = paragraphs.indexOf(b.unit);
      expect(k).toBeGreaterThan(0);
      expect(paragraphs.slice(k + 1, k + 1 + b.title.length)).toEqual(b.title);
      expect(paragraphs.slice(k).find((p) => p.trim() !== "" && !b.title.includes(p) && p !== b.unit)).toBe(
        b.signer,
      );
    }
    expect(paragraphs).toContain("- Lưu: VT, VP.");
    // The ten contents, numbered.
    expect(paragraphs.filter((p) => /^\d+\. /.test(p)).map((p) => p.split(".")[0])).toEqual(
      Array.from({ length: 10 }, (_, k) => String(k + 1)),
    );
    // Every row of blocks is a table row Word may not split across pages.
    expect((xml.match(/<w:cantSplit\/>/g) ?? []).length).toBeGreaterThanOrEqual(4);
  });

  it("the call: every member as Kính gửi, the deadline in a bold run, the signer; the reminder to the two missing", async () => {
    const input = fixture("members-hand-made");
    const call = tmpPath("cong-van.docx");
    const r = await cli("call", input, "--docx", call);
    expect(r.code).toBe(0);
    const { xml, paragraphs } = docxParagraphs(call);
    expectA4(xml);
    expect(paragraphs).toContain("Kính gửi:");
    expect(paragraphs.filter((p) => /^- Sở Thông tin và Truyền thông tỉnh /.test(p))).toHaveLength(7);
    expect(paragraphs).toContain("Số: 85/CTĐS2");
    // Only the date is bold: its own run carries <w:b/>, the words before it do not.
    expect(xml).toMatch(/<w:b w:val="false"\/>(?:(?!<\/w:r>)[\s\S])*Thời hạn gửi: chậm nhất trước <\/w:t>/);
    expect(xml).toMatch(
      /<w:r><w:rPr>(?:(?!<\/w:r>)[\s\S])*?<w:b\/>(?:(?!<\/w:r>)[\s\S])*ngày 15 tháng 12 năm 2023<\/w:t><\/w:r>/,
    );
    expect(
      paragraphs.some((p) => p.startsWith("Thời hạn gửi: chậm nhất trước ngày 15 tháng 12 năm 2023")),
    ).toBe(true);

    const remind = tmpPath("don-doc.docx");
    const rr = await cli("remind", input, "--docx", remind);
    expect(rr.code).toBe(0);
    const back = docxParagraphs(remind).paragraphs;
    expect(back).toContain("- Sở Thông tin và Truyền thông tỉnh Lạng Sơn;");
    expect(back).toContain("- Sở Thông tin và Truyền thông tỉnh Sơn La.");
    expect(back.some((p) => p.includes("Thực hiện Công văn số 85/CTĐS2"))).toBe(true);
    expect(back.some((p) => p.includes("Hà Giang"))).toBe(false);
  });

  it("refuses to overwrite without --force, and never writes over the input", async () => {
    const out = tmpPath("co-san.docx");
    writeFileSync(out, "giữ nguyên");
    const r = await cli("pledge", fixture("pledge-15"), "--docx", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--force");
    expect(readFileSync(out, "utf8")).toBe("giữ nguyên");
    const forced = await cli("pledge", fixture("pledge-15"), "--docx", out, "--force");
    expect(forced.code).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(5000);

    const input = tmpPath("dau-vao.xlsx");
    writeFileSync(input, readFileSync(fixture("pledge-15")));
    const before = readFileSync(input);
    const same = await cli("pledge", input, "--docx", input, "--force");
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("trùng với tệp đầu vào");
    expect(readFileSync(input).equals(before)).toBe(true);

    // --out and --docx naming one file: refused before anything is written.
    const both = tmpPath("ca-hai.xlsx");
    const twice = await cli("pledge", input, "--out", both, "--docx", both);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain("--out và --docx phải là hai tệp khác nhau.");
    expect(existsSync(both)).toBe(false);
  });
});

/** LibreOffice's command-line entry, when installed. */
function findSoffice(): string | undefined {
  for (const dir of (process.env["PATH"] ?? "").split(delimiter)) {
    for (const exe of ["soffice", "libreoffice"]) {
      const p = join(dir, exe);
      if (dir !== "" && existsSync(p)) return p;
    }
  }
  return undefined;
}
const soffice = findSoffice();

interface Word {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

/** Every word of a PDF with its page and centre (poppler's pdftotext -bbox). */
function pdfWords(pdf: string): { words: Word[]; pages: number; pageWidth: number } {
  const run = spawnSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
  const words: Word[] = [];
  let page = -1;
  let pageWidth = 0;
  for (const line of run.stdout.split("\n")) {
    const p = line.match(/<page width="([\d.]+)"/);
    if (p) {
      page++;
      pageWidth = Number(p[1]);
    }
    const w = line.match(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/,
    );
    if (w)
      words.push({
        page,
        x: (Number(w[1]) + Number(w[3])) / 2,
        y: (Number(w[2]) + Number(w[4])) / 2,
        text: (w[5] ?? "").replace(/&amp;/g, "&"),
      });
  }
  return { words, pages: page + 1, pageWidth };
}

/**
 * Each block is whole on one page: the signer's name is found once; on its page, within its
 * column (half a cell either side of the name's centre) and in the 230 pt above it, lie every
 * word of the member's name and title.
 */
function expectBlocksWhole(pdf: string, blocks: readonly Block[], perRow: number): Set<number> {
  const { words, pageWidth } = pdfWords(pdf);
  const half = (pageWidth - ((30 + 15) * 72) / 25.4) / perRow / 2;
  const pages = new Set<number>();
  for (const b of blocks) {
    const names = b.signer.split(" ");
    const at = words.flatMap((w, i) =>
      names.every((n, k) => words[i + k]?.text === n && words[i + k]?.page === w.page) ? [i] : [],
    );
    expect({ signer: b.signer, found: at.length }).toEqual({ signer: b.signer, found: 1 });
    const first = words[at[0] ?? 0] as Word;
    const last = words[(at[0] ?? 0) + names.length - 1] as Word;
    const cx = (first.x + last.x) / 2;
    const above = words.filter(
      (w) => w.page === first.page && Math.abs(w.x - cx) <= half && w.y < first.y && w.y > first.y - 230,
    );
    const texts = above.map((w) => w.text);
    for (const want of [b.unit, ...b.title].flatMap((t) => t.split(" ")))
      expect({ signer: b.signer, word: want, found: texts.includes(want) }).toEqual({
        signer: b.signer,
        word: want,
        found: true,
      });
    pages.add(first.page);
  }
  return pages;
}

/** Converts .docx files to PDF with a private LibreOffice profile; returns the PDFs. */
function toPdf(files: readonly string[]): string[] {
  const dir = dirname(files[0] ?? "");
  const outDir = join(dir, "pdf");
  mkdirSync(outDir, { recursive: true });
  const profile = pathToFileURL(join(dir, "lo-profile-year-docx")).href;
  const run = spawnSync(
    soffice ?? "soffice",
    [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, ...files],
    { encoding: "utf8", timeout: 180_000 },
  );
  const outs = files.map((f) => join(outDir, basename(f).replace(/\.docx$/, ".pdf")));
  if (run.status !== 0 || !outs.every((o) => existsSync(o)))
    throw new Error(`soffice failed: ${run.status} ${run.stderr}`);
  return outs;
}

const printed = "printed by LibreOffice, no member's name, title and signer split across pages";
if (soffice === undefined) {
  console.info("LibreOffice (soffice) is not on PATH: skipping the pledge's PDF checks.");
  test.skip(`${printed} — skipped: LibreOffice (soffice) is not installed`, () => undefined);
} else {
  test(`the 7- and 15-member pledges ${printed}`, async () => {
    const seven = tmpPath("pdf-7.docx");
    const fifteen = tmpPath("pdf-15.docx");
    expect((await cli("pledge", fixture("pledge-seed-002", "pledge.xlsx"), "--docx", seven)).code).toBe(0);
    expect((await cli("pledge", fixture("pledge-15"), "--docx", fifteen)).code).toBe(0);
    const [pdf7, pdf15] = toPdf([seven, fifteen]);
    expectBlocksWhole(pdf7 ?? "", SEED_002_GRID, 2);
    // Fifteen members, three a row, run over two pages: both pages hold whole blocks.
    const pages = expectBlocksWhole(pdf15 ?? "", FIFTEEN_GRID, 3);
    expect(pages.size).toBeGreaterThanOrEqual(2);
    // Every page is A4 portrait.
    for (const pdf of [pdf7 ?? "", pdf15 ?? ""]) {
      const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    }
  }, 200_000);
}
