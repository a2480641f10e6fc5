import { COUNT_NAMES } from "./messages";
import type { CountName } from "./issues";
import type { SheetModel } from "./sheet-model";
import { gridSheet } from "./sheet-builder";
import type { Tally, TallyCandidate } from "./tally";
import { formatNumber } from "./text";
import type { CellValue, Lang } from "./types";
import { voteRuleText } from "./vote";

export const TALLY_SHEET_BASE: Readonly<Record<Lang, string>> = {
  vi: "Kết quả bình xét",
  en: "Vote results",
};

const T = {
  vi: {
    title: "KẾT QUẢ KIỂM PHIẾU BÌNH XÉT KHEN THƯỞNG",
    rule: "Quy tắc biểu quyết",
    head: ["STT", "Đơn vị", "Số phiếu đồng ý", "Tỷ lệ (%)", "Đạt ngưỡng", "Kết quả"],
    yes: "Đạt",
    no: "Không đạt",
    elected: "Được đề nghị",
    revote: "Đồng phiếu: bỏ phiếu vòng hai",
    above: (a: string) => `Đã được đề nghị ${a}`,
    quota: (a: string, q: number) => `${a} (được chọn tối đa ${q})`,
  },
  en: {
    title: "VOTE COUNT RESULTS",
    rule: "Vote rule",
    head: ["No.", "Unit", "Agreeing votes", "Percent", "Threshold met", "Result"],
    yes: "Yes",
    no: "No",
    elected: "Proposed",
    revote: "Tied: second round",
    above: (a: string) => `Already proposed for ${a}`,
    quota: (a: string, q: number) => `${a} (at most ${q})`,
  },
} as const;

/** What a candidate's line says in the result column. */
export function candidateResult(c: TallyCandidate, lang: Lang): string {
  const t = T[lang];
  if (c.elected) return t.elected;
  if (c.needsRevote) return t.revote;
  if (c.electedAbove) return t.above(c.electedAbove);
  return "";
}

/**
 * The tally as a sheet (what `emu tally --out`, the ribbon and the pane write): the rule with the
 * votes it needs, the ballot counts, and a table per award.
 * @example tallySheet(tally, { sheetName: "Kết quả bình xét", lang: "vi" }).name //=> "Kết quả bình xét"
 */
export function tallySheet(tally: Tally, opts: { sheetName: string; lang: Lang }): SheetModel {
  const t = T[opts.lang];
  const n = (x: number | null): CellValue => (x === null ? "" : x);
  const rows: CellValue[][] = [
    [t.title],
    [t.rule, voteRuleText(tally.threshold.rule, tally.threshold.baseCount, opts.lang)],
  ];
  for (const name of ["members", "present", "issued", "returned", "valid", "invalid"] as CountName[])
    rows.push([COUNT_NAMES[name][opts.lang], n(tally.ballots[name])]);
  const heads: number[] = [];
  for (const a of tally.awards) {
    rows.push([]);
    rows.push([t.quota(a.award, a.quota)]);
    heads.push(rows.length);
    rows.push([...t.head]);
    a.candidates.forEach((c, k) =>
      rows.push([
        k + 1,
        c.unit,
        c.votes,
        c.percent === null ? "" : formatNumber(c.percent, opts.lang),
        c.passed ? t.yes : t.no,
        candidateResult(c, opts.lang),
      ]),
    );
  }
  return gridSheet(opts.sheetName, rows, { headerRows: heads, widths: [22, 40, 16, 12, 14, 30] });
}
