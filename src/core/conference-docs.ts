import type { ConferenceFields } from "./conference-fields";
import { COUNT_NAMES } from "./messages";
import type { CountName } from "./issues";
import type { RankedUnit } from "./rank";
import { awardQuota } from "./awards";
import type { Rules } from "./rules";
import type { Tally, TallyAward, TallyCandidate } from "./tally";
import { formatNumber } from "./text";
import type { CellValue } from "./types";
import { voteBaseName, voteRuleText } from "./vote";
import {
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  listLines,
  type DocumentBlock,
  type OfficialDocument,
} from "./document";

/**
 * The conference's documents as plain data in the Nghị định 30/2020 layout — header block, title,
 * Kính gửi, paragraphs and tables, Nơi nhận and signatures — which a sheet renderer and a Word
 * writer both draw. Builders are pure: the numbers come from the tally, the words from the
 * editable fields.
 */

export type DocBlock =
  | { readonly kind: "heading"; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string; readonly italic?: boolean }
  | {
      readonly kind: "table";
      readonly header: readonly string[];
      readonly rows: readonly (readonly (string | number)[])[];
      /** Which columns hold text (left-aligned); the others are centred. */
      readonly textColumns: readonly number[];
    };

export interface DocSignature {
  readonly title: readonly string[];
  readonly name: string;
}

export interface ConferenceDocument {
  readonly kind: "count-minutes" | "minutes" | "proposal" | "ballot";
  readonly header: {
    readonly parentBody: string;
    readonly issuingBody: string;
    /** "Số: /TTr-CTĐ8", or null for a document without a number (minutes, ballots). */
    readonly numberLine: string | null;
    /** "Long An, ngày … tháng 3 năm 2026", or null. */
    readonly dateLine: string | null;
    /** "V/v …" under the number, or null. */
    readonly subject: string | null;
  };
  /** Title lines: the document's name (bold, upper case) then what it is about. */
  readonly title: readonly string[];
  readonly recipients: readonly string[];
  readonly blocks: readonly DocBlock[];
  readonly places: readonly string[];
  /** One signature, or two side by side (left, right). */
  readonly signatures: readonly DocSignature[];
}

const blank = (s: string, w: number): string => (s.trim() ? s.trim() : " ".repeat(w));

function dateLine(f: ConferenceFields): string {
  return `${f.place.trim()}, ngày ${blank(f.day, 6)} tháng ${blank(f.month, 6)} năm ${blank(f.dateYear, 6)}`;
}
function yearText(f: ConferenceFields): string {
  return f.year.trim() ? ` năm ${f.year.trim()}` : "";
}
function pct(x: number | null): string {
  return x === null ? "—" : `${formatNumber(x, "vi")}%`;
}
function names(xs: readonly TallyCandidate[]): string {
  return xs.map((c) => c.unit).join(", ");
}
/** "Ông Nguyễn Văn A, Sở … – Trưởng ban" → "Ông Nguyễn Văn A" (the name to print under a signature). */
function personOf(line: string | undefined): string {
  return (line ?? "").split(/[,–-]/)[0]?.trim() ?? "";
}

const COUNTS: readonly CountName[] = ["members", "present", "issued", "returned", "valid", "invalid"];

function ballotLines(tally: Tally): DocBlock[] {
  return COUNTS.map((n) => ({
    kind: "paragraph" as const,
    text: `- ${COUNT_NAMES[n].vi}: ${tally.ballots[n] ?? "……"}.`,
  }));
}

function resultTable(a: TallyAward, base: number | null): DocBlock {
  return {
    kind: "table",
    header: ["STT", "Đơn vị", "Số phiếu đồng ý", "Tỷ lệ (%)", "Kết quả"],
    rows: a.candidates.map((c, k) => [
      k + 1,
      c.unit,
      base === null ? c.votes : `${c.votes}/${base}`,
      c.percent === null ? "" : formatNumber(c.percent, "vi"),
      c.elected
        ? "Đạt, đề nghị"
        : c.needsRevote
          ? "Đồng phiếu, bỏ phiếu vòng hai"
          : c.electedAbove
            ? `Đạt (đã đề nghị ${c.electedAbove})`
            : c.passed
              ? "Đạt"
              : "Không đạt",
    ]),
    textColumns: [1, 4],
  };
}

function awardOutcome(a: TallyAward): DocBlock[] {
  const elected = a.candidates.filter((c) => c.elected);
  const revote = a.candidates.filter((c) => c.needsRevote);
  const out: DocBlock[] = [];
  out.push({
    kind: "paragraph",
    text:
      elected.length > 0
        ? `Các đơn vị đạt số phiếu và được đề nghị tặng ${a.award}: ${names(elected)}.`
        : `Không có đơn vị nào được đề nghị tặng ${a.award} ở vòng này.`,
  });
  if (revote.length > 0)
    out.push({
      kind: "paragraph",
      text: `Các đơn vị ${names(revote)} cùng được ${revote[0]?.votes ?? 0} phiếu cho ${a.award === "" ? "" : `${a.award} `}nhưng chỉ còn ${Math.max(0, a.quota - elected.length)} suất: cần tổ chức bỏ phiếu vòng hai giữa các đơn vị này.`,
    });
  return out;
}

function header(
  f: ConferenceFields,
  withNumber: boolean,
  subject: string | null,
): ConferenceDocument["header"] {
  return {
    parentBody: f.parentBody,
    issuingBody: f.issuingBody,
    numberLine: withNumber ? `Số: ${blank(f.proposalNumber, 6)}/${f.proposalSymbol.trim()}` : null,
    dateLine: dateLine(f),
    subject,
  };
}

/**
 * Biên bản kiểm phiếu: the counting committee, the ballot counts, each candidate's votes and
 * percent per award, and the result.
 * @example countMinutes(tally, fields).title[0] //=> "BIÊN BẢN KIỂM PHIẾU"
 */
export function countMinutes(tally: Tally, f: ConferenceFields): ConferenceDocument {
  const base = tally.threshold.baseCount;
  const blocks: DocBlock[] = [
    {
      kind: "paragraph",
      text: `Hôm nay, ${f.time.trim() ? `vào lúc ${f.time.trim()}, ` : ""}${dateLine(f).replace(/^[^,]*, /, "")}${f.venue.trim() ? `, tại ${f.venue.trim()}` : ""}, Ban kiểm phiếu Hội nghị bình xét thi đua, khen thưởng${yearText(f)} của ${titleCase(f.issuingBody)} gồm:`,
    },
    ...(f.countingCommittee.length > 0
      ? f.countingCommittee.map((x) => ({ kind: "paragraph" as const, text: `- ${x}` }))
      : [{ kind: "paragraph" as const, text: "- ……………………………………… – Trưởng ban;" }]),
    {
      kind: "paragraph",
      text: `Đã tiến hành kiểm phiếu (hình thức: ${f.voteForm.trim() || "bỏ phiếu kín"}), kết quả như sau:`,
    },
    { kind: "heading", text: "1. Số phiếu" },
    ...ballotLines(tally),
    { kind: "heading", text: "2. Quy tắc xét chọn" },
    {
      kind: "paragraph",
      text: `${voteRuleText(tally.threshold.rule, base, "vi")} (theo Quy chế của Cụm thi đua).`,
    },
    { kind: "heading", text: "3. Kết quả kiểm phiếu" },
  ];
  tally.awards.forEach((a, k) => {
    blocks.push({ kind: "paragraph", text: `3.${k + 1}. ${a.award} (được chọn tối đa ${a.quota} đơn vị):` });
    blocks.push(resultTable(a, base));
    blocks.push(...awardOutcome(a));
  });
  blocks.push({
    kind: "paragraph",
    text: "Biên bản kết thúc cùng ngày, đã được đọc lại và các thành viên Ban kiểm phiếu nhất trí./.",
  });
  return {
    kind: "count-minutes",
    header: header(f, false, null),
    title: ["BIÊN BẢN KIỂM PHIẾU", `Bình xét thi đua, khen thưởng${yearText(f)}`],
    recipients: [],
    blocks,
    places: [],
    signatures: [
      { title: ["CÁC THÀNH VIÊN BAN KIỂM PHIẾU"], name: "" },
      { title: ["TRƯỞNG BAN KIỂM PHIẾU"], name: personOf(f.countingCommittee[0]) },
    ],
  };
}

/** "CỤM THI ĐUA SỐ 8" → "Cụm thi đua số 8" for running text. */
function titleCase(s: string): string {
  const t = s.trim().toLocaleLowerCase("vi");
  return t.charAt(0).toLocaleUpperCase("vi") + t.slice(1);
}

/**
 * Biên bản họp bình xét: time, place, chair and secretary, members present, the content, the vote
 * result ("… phiếu, đạt …%"), the units proposed; signatures of chair and secretary.
 * @example meetingMinutes(tally, fields).signatures.map((s) => s.title[0]) //=> ["THƯ KÝ", "CHỦ TRÌ"]
 */
export function meetingMinutes(tally: Tally, f: ConferenceFields): ConferenceDocument {
  const base = tally.threshold.baseCount;
  const b = tally.ballots;
  const blocks: DocBlock[] = [
    { kind: "heading", text: "I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN" },
    {
      kind: "paragraph",
      text: `1. Thời gian: ${f.time.trim() ? `${f.time.trim()}, ` : ""}ngày ${blank(f.day, 4)} tháng ${blank(f.month, 4)} năm ${blank(f.dateYear, 4)}.`,
    },
    { kind: "paragraph", text: `2. Địa điểm: ${f.venue.trim() || "……………………"}.` },
    {
      kind: "paragraph",
      text: `3. Chủ trì: ${f.chairName.trim() || "……………………"}${f.chairTitle.trim() ? `, ${f.chairTitle.trim()}` : ""}. Thư ký: ${f.secretaryName.trim() || "……………………"}${f.secretaryTitle.trim() && f.secretaryTitle.trim() !== "Thư ký" ? `, ${f.secretaryTitle.trim()}` : ""}.`,
    },
    {
      kind: "paragraph",
      text: `4. Thành phần: đại diện lãnh đạo các đơn vị thành viên ${titleCase(f.issuingBody)}; có mặt ${b.present ?? "……"}/${b.members ?? "……"} đơn vị thành viên.`,
    },
    { kind: "heading", text: "II. NỘI DUNG" },
    ...f.content.map((x) => ({ kind: "paragraph" as const, text: `- ${x}` })),
    { kind: "heading", text: "III. KẾT QUẢ BÌNH XÉT" },
    {
      kind: "paragraph",
      text: `Hội nghị đã ${f.voteForm.trim() || "bỏ phiếu kín"} bình xét đề nghị khen thưởng; số phiếu phát ra ${b.issued ?? "……"}, thu về ${b.returned ?? "……"}, hợp lệ ${b.valid ?? "……"}. Quy tắc: ${voteRuleText(tally.threshold.rule, base, "vi")}.`,
    },
  ];
  for (const a of tally.awards) {
    blocks.push({ kind: "paragraph", text: `${a.award} (tối đa ${a.quota} đơn vị):` });
    for (const c of a.candidates)
      blocks.push({
        kind: "paragraph",
        text: `- ${c.unit}: ${c.votes}${base === null ? "" : `/${base}`} phiếu, đạt ${pct(c.percent)} ${voteBaseName(tally.threshold.rule.base, "vi")}${c.elected ? " — được đề nghị" : c.needsRevote ? " — đồng phiếu, cần bỏ phiếu vòng hai" : c.electedAbove ? ` — đã được đề nghị ${c.electedAbove}` : c.passed ? "" : " — không đạt"}.`,
      });
    blocks.push(...awardOutcome(a));
  }
  const proposed = tally.awards.filter((a) => a.candidates.some((c) => c.elected));
  if (proposed.length > 0) {
    blocks.push({
      kind: "paragraph",
      text: `Hội nghị thống nhất đề nghị ${f.awardingAuthority.trim() || "cấp có thẩm quyền"} tặng: ${proposed
        .map((a) => `${a.award} cho ${names(a.candidates.filter((c) => c.elected))}`)
        .join("; ")}.`,
    });
  }
  blocks.push({
    kind: "paragraph",
    text: "Hội nghị kết thúc cùng ngày; biên bản đã được thông qua trước Hội nghị./.",
  });
  return {
    kind: "minutes",
    header: header(f, false, null),
    title: ["BIÊN BẢN", `Họp bình xét thi đua, khen thưởng${yearText(f)}`],
    recipients: [],
    blocks,
    places: [],
    signatures: [
      { title: ["THƯ KÝ"], name: f.secretaryName.trim() },
      { title: ["CHỦ TRÌ"], name: f.chairName.trim() },
    ],
  };
}

/**
 * Tờ trình đề nghị khen thưởng: the units per award with their scores, classes and votes, signed
 * "TM. CỤM THI ĐUA … / CỤM TRƯỞNG".
 * @example proposalLetter(tally, fields).title[0] //=> "TỜ TRÌNH"
 */
export function proposalLetter(tally: Tally, f: ConferenceFields): ConferenceDocument {
  const base = tally.threshold.baseCount;
  const blocks: DocBlock[] = f.bases
    .filter((x) => x.trim())
    .map((x) => ({ kind: "paragraph" as const, text: x.trim() }));
  blocks.push({
    kind: "paragraph",
    text: `Căn cứ kết quả chấm điểm, xếp hạng và kết quả bình xét tại Hội nghị tổng kết công tác thi đua, khen thưởng${yearText(f)}, ${titleCase(f.issuingBody)} kính đề nghị ${f.awardingAuthority.trim() || "cấp có thẩm quyền"} xem xét, tặng thưởng cho các đơn vị sau:`,
  });
  tally.awards.forEach((a, k) => {
    const elected = a.candidates.filter((c) => c.elected);
    blocks.push({ kind: "heading", text: `${k + 1}. ${a.award}: ${elected.length} đơn vị` });
    if (elected.length > 0)
      blocks.push({
        kind: "table",
        header: ["STT", "Đơn vị", "Điểm chấm thẩm định", "Xếp loại", "Kết quả bình xét"],
        rows: elected.map((c, j) => [
          j + 1,
          c.unit,
          c.ranked ? (c.ranked.unit.verified ?? c.ranked.unit.self ?? "") : "",
          c.ranked?.classification ?? "",
          `${c.votes}${base === null ? "" : `/${base}`} phiếu (${pct(c.percent)})`,
        ]),
        textColumns: [1, 3],
      });
    const revote = a.candidates.filter((c) => c.needsRevote);
    if (revote.length > 0)
      blocks.push({
        kind: "paragraph",
        italic: true,
        text: `Còn ${Math.max(0, a.quota - elected.length)} suất ${a.award} chờ kết quả bỏ phiếu vòng hai giữa: ${names(revote)}.`,
      });
  });
  blocks.push({
    kind: "paragraph",
    text: `(Kèm theo Biên bản họp bình xét, Biên bản kiểm phiếu và hồ sơ của các đơn vị.)`,
    italic: true,
  });
  blocks.push({
    kind: "paragraph",
    text: `${titleCase(f.issuingBody)} kính trình ${f.awardingAuthority.trim() || "cấp có thẩm quyền"} xem xét, quyết định./.`,
  });
  return {
    kind: "proposal",
    header: header(f, true, `V/v đề nghị khen thưởng${yearText(f)}`),
    title: ["TỜ TRÌNH", `Về việc đề nghị khen thưởng${yearText(f)}`],
    recipients: f.recipients.filter((x) => x.trim()),
    blocks,
    places: f.distribution.filter((x) => x.trim()),
    signatures: [{ title: f.signerTitle.filter((x) => x.trim()), name: f.signerName.trim() }],
  };
}

/** The candidates of an award before the vote: the proposal, then any other unit the user adds. */
export function awardCandidates(
  ranking: readonly RankedUnit[],
  award: string,
  extra: readonly string[] = [],
): RankedUnit[] {
  const proposed = ranking.filter((r) => r.award === award);
  const more = ranking.filter((r) => r.award !== award && extra.includes(r.unit.name));
  return [...proposed, ...more];
}

/**
 * Phiếu bình xét for one award: the candidates with "Đồng ý / Không đồng ý" boxes and how many may
 * be chosen (a ballot agreeing with more is invalid).
 * @example ballotDocument("Cờ thi đua", 2, candidates, fields).title[0] //=> "PHIẾU BÌNH XÉT"
 */
export function ballotDocument(
  award: string,
  quota: number,
  candidates: readonly RankedUnit[],
  f: ConferenceFields,
): ConferenceDocument {
  return {
    kind: "ballot",
    header: header(f, false, null),
    title: ["PHIẾU BÌNH XÉT", `Đề nghị tặng ${award}${yearText(f)}`],
    recipients: [],
    blocks: [
      {
        kind: "paragraph",
        italic: true,
        text: `Đồng ý tối đa ${quota} đơn vị. Đánh dấu (x) vào ô "Đồng ý" hoặc "Không đồng ý" của từng đơn vị; phiếu đồng ý quá ${quota} đơn vị là phiếu không hợp lệ.`,
      },
      {
        kind: "table",
        header: ["STT", "Đơn vị", "Điểm", "Xếp loại", "Đồng ý", "Không đồng ý"],
        rows: candidates.map((r, k) => [
          k + 1,
          r.unit.name,
          r.unit.verified ?? r.unit.self ?? "",
          r.classification,
          "",
          "",
        ]),
        textColumns: [1, 3],
      },
    ],
    places: [],
    signatures: [],
  };
}

/**
 * The count sheet (Kiểm phiếu) ready to type into: the labelled counts (members prefilled), then
 * `STT | Đơn vị | <award> …` with each award's candidates and blank vote cells.
 * A unit that is not a candidate for an award has no cell to fill under it ("—" is not written:
 * a blank cell means "not a candidate").
 */
export function countSheetGrid(
  ranking: readonly RankedUnit[],
  rules: Rules,
  f: ConferenceFields,
  extra: Readonly<Record<string, readonly string[]>> = {},
): CellValue[][] {
  const awards = rules.awards.map((a) => a.label);
  const per = awards.map((a) => new Set(awardCandidates(ranking, a, extra[a] ?? []).map((r) => r.unit.name)));
  const units = ranking.filter((r) => per.some((s) => s.has(r.unit.name)));
  return [
    [`KIỂM PHIẾU BÌNH XÉT KHEN THƯỞNG${yearText(f).toUpperCase()}`],
    [
      'Nhập số phiếu đồng ý của từng ứng viên vào cột khen thưởng (0 nếu không có phiếu); ô "—" hoặc để trống: không là ứng viên. Rồi bấm Bình xét → Kiểm phiếu.',
    ],
    ["Số thành viên", ranking.length],
    ["Số có mặt", ""],
    ["Số phiếu phát ra", ""],
    ["Số phiếu thu về", ""],
    ["Số phiếu hợp lệ", ""],
    [],
    ["STT", "Đơn vị", ...awards],
    ...units.map((r, k) => [k + 1, r.unit.name, ...per.map((set) => (set.has(r.unit.name) ? "" : "—"))]),
  ];
}

/** The quota of each award for the ballots (the same count the tally uses). */
export function ballotQuotas(rules: Rules, unitCount: number): ReadonlyMap<string, number> {
  return new Map(rules.awards.map((a) => [a.label, awardQuota(a, unitCount)]));
}

/**
 * The document as the shared model (`OfficialDocument`) the Word writer and the sheet writer draw.
 * @example toOfficialDocument(proposalLetter(tally, fields)).title //=> ["TỜ TRÌNH", "Về việc …"]
 */
export function toOfficialDocument(doc: ConferenceDocument): OfficialDocument {
  const body: DocumentBlock[] = [];
  if (doc.recipients.length > 0) body.push({ kind: "addressees", names: doc.recipients });
  const blocks = [...doc.blocks];
  // The last paragraph ending "./." is the closing sentence, kept with the signatures.
  const lastPara = blocks[blocks.length - 1];
  const closing = lastPara?.kind === "paragraph" && /\.\/\.$/.test(lastPara.text) ? lastPara.text : undefined;
  if (closing !== undefined) blocks.pop();
  for (const b of blocks) {
    if (b.kind === "heading")
      body.push({ kind: "paragraph", text: b.text, bold: true, indent: false, keepWithNext: true });
    else if (b.kind === "paragraph")
      body.push({ kind: "paragraph", text: b.text, ...(b.italic ? { italic: true } : {}) });
    else
      body.push({
        kind: "table",
        columns: b.header.map((h, c) => ({
          header: h,
          width: c === 0 ? 6 : c === 1 ? 30 : 13,
          align: b.textColumns.includes(c) ? ("left" as const) : ("center" as const),
        })),
        rows: b.rows.map((r) => [...r]),
      });
  }
  const signs = doc.signatures.map((s) => ({ authority: s.title, signer: s.name }));
  if (signs.length > 1) body.push({ kind: "signatures", perRow: 2, blocks: signs });
  return {
    header: {
      parentBody: doc.header.parentBody.toUpperCase(),
      issuingBody: doc.header.issuingBody.toUpperCase(),
      numberLine: doc.header.numberLine ?? "",
      ...(doc.header.subject ? { subject: [doc.header.subject] } : {}),
      nation: NATIONAL_TITLE,
      motto: NATIONAL_MOTTO,
      dateLine: doc.header.dateLine ?? "",
    },
    title: doc.title,
    body,
    ...(closing !== undefined ? { closing } : {}),
    ...(doc.places.length > 0 ? { places: listLines(doc.places) } : {}),
    ...(signs.length === 1 && signs[0] ? { sign: signs[0] } : {}),
  };
}
