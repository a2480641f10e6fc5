import type { z } from "zod";
import type { Issue, Result } from "./issues";
import { checkRules } from "./rules-check";
import type { rulesSchema } from "./rules-schema";
import { DEFAULT_VOTE, type VoteRule } from "./vote";

/**
 * The rules a cluster's quy chế decides: scale, classification bands, awards, ties and vetoes.
 * They are data, never code: every cluster and every year has its own.
 */

export const TIE_BREAKS = ["higher-self", "fewer-deductions", "smaller-gap", "more-bonus"] as const;
export type TieBreak = (typeof TIE_BREAKS)[number];

/** Rules after validation: bands sorted from the highest minimum down. */
export type Rules = z.output<typeof rulesSchema>;
export type Band = Rules["bands"][number];
export type AwardRule = Rules["awards"][number];
/** Rules as a user writes them (defaults may be left out). */
export type RulesInput = z.input<typeof rulesSchema>;

/** The 1000-point cluster preset. The bands are an example to confirm, not a law (no official table exists). */
export const CUM_1000: RulesInput = {
  id: "cum-1000",
  name: "Cụm thi đua, thang 1000 điểm (ví dụ, cần xác nhận theo quy chế)",
  maxScore: 1000,
  bands: [
    { min: 900, label: "Xuất sắc" },
    { min: 800, label: "Tốt" },
    { min: 700, label: "Khá" },
    { min: 500, label: "Trung bình" },
    { min: 0, label: "Yếu" },
  ],
  awards: [
    { label: "Cờ thi đua", count: 2, minBand: "Xuất sắc" },
    { label: "Bằng khen", count: 2, minBand: "Xuất sắc" },
  ],
  // "Quá bán", the national councils' rule: an example the cluster's quy chế may change.
  vote: { share: 0.5, strict: true, base: "members" },
};

/** Nghị định 335/2025/NĐ-CP, 100 points. */
export const ND335_100: RulesInput = {
  id: "nd335-100",
  name: "Nghị định 335/2025/NĐ-CP, thang 100 điểm",
  maxScore: 100,
  bands: [
    { min: 90, label: "Hoàn thành xuất sắc nhiệm vụ" },
    { min: 70, label: "Hoàn thành tốt nhiệm vụ" },
    { min: 50, label: "Hoàn thành nhiệm vụ" },
    { min: 0, label: "Không hoàn thành nhiệm vụ" },
  ],
  awards: [],
};

export const PRESETS: Readonly<Record<string, RulesInput>> = { "cum-1000": CUM_1000, "nd335-100": ND335_100 };
export const DEFAULT_PRESET = "cum-1000";

/**
 * Validates rules given as data (a parsed JSON file, the pane's form, the workbook's rules sheet).
 * Every problem comes back as a `rules-invalid` issue naming the field; nothing throws. Valid
 * rules are checked without zod (rules-check.ts, held equal to the schema by a property test);
 * the schema in rules-schema.ts explains invalid ones.
 * @example parseRules({ maxScore: 100, bands: [{ min: 0, label: "Đạt" }] }).ok //=> true
 */
export function parseRules(input: unknown): Result<Rules> {
  const checked = checkRules(input);
  if (!checked.ok) {
    const explained = explain?.(input) ?? [];
    const issues: Issue[] = explained.length
      ? explained
      : [{ code: "rules-invalid", severity: "error", path: checked.path, detail: "invalid value" }];
    return { ok: false, issues };
  }
  const bands = [...checked.value.bands].sort((a, b) => b.min - a.min);
  return { ok: true, value: { ...checked.value, bands }, issues: [] };
}

/**
 * What says why rules are invalid: the full schema's issues, once `useFullRulesSchema`
 * (rules-schema.ts) has loaded it. Until then (the add-in's first load, where zod is left out)
 * an invalid field is named with a plain "invalid value".
 */
let explain: ((input: unknown) => Issue[]) | null = null;

/** Installs the full schema's explanations (called by rules-schema.ts). */
export function setRulesExplainer(fn: (input: unknown) => Issue[]): void {
  explain = fn;
}

/** True once the full schema explains invalid rules. */
export function rulesExplained(): boolean {
  return explain !== null;
}

/**
 * The rules of a preset, validated.
 * @example presetRules("nd335-100").maxScore //=> 100
 */
export function presetRules(id: string): Rules {
  const input = PRESETS[id];
  if (!input) throw new Error(`unknown preset ${id}`);
  const r = parseRules(input);
  if (!r.ok) throw new Error(`preset ${id} is invalid`);
  return r.value;
}

/** The class a vetoed unit gets. */
export function vetoLabel(rules: Rules): string {
  return rules.vetoLabel ?? rules.bands[rules.bands.length - 1]?.label ?? "";
}

/**
 * The vote rule in force: the rules' own, or "quá bán" (more than half of all members).
 * @example voteRuleOf(presetRules("cum-1000")) //=> { share: 0.5, strict: true, base: "members" }
 */
export function voteRuleOf(rules: Rules): VoteRule {
  return rules.vote ?? DEFAULT_VOTE;
}
