import type { Issue, Result } from "./issues";
import { parseRules, TIE_BREAKS, type Rules, type TieBreak } from "./rules";
import { fractionOf, VOTE_BASES, type VoteBase } from "./vote";
import { cleanText, foldKey, parseNumber } from "./text";
import type { CellValue, Grid, GridOrigin } from "./types";

/**
 * The rules as a sheet people can read and edit ("Quy tắc xếp loại"), shared by the CLI, the
 * ribbon and the pane. Its bands table is two columns (minimum, label) so a formula can point
 * at it: `=EMU.CLASSIFY(D7, 'Quy tắc xếp loại'!A11:B15)`.
 */
export const RULES_SHEET_NAME = "Quy tắc xếp loại";

const KEYS = {
  maxScore: ["thang diem", "diem toi da", "max score", "scale"],
  vetoLabel: ["xep loai khi vi pham", "veto class", "veto label"],
  verifiedAboveSelf: ["diem tham dinh cao hon tu cham", "verified above self"],
  tieBreak: ["pha dong hang theo", "tie break", "tie breaks"],
  sheet: ["trang bang diem", "score sheet"],
  bandsHeader: ["tu diem", "from score", "min", "minimum"],
  awardsHeader: ["khen thuong", "award", "awards"],
  voteShare: ["bieu quyet ty le dong y", "vote share"],
  voteStrict: ["bieu quyet cach tinh", "vote comparison"],
  voteBase: ["bieu quyet tinh tren", "vote base"],
} as const;

/** How the rules sheet writes the vote rule (read back accent- and case-insensitively). */
export const VOTE_STRICT_LABELS: Readonly<Record<"true" | "false", { vi: string; en: string }>> = {
  true: { vi: "Trên (quá)", en: "More than" },
  false: { vi: "Từ … trở lên", en: "At least" },
};
export const VOTE_BASE_LABELS: Readonly<Record<VoteBase, { vi: string; en: string }>> = {
  members: { vi: "Tổng số thành viên", en: "All members" },
  present: { vi: "Số có mặt", en: "Members present" },
  valid: { vi: "Số phiếu hợp lệ", en: "Valid ballots" },
};

const ABOVE_SELF: Readonly<Record<string, Rules["verifiedAboveSelf"]>> = {
  "canh bao": "warning",
  warning: "warning",
  loi: "error",
  error: "error",
  "cho phep": "allow",
  allow: "allow",
};
const ABOVE_SELF_VI: Readonly<Record<Rules["verifiedAboveSelf"], string>> = {
  warning: "Cảnh báo",
  error: "Lỗi",
  allow: "Cho phép",
};

export const TIE_BREAK_LABELS: Readonly<Record<TieBreak, { vi: string; en: string }>> = {
  "higher-self": { vi: "Tự chấm cao hơn", en: "Higher self score" },
  "fewer-deductions": { vi: "Ít điểm trừ hơn", en: "Fewer deductions" },
  "smaller-gap": { vi: "Chênh lệch nhỏ hơn", en: "Smaller gap" },
  "more-bonus": { vi: "Điểm thưởng cao hơn", en: "More bonus" },
};

const YES = new Set(["co", "yes", "x", "true", "1"]);

function text(v: CellValue | undefined): string {
  return v === undefined || v === null ? "" : cleanText(String(v));
}

function is(key: string, names: readonly string[]): boolean {
  return names.some((n) => key === n || key.startsWith(`${n} `));
}

/** True when a sheet is the rules sheet: by its name or its title cell. */
export function isRulesSheet(name: string, grid: Grid): boolean {
  return (
    foldKey(name) === foldKey(RULES_SHEET_NAME) || foldKey(text(grid[0]?.[0])).startsWith("quy tac xep loai")
  );
}

/**
 * Reads the rules sheet into validated rules. Problems name the cell (rules-invalid at A12 …).
 * @example parseRulesSheet(rulesSheetGrid(presetRules("cum-1000")), origin).ok //=> true
 */
export function parseRulesSheet(grid: Grid, origin: GridOrigin): Result<Rules> {
  const issues: Issue[] = [];
  const cell = (r: number, c: number) => ({ sheet: origin.sheet, row: r + origin.row, col: c + origin.col });
  const bad = (r: number, c: number, path: string, detail: string): void => {
    issues.push({ code: "rules-invalid", severity: "error", cell: cell(r, c), path, detail });
  };
  const num = (v: CellValue | undefined, r: number, c: number, path: string): number | undefined => {
    const p = parseNumber(v ?? "");
    if (p.kind === "number") return p.value;
    if (p.kind !== "empty") bad(r, c, path, "không phải là số / not a number");
    return undefined;
  };
  const input: Record<string, unknown> = {};
  const bands: { min: number; label: string }[] = [];
  const awards: Record<string, unknown>[] = [];
  let section: "none" | "bands" | "awards" = "none";

  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const key = foldKey(text(row[0]));
    const blankRow = row.every((v) => text(v) === "");
    if (blankRow) {
      section = "none";
      continue;
    }
    if (is(key, KEYS.bandsHeader)) {
      section = "bands";
      continue;
    }
    if (
      is(key, KEYS.awardsHeader) &&
      foldKey(text(row[1])).length > 0 &&
      parseNumber(row[1] ?? "").kind !== "number"
    ) {
      section = "awards";
      continue;
    }
    if (section === "bands") {
      const min = num(row[0], r, 0, `bands.${bands.length}.min`);
      const label = text(row[1]);
      if (!label) bad(r, 1, `bands.${bands.length}.label`, "thiếu tên xếp loại / missing label");
      if (min !== undefined && label) bands.push({ min, label });
      continue;
    }
    if (section === "awards") {
      const label = text(row[0]);
      const count = num(row[1], r, 1, `awards.${awards.length}.count`);
      const pct = num(row[2], r, 2, `awards.${awards.length}.share`);
      const minBand = text(row[3]);
      const a: Record<string, unknown> = { label };
      if (count !== undefined) a.count = count;
      if (pct !== undefined) a.share = pct / 100;
      if (minBand) a.minBand = minBand;
      if (YES.has(foldKey(text(row[4])))) a.allowVeto = true;
      awards.push(a);
      continue;
    }
    if (is(key, KEYS.maxScore)) input.maxScore = num(row[1], r, 1, "maxScore");
    else if (is(key, KEYS.vetoLabel) && text(row[1])) input.vetoLabel = text(row[1]);
    else if (is(key, KEYS.sheet) && text(row[1])) input.sheet = text(row[1]);
    else if (is(key, KEYS.verifiedAboveSelf) && text(row[1])) {
      const v = ABOVE_SELF[foldKey(text(row[1]))];
      if (v) input.verifiedAboveSelf = v;
      else bad(r, 1, "verifiedAboveSelf", "chọn Cảnh báo, Lỗi hoặc Cho phép / use Warning, Error or Allow");
    } else if (is(key, KEYS.tieBreak)) {
      const chain: TieBreak[] = [];
      for (const part of text(row[1])
        .split(/[;,\n]/)
        .map((s) => foldKey(s))
        .filter(Boolean)) {
        const t = TIE_BREAKS.find(
          (k) =>
            foldKey(TIE_BREAK_LABELS[k].vi) === part ||
            foldKey(TIE_BREAK_LABELS[k].en) === part ||
            k === part,
        );
        if (t) chain.push(t);
        else bad(r, 1, "tieBreak", `không hiểu "${part}" / unknown tie-break`);
      }
      input.tieBreak = chain;
    } else if (is(key, KEYS.voteShare) && text(row[1])) {
      const vote = (input.vote ??= {}) as Record<string, unknown>;
      const raw = row[1];
      const p = parseNumber(raw ?? "");
      const t = text(raw).replace(/%$/, "").trim();
      if (fractionOf(t) && /\//.test(t)) vote.share = t;
      else if (p.kind === "number")
        vote.share = /%$/.test(text(raw)) || p.value > 1 ? p.value / 100 : p.value;
      else bad(r, 1, "vote.share", 'ghi như "1/2", "2/3" hoặc 0,5 / write "1/2", "2/3" or 0.5');
    } else if (is(key, KEYS.voteStrict) && text(row[1])) {
      const vote = (input.vote ??= {}) as Record<string, unknown>;
      const k = foldKey(text(row[1]));
      const hit = (["true", "false"] as const).find(
        (b) => foldKey(VOTE_STRICT_LABELS[b].vi) === k || foldKey(VOTE_STRICT_LABELS[b].en) === k,
      );
      if (hit) vote.strict = hit === "true";
      else if (k.startsWith("tren") || k.startsWith("qua") || k.startsWith("more")) vote.strict = true;
      else if (k.startsWith("tu") || k.startsWith("it nhat") || k.startsWith("at least")) vote.strict = false;
      else bad(r, 1, "vote.strict", "chọn Trên (quá) hoặc Từ … trở lên / use More than or At least");
    } else if (is(key, KEYS.voteBase) && text(row[1])) {
      const vote = (input.vote ??= {}) as Record<string, unknown>;
      const k = foldKey(text(row[1]));
      const hit = VOTE_BASES.find(
        (b) => foldKey(VOTE_BASE_LABELS[b].vi) === k || foldKey(VOTE_BASE_LABELS[b].en) === k || b === k,
      );
      if (hit) vote.base = hit;
      else bad(r, 1, "vote.base", "chọn Tổng số thành viên, Số có mặt hoặc Số phiếu hợp lệ");
    }
  }
  input.bands = bands;
  input.awards = awards;
  if (issues.length > 0) return { ok: false, issues };
  const parsed = parseRules(input);
  if (!parsed.ok) {
    // Schema problems point at the sheet's first cell: the path names the field.
    return { ok: false, issues: parsed.issues.map((i) => ({ ...i, cell: cell(0, 0) })) };
  }
  return parsed;
}

/**
 * The rules as the readable sheet's rows (what the pane and `emu rules` write).
 * @example rulesSheetGrid(presetRules("cum-1000"))[3] //=> ["Thang điểm", 1000]
 */
export function rulesSheetGrid(rules: Rules): CellValue[][] {
  const rows: CellValue[][] = [
    ["QUY TẮC XẾP LOẠI VÀ KHEN THƯỞNG"],
    [
      "EMU đọc trang này khi xếp hạng; có thể sửa trực tiếp. Khoảng điểm hiểu là “từ mức này đến dưới mức trên”. Các mức của thang 1000 điểm chỉ là ví dụ: hãy đối chiếu với quy chế của Cụm.",
    ],
    [],
    ["Thang điểm", rules.maxScore],
    ["Xếp loại khi vi phạm", rules.vetoLabel ?? ""],
    ["Điểm thẩm định cao hơn tự chấm", ABOVE_SELF_VI[rules.verifiedAboveSelf]],
    ["Phá đồng hạng theo", rules.tieBreak.map((t) => TIE_BREAK_LABELS[t].vi).join("; ")],
    ["Trang bảng điểm", rules.sheet ?? ""],
    [],
    ["Từ điểm", "Xếp loại"],
    ...rules.bands.map((b) => [b.min, b.label]),
    [],
    ["Khen thưởng", "Số lượng", "Tỷ lệ (%)", "Xếp loại tối thiểu", "Xét cả đơn vị vi phạm"],
    ...rules.awards.map((a) => [
      a.label,
      a.count ?? "",
      a.share !== undefined ? Math.round(a.share * 10000) / 100 : "",
      a.minBand ?? "",
      a.allowVeto ? "Có" : "Không",
    ]),
    ...(rules.vote
      ? [
          [],
          ["Biểu quyết: tỷ lệ đồng ý", rules.vote.share],
          ["Biểu quyết: cách tính", VOTE_STRICT_LABELS[rules.vote.strict ? "true" : "false"].vi],
          ["Biểu quyết: tính trên", VOTE_BASE_LABELS[rules.vote.base].vi],
          [
            "Ngưỡng biểu quyết do quy chế của Cụm quyết định; EMU không đặt sẵn ngưỡng pháp lý nào. Số phiếu cần đạt được tính chính xác theo phân số (2/3 của 9 là 6).",
          ],
        ]
      : []),
  ];
  return rows;
}

/** Row index (0-based) of the first band in `rulesSheetGrid`, for building a bands range. */
export const RULES_SHEET_BANDS_ROW = 10;
