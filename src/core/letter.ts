import {
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  type DocumentBlock,
  type OfficialDocument,
  type SignBlock,
} from "./document";
import { OFFICIAL_FONT, SheetBuilder, heightFor } from "./sheet-builder";
import type { CellStyle, SheetModel } from "./sheet-model";

/**
 * The call, the reminder and the pledge as plain data in the Nghị định 30/2020 layout (header
 * block, title or V/v, Kính gửi, paragraphs, Nơi nhận and signing block, or a signature grid),
 * built once and rendered by each writer: `yearDocumentSheet` here for the workbook, a Word writer
 * for .docx. Text runs carry bold/italic so a writer that can mix them (Word) bolds just the
 * deadline; a sheet cell bolds the paragraph that holds it.
 */

export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

export interface Paragraph {
  readonly runs: readonly Run[];
  /** body: justified, first-line indent; item: a "- …" line; heading: centred bold (a section title). */
  readonly kind: "body" | "item" | "heading";
}

export interface DocHeader {
  /** Cơ quan chủ quản (upper case, regular); may be "". */
  readonly parentBody: string;
  /** Cơ quan ban hành (upper case, bold, rule under it). */
  readonly issuingBody: string;
  /** "Số: …/symbol". */
  readonly numberLine: string;
  /** "Place, ngày … tháng … năm …". */
  readonly dateLine: string;
  /** "V/v …" under the number (a letter); "" for a document with a title. */
  readonly subject: string;
}

/** One member's block in a signature grid. */
export interface SignatureBlock {
  /** The member's name, upper case. */
  readonly unit: string;
  /** The signer's title, one line each ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"). */
  readonly title: readonly string[];
  readonly signer: string;
}

export interface YearDocument {
  readonly header: DocHeader;
  /** The document's name in capitals (the pledge's "GIAO ƯỚC THI ĐUA …"); "" for a letter. */
  readonly title: string;
  /** Kính gửi, one addressee a line, already punctuated ("- …;" … "- ….") when more than one. */
  readonly recipients: readonly string[];
  readonly paragraphs: readonly Paragraph[];
  /** Heading over the signature grid ("ĐẠI DIỆN … KÝ KẾT GIAO ƯỚC THI ĐUA"), one line each. */
  readonly gridHeading: readonly string[];
  /** Signature grid rows: two or three members a row; empty for a letter. */
  readonly grid: readonly (readonly SignatureBlock[])[];
  /** Nơi nhận, punctuated lines. */
  readonly distribution: readonly string[];
  /** The single signer of a letter (absent for the pledge, which the grid signs). */
  readonly signer?: { readonly title: readonly string[]; readonly name: string };
}

/**
 * Ends list lines with ";" and the last with "." (Kính gửi and Nơi nhận).
 * @example punctuate(["Như trên", "Lưu: VT"]) //=> ["- Như trên;", "- Lưu: VT."]
 */
export function punctuate(lines: readonly string[]): string[] {
  const xs = lines.map((x) => x.trim().replace(/[;.,]+$/, "")).filter((x) => x !== "");
  return xs.map((x, i) => `- ${x}${i === xs.length - 1 ? "." : ";"}`);
}

/** "Số:      /CTĐ2" (blank number kept for the clerk). */
export function numberLineOf(number: string, symbol: string): string {
  return `Số: ${number.trim() || " ".repeat(6)}/${symbol.trim()}`;
}

/** "Lào Cai, ngày      tháng 02 năm 2023". */
export function dateLineOf(place: string, day: string, month: string, year: string): string {
  const blank = (s: string): string => (s.trim() ? s.trim() : " ".repeat(6));
  return `${place.trim()}, ngày ${blank(day)} tháng ${blank(month)} năm ${blank(year)}`;
}

/** The paragraph's text, runs joined. */
export function paragraphText(p: Paragraph): string {
  return p.runs.map((r) => r.text).join("");
}

const f = (size: number, extra: Partial<NonNullable<CellStyle["font"]>> = {}): CellStyle["font"] => ({
  name: OFFICIAL_FONT,
  size,
  ...extra,
});

/** Nghị định 30/2020's sizes and weights, as the notice uses them. */
const STYLES: Readonly<Record<string, CellStyle>> = {
  parent: { font: f(13), align: "center", valign: "middle", wrap: true },
  issuer: { font: f(13, { bold: true }), align: "center", valign: "middle", wrap: true, bottomRule: true },
  nation: { font: f(12, { bold: true }), align: "center", valign: "middle", wrap: true },
  motto: { font: f(13, { bold: true }), align: "center", valign: "middle", wrap: true, bottomRule: true },
  number: { font: f(13), align: "center", valign: "middle" },
  date: { font: f(13, { italic: true }), align: "center", valign: "middle", wrap: true },
  subject: { font: f(12), align: "center", valign: "top", wrap: true },
  title: { font: f(14, { bold: true }), align: "center", valign: "middle", wrap: true },
  greet: { font: f(14), align: "left", valign: "middle", wrap: true },
  recipient: { font: f(14), align: "left", valign: "middle", wrap: true },
  body: { font: f(14), align: "justify", valign: "top", wrap: true },
  bodyBold: { font: f(14, { bold: true }), align: "justify", valign: "top", wrap: true },
  heading: { font: f(14, { bold: true }), align: "center", valign: "top", wrap: true },
  placesHead: { font: f(12, { bold: true, italic: true }), align: "left", valign: "top" },
  places: { font: f(11), align: "left", valign: "top", wrap: true },
  signTitle: { font: f(13, { bold: true }), align: "center", valign: "top", wrap: true },
  signName: { font: f(14, { bold: true }), align: "center", valign: "top", wrap: true },
  gridUnit: { font: f(13, { bold: true }), align: "center", valign: "top", wrap: true },
  gridTitle: { font: f(13, { bold: true }), align: "center", valign: "top", wrap: true },
};

/** Six equal columns: 85 units ≈ the 165 mm between A4 margins of 30 and 15 mm. */
const WIDTHS = [14, 14, 14, 14, 14, 15];
const LAST = WIDTHS.length - 1;

/** A4's printable height with 20 mm margins (728 pt), less a safety band for printers' rounding. */
export const PAGE_HEIGHT_PT = 700;

/**
 * Every page break of a document, placed by EMU rather than left to the printer: a page starts
 * where the next row (or the next range that must stay whole) would cross PAGE_HEIGHT_PT. With
 * every break fixed, a printer that scales the sheet down (LibreOffice fits it to the width at
 * ~77 %) only leaves more room at the foot of a page: it never moves a break into a block.
 * @example pageBreaks(2, () => 400, []) //=> [1, 2]
 */
export function pageBreaks(
  lastRow: number,
  heightOf: (row: number) => number,
  keep: readonly { start: number; end: number }[],
): number[] {
  const breaks: number[] = [];
  let used = 0;
  for (let k = 0; k <= lastRow; k++) {
    const range = keep.find((x) => x.start === k);
    let need = heightOf(k);
    if (range) for (let j = k + 1; j <= range.end; j++) need += heightOf(j);
    if (used > 0 && used + need > PAGE_HEIGHT_PT) {
      breaks.push(k);
      used = 0;
    }
    if (range) {
      used += need;
      k = range.end;
    } else used += heightOf(k);
  }
  return breaks;
}

/** The height EMU gives a row it leaves blank (13 pt text). */
const DEFAULT_ROW_PT = heightFor(1, 13);

/** Rows of room left for a handwritten signature. */
const SIGNATURE_ROWS = 4;
const SIGNATURE_ROW_PT = 18;

/**
 * The document as a printable sheet (A4 portrait, Times New Roman, Nghị định 30 margins). A
 * signature grid's rows of blocks are kept whole: when one would cross the bottom of a page, a
 * page break goes before it, so no member's block is split.
 * @example yearDocumentSheet(pledge, "Giao ước thi đua").rowBreaks //=> [40]
 */
export function yearDocumentSheet(doc: YearDocument, name: string): SheetModel {
  const b = new SheetBuilder(WIDTHS, STYLES);
  const L = [0, 2] as const;
  const R = [3, LAST] as const;
  let r = 0;
  const h = doc.header;
  if (h.parentBody.trim()) b.text(r, L[0], L[1], h.parentBody.toUpperCase(), "parent");
  b.text(r, R[0], R[1], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "nation");
  r++;
  b.text(r, L[0], L[1], h.issuingBody.toUpperCase(), "issuer");
  b.text(r, R[0], R[1], "Độc lập - Tự do - Hạnh phúc", "motto");
  r++;
  b.fit(r++, 8);
  b.text(r, L[0], L[1], h.numberLine, "number");
  b.text(r, R[0], R[1], h.dateLine, "date");
  r++;
  if (h.subject.trim()) b.text(r++, L[0], L[1], h.subject, "subject");
  r++;
  if (doc.title.trim()) {
    b.text(r++, 0, LAST, doc.title.toUpperCase(), "title");
    r++;
  }
  if (doc.recipients.length === 1) {
    b.text(r++, 0, LAST, `Kính gửi: ${(doc.recipients[0] ?? "").replace(/^-\s*/, "")}`, "greet");
    r++;
  } else if (doc.recipients.length > 1) {
    b.text(r++, 0, LAST, "Kính gửi:", "greet");
    for (const x of doc.recipients) b.text(r++, 1, LAST, x, "recipient");
    r++;
  }
  for (const p of doc.paragraphs) {
    const t = paragraphText(p);
    if (p.kind === "heading") b.text(r++, 0, LAST, t, "heading");
    else if (p.kind === "item") b.text(r++, 0, LAST, t, "body");
    else b.text(r++, 0, LAST, `      ${t}`, p.runs.some((x) => x.bold) ? "bodyBold" : "body");
  }
  r++;

  /** Ranges of rows a page must never split (each row of signature blocks, Nơi nhận). */
  const keep: { start: number; end: number }[] = [];
  const heightOf = (row: number): number => b.rowHeights[row] ?? DEFAULT_ROW_PT;
  if (doc.grid.length > 0) {
    for (const line of doc.gridHeading) b.text(r++, 0, LAST, line, "heading");
    b.fit(r++, DEFAULT_ROW_PT);
    for (const row of doc.grid) {
      const start = r;
      const per = row.length;
      const span = per === 3 ? 2 : per === 2 ? 3 : 6;
      const titleLines = Math.max(1, ...row.map((m) => m.title.length));
      row.forEach((m, i) => {
        const c1 = i * span;
        const c2 = i === per - 1 ? LAST : c1 + span - 1;
        let k = start;
        b.text(k++, c1, c2, m.unit.toUpperCase(), "gridUnit");
        for (let t = 0; t < titleLines; t++) b.text(k++, c1, c2, m.title[t] ?? "", "gridTitle");
        k += SIGNATURE_ROWS;
        b.text(k, c1, c2, m.signer, "signName");
      });
      for (let k = 0; k < SIGNATURE_ROWS; k++) b.fit(start + 1 + titleLines + k, SIGNATURE_ROW_PT);
      const end = start + 1 + titleLines + SIGNATURE_ROWS; // the signer's row
      b.fit(end + 1, 14); // a spacer under the row of blocks
      keep.push({ start, end });
      r = end + 2;
    }
  }

  // Nơi nhận on the left, a letter's signer on the right, side by side.
  const bottom = r;
  const places = doc.distribution;
  const placeRows = places.length + 1;
  const signRows = doc.signer ? doc.signer.title.length + SIGNATURE_ROWS + 1 : 0;
  if (places.length > 0) keep.push({ start: bottom, end: bottom + places.length });
  if (places.length > 0) {
    b.text(bottom, L[0], L[1], "Nơi nhận:", "placesHead");
    places.forEach((x, i) => b.text(bottom + 1 + i, L[0], L[1], x, "places"));
  }
  let s = bottom;
  if (doc.signer) {
    for (const line of doc.signer.title) b.text(s++, R[0], R[1], line.toUpperCase(), "signTitle");
    for (let k = 0; k < SIGNATURE_ROWS; k++) b.fit(s + k, SIGNATURE_ROW_PT);
    s += SIGNATURE_ROWS;
    b.text(s++, R[0], R[1], doc.signer.name, "signName");
  }
  const lastRow = Math.max(bottom + placeRows, bottom + signRows, r) - 1;
  // Every row gets an explicit height, so a printer lays the pages out as counted above.
  for (let k = 0; k <= lastRow; k++) b.fit(k, DEFAULT_ROW_PT);
  // A letter flows onto pages as the printer lays it out; a document with a signature grid gets
  // every break placed by EMU, so that no member's block is ever split.
  const rowBreaks = doc.grid.length > 0 ? pageBreaks(lastRow, heightOf, keep) : [];
  const model = b.build(
    name,
    {
      paper: "A4",
      orientation: "portrait",
      marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
      fitToWidth: true,
    },
    { defaultFont: { name: OFFICIAL_FONT, size: 13 }, showGridLines: false },
    lastRow,
  );
  return rowBreaks.length > 0 ? { ...model, rowBreaks } : model;
}

/** "- Sở A;" → "Sở A": a punctuated list line back to the bare name the shared model wants. */
const bare = (line: string): string =>
  line
    .trim()
    .replace(/^-\s*/, "")
    .replace(/[;.,]+$/, "");

/**
 * The call, the reminder or the pledge as the shared model (`OfficialDocument`) the Word writer
 * draws: Kính gửi as addressees, body paragraphs justified with a first-line indent (bold runs
 * kept, so only the deadline is bold), section headings centred and bold, a letter's last "./."
 * sentence as the closing kept with Nơi nhận and the signer, and the pledge's grid as a
 * signatures block (each member's name in capitals, then the signer's title lines, room to
 * sign, the signer's name), one block never split across pages.
 * @example yearToOfficialDocument(buildPledge(SEED_002_PLEDGE_FIELDS, members)).title //=> ["GIAO ƯỚC THI ĐUA CỤM THI ĐUA SỐ 2"]
 */
export function yearToOfficialDocument(doc: YearDocument): OfficialDocument {
  const body: DocumentBlock[] = [];
  const names = doc.recipients.map(bare).filter((x) => x !== "");
  if (names.length > 0) body.push({ kind: "addressees", names });
  const paragraphs = [...doc.paragraphs];
  // A letter's last sentence ("…./.") is its closing, kept with Nơi nhận and the signer; the
  // pledge's closing stays in the body, above the grid that signs it.
  const last = paragraphs[paragraphs.length - 1];
  const closing =
    doc.grid.length === 0 && last?.kind === "body" && /\.\/\.$/.test(paragraphText(last).trim())
      ? last.runs
      : undefined;
  if (closing !== undefined) paragraphs.pop();
  for (const p of paragraphs) {
    if (p.kind === "heading")
      body.push({
        kind: "paragraph",
        text: p.runs,
        align: "center",
        bold: true,
        indent: false,
        keepWithNext: true,
      });
    else body.push({ kind: "paragraph", text: p.runs });
  }
  if (doc.grid.length > 0) {
    doc.gridHeading.forEach((line) =>
      body.push({
        kind: "paragraph",
        text: line,
        align: "center",
        bold: true,
        indent: false,
        keepWithNext: true,
      }),
    );
    // Title lines padded to the row's longest, so the signers' names of a row stand level
    // (a writer drops the blank lines where it aligns rows itself).
    const blocks: SignBlock[] = doc.grid.flatMap((row) => {
      const lines = Math.max(1, ...row.map((m) => m.title.length));
      return row.map((m) => ({
        authority: [
          m.unit.toLocaleUpperCase("vi"),
          ...Array.from({ length: lines }, (_, k) => m.title[k] ?? ""),
        ],
        signer: m.signer,
      }));
    });
    const perRow = Math.max(...doc.grid.map((r) => r.length)) >= 3 ? 3 : 2;
    body.push({ kind: "signatures", perRow, blocks });
  }
  const h = doc.header;
  return {
    header: {
      ...(h.parentBody.trim() ? { parentBody: h.parentBody.trim().toLocaleUpperCase("vi") } : {}),
      issuingBody: h.issuingBody.trim().toLocaleUpperCase("vi"),
      numberLine: h.numberLine,
      ...(h.subject.trim() ? { subject: [h.subject.trim()] } : {}),
      nation: NATIONAL_TITLE,
      motto: NATIONAL_MOTTO,
      dateLine: h.dateLine,
    },
    ...(doc.title.trim() ? { title: [doc.title.trim().toLocaleUpperCase("vi")] } : {}),
    body,
    ...(closing !== undefined ? { closing } : {}),
    ...(doc.distribution.length > 0 ? { places: doc.distribution } : {}),
    ...(doc.signer
      ? {
          sign: {
            authority: doc.signer.title.map((t) => t.trim().toLocaleUpperCase("vi")).filter((t) => t !== ""),
            signer: doc.signer.name,
          },
        }
      : {}),
  };
}
