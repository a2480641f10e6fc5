/**
 * An official document (văn bản hành chính) in the layout of Nghị định 30/2020/NĐ-CP, appendix I,
 * as plain data: the notice, the conference minutes, the proposal, the pledge and the call for
 * sheets are each built once as an `OfficialDocument`, then printed by any of its writers —
 * `documentSheet` (a `SheetModel`, for the CLI's exceljs writer and the add-in's Office.js
 * renderer) and `renderDocx` in `src/docx` (a Word file). No writer decides wording: every
 * text is in the model, already punctuated.
 *
 * Layout, top to bottom:
 * - `header`: a two-column block — left the parent body (upper case), the issuing body (bold,
 *   with a short rule under it), "Số: …/…" and the V/v subject lines; right the national title
 *   (bold), the motto (bold, with a rule its length under it) and the italic place-and-date line.
 * - `title`: the document's type and summary, centred and bold (e.g. "BIÊN BẢN", "Hội nghị …").
 * - `body`: blocks in order — "Kính gửi" addressees, paragraphs (justified, first-line indent,
 *   bold/italic runs), tables (borders, header rows repeated on every page) and signature grids.
 * - `closing`: the last sentence ("…./."), kept on the same page as what follows it.
 * - `places` ("Nơi nhận") on the left level with `sign` (authority lines, room to sign, the
 *   signer's name) on the right; the three are never split across pages.
 */

export type TextAlign = "left" | "center" | "right" | "justify";

/** A stretch of text with one face. */
export interface TextRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}

/** Plain text, or runs of differently styled text in one paragraph. */
export type RichText = string | readonly TextRun[];

export interface DocumentHeader {
  /** Cơ quan chủ quản, upper case, regular (absent for a body without one). */
  readonly parentBody?: string;
  /** Cơ quan ban hành, upper case, bold; a short centred rule under it. */
  readonly issuingBody: string;
  /** "Số:      /CTĐ2" — the number blank for the clerk. */
  readonly numberLine: string;
  /** The V/v summary of a letter (công văn), line by line, under the number; 12 pt. */
  readonly subject?: readonly string[];
  /** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM". */
  readonly nation: string;
  /** "Độc lập - Tự do - Hạnh phúc", with a rule its length under it. */
  readonly motto: string;
  /** "Lào Cai, ngày      tháng 12 năm 2022", italic. */
  readonly dateLine: string;
}

export interface ParagraphBlock {
  readonly kind: "paragraph";
  readonly text: RichText;
  /** Default "justify". */
  readonly align?: TextAlign;
  /** First-line indent (1 to 1.27 cm by NĐ 30); default true for justified text. */
  readonly indent?: boolean;
  /** Default 14 pt (body text, 13–14 by NĐ 30). */
  readonly sizePt?: number;
  /** The whole paragraph bold / italic (runs may also set their own). */
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Keep on the same page as the next block (a heading over a table). */
  readonly keepWithNext?: boolean;
}

/** "Kính gửi:" with one addressee (on the same line) or several (one a line, "- …;"): see `addresseeLines`. */
export interface AddresseesBlock {
  readonly kind: "addressees";
  /** One addressee each, without the leading "- " and the final punctuation. */
  readonly names: readonly string[];
}

export interface TableColumn {
  readonly header: string;
  /** Relative width (any unit: the writers scale the columns to the text width). */
  readonly width: number;
  /** Alignment of the body cells; header cells are centred. */
  readonly align: TextAlign;
}

export type TableCell = string | number | null;

export interface TableBlock {
  readonly kind: "table";
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly TableCell[])[];
  /** Default 13 pt. */
  readonly sizePt?: number;
}

/** One signing block: authority lines (bold, upper case as given), room to sign, the name. */
export interface SignBlock {
  /** e.g. ["TM. CỤM THI ĐUA SỐ 2", "CỤM TRƯỞNG"] or ["GIÁM ĐỐC"]; the first may be "KT. …". */
  readonly authority: readonly string[];
  /** An italic line under the authority, e.g. "(Ký, ghi rõ họ tên)"; optional. */
  readonly note?: string;
  /** The signer's full name (bold); blank keeps the room only. */
  readonly signer: string;
}

/** Several signers side by side (a pledge, minutes), 2 or 3 a row; each block is kept whole. */
export interface SignaturesBlock {
  readonly kind: "signatures";
  readonly perRow: 2 | 3;
  readonly blocks: readonly SignBlock[];
}

export type DocumentBlock = ParagraphBlock | AddresseesBlock | TableBlock | SignaturesBlock;

export interface OfficialDocument {
  readonly header: DocumentHeader;
  /** Type and summary lines under the header, centred, bold (first line 14 pt upper case). */
  readonly title?: readonly string[];
  readonly body: readonly DocumentBlock[];
  /** The closing sentence, ending "./."; kept with Nơi nhận and the signing block. */
  readonly closing?: RichText;
  /** Nơi nhận lines, already punctuated ("- Như trên;" … "- Lưu: VT, VP."). */
  readonly places?: readonly string[];
  readonly sign?: SignBlock;
  /** Default portrait; a wide table may ask for landscape. */
  readonly orientation?: "portrait" | "landscape";
}

/** Margins of NĐ 30 (top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm) that EMU uses. */
export const DOCUMENT_MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

/** The national title and motto, exactly. */
export const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc";

/**
 * A list line of Kính gửi / Nơi nhận: "- text;" and the last "- text.".
 * @example listLine("Như trên", false) //=> "- Như trên;"
 */
export function listLine(text: string, last: boolean): string {
  return `- ${text.trim().replace(/[;.,]+$/, "")}${last ? "." : ";"}`;
}

/**
 * Punctuates a list: every line "- …;", the last "- ….".
 * @example listLines(["Như trên", "Lưu: VT"]) //=> ["- Như trên;", "- Lưu: VT."]
 */
export function listLines(lines: readonly string[]): string[] {
  const kept = lines.map((x) => x.trim()).filter((x) => x !== "");
  return kept.map((x, i) => listLine(x, i === kept.length - 1));
}

/**
 * The closing sentence of an administrative document ends "./.".
 * @example closingSentence("Trân trọng thông báo.") //=> "Trân trọng thông báo./."
 */
export function closingSentence(text: string): string {
  const t = text.trim();
  return /\.\/\.$/.test(t) ? t : `${t.replace(/[.;,]+$/, "")}./.`;
}

/**
 * The plain text of rich text.
 * @example plainText([{ text: "a", bold: true }, { text: "b" }]) //=> "ab"
 */
export function plainText(t: RichText): string {
  return typeof t === "string" ? t : t.map((r) => r.text).join("");
}

/**
 * The runs of rich text (a string is one plain run).
 * @example textRuns("a") //=> [{ text: "a" }]
 */
export function textRuns(t: RichText): readonly TextRun[] {
  return typeof t === "string" ? [{ text: t }] : t;
}

/**
 * The addressees line(s) as printed: "Kính gửi: X." for one, else "Kính gửi:" then "- X;" lines.
 * @example addresseeLines(["Sở A"]) //=> ["Kính gửi: Sở A."]
 */
export function addresseeLines(names: readonly string[]): string[] {
  const kept = names.map((x) => x.trim()).filter((x) => x !== "");
  if (kept.length === 0) return [];
  if (kept.length === 1) return [`Kính gửi: ${(kept[0] ?? "").replace(/[;.,]+$/, "")}.`];
  return ["Kính gửi:", ...listLines(kept)];
}
