import type { Lang } from "./types";

/**
 * The conference's vote rule (biểu quyết / bỏ phiếu kín): a candidate is elected when its agreeing
 * votes are more than (`strict`) or at least (not strict) `share` of the `base`. The quy chế of each
 * cluster decides all three; EMU hard-codes no legal threshold. The default is "quá bán": more than
 * half of all members.
 */

export const VOTE_BASES = ["members", "present", "valid"] as const;
export type VoteBase = (typeof VOTE_BASES)[number];

/** A vote rule as validated (`voteSchema` in vote-schema.ts; `checkShare` without zod). */
export interface VoteRule {
  readonly share: number | string;
  readonly strict: boolean;
  readonly base: VoteBase;
}

/**
 * A share as the rules accept it — a number in (0, 1] or an exact fraction "2/3" in (0, 1] —
 * trimmed, or null. One check for the schema, the first-load checker and EMU.TALLY.
 * @example checkShare(" 2/3 ") //=> "2/3"
 * @example checkShare(1.5) //=> null
 */
export function checkShare(v: unknown): number | string | null {
  if (typeof v === "number") return Number.isFinite(v) && v > 0 && v <= 1 ? v : null;
  if (typeof v !== "string") return null;
  const s = v.trim();
  if (!/^\d+\s*\/\s*\d+$/.test(s)) return null;
  const f = fractionOf(s);
  return f !== null && f.num > 0n && f.num <= f.den ? s : null;
}

/** "Quá bán": more than half of all members. */
export const DEFAULT_VOTE: VoteRule = { share: 0.5, strict: true, base: "members" };

/** An exact, positive fraction. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

function reduce(num: bigint, den: bigint): Fraction {
  const g = gcd(num, den) || 1n;
  return { num: num / g, den: den / g };
}

/**
 * The exact fraction of a share: "2/3" stays 2/3; a number is read from its shortest decimal
 * text (0.5 → 1/2, 0.75 → 3/4), so no binary floating-point error enters the vote count.
 * @example fractionOf("2/3") //=> { num: 2n, den: 3n }
 * @example fractionOf(0.5) //=> { num: 1n, den: 2n }
 */
export function fractionOf(share: number | string): Fraction | null {
  if (typeof share === "string") {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(share);
    if (!m) return null;
    const den = BigInt(m[2] as string);
    if (den === 0n) return null;
    return reduce(BigInt(m[1] as string), den);
  }
  if (!Number.isFinite(share) || share < 0) return null;
  const text = share.toString();
  if (/e/i.test(text)) {
    // Tiny shares such as 1e-7: exact enough through a fixed 20-digit expansion.
    const fixed = share.toFixed(20);
    const [i, d = ""] = fixed.split(".");
    return reduce(BigInt(`${i}${d}`), 10n ** BigInt(d.length));
  }
  const [i, d = ""] = text.split(".");
  return reduce(BigInt(`${i}${d}`), 10n ** BigInt(d.length));
}

/**
 * The fewest agreeing votes that meet the rule, computed on integers: more than (strict) or at
 * least `share` × `base`.
 * @example requiredVotes({ share: "2/3", strict: false, base: "members" }, 9) //=> 6
 * @example requiredVotes({ share: 0.5, strict: true, base: "members" }, 9) //=> 5
 * @example requiredVotes({ share: 0.5, strict: true, base: "members" }, 8) //=> 5
 */
export function requiredVotes(rule: Pick<VoteRule, "share" | "strict">, baseCount: number): number {
  const f = fractionOf(rule.share);
  if (!f || !Number.isInteger(baseCount) || baseCount < 0) return Number.NaN;
  const p = f.num * BigInt(baseCount);
  const floor = p / f.den;
  if (rule.strict) return Number(floor + 1n);
  return Number(p % f.den === 0n ? floor : floor + 1n);
}

/** The share as a number for JSON ("2/3" → 0.6666…). */
export function shareNumber(share: number | string): number {
  if (typeof share === "number") return share;
  const f = fractionOf(share);
  return f ? Number(f.num) / Number(f.den) : Number.NaN;
}

/** The share as people write it: "1/2", "2/3", "65%". */
export function shareText(share: number | string, lang: Lang): string {
  const f = fractionOf(share);
  if (!f) return String(share);
  if (typeof share === "string" || f.den <= 10n) return `${f.num}/${f.den}`;
  const pct = (Number(f.num) * 100) / Number(f.den);
  return `${pct.toLocaleString(lang === "vi" ? "vi-VN" : "en-US", { maximumFractionDigits: 2 })}%`;
}

const BASE_NAMES: Readonly<Record<VoteBase, Record<Lang, string>>> = {
  members: { vi: "tổng số thành viên", en: "all members" },
  present: { vi: "số thành viên có mặt", en: "members present" },
  valid: { vi: "số phiếu hợp lệ", en: "valid ballots" },
};

/** "tổng số thành viên" … */
export function voteBaseName(base: VoteBase, lang: Lang): string {
  return BASE_NAMES[base][lang];
}

/**
 * The rule in words, with the required number beside it when the base count is known.
 * @example voteRuleText(DEFAULT_VOTE, 9, "vi") //=> "Trên 1/2 tổng số thành viên: cần ít nhất 5/9 phiếu"
 */
export function voteRuleText(rule: VoteRule, baseCount: number | null, lang: Lang): string {
  const share = shareText(rule.share, lang);
  const half = fractionOf(rule.share);
  const isHalf = half !== null && half.num === 1n && half.den === 2n && rule.strict;
  const head =
    lang === "vi"
      ? `${isHalf ? "Quá bán (trên 1/2" : rule.strict ? `Trên ${share}` : `Từ ${share}`} ${voteBaseName(rule.base, lang)}${isHalf ? ")" : rule.strict ? "" : " trở lên"}`
      : `${rule.strict ? "More than" : "At least"} ${share} of ${voteBaseName(rule.base, lang)}`;
  if (baseCount === null) return head;
  const need = requiredVotes(rule, baseCount);
  return lang === "vi"
    ? `${head}: cần ít nhất ${need}/${baseCount} phiếu`
    : `${head}: needs at least ${need}/${baseCount} votes`;
}
