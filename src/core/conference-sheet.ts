import type { ConferenceDocument } from "./conference-docs";
import { OFFICIAL_FONT, SheetBuilder } from "./sheet-builder";
import type { CellStyle, SheetModel } from "./sheet-model";

/**
 * Draws a conference document (biên bản, tờ trình, phiếu) on a sheet in the Nghị định 30/2020
 * layout the notice uses: A4 portrait, margins 20/20/30/15 mm, Times New Roman, the two-column
 * header, the title, Kính gửi, paragraphs and tables, then Nơi nhận and the signatures.
 * (When the shared document model lands, this becomes its sheet renderer's input mapping.)
 */

const f = (size: number, extra: Partial<NonNullable<CellStyle["font"]>> = {}): CellStyle["font"] => ({
  name: OFFICIAL_FONT,
  size,
  ...extra,
});

const STYLES: Readonly<Record<string, CellStyle>> = {
  parent: { font: f(13), align: "center", valign: "middle", wrap: true },
  issuer: { font: f(13, { bold: true }), align: "center", valign: "middle", wrap: true, bottomRule: true },
  nation: { font: f(12, { bold: true }), align: "center", valign: "middle", wrap: true },
  motto: { font: f(13, { bold: true }), align: "center", valign: "middle", wrap: true, bottomRule: true },
  number: { font: f(13), align: "center", valign: "middle" },
  date: { font: f(13, { italic: true }), align: "center", valign: "middle", wrap: true },
  subject: { font: f(12), align: "center", valign: "top", wrap: true },
  title: { font: f(14, { bold: true }), align: "center", valign: "middle", wrap: true },
  subtitle: { font: f(14, { bold: true }), align: "center", valign: "middle", wrap: true },
  greet: { font: f(14), align: "center", valign: "middle", wrap: true },
  recipient: { font: f(14), align: "left", valign: "middle", wrap: true },
  heading: { font: f(14, { bold: true }), align: "left", valign: "top", wrap: true },
  body: { font: f(14), align: "justify", valign: "top", wrap: true },
  bodyItalic: { font: f(14, { italic: true }), align: "justify", valign: "top", wrap: true },
  th: { font: f(13, { bold: true }), align: "center", valign: "middle", wrap: true, border: true },
  tdCenter: { font: f(13), align: "center", valign: "middle", wrap: true, border: true },
  tdText: { font: f(13), align: "left", valign: "middle", wrap: true, border: true, numberFormat: "@" },
  tdNumber: { font: f(13), align: "center", valign: "middle", border: true },
  placesHead: { font: f(12, { bold: true, italic: true }), align: "left", valign: "top" },
  places: { font: f(11), align: "left", valign: "top", wrap: true },
  signTitle: { font: f(13, { bold: true }), align: "center", valign: "top", wrap: true },
  signName: { font: f(14, { bold: true }), align: "center", valign: "top" },
};

/** STT, Đơn vị and four narrow columns: 85 units ≈ the 165 mm between margins of 30 and 15 mm. */
const WIDTHS = [6, 31, 12, 12, 12, 12];

function listLine(text: string, last: boolean): string {
  return `- ${text.trim().replace(/[;.,]+$/, "")}${last ? "." : ";"}`;
}

/**
 * The sheet of a conference document.
 * @example conferenceDocumentSheet(meetingMinutes(tally, fields), "Biên bản họp bình xét").page.paper //=> "A4"
 */
export function conferenceDocumentSheet(doc: ConferenceDocument, sheetName: string): SheetModel {
  const last = WIDTHS.length - 1;
  const b = new SheetBuilder(WIDTHS, STYLES);
  const L = [0, 1] as const;
  const R = [2, last] as const;
  let r = 0;
  const h = doc.header;
  b.text(r, L[0], L[1], h.parentBody.toUpperCase(), "parent");
  b.text(r, R[0], R[1], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "nation");
  r++;
  b.text(r, L[0], L[1], h.issuingBody.toUpperCase(), "issuer");
  b.text(r, R[0], R[1], "Độc lập - Tự do - Hạnh phúc", "motto");
  r++;
  b.fit(r, 8);
  r++;
  if (h.numberLine || h.dateLine) {
    if (h.numberLine) b.text(r, L[0], L[1], h.numberLine, "number");
    if (h.dateLine) b.text(r, R[0], R[1], h.dateLine, "date");
    r++;
  }
  if (h.subject) b.text(r++, L[0], L[1], h.subject, "subject");
  r++;
  doc.title.forEach((t, k) =>
    b.text(r++, 0, last, k === 0 ? t.toUpperCase() : t, k === 0 ? "title" : "subtitle"),
  );
  r++;
  const recipients = doc.recipients;
  if (recipients.length === 1) {
    b.text(r++, 0, last, `Kính gửi: ${(recipients[0] ?? "").trim().replace(/[;.,]+$/, "")}.`, "greet");
    r++;
  } else if (recipients.length > 1) {
    b.text(r++, 0, last, "Kính gửi:", "greet");
    recipients.forEach((x, i) => b.text(r++, 1, last, listLine(x, i === recipients.length - 1), "recipient"));
    r++;
  }
  for (const block of doc.blocks) {
    if (block.kind === "heading") b.text(r++, 0, last, block.text, "heading");
    else if (block.kind === "paragraph")
      b.text(r++, 0, last, block.text, block.italic ? "bodyItalic" : "body");
    else {
      // A table spreads over the six columns: STT, Đơn vị, then the rest share what is left.
      const n = block.header.length;
      const spans = spread(n, last);
      block.header.forEach((t, c) => {
        const [c1, c2] = spans[c] as [number, number];
        b.text(r, c1, c2, t, "th");
      });
      r++;
      for (const row of block.rows) {
        row.forEach((v, c) => {
          const [c1, c2] = spans[c] as [number, number];
          if (typeof v === "number" && c1 === c2) b.set(r, c1, v, "tdNumber");
          else b.text(r, c1, c2, String(v), block.textColumns.includes(c) ? "tdText" : "tdCenter");
          if (c2 > c1)
            for (let k = c1 + 1; k <= c2; k++)
              b.set(r, k, null, block.textColumns.includes(c) ? "tdText" : "tdCenter");
        });
        b.fit(r, 20);
        r++;
      }
      r++;
    }
  }
  r++;
  const bottom = r;
  let leftEnd = bottom;
  if (doc.places.length > 0) {
    b.text(bottom, L[0], L[1], "Nơi nhận:", "placesHead");
    doc.places.forEach((x, i) =>
      b.text(bottom + 1 + i, L[0], L[1], listLine(x, i === doc.places.length - 1), "places"),
    );
    leftEnd = bottom + 1 + doc.places.length;
  }
  const signAt = (sig: ConferenceDocument["signatures"][number], c1: number, c2: number): number => {
    let s = bottom;
    for (const line of sig.title.filter((x) => x.trim()))
      b.text(s++, c1, c2, line.trim().toUpperCase(), "signTitle");
    for (let k = 0; k < 4; k++) b.fit(s + k, 18);
    s += 4;
    if (sig.name.trim()) b.text(s++, c1, c2, sig.name.trim(), "signName");
    return s;
  };
  let end = leftEnd;
  if (doc.signatures.length === 1 && doc.signatures[0])
    end = Math.max(end, signAt(doc.signatures[0], R[0], R[1]));
  else if (doc.signatures.length >= 2 && doc.places.length === 0) {
    end = Math.max(end, signAt(doc.signatures[0] as DocSig, L[0], L[1]));
    end = Math.max(end, signAt(doc.signatures[1] as DocSig, R[0], R[1]));
  }
  return b.build(
    sheetName,
    {
      paper: "A4",
      orientation: "portrait",
      marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
      fitToWidth: true,
    },
    { defaultFont: { name: OFFICIAL_FONT, size: 13 }, showGridLines: false },
    Math.max(end - 1, r),
  );
}

type DocSig = ConferenceDocument["signatures"][number];

/** Column spans for a table of n columns over the sheet's columns 0..last. */
function spread(n: number, last: number): [number, number][] {
  if (n === last + 1) return Array.from({ length: n }, (_, c) => [c, c]);
  if (n === 5)
    return [
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 5],
    ];
  if (n === 4)
    return [
      [0, 0],
      [1, 1],
      [2, 3],
      [4, 5],
    ];
  return Array.from({ length: n }, (_, c) => [Math.min(c, last), c === n - 1 ? last : Math.min(c, last)]);
}
