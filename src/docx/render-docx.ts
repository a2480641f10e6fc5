/**
 * The Word writer of an `OfficialDocument` (src/core/document.ts), with the `docx` package:
 * the same model the sheet is printed from, laid out as staff issue it from Word under
 * Nghị định 30/2020 — A4 portrait, margins 20/20/30/15 mm, Times New Roman, the header block as
 * a borderless two-column table with short centred rules, justified body paragraphs with a
 * first-line indent and 6 pt between them, the table with its header row repeated on every
 * page, the closing sentence kept with "Nơi nhận" and the signing block, page numbers from
 * page 2. Runs in Node and in the browser (the pane loads it on demand).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import {
  DOCUMENT_MARGINS_MM,
  addresseeLines,
  textRuns,
  type OfficialDocument,
  type RichText,
  type SignBlock,
  type TableBlock,
  type TextAlign,
} from "../core/document";
import { textWidthPt } from "../core/text-width";

const FONT = "Times New Roman";
const TWIPS_PER_MM = 1440 / 25.4;
const A4 = { width: 11906, height: 16838 };
/** Sizes of NĐ 30, appendix I, in points. */
const PT = { parent: 12, issuer: 13, nation: 12, motto: 13, number: 13, date: 14, subject: 12, body: 14 };
/**
 * The header's left column, as a share of the text width: the widest lines of seed 000
 * ("BỘ THÔNG TIN VÀ TRUYỀN THÔNG", 12 pt, and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12 pt bold)
 * each fit one line only about here, with no cell padding.
 */
const HEADER_LEFT = 0.448;

const mm = (x: number): number => Math.round(x * TWIPS_PER_MM);
const half = (pt: number): number => Math.round(pt * 2);

const ALIGN: Record<TextAlign, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
} as const;
const CELL_NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE } as const;

interface LineOpts {
  readonly size: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly align?: TextAlign;
  readonly after?: number;
  readonly before?: number;
  readonly indentFirst?: number;
  readonly indentLeft?: number;
  readonly keepNext?: boolean;
}

function runs(text: RichText, o: LineOpts): TextRun[] {
  return textRuns(text).map(
    (r) =>
      new TextRun({
        text: r.text,
        font: FONT,
        size: half(o.size),
        bold: r.bold ?? o.bold ?? false,
        italics: r.italic ?? o.italic ?? false,
        ...(r.underline ? { underline: {} } : {}),
      }),
  );
}

function para(text: RichText, o: LineOpts): Paragraph {
  return new Paragraph({
    children: runs(text, o),
    alignment: ALIGN[o.align ?? "center"],
    // Single spacing said in full: without w:lineRule="auto" LibreOffice sets the lines 12 pt apart
    // whatever their size, and 14 pt text with stacked Vietnamese marks collides.
    spacing: { before: (o.before ?? 0) * 20, after: (o.after ?? 0) * 20, line: 240, lineRule: "auto" },
    ...(o.indentFirst || o.indentLeft
      ? { indent: { firstLine: o.indentFirst ?? 0, left: o.indentLeft ?? 0 } }
      : {}),
    ...(o.keepNext ? { keepNext: true, keepLines: true } : { keepLines: true }),
  });
}

/** A bold line's printed width in twips, from the measured Times New Roman widths. */
function ruleLength(text: string, sizePt: number): number {
  return Math.round(textWidthPt(text, sizePt, { bold: true }) * 20);
}

/** A short centred rule: an empty paragraph's bottom border, shortened by equal indents. */
function rule(lengthTw: number, cellTw: number): Paragraph {
  const side = Math.max(0, Math.round((cellTw - lengthTw) / 2));
  return new Paragraph({
    children: [new TextRun({ text: "", size: 2 })],
    spacing: { before: 0, after: 60, line: 60, lineRule: "exact" },
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
  });
}

function cell(children: Paragraph[], widthTw: number, borders = false): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph("")],
    width: { size: widthTw, type: WidthType.DXA },
    ...(borders ? {} : { borders: CELL_NO_BORDERS }),
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    verticalAlign: VerticalAlignTable.TOP,
  });
}

function layoutTable(rows: TableRow[], widths: number[]): Table {
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
  });
}

function headerBlock(doc: OfficialDocument, textTw: number): Table {
  const h = doc.header;
  const lw = Math.round(textTw * HEADER_LEFT);
  const rw = textTw - lw;
  const left: Paragraph[] = [];
  if (h.parentBody) left.push(para(h.parentBody, { size: PT.parent }));
  left.push(para(h.issuingBody, { size: PT.issuer, bold: true }));
  // NĐ 30: a rule 1/3–1/2 of the issuing body's line.
  const issuerLine = h.issuingBody.split("\n").reduce((a, x) => (x.length > a.length ? x : a), "");
  left.push(rule(Math.round(ruleLength(issuerLine, PT.issuer) * 0.4), lw));
  const right: Paragraph[] = [
    para(h.nation, { size: PT.nation, bold: true }),
    para(h.motto, { size: PT.motto, bold: true }),
    rule(ruleLength(h.motto, PT.motto), rw),
  ];
  const second = [
    para(h.numberLine, { size: PT.number }),
    ...(h.subject ?? []).map((s) => para(s, { size: PT.subject, before: 2 })),
  ];
  const date = [para(h.dateLine, { size: PT.date, italic: true })];
  return layoutTable(
    [
      new TableRow({ children: [cell(left, lw), cell(right, rw)], cantSplit: true }),
      new TableRow({ children: [cell(second, lw), cell(date, rw)], cantSplit: true }),
    ],
    [lw, rw],
  );
}

function dataTable(t: TableBlock, textTw: number): Table {
  const size = t.sizePt ?? 13;
  const total = t.columns.reduce((a, c) => a + Math.max(c.width, 0), 0) || 1;
  const widths = t.columns.map((c) => Math.round((Math.max(c.width, 0) / total) * textTw));
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
  const mk = (children: Paragraph[], w: number): TableCell =>
    new TableCell({
      children,
      width: { size: w, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 80, right: 80, top: 30, bottom: 30 },
    });
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c, i) => mk([para(c.header, { size, bold: true })], widths[i] ?? 0)),
  });
  const body = t.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: t.columns.map((c, i) => {
          const v = row[i];
          return mk(
            [para(v === null || v === undefined ? "" : String(v), { size, align: c.align })],
            widths[i] ?? 0,
          );
        }),
      }),
  );
  return new Table({
    rows: [head, ...body],
    columnWidths: widths,
    width: { size: textTw, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
  });
}

/** Room to sign under the authority lines, in twips (2.5 cm). */
const SIGN_ROOM_TW = Math.round((25 / 25.4) * 1440);

function signBlockParagraphs(s: SignBlock): Paragraph[] {
  const out = s.authority.map((a) => para(a, { size: 14, bold: true }));
  if (s.note) out.push(para(s.note, { size: 14, italic: true }));
  // Room to sign: one empty line of an exact height (2.5 cm), so no font or default paragraph
  // size can shrink it (four empty paragraphs printed barely 1.8 cm in LibreOffice).
  out.push(
    new Paragraph({
      children: [new TextRun({ text: "", size: half(14) })],
      spacing: { before: 0, after: 0, line: SIGN_ROOM_TW, lineRule: "exact" },
      keepNext: true,
      keepLines: true,
    }),
  );
  out.push(para(s.signer, { size: 14, bold: true }));
  return out;
}

function signatureGrid(blocks: readonly SignBlock[], perRow: number, textTw: number): Table {
  const w = Math.floor(textTw / perRow);
  // A blank line under each row of blocks, so a name never runs into the next member's.
  const signParagraphs = (s: SignBlock): Paragraph[] => [...signBlockParagraphs(s), para("", { size: 10 })];
  const rows: TableRow[] = [];
  for (let k = 0; k < blocks.length; k += perRow) {
    const slice = blocks.slice(k, k + perRow);
    // A lone block on the last row is centred under the others (seed 002's seventh member).
    if (slice.length === 1 && perRow > 1 && slice[0]) {
      const lone = new TableCell({
        children: signParagraphs(slice[0]),
        width: { size: w * perRow, type: WidthType.DXA },
        columnSpan: perRow,
        borders: CELL_NO_BORDERS,
        margins: { left: 0, right: 0, top: 0, bottom: 0 },
        verticalAlign: VerticalAlignTable.TOP,
      });
      rows.push(new TableRow({ children: [lone], cantSplit: true }));
      continue;
    }
    const cells = slice.map((b) => cell(signParagraphs(b), w));
    while (cells.length < perRow) cells.push(cell([], w));
    rows.push(new TableRow({ children: cells, cantSplit: true }));
  }
  return layoutTable(
    rows,
    Array.from({ length: perRow }, () => w),
  );
}

/**
 * Builds the .docx of an official document.
 * @example renderDocx(noticeDocument(ranking, fields)).then((bytes) => bytes.length > 0) //=> true
 */
export async function renderDocx(doc: OfficialDocument): Promise<Uint8Array> {
  const portrait = (doc.orientation ?? "portrait") === "portrait";
  const m = DOCUMENT_MARGINS_MM;
  const pageW = portrait ? A4.width : A4.height;
  const textTw = pageW - mm(m.left) - mm(m.right);
  const children: (Paragraph | Table)[] = [headerBlock(doc, textTw)];
  const titles = doc.title ?? [];
  titles.forEach((t, i) =>
    children.push(
      para(t, { size: 14, bold: true, before: i === 0 ? 12 : 0, after: i === titles.length - 1 ? 6 : 0 }),
    ),
  );
  children.push(para("", { size: 6 }));
  const indent = mm(10);
  for (const b of doc.body) {
    if (b.kind === "paragraph") {
      const align = b.align ?? "justify";
      children.push(
        para(b.text, {
          size: b.sizePt ?? PT.body,
          bold: b.bold ?? false,
          italic: b.italic ?? false,
          align,
          after: 6,
          indentFirst: (b.indent ?? align === "justify") ? indent : 0,
          keepNext: b.keepWithNext ?? false,
        }),
      );
    } else if (b.kind === "addressees") {
      const ls = addresseeLines(b.names);
      ls.forEach((x, i) =>
        children.push(
          para(x, {
            size: PT.body,
            align: i === 0 ? "center" : "left",
            indentLeft: i === 0 ? 0 : mm(25),
            after: i === ls.length - 1 ? 6 : 0,
          }),
        ),
      );
    } else if (b.kind === "table") {
      children.push(dataTable(b, textTw));
      children.push(para("", { size: 6, keepNext: true }));
    } else {
      children.push(signatureGrid(b.blocks, b.perRow, textTw));
    }
  }
  if (doc.closing !== undefined) {
    children.push(
      para(doc.closing, {
        size: PT.body,
        align: "justify",
        indentFirst: indent,
        before: 6,
        after: 6,
        keepNext: true,
      }),
    );
  }
  if ((doc.places ?? []).length > 0 || doc.sign) {
    const lw = Math.round(textTw * 0.45);
    const rw = textTw - lw;
    const left = (doc.places ?? []).length
      ? [
          para("Nơi nhận:", { size: 12, bold: true, italic: true, align: "left" }),
          ...(doc.places ?? []).map((x) => para(x, { size: 11, align: "left" })),
        ]
      : [];
    const right = doc.sign ? signBlockParagraphs(doc.sign) : [];
    children.push(
      layoutTable([new TableRow({ children: [cell(left, lw), cell(right, rw)], cantSplit: true })], [lw, rw]),
    );
  }

  const document = new Document({
    creator: "EMU",
    styles: { default: { document: { run: { font: FONT, size: half(PT.body) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: A4.width, height: A4.height, orientation: portrait ? "portrait" : "landscape" },
            margin: {
              top: mm(m.top),
              bottom: mm(m.bottom),
              left: mm(m.left),
              right: mm(m.right),
              header: mm(10),
              footer: mm(10),
            },
          },
        },
        headers: {
          // NĐ 30: page numbers centred at the top, from page 2; none on the first page.
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: half(13) })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph("")] }),
        },
        children,
      },
    ],
  });
  const buf = await Packer.toArrayBuffer(document);
  return new Uint8Array(buf);
}
