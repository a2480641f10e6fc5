import type { NoticeFields } from "./notice-fields";
import type { RankedUnit } from "./rank";
import { OFFICIAL_FONT, SheetBuilder } from "./sheet-builder";
import type { CellStyle, SheetModel } from "./sheet-model";

/** Optional columns after the five of seed 000. */
export type NoticeExtra = "rank" | "gap" | "award" | "note";

export interface NoticeOptions {
  readonly sheetName: string;
  readonly extras?: readonly NoticeExtra[];
}

/** Seed 000's table header, exactly. */
export const NOTICE_HEADER = ["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định", "Xếp loại"] as const;

const EXTRA_HEADER: Readonly<Record<NoticeExtra, string>> = {
  rank: "Hạng",
  gap: "Chênh lệch",
  award: "Đề nghị khen thưởng",
  note: "Ghi chú",
};
const EXTRA_WIDTH: Readonly<Record<NoticeExtra, number>> = { rank: 7, gap: 11, award: 17, note: 16 };
/** STT, Đơn vị, Tự chấm, Thẩm định, Xếp loại: 85 units ≈ the 165 mm between A4 margins of 30 and 15 mm. */
const BASE_WIDTHS = [6, 30, 15, 17, 17];

/**
 * The notice table as plain rows: seed 000's five columns (and the chosen extras), units in
 * ranking order with a sequential STT.
 * @example noticeTable(ranking)[1] //=> [1, "Sở TT&TT Điện Biên", 985, 985, "Xuất sắc"]
 */
export function noticeTable(
  ranking: readonly RankedUnit[],
  extras: readonly NoticeExtra[] = [],
): (string | number | null)[][] {
  const header: (string | number | null)[] = [...NOTICE_HEADER, ...extras.map((e) => EXTRA_HEADER[e])];
  const rows = ranking.map((r) => {
    const base: (string | number | null)[] = [
      r.stt,
      r.unit.name,
      r.unit.self,
      r.unit.verified,
      r.classification,
    ];
    for (const e of extras) {
      if (e === "rank") base.push(r.tied ? `${r.rank} (đồng hạng)` : r.rank);
      else if (e === "gap") base.push(r.gap);
      else if (e === "award")
        base.push(r.award === null ? "" : r.needsDeliberation ? `${r.award} (cần bình xét)` : r.award);
      else base.push(r.unit.vetoReason);
    }
    return base;
  });
  return [header, ...rows];
}

const FONT = OFFICIAL_FONT;
const f = (size: number, extra: Partial<NonNullable<CellStyle["font"]>> = {}): CellStyle["font"] => ({
  name: FONT,
  size,
  ...extra,
});

/** Font sizes and weights from Nghị định 30/2020/NĐ-CP, appendix I. */
const STYLES: Readonly<Record<string, CellStyle>> = {
  parent: { font: f(13), align: "center", valign: "middle", wrap: true },
  issuer: { font: f(13, { bold: true }), align: "center", valign: "middle", wrap: true, bottomRule: true },
  nation: { font: f(12, { bold: true }), align: "center", valign: "middle", wrap: true },
  motto: { font: f(13, { bold: true }), align: "center", valign: "middle", wrap: true, bottomRule: true },
  number: { font: f(13), align: "center", valign: "middle" },
  date: { font: f(13, { italic: true }), align: "center", valign: "middle", wrap: true },
  subject: { font: f(12), align: "center", valign: "top", wrap: true },
  greet: { font: f(14), align: "center", valign: "middle", wrap: true },
  recipient: { font: f(14), align: "left", valign: "middle", wrap: true },
  body: { font: f(14), align: "justify", valign: "top", wrap: true },
  th: { font: f(13, { bold: true }), align: "center", valign: "middle", wrap: true, border: true },
  tdCenter: { font: f(13), align: "center", valign: "middle", wrap: true, border: true },
  tdText: { font: f(13), align: "left", valign: "middle", wrap: true, border: true, numberFormat: "@" },
  tdNumber: { font: f(13), align: "center", valign: "middle", border: true },
  placesHead: { font: f(12, { bold: true, italic: true }), align: "left", valign: "top" },
  places: { font: f(11), align: "left", valign: "top", wrap: true },
  signTitle: { font: f(13, { bold: true }), align: "center", valign: "top", wrap: true },
  signName: { font: f(14, { bold: true }), align: "center", valign: "top" },
};

/** Ends a list line with ";" and the last with "." (the convention of Kính gửi and Nơi nhận). */
function listLine(text: string, last: boolean): string {
  return `- ${text.trim().replace(/[;.,]+$/, "")}${last ? "." : ";"}`;
}

/** "Lào Cai, ngày      tháng 12 năm 2022": blank parts keep room for the clerk's pen. */
export function dateLine(fields: NoticeFields): string {
  const blank = (s: string, w: number): string => (s.trim() ? s.trim() : " ".repeat(w));
  return `${fields.place.trim()}, ngày ${blank(fields.day, 6)} tháng ${blank(fields.month, 6)} năm ${blank(fields.year, 6)}`;
}

/** "Số:      /CTĐ2". */
export function numberLine(fields: NoticeFields): string {
  const n = fields.number.trim() || " ".repeat(6);
  return `Số: ${n}/${fields.symbol.trim()}`;
}

/**
 * Builds the notice sheet (Thông báo) as a renderer-neutral model: the two-column header of an
 * official letter, Kính gửi, the Căn cứ paragraphs, the table `STT | Đơn vị | Điểm tự chấm |
 * Điểm chấm thẩm định | Xếp loại`, the closing sentence, Nơi nhận and the signature block, in
 * Times New Roman on A4 with the margins of Nghị định 30/2020.
 * @example buildNotice(ranking, SEED_000_NOTICE_FIELDS, { sheetName: "Thông báo" }).page.paper //=> "A4"
 */
export function buildNotice(
  ranking: readonly RankedUnit[],
  fields: NoticeFields,
  opts: NoticeOptions,
): SheetModel {
  const extras = opts.extras ?? [];
  const widths = [...BASE_WIDTHS, ...extras.map((e) => EXTRA_WIDTH[e])];
  const last = widths.length - 1;
  const b = new SheetBuilder(widths, STYLES);
  const L = [0, 1] as const; // left header column: STT + Đơn vị
  const R = [2, last] as const; // right header column
  let r = 0;

  b.text(r, L[0], L[1], fields.parentBody.toUpperCase(), "parent");
  b.text(r, R[0], R[1], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "nation");
  r++;
  b.text(r, L[0], L[1], fields.issuingBody.toUpperCase(), "issuer");
  b.text(r, R[0], R[1], "Độc lập - Tự do - Hạnh phúc", "motto");
  r++;
  b.fit(r, 8);
  r++;
  b.text(r, L[0], L[1], numberLine(fields), "number");
  b.text(r, R[0], R[1], dateLine(fields), "date");
  r++;
  const subject = fields.subject.trim();
  if (subject) b.text(r, L[0], L[1], /^v\/v\b/i.test(subject) ? subject : `V/v ${subject}`, "subject");
  r += 2;

  const recipients = fields.recipients.filter((x) => x.trim());
  if (recipients.length === 1) {
    b.text(r++, 0, last, `Kính gửi: ${(recipients[0] ?? "").trim().replace(/[;.,]+$/, "")}.`, "greet");
  } else if (recipients.length > 1) {
    b.text(r++, 0, last, "Kính gửi:", "greet");
    recipients.forEach((x, i) => b.text(r++, 1, last, listLine(x, i === recipients.length - 1), "recipient"));
  }
  r++;
  for (const para of fields.bases.filter((x) => x.trim())) b.text(r++, 0, last, para.trim(), "body");
  if (fields.intro.trim()) b.text(r++, 0, last, fields.intro.trim(), "body");
  r++;

  const table = noticeTable(ranking, extras);
  const headerRow = r;
  (table[0] ?? []).forEach((h, c) => b.text(headerRow, c, c, String(h), "th"));
  r++;
  for (const row of table.slice(1)) {
    row.forEach((v, c) => {
      if (c === 1) b.text(r, c, c, String(v ?? ""), "tdText");
      else if (typeof v === "number") b.set(r, c, v, "tdNumber");
      else b.text(r, c, c, v === null ? "" : String(v), "tdCenter");
    });
    b.fit(r, 20);
    r++;
  }
  r++;
  const closing = fields.closing.trim();
  if (closing)
    b.text(r++, 0, last, /\.\/\.$/.test(closing) ? closing : `${closing.replace(/[.;,]+$/, "")}./.`, "body");
  r++;

  // Bottom block: Nơi nhận on the left, the signature on the right, side by side.
  const bottom = r;
  b.text(bottom, L[0], L[1], "Nơi nhận:", "placesHead");
  const places = fields.distribution.filter((x) => x.trim());
  places.forEach((x, i) =>
    b.text(bottom + 1 + i, L[0], L[1], listLine(x, i === places.length - 1), "places"),
  );
  let s = bottom;
  for (const line of fields.signerTitle.filter((x) => x.trim()))
    b.text(s++, R[0], R[1], line.trim().toUpperCase(), "signTitle");
  const signatureSpace = 4;
  for (let k = 0; k < signatureSpace; k++) b.fit(s + k, 18);
  s += signatureSpace;
  if (fields.signerName.trim()) b.text(s++, R[0], R[1], fields.signerName.trim(), "signName");
  const lastRow = Math.max(s, bottom + 1 + places.length) - 1;

  const wide = widths.reduce((a, w) => a + w, 0) > 100;
  return b.build(
    opts.sheetName,
    {
      paper: "A4",
      orientation: wide ? "landscape" : "portrait",
      marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
      fitToWidth: true,
      // No repeated title rows: on the page of "Nơi nhận" and the signature a table header
      // would stand alone above them.
    },
    { defaultFont: { name: FONT, size: 13 }, showGridLines: false },
    lastRow,
  );
}
