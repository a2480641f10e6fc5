import {
  classifyScore,
  canonicalScore,
  issueMessage,
  parseNumber,
  rankTable,
  readScoreTable,
  requiredVotes,
  checkShare,
  type Band,
  type CellValue,
  type Issue,
  type Lang,
  type Rules,
} from "../core";

/**
 * The custom functions as plain functions of plain values: Excel hands a range over as a 2-D
 * array (a single cell as [[v]]) and spills a 2-D result, so every function takes and returns
 * matrices. A blank input cell gives a blank output cell, never a fake 0. What a user can get
 * wrong becomes an `FnError` — a `#VALUE!` with the engine's message — for that cell, or for the
 * whole call when the arguments themselves don't fit.
 */

export type Matrix = CellValue[][];

/** A user-facing error for one cell or one call; the entry point turns it into CustomFunctions.Error. */
export class FnError {
  constructor(readonly message: string) {}
}

export type Out = string | number | FnError;

const isBlank = (v: CellValue | undefined): boolean =>
  v === undefined || v === null || v === "" || (typeof v === "string" && v.trim() === "");

const T = {
  vi: {
    bandsShape: "cac_muc phải có hai cột: điểm tối thiểu và tên xếp loại.",
    bandsRow: (k: number, text: string) => `cac_muc, dòng ${k}: "${text}" không phải là điểm tối thiểu.`,
    bandsEmpty: "cac_muc không có mức nào.",
    noBand: (s: string) => `Điểm ${s} thấp hơn mọi mức xếp loại.`,
    tiebreakShape: "pha_dong_hang phải cùng kích thước với bang_diem, và diem phải là cả vùng bang_diem.",
    columns: "don_vi, tu_cham và tham_dinh phải là các cột có cùng số hàng.",
    maxShape: "diem_toi_da phải là một số hoặc một vùng cùng kích thước với bang_diem.",
    row: (k: number) => `Dòng ${k}: `,
    header: ["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định", "Hạng", "Xếp loại"],
  },
  en: {
    bandsShape: "bands must have two columns: minimum score and label.",
    bandsRow: (k: number, text: string) => `bands, row ${k}: "${text}" is not a minimum score.`,
    bandsEmpty: "bands has no band.",
    noBand: (s: string) => `Score ${s} is below every band.`,
    tiebreakShape: "tiebreak must be the same size as scores, and score must be the whole scores range.",
    columns: "units, self and verified must be columns with the same number of rows.",
    maxShape: "max must be one number or a range the same size as scores.",
    row: (k: number) => `Row ${k}: `,
    header: ["No.", "Unit", "Self score", "Verified score", "Rank", "Classification"],
  },
} as const;

const cellIssue = (issue: Issue, lang: Lang): FnError => new FnError(issueMessage(issue, lang));

/** Reads one score cell: blank, a number (text numbers and decimal commas accepted), or an error. */
function scoreOf(v: CellValue, lang: Lang): null | number | FnError {
  const p = parseNumber(v);
  switch (p.kind) {
    case "empty":
      return null;
    case "error":
      return cellIssue({ code: "cell-error", severity: "error", error: p.error }, lang);
    case "not-a-number":
      return cellIssue({ code: "not-a-number", severity: "error", text: p.text }, lang);
    case "number":
      if (p.value < 0) return cellIssue({ code: "negative-score", severity: "error", value: p.value }, lang);
      return p.value;
  }
}

/**
 * Reads a bands range (minimum, label), skipping blank rows and a header row.
 * @example parseBands([["Từ điểm", "Xếp loại"], [900, "Xuất sắc"], [0, "Khác"]], "vi") //=> [{min:900,…},{min:0,…}]
 */
export function parseBands(range: Matrix, lang: Lang): Band[] | FnError {
  const t = T[lang];
  if (range.some((row) => row.length < 2)) return new FnError(t.bandsShape);
  const bands: Band[] = [];
  for (let k = 0; k < range.length; k++) {
    const [min, label] = range[k] as CellValue[];
    if (isBlank(min) && isBlank(label)) continue;
    const p = parseNumber(min ?? "");
    if (p.kind !== "number") {
      if (k === 0 && bands.length === 0) continue; // a header row
      return new FnError(t.bandsRow(k + 1, String(min ?? "")));
    }
    bands.push({ min: p.value, label: String(label ?? "").trim() });
  }
  if (bands.length === 0) return new FnError(t.bandsEmpty);
  return bands.sort((a, b) => b.min - a.min);
}

/**
 * EMU.CLASSIFY / EMU.XEPLOAI: the class of each score.
 * @example classify([[915], [""]], rules, null, "vi") //=> [["Xuất sắc"], [""]]
 */
export function classify(scores: Matrix, rules: Rules | null, bandsArg: Matrix | null, lang: Lang): Out[][] {
  const bands = bandsArg ? parseBands(bandsArg, lang) : (rules?.bands ?? []);
  if (bands instanceof FnError) throw bands;
  // The maximum is only known from the rules; explicit bands carry no scale.
  const max = bandsArg || !rules ? Infinity : rules.maxScore;
  return scores.map((row) =>
    row.map((v) => {
      const s = scoreOf(v, lang);
      if (s === null) return "";
      if (s instanceof FnError) return s;
      if (canonicalScore(s) > canonicalScore(max))
        return cellIssue({ code: "score-above-max", severity: "error", value: s, max }, lang);
      return classifyScore(s, bands) ?? new FnError(T[lang].noBand(String(s)));
    }),
  );
}

/**
 * The scores of one `scores` range (and its tie-break), sorted once: (score, tie-break) pairs in
 * descending order, so a rank is one binary search. Excel calls a filled-down RANKOF once per
 * cell with the same range, so the index is kept per range for the moment of one calculation
 * (`rankIndexCache`), turning 10,000 cells from O(n²) into O(n log n).
 */
interface RankIndex {
  readonly scores: Float64Array;
  readonly ties: Float64Array;
}

function buildRankIndex(scores: Matrix, tiebreak: Matrix | null, lang: Lang): RankIndex {
  const flat = scores.flat();
  const flatTb = tiebreak?.flat() ?? [];
  const pairs: [number, number][] = [];
  flat.forEach((v, k) => {
    const s = scoreOf(v, lang);
    if (s instanceof FnError) throw s;
    if (s === null) return;
    const t = tiebreak ? scoreOf(flatTb[k] ?? "", lang) : 0;
    if (t instanceof FnError) throw t;
    pairs.push([canonicalScore(s), canonicalScore(t ?? 0)]);
  });
  pairs.sort((a, b) => b[0] - a[0] || b[1] - a[1]);
  return { scores: Float64Array.from(pairs, (p) => p[0]), ties: Float64Array.from(pairs, (p) => p[1]) };
}

/** How many entries are strictly better than (s, t): higher score, or the same score and a higher tie-break. */
function better(index: RankIndex, s: number, t: number): number {
  let lo = 0;
  let hi = index.scores.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const ms = index.scores[mid] as number;
    if (ms > s || (ms === s && (index.ties[mid] as number) > t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Rank indexes of the current calculation, by the caller's key for the ranges (their addresses);
 * emptied on the next macrotask, so an edit between two calculations is never served stale.
 */
const rankIndexCache = new Map<string, RankIndex | FnError>();
let cacheClearing = false;

function cachedRankIndex(key: string | undefined, make: () => RankIndex): RankIndex {
  if (key === undefined) return make();
  let hit = rankIndexCache.get(key);
  if (!hit) {
    try {
      hit = make();
    } catch (e) {
      if (!(e instanceof FnError)) throw e;
      hit = e;
    }
    rankIndexCache.set(key, hit);
    if (!cacheClearing) {
      cacheClearing = true;
      setTimeout(() => {
        rankIndexCache.clear();
        cacheClearing = false;
      }, 0);
    }
  }
  if (hit instanceof FnError) throw hit;
  return hit;
}

/**
 * EMU.RANKOF / EMU.XEPHANG: competition rank (RANK.EQ, highest first) of each score among scores,
 * with an optional tie-break range aligned with scores. `cacheKey` names the ranges (their
 * addresses) so that the cells of a filled-down column share one sorted index.
 * @example rank([[965]], [[985], [975], [965], [965]], null, "vi") //=> [[3]]
 */
export function rank(
  score: Matrix,
  scores: Matrix,
  tiebreak: Matrix | null,
  lang: Lang,
  cacheKey?: string,
): Out[][] {
  const flatTb = tiebreak?.flat() ?? [];
  if (tiebreak && (flatTb.length !== scores.flat().length || score.flat().length !== flatTb.length))
    throw new FnError(T[lang].tiebreakShape);
  const index = cachedRankIndex(cacheKey && `${lang}|${cacheKey}`, () =>
    buildRankIndex(scores, tiebreak, lang),
  );
  let k = -1;
  return score.map((row) =>
    row.map((v) => {
      k++;
      const s = scoreOf(v, lang);
      if (s === null) return "";
      if (s instanceof FnError) return s;
      if (!tiebreak) return better(index, canonicalScore(s), Infinity) + 1;
      const own = scoreOf(flatTb[k] ?? "", lang);
      return better(index, canonicalScore(s), typeof own === "number" ? canonicalScore(own) : 0) + 1;
    }),
  );
}

/**
 * EMU.RANKING / EMU.BANGXEPHANG: the ranked table with a header row, through the same engine as
 * the ribbon and the CLI (same validation, same order inside ties).
 */
export function ranking(
  units: Matrix,
  self: Matrix,
  verified: Matrix,
  rules: Rules,
  bandsArg: Matrix | null,
  lang: Lang,
): Out[][] {
  const t = T[lang];
  const n = units.length;
  if (
    self.length !== n ||
    verified.length !== n ||
    [units, self, verified].some((m) => m.some((r) => r.length !== 1))
  )
    throw new FnError(t.columns);
  let effective = rules;
  if (bandsArg) {
    const bands = parseBands(bandsArg, lang);
    if (bands instanceof FnError) throw bands;
    effective = { ...rules, bands, awards: [] };
  }
  const grid: CellValue[][] = [["Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định"]];
  for (let k = 0; k < n; k++) grid.push([units[k]?.[0] ?? "", self[k]?.[0] ?? "", verified[k]?.[0] ?? ""]);
  const read = readScoreTable(grid, { sheet: "", row: 0, col: 0 }, effective);
  if (!read.ok) {
    const first = read.issues.find((i) => i.severity === "error") ?? read.issues[0];
    const where = first?.cell ? t.row(first.cell.row) : "";
    throw new FnError(where + (first ? issueMessage(first, lang) : ""));
  }
  const ranked = rankTable(read.value, effective);
  return [
    [...t.header],
    ...ranked.map((r) => [
      r.stt,
      r.unit.name,
      r.unit.self ?? "",
      r.unit.verified ?? "",
      r.rank,
      r.classification,
    ]),
  ];
}

/**
 * EMU.VALIDATE / EMU.KIEMTRA: one message per score cell (errors first, then warnings such as a
 * number stored as text), blank where the score is fine and where the cell is blank.
 * @example validate([[985], ["abc"], [1200]], rules, null, "en")[1][0] //=> "\"abc\" is not a number. …"
 */
export function validate(scores: Matrix, rules: Rules | null, maxArg: Matrix | null, lang: Lang): Out[][] {
  const fallback = rules?.maxScore ?? Infinity;
  const flatMax = maxArg?.flat() ?? [];
  const rows = scores.length;
  const cols = scores[0]?.length ?? 0;
  const single = flatMax.length === 1;
  if (maxArg && !single && (maxArg.length !== rows || (maxArg[0]?.length ?? 0) !== cols))
    throw new FnError(T[lang].maxShape);
  return scores.map((row, r) =>
    row.map((v, c) => {
      const p = parseNumber(v);
      if (p.kind === "empty") return "";
      const s = scoreOf(v, lang);
      if (s instanceof FnError) return s.message;
      const maxCell = maxArg ? (single ? flatMax[0] : maxArg[r]?.[c]) : fallback;
      const m = parseNumber(maxCell ?? "");
      const max = m.kind === "number" ? m.value : fallback;
      if (s !== null && canonicalScore(s) > canonicalScore(max))
        return issueMessage({ code: "score-above-max", severity: "error", value: s, max }, lang);
      if (p.kind === "number" && p.source === "decimal-comma")
        return issueMessage(
          { code: "decimal-comma", severity: "warning", text: String(v).trim(), value: p.value },
          lang,
        );
      if (p.kind === "number" && p.source === "text")
        return issueMessage(
          { code: "text-number", severity: "warning", text: String(v).trim(), value: p.value },
          lang,
        );
      return "";
    }),
  );
}

const TALLY_T = {
  vi: {
    passed: "Đạt",
    failed: "Không đạt",
    base: "co_so phải là một số nguyên không âm (ví dụ tổng số thành viên: 9).",
    share: 'ty_le phải là số trong (0; 1] như 0,5, hoặc phân số dạng chữ như "2/3".',
    strict: "tren phải là TRUE hoặc FALSE.",
  },
  en: {
    passed: "Passed",
    failed: "Not passed",
    base: "base must be a whole number ≥ 0 (e.g. the number of members: 9).",
    share: 'share must be a number in (0, 1] such as 0.5, or a fraction as text such as "2/3".',
    strict: "strict must be TRUE or FALSE.",
  },
} as const;

/**
 * EMU.TALLY / EMU.BINHXET: for each agreeing-votes cell, two columns: Đạt / Không đạt, and the
 * votes required (computed exactly: 2/3 of 9 is 6). A blank vote stays blank.
 * @example tally([[5], [4]], [[9]], null, null, { share: 0.5, strict: true }, "vi") //=> [["Đạt", 5], ["Không đạt", 5]]
 */
export function tally(
  votes: Matrix,
  baseArg: Matrix,
  shareArg: Matrix | null,
  strictArg: Matrix | null,
  rule: { share: number | string; strict: boolean },
  lang: Lang,
): Out[][] {
  const t = TALLY_T[lang];
  const b = parseNumber(baseArg[0]?.[0] ?? "");
  if (baseArg.flat().length !== 1 || b.kind !== "number" || !Number.isInteger(b.value) || b.value < 0)
    throw new FnError(t.base);
  let share = rule.share;
  const rawShare = shareArg?.[0]?.[0];
  if (shareArg && !isBlank(rawShare)) {
    const p = parseNumber(rawShare ?? "");
    const candidate = p.kind === "number" ? (p.percent ? p.value / 100 : p.value) : String(rawShare).trim();
    const ok = checkShare(candidate);
    if (ok === null) throw new FnError(t.share);
    share = ok;
  }
  let strict = rule.strict;
  const rawStrict = strictArg?.[0]?.[0];
  if (strictArg && !isBlank(rawStrict)) {
    if (typeof rawStrict !== "boolean") throw new FnError(t.strict);
    strict = rawStrict;
  }
  const need = requiredVotes({ share, strict }, b.value);
  return votes.map((row) => {
    const v = row[0];
    if (isBlank(v)) return ["", ""];
    const p = parseNumber(v ?? "");
    if (p.kind === "error")
      return [cellIssue({ code: "cell-error", severity: "error", error: p.error }, lang), ""];
    if (p.kind !== "number")
      return [cellIssue({ code: "not-a-number", severity: "error", text: String(v) }, lang), ""];
    if (!Number.isInteger(p.value) || p.value < 0)
      return [cellIssue({ code: "vote-not-whole", severity: "error", value: p.value }, lang), ""];
    if (p.value > b.value)
      return [
        cellIssue(
          {
            code: "votes-above-valid",
            severity: "error",
            unit: "",
            award: "",
            votes: p.value,
            limit: "members",
            limitValue: b.value,
          },
          lang,
        ),
        "",
      ];
    return [p.value >= need ? t.passed : t.failed, need];
  });
}
