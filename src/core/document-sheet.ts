import {
  DOCUMENT_MARGINS_MM,
  addresseeLines,
  plainText,
  type OfficialDocument,
  type SignBlock,
  type TableBlock,
  type TextAlign,
} from "./document";
import { OFFICIAL_FONT } from "./sheet-builder";
import {
  columnPt,
  columnUnits,
  type CellModel,
  type CellStyle,
  type LineModel,
  type MergeModel,
  type SheetModel,
} from "./sheet-model";
import { textWidthPt, wrapText } from "./text-width";

const PT_PER_MM = 72 / 25.4;
const A4_MM = { short: 210, long: 297 };
/** Line height of Times New Roman (ascent + descent + line gap of the font: 1.15 em). */
const LINE = 1.15;
/** Space a cell keeps above and below its text, in points. */
const ROW_PAD = 1.2;
/** Space a cell keeps left and right of its text, in points (Excel ≈ 2 px a side, LibreOffice a little more). */
const CELL_PAD = 2.5;
/**
 * Where the header's two columns meet, as a fraction of the line: "BỘ THÔNG TIN VÀ TRUYỀN
 * THÔNG" (12 pt, 202 pt wide) on the left and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (12 pt bold,
 * 251 pt) on the right both fit one line of the 465 pt between NĐ 30's margins only about here.
 */
const HEADER_SPLIT = 0.448;
/** Room to sign, in points (about 2.3 cm). */
const SIGN_ROOM = 64;
/** First-line indent of body paragraphs (NĐ 30: 1–1.27 cm). */
const INDENT_PT = 1 * 10 * PT_PER_MM;

const f = (size: number, extra: { bold?: boolean; italic?: boolean } = {}): CellStyle["font"] => ({
  name: OFFICIAL_FONT,
  size,
  ...extra,
});

/** Font sizes and weights from NĐ 30, appendix I. */
const STYLES: Record<string, CellStyle> = {
  parent: { font: f(12), align: "center", valign: "top", wrap: true },
  issuer: { font: f(13, { bold: true }), align: "center", valign: "top", wrap: true },
  nation: { font: f(12, { bold: true }), align: "center", valign: "top", wrap: true },
  motto: { font: f(13, { bold: true }), align: "center", valign: "top", wrap: true },
  number: { font: f(13), align: "center", valign: "top", wrap: true },
  date: { font: f(13, { italic: true }), align: "center", valign: "top", wrap: true },
  subject: { font: f(12), align: "center", valign: "top", wrap: true },
  title: { font: f(14, { bold: true }), align: "center", valign: "top", wrap: true },
  body: { font: f(13), align: "justify", valign: "top", wrap: true },
  th: { font: f(13, { bold: true }), align: "center", valign: "middle", wrap: true, border: true },
  tdleft: { font: f(13), align: "left", valign: "middle", wrap: true, border: true, numberFormat: "@" },
  tdcenter: { font: f(13), align: "center", valign: "middle", wrap: true, border: true },
  tdright: { font: f(13), align: "right", valign: "middle", wrap: true, border: true },
  tdjustify: { font: f(13), align: "justify", valign: "middle", wrap: true, border: true },
  placesHead: { font: f(12, { bold: true, italic: true }), align: "left", valign: "top" },
  places: { font: f(11), align: "left", valign: "top", wrap: true },
  signTitle: { font: f(13, { bold: true }), align: "center", valign: "top", wrap: true },
  signNote: { font: f(13, { italic: true }), align: "center", valign: "top", wrap: true },
  signName: { font: f(13, { bold: true }), align: "center", valign: "top", wrap: true },
};

/** Cell styles for a paragraph's own size/weight, added on demand. */
function paragraphStyle(
  styles: Record<string, CellStyle>,
  align: TextAlign,
  size: number,
  bold: boolean,
  italic: boolean,
): string {
  const key = `p-${align}-${size}${bold ? "b" : ""}${italic ? "i" : ""}`;
  styles[key] ??= { font: f(size, { bold, italic }), align, valign: "top", wrap: true };
  return key;
}

/**
 * A first-line indent for a cell, which has none: em spaces (U+2003), which justification does
 * not stretch as it does ordinary spaces, so every paragraph starts at the same place.
 */
function indentFor(size: number): string {
  return "\u2003".repeat(Math.max(1, Math.round(INDENT_PT / textWidthPt("\u2003", size))));
}

export interface DocumentSheetOptions {
  readonly sheetName: string;
}

/**
 * Body text on the sheet is 13 pt (NĐ 30 allows 13–14; the Word document uses 14): a sheet is
 * printed fitted to the page, and seed 000 then fits one page at a readable scale.
 */
const SHEET_BODY_PT = 13;
/** The smallest print scale EMU accepts to keep a document on one page (else it paginates). */
const MIN_FIT_SCALE = 0.8;

/** The width of the text area of an A4 page with NĐ 30's margins, in points. */
export function textAreaPt(orientation: "portrait" | "landscape"): { width: number; height: number } {
  const m = DOCUMENT_MARGINS_MM;
  const w = orientation === "portrait" ? A4_MM.short : A4_MM.long;
  const h = orientation === "portrait" ? A4_MM.long : A4_MM.short;
  return { width: (w - m.left - m.right) * PT_PER_MM, height: (h - m.top - m.bottom) * PT_PER_MM };
}

/** Fractions (0–1) where the sheet's columns must split: every table column edge, the header's split. */
function gridFractions(doc: OfficialDocument): number[] {
  const cuts = new Set<number>();
  const round = (x: number): number => Math.round(x * 400) / 400;
  for (const b of doc.body) {
    if (b.kind === "table") {
      const total = b.columns.reduce((a, c) => a + Math.max(c.width, 0), 0) || 1;
      let acc = 0;
      for (const c of b.columns.slice(0, -1)) {
        acc += Math.max(c.width, 0);
        cuts.add(round(acc / total));
      }
    } else if (b.kind === "signatures") {
      for (let k = 1; k < b.perRow; k++) cuts.add(round(k / b.perRow));
    }
  }
  cuts.add(HEADER_SPLIT);
  return [0, ...[...cuts].filter((x) => x > 0 && x < 1).sort((a, b) => a - b), 1];
}

/**
 * Prints an `OfficialDocument` as a sheet: an A4 page of merged, wrapped cells with the layout
 * of NĐ 30 — the two-column header with short drawn rules under the issuing body and the motto,
 * the table with its header row repeated on every page, the closing sentence, "Nơi nhận" and
 * the signing block side by side and never split. Row heights come from the measured widths of
 * Times New Roman (`text-width.ts`), so the CLI and the add-in wrap the same way; the page
 * breaks and the fit-to-page come from the same heights.
 * @example documentSheet(noticeDocument(ranking, fields), { sheetName: "Thông báo" }).page.paper //=> "A4"
 */
export function documentSheet(doc: OfficialDocument, opts: DocumentSheetOptions): SheetModel {
  const orientation = doc.orientation ?? "portrait";
  const area = textAreaPt(orientation);
  const fr = gridFractions(doc);
  // Columns sum to just under the text width, so no scaling is needed to fit the width.
  const totalPt = area.width - 3;
  const edgesPt = fr.map((x) => x * totalPt);
  const widths = edgesPt.slice(1).map((e, i) => Math.round(columnUnits(e - (edgesPt[i] ?? 0)) * 100) / 100);
  const colLeft = (c: number): number => widths.slice(0, c).reduce((a, w) => a + columnPt(w), 0);
  const spanPt = (c1: number, c2: number): number => colLeft(c2 + 1) - colLeft(c1);
  const last = widths.length - 1;
  const colAt = (x: number): number => {
    let best = 0;
    fr.forEach((v, i) => {
      if (Math.abs(v - x) < Math.abs((fr[best] ?? 0) - x)) best = i;
    });
    return best;
  };
  const split = colAt(HEADER_SPLIT); // first column of the right half
  const L: [number, number] = [0, split - 1];
  const R: [number, number] = [split, last];

  const styles: Record<string, CellStyle> = { ...STYLES };
  const cells: CellModel[] = [];
  const merges: MergeModel[] = [];
  const heights: number[] = [];
  const lines: LineModel[] = [];
  const fit = (row: number, pt: number): void => {
    heights[row] = Math.max(heights[row] ?? 0, Math.round(pt * 4) / 4);
  };
  /** Writes a text over columns c1..c2 of a row and sizes the row; returns its wrapped lines. */
  const put = (row: number, c1: number, c2: number, value: string | number, style: string): string[] => {
    cells.push({ row, col: c1, value, style });
    if (c2 > c1) merges.push({ r1: row, c1, r2: row, c2 });
    const st = styles[style];
    const size = st?.font?.size ?? 13;
    const face = { bold: st?.font?.bold ?? false, italic: st?.font?.italic ?? false };
    const text = String(value);
    const wrapped = st?.wrap ? wrapText(text, spanPt(c1, c2) - 2 * CELL_PAD, size, face) : [text];
    fit(row, wrapped.length * size * LINE + 2 * ROW_PAD);
    return wrapped;
  };
  const gap = (row: number, pt: number): void => fit(row, pt);

  // Keep-together groups: a page may break only before a row listed here.
  const breakable = new Set<number>();
  let r = 0;

  // Header block.
  const h = doc.header;
  const left: [string, string][] = [];
  if (h.parentBody?.trim()) left.push([h.parentBody.trim(), "parent"]);
  left.push([h.issuingBody.trim(), "issuer"]);
  const right: [string, string][] = [
    [h.nation, "nation"],
    [h.motto, "motto"],
  ];
  const headRows = Math.max(left.length, right.length);
  let issuerWrapped: string[] = [];
  let mottoWrapped: string[] = [];
  for (let k = 0; k < headRows; k++) {
    const l = left[k];
    const rr = right[k];
    if (l) {
      const w = put(r + k, L[0], L[1], l[0], l[1]);
      if (l[1] === "issuer") issuerWrapped = w;
    }
    if (rr) {
      const w = put(r + k, R[0], R[1], rr[0], rr[1]);
      if (rr[1] === "motto") mottoWrapped = w;
    }
  }
  r += headRows;
  // The rules row: a short rule under the issuing body (NĐ 30: 1/3–1/2 of its line) and one the
  // motto's length under the motto, drawn as lines, centred in their halves.
  const widest = (ws: string[], size: number): number =>
    Math.max(0, ...ws.map((x) => textWidthPt(x, size, { bold: true })));
  const issuerRule = widest(issuerWrapped, 13) * 0.4;
  const mottoRule = widest(mottoWrapped, 13);
  const leftMid = (colLeft(L[0]) + colLeft(L[1] + 1)) / 2;
  const rightMid = (colLeft(R[0]) + colLeft(R[1] + 1)) / 2;
  lines.push({ row: r, topPt: 1, leftPt: leftMid - issuerRule / 2, widthPt: issuerRule });
  lines.push({ row: r, topPt: 1, leftPt: rightMid - mottoRule / 2, widthPt: mottoRule });
  gap(r, 8);
  r++;
  put(r, L[0], L[1], h.numberLine, "number");
  put(r, R[0], R[1], h.dateLine, "date");
  r++;
  for (const s of h.subject ?? []) put(r++, L[0], L[1], s, "subject");
  gap(r++, 8);

  for (const t of doc.title ?? []) put(r++, 0, last, t, "title");
  if ((doc.title ?? []).length > 0) gap(r++, 6);

  let tableHeader: number | undefined;
  let lastBodyRowOfTable: number | undefined;
  let tableAtEnd = false;
  for (const b of doc.body) {
    tableAtEnd = false;
    if (b.kind === "paragraph") {
      const size = Math.min(b.sizePt ?? SHEET_BODY_PT, SHEET_BODY_PT);
      const align = b.align ?? "justify";
      const indent = b.indent ?? align === "justify";
      const st = paragraphStyle(styles, align, size, b.bold ?? false, b.italic ?? false);
      const pad = indent ? indentFor(size) : "";
      breakable.add(r);
      put(r, 0, last, pad + plainText(b.text), st);
      fit(r, (heights[r] ?? 0) + 3); // 3 pt between paragraphs
      r++;
    } else if (b.kind === "addressees") {
      const ls = addresseeLines(b.names);
      breakable.add(r);
      const one = paragraphStyle(styles, "center", SHEET_BODY_PT, false, false);
      const many = paragraphStyle(styles, "left", SHEET_BODY_PT, false, false);
      ls.forEach((x, i) => put(r++, i === 0 ? 0 : 1, last, x, i === 0 ? one : many));
      gap(r++, 6);
    } else if (b.kind === "table") {
      r = putTable(b, r);
      tableAtEnd = true;
    } else {
      breakable.add(r);
      gap(r++, 6);
      for (let k = 0; k < b.blocks.length; k += b.perRow) {
        breakable.add(r);
        const row = b.blocks.slice(k, k + b.perRow);
        const starts = row.map((_, i) => colAt((i + (b.perRow - row.length) / 2) / b.perRow));
        const end = row.map((_, i) => colAt((i + 1 + (b.perRow - row.length) / 2) / b.perRow) - 1);
        r = putSignBlocks(row, starts, end, r) + 1;
      }
    }
  }

  function putTable(t: TableBlock, start: number): number {
    let row = start;
    const total = t.columns.reduce((a, c) => a + Math.max(c.width, 0), 0) || 1;
    let acc = 0;
    const spans = t.columns.map((c) => {
      const c1 = colAt(acc / total);
      acc += Math.max(c.width, 0);
      return [c1, colAt(acc / total) - 1] as const;
    });
    breakable.add(row);
    tableHeader ??= row;
    t.columns.forEach((c, i) => {
      const [c1, c2] = spans[i] ?? [0, 0];
      put(row, c1, c2, c.header, "th");
      for (let k = c1 + 1; k <= c2; k++) cells.push({ row, col: k, value: null, style: "th" });
    });
    row++;
    for (const line of t.rows) {
      if (row > start + 1) breakable.add(row);
      t.columns.forEach((c, i) => {
        const [c1, c2] = spans[i] ?? [0, 0];
        const v = line[i] ?? null;
        const style = `td${c.align}`;
        if (v === null || v === "") cells.push({ row, col: c1, value: null, style });
        else put(row, c1, c2, v, style);
        if (c2 > c1) {
          if (v === null || v === "") merges.push({ r1: row, c1, r2: row, c2 });
          for (let k = c1 + 1; k <= c2; k++) cells.push({ row, col: k, value: null, style });
        }
      });
      fit(row, 13 * LINE + 2 * ROW_PAD + 2);
      lastBodyRowOfTable = row;
      row++;
    }
    return row;
  }

  /** Signing blocks side by side from `row`; returns the last row used. */
  function putSignBlocks(
    blocks: readonly SignBlock[],
    starts: number[],
    ends: number[],
    row: number,
  ): number {
    let end = row;
    blocks.forEach((s, i) => {
      const c1 = starts[i] ?? 0;
      const c2 = Math.max(c1, ends[i] ?? c1);
      let k = row;
      for (const a of s.authority.filter((x) => x.trim())) put(k++, c1, c2, a.trim(), "signTitle");
      if (s.note?.trim()) put(k++, c1, c2, s.note.trim(), "signNote");
      // Room to sign: rows already there (the Nơi nhận lines beside it) count towards it.
      let room = 0;
      while (room < SIGN_ROOM && heights[k] !== undefined) room += heights[k++] ?? 0;
      if (room < SIGN_ROOM) gap(k++, SIGN_ROOM - room);
      if (s.signer.trim()) put(k, c1, c2, s.signer.trim(), "signName");
      else gap(k, 14 * LINE);
      end = Math.max(end, k);
    });
    return end;
  }

  // Closing, Nơi nhận and the signing block: one group, never split.
  gap(r++, 6);
  const closingStart = tableAtEnd && lastBodyRowOfTable !== undefined ? lastBodyRowOfTable - 1 : r - 1;
  if (doc.closing !== undefined && plainText(doc.closing).trim()) {
    const pad = indentFor(SHEET_BODY_PT);
    put(r, 0, last, pad + plainText(doc.closing), "body");
    r++;
    gap(r++, 6);
  }
  const bottom = r;
  let lastRow = r - 1;
  const places = doc.places ?? [];
  if (places.length > 0) {
    put(bottom, L[0], L[1], "Nơi nhận:", "placesHead");
    places.forEach((x, i) => put(bottom + 1 + i, L[0], L[1], x, "places"));
    lastRow = bottom + places.length;
  }
  if (doc.sign) lastRow = Math.max(lastRow, putSignBlocks([doc.sign], [R[0]], [R[1]], bottom));
  // Never start a page with the closing group alone under a repeated table header: at least
  // the table's last row goes with it.
  for (const k of [...breakable]) if (k > closingStart) breakable.delete(k);
  breakable.add(Math.max(0, closingStart));

  const rowHeights: Record<number, number> = {};
  for (let k = 0; k <= lastRow; k++) rowHeights[k] = heights[k] ?? 6;

  // Pagination from the same heights: one page when it fits (or fits at ≥ 80 %), else breaks
  // only where `breakable` allows, with the table header repeated.
  const total = Object.values(rowHeights).reduce((a, x) => a + x, 0);
  const pageH = area.height - 6;
  const rowBreaks: number[] = [];
  let fitToHeight = false;
  if (total > pageH && total <= pageH / MIN_FIT_SCALE) fitToHeight = true;
  else if (total > pageH) {
    let used = 0;
    let lastOk = -1;
    const repeat = tableHeader === undefined ? 0 : (rowHeights[tableHeader] ?? 0);
    for (let k = 0; k <= lastRow; k++) {
      if (breakable.has(k) && k > 0) lastOk = k;
      used += rowHeights[k] ?? 0;
      if (used > pageH && lastOk > (rowBreaks.at(-1) ?? 0)) {
        rowBreaks.push(lastOk);
        used = repeat;
        for (let j = lastOk; j <= k; j++) used += rowHeights[j] ?? 0;
      }
    }
  }

  return {
    name: opts.sheetName,
    columnWidths: widths,
    rowHeights,
    cells,
    merges,
    styles,
    page: {
      paper: "A4",
      orientation,
      marginsMm: { ...DOCUMENT_MARGINS_MM },
      fitToWidth: true,
      ...(fitToHeight ? { fitToHeight: true } : {}),
      ...(tableHeader !== undefined && (rowBreaks.length > 0 || fitToHeight)
        ? { printTitleRows: { from: tableHeader, to: tableHeader } }
        : {}),
      printArea: { r1: 0, c1: 0, r2: lastRow, c2: last },
    },
    defaultFont: { name: OFFICIAL_FONT, size: 13 },
    showGridLines: false,
    lines,
    ...(rowBreaks.length > 0 ? { rowBreaks } : {}),
  };
}
