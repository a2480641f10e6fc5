import {
  candidateResult,
  COUNT_NAMES,
  formatNumber,
  voteRuleText,
  type CountName,
  type Lang,
  type TallyOutcome,
} from "../core";
import { textTable } from "./format";

const T = {
  vi: {
    sheet: (s: string) => `Trang "${s}": kết quả kiểm phiếu bình xét.`,
    rule: "Quy tắc biểu quyết",
    head: ["STT", "Đơn vị", "Phiếu đồng ý", "Tỷ lệ", "Đạt", "Kết quả"],
    yes: "Đạt",
    no: "Không",
    quota: (a: string, q: number) => `${a} (chọn tối đa ${q}):`,
    none: "(không có ứng viên)",
  },
  en: {
    sheet: (s: string) => `Sheet "${s}": vote count results.`,
    rule: "Vote rule",
    head: ["No.", "Unit", "Votes", "Percent", "Met", "Result"],
    yes: "Yes",
    no: "No",
    quota: (a: string, q: number) => `${a} (at most ${q}):`,
    none: "(no candidates)",
  },
} as const;

/** The tally as the terminal shows it: the rule and what it needs, the counts, a table per award. */
export function formatTally(outcome: TallyOutcome, lang: Lang): string {
  const tally = outcome.tally;
  if (!tally || !outcome.sheet) return "";
  const t = T[lang];
  const out: string[] = [t.sheet(outcome.sheet)];
  out.push(`${t.rule}: ${voteRuleText(tally.threshold.rule, tally.threshold.baseCount, lang)}.`);
  out.push(
    (["members", "present", "issued", "returned", "valid", "invalid"] as CountName[])
      .map((n) => `${COUNT_NAMES[n][lang]}: ${tally.ballots[n] ?? "—"}`)
      .join("; "),
  );
  for (const a of tally.awards) {
    out.push("", t.quota(a.award, a.quota));
    if (a.candidates.length === 0) {
      out.push(t.none);
      continue;
    }
    out.push(
      textTable(
        t.head,
        a.candidates.map((c, k) => [
          String(k + 1),
          c.unit,
          String(c.votes),
          c.percent === null ? "—" : `${formatNumber(c.percent, lang)}%`,
          c.passed ? t.yes : t.no,
          candidateResult(c, lang),
        ]),
        [true, false, true, true, false, false],
      ),
    );
  }
  return out.join("\n");
}
