import {
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  closingSentence,
  listLines,
  type DocumentBlock,
  type OfficialDocument,
  type TableColumn,
} from "./document";
import { documentSheet } from "./document-sheet";
import type { NoticeFields } from "./notice-fields";
import type { RankedUnit } from "./rank";
import type { Basis } from "./score-table";
import type { SheetModel } from "./sheet-model";

/** Optional columns after the five of seed 000. */
export type NoticeExtra = "rank" | "gap" | "award" | "note";

export interface NoticeOptions {
  readonly sheetName: string;
  readonly extras?: readonly NoticeExtra[];
  /** "self": the provisional wording and no verified column. */
  readonly basis?: Basis;
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

/** The wording of a provisional notice, ranked on self-scores before any verification. */
export const PROVISIONAL = "tạm tính theo điểm tự chấm";

/**
 * Words a text for a ranking on self-scores: "kết quả chấm điểm kiểm tra chéo" becomes
 * "kết quả tạm tính theo điểm tự chấm"; `ensure` appends the provisional note when the text
 * does not already say it.
 */
function provisional(text: string, ensure: boolean): string {
  const t = text.replace(/kết quả chấm điểm kiểm tra chéo/giu, `kết quả ${PROVISIONAL}`);
  if (!ensure || t.includes(PROVISIONAL)) return t;
  const m = /^(.*?)([.;:,]*(?:\/\.)?)$/su.exec(t.trim());
  return `${m?.[1] ?? t} (${PROVISIONAL})${m?.[2] ?? ""}`;
}

export interface NoticeDocumentOptions {
  readonly extras?: readonly NoticeExtra[];
  /** "self": a provisional notice on self-scores (wording says so, no verified column). */
  readonly basis?: Basis;
}

/**
 * The notice (Thông báo, a công văn in seed 000's shape) as an `OfficialDocument`: the header of
 * an official letter, Kính gửi, the Căn cứ paragraphs, the table `STT | Đơn vị | Điểm tự chấm |
 * Điểm chấm thẩm định | Xếp loại` (the verified column left out, and the wording provisional, on
 * self-scores), the closing sentence, Nơi nhận and the signing block. The sheet and the Word
 * document are both printed from it.
 * @example noticeDocument(ranking, SEED_000_NOTICE_FIELDS).header.issuingBody //=> "CỤM THI ĐUA SỐ 2"
 */
export function noticeDocument(
  ranking: readonly RankedUnit[],
  fields: NoticeFields,
  opts: NoticeDocumentOptions = {},
): OfficialDocument {
  const extras = opts.extras ?? [];
  const self = opts.basis === "self";
  const word = (t: string, ensure = false): string => (self ? provisional(t, ensure) : t);
  const subject = word(fields.subject.trim(), true);
  const table = noticeTable(ranking, extras);
  const keep = (_: unknown, c: number): boolean => !(self && c === 3);
  const widths = [...BASE_WIDTHS, ...extras.map((e) => EXTRA_WIDTH[e])].filter(keep);
  const header = (table[0] ?? []).filter(keep);
  const columns: TableColumn[] = header.map((h, c) => ({
    header: String(h),
    width: widths[c] ?? 10,
    align: c === 1 ? "left" : "center",
  }));
  const body: DocumentBlock[] = [];
  const recipients = fields.recipients.filter((x) => x.trim());
  if (recipients.length > 0) body.push({ kind: "addressees", names: recipients });
  for (const para of fields.bases.filter((x) => x.trim()))
    body.push({ kind: "paragraph", text: word(para.trim()) });
  if (fields.intro.trim()) body.push({ kind: "paragraph", text: word(fields.intro.trim()) });
  body.push({ kind: "table", columns, rows: table.slice(1).map((row) => row.filter(keep)) });
  const closing = fields.closing.trim();
  const parent = fields.parentBody.trim();
  return {
    header: {
      ...(parent ? { parentBody: parent.toUpperCase() } : {}),
      issuingBody: fields.issuingBody.trim().toUpperCase(),
      numberLine: numberLine(fields),
      ...(subject ? { subject: [/^v\/v\b/i.test(subject) ? subject : `V/v ${subject}`] } : {}),
      nation: NATIONAL_TITLE,
      motto: NATIONAL_MOTTO,
      dateLine: dateLine(fields),
    },
    body,
    ...(closing ? { closing: closingSentence(word(closing, true)) } : {}),
    places: listLines(fields.distribution),
    sign: {
      authority: fields.signerTitle.filter((x) => x.trim()).map((x) => x.trim().toUpperCase()),
      signer: fields.signerName.trim(),
    },
    orientation: widths.reduce((a, w) => a + w, 0) > 100 ? "landscape" : "portrait",
  };
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
 * Builds the notice sheet (Thông báo): `noticeDocument` printed by `documentSheet` — one A4
 * page for seed 000, Times New Roman, the margins of Nghị định 30/2020, page breaks that never
 * split the closing, Nơi nhận and the signing block.
 * @example buildNotice(ranking, SEED_000_NOTICE_FIELDS, { sheetName: "Thông báo" }).page.paper //=> "A4"
 */
export function buildNotice(
  ranking: readonly RankedUnit[],
  fields: NoticeFields,
  opts: NoticeOptions,
): SheetModel {
  return documentSheet(
    noticeDocument(ranking, fields, {
      extras: opts.extras ?? [],
      ...(opts.basis ? { basis: opts.basis } : {}),
    }),
    { sheetName: opts.sheetName },
  );
}
