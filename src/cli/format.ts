import {
  CRITERIA_SUMMARY_SHEET,
  cellAddress,
  formatNumber,
  issueMessage,
  severityName,
  type Issue,
  type Lang,
  type RankOutcome,
} from "../core";

/**
 * Columns a string takes in a terminal: Vietnamese letters count once whether stored precomposed
 * or as a base letter plus combining marks.
 * @example displayWidth("Điện Biên") //=> 9
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.normalize("NFC")) if (!/\p{M}/u.test(ch)) w++;
  return w;
}

function pad(s: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** A plain text table with unicode-aware column widths; numeric columns right-aligned. */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  rightAlign: readonly boolean[],
): string {
  const widths = header.map((h, c) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? ""))),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((v, c) => pad(v, widths[c] ?? 0, rightAlign[c] ?? false))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const T = {
  vi: {
    header: [
      "STT",
      "Đơn vị",
      "Tự chấm",
      "Thẩm định",
      "Chênh lệch",
      "Hạng",
      "Xếp loại",
      "Đề nghị khen thưởng",
    ],
    sheet: "Trang",
    fromCriteria: "Tổng điểm các bảng chấm điểm chi tiết",
    basisVerified: "xếp hạng theo điểm chấm thẩm định",
    basisSelf: "xếp hạng TẠM TÍNH theo điểm tự chấm",
    rules: "Quy tắc",
    source: { explicit: "chỉ định", workbook: "từ trang Quy tắc xếp loại", preset: "mặc định" },
    tied: "đồng hạng",
    deliberate: "cần bình xét",
    noIssues: "Không có lỗi hay cảnh báo.",
    blocked: "Chưa xếp hạng vì bảng điểm còn lỗi. Hãy sửa các ô trên rồi chạy lại.",
  },
  en: {
    header: ["No.", "Unit", "Self", "Verified", "Gap", "Rank", "Classification", "Proposed award"],
    sheet: "Sheet",
    fromCriteria: "Totals of the detailed scoring sheets",
    basisVerified: "ranked on verified scores",
    basisSelf: "PROVISIONAL ranking on self scores",
    rules: "Rules",
    source: { explicit: "given", workbook: "from the rules sheet", preset: "default" },
    tied: "tied",
    deliberate: "needs deliberation",
    noIssues: "No errors or warnings.",
    blocked: "Not ranked: the score table has errors. Fix the cells above and run again.",
  },
} as const;

/** The ranking as the readable table the CLI prints. */
export function formatRanking(outcome: RankOutcome, lang: Lang): string {
  const t = T[lang];
  const n = (x: number | null): string => (x === null ? "" : formatNumber(x, lang));
  const rows = outcome.ranking.map((r) => [
    String(r.stt),
    r.unit.name,
    n(r.unit.self),
    n(r.unit.verified),
    r.gap === null ? "" : r.gap > 0 ? `+${n(r.gap)}` : n(r.gap),
    r.tied ? `${r.rank} (${t.tied})` : String(r.rank),
    r.classification,
    r.award === null ? "" : r.needsDeliberation ? `${r.award} (${t.deliberate})` : r.award,
  ]);
  // The summary computed from detailed sheets is not a sheet of the user's workbook: say what it is.
  const what =
    outcome.sheet === CRITERIA_SUMMARY_SHEET ? t.fromCriteria : `${t.sheet} "${outcome.sheet ?? ""}"`;
  const title = `${what}: ${outcome.basis === "verified" ? t.basisVerified : t.basisSelf}. ${t.rules}: ${outcome.rules.id ?? outcome.rules.name ?? ""} (${t.source[outcome.rulesSource]}).`;
  return `${title}\n\n${textTable(t.header, rows, [true, false, true, true, true, false, false, false])}`;
}

/** Issues grouped by severity, each with its cell, in the user's language. */
export function formatIssues(issues: readonly Issue[], lang: Lang): string {
  if (issues.length === 0) return T[lang].noIssues;
  const out: string[] = [];
  for (const sev of ["error", "warning"] as const) {
    const group = issues.filter((i) => i.severity === sev);
    if (group.length === 0) continue;
    out.push(`${severityName(sev, lang)} (${group.length}):`);
    for (const i of group) out.push(`  ${i.cell ? cellAddress(i.cell) : "—"}  ${issueMessage(i, lang)}`);
  }
  return out.join("\n");
}

export function blockedMessage(lang: Lang): string {
  return T[lang].blocked;
}
