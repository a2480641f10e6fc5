import { z } from "zod";
import type { Issue, Result } from "./issues";
import { DEFAULT_VOTE, voteSchema, type VoteRule } from "./vote";

/**
 * The rules a cluster's quy chế decides: scale, classification bands, awards, ties and vetoes.
 * They are data, never code: every cluster and every year has its own.
 */

const band = z.object({
  /** Lowest score of the band, inclusive ("từ … đến dưới …"). */
  min: z.number().finite(),
  label: z.string().trim().min(1),
});

const award = z
  .object({
    label: z.string().trim().min(1),
    /** How many units may be proposed. */
    count: z.number().int().min(0).optional(),
    /** Or a share of the cluster's units, 0..1 (rounded down). */
    share: z.number().min(0).max(1).optional(),
    /** The lowest class that is eligible; absent = any class. */
    minBand: z.string().trim().min(1).optional(),
    /** A vetoed unit is never eligible unless the rules say so. */
    allowVeto: z.boolean().optional(),
  })
  .refine((a) => (a.count === undefined) !== (a.share === undefined), {
    message: "needs exactly one of count or share",
  });

export const TIE_BREAKS = ["higher-self", "fewer-deductions", "smaller-gap", "more-bonus"] as const;
export type TieBreak = (typeof TIE_BREAKS)[number];

export const rulesSchema = z
  .object({
    id: z.string().optional(),
    name: z.string().optional(),
    maxScore: z.number().finite().positive(),
    bands: z.array(band).min(1),
    awards: z.array(award).default([]),
    /** The class a veto forces; absent = the lowest band's label. */
    vetoLabel: z.string().trim().min(1).optional(),
    /** Criteria that split a tie, in order; empty = ties are shown and shared. */
    tieBreak: z.array(z.enum(TIE_BREAKS)).default([]),
    /** Whether an inspector may raise a self-score: a quy chế decision (default: warn). */
    verifiedAboveSelf: z.enum(["warning", "error", "allow"]).default("warning"),
    /** The sheet that holds the score table, when the rules name one. */
    sheet: z.string().trim().min(1).optional(),
    /** Detailed scoring sheets: caps on bonus and deduction totals, pass/fail criteria (paths like "I.2"). */
    criteria: z
      .object({
        bonusCap: z.number().finite().min(0).optional(),
        deductionCap: z.number().finite().min(0).optional(),
        passFail: z.array(z.string().trim().min(1)).optional(),
      })
      .optional(),
    /** The conference's vote (share of a base, strict or not); absent = "quá bán" of all members. */
    vote: voteSchema.optional(),
  })
  .superRefine((r, ctx) => {
    const mins = new Set<number>();
    r.bands.forEach((b, i) => {
      if (mins.has(b.min))
        ctx.addIssue({ code: "custom", path: ["bands", i, "min"], message: "duplicate minimum" });
      mins.add(b.min);
    });
    const labels = new Set(r.bands.map((b) => b.label));
    r.awards.forEach((a, i) => {
      if (a.minBand !== undefined && !labels.has(a.minBand))
        ctx.addIssue({
          code: "custom",
          path: ["awards", i, "minBand"],
          message: `unknown band "${a.minBand}"`,
        });
    });
  });

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
 * Every problem comes back as a `rules-invalid` issue naming the field; nothing throws.
 * @example parseRules({ maxScore: 100, bands: [{ min: 0, label: "Đạt" }] }).ok //=> true
 */
export function parseRules(input: unknown): Result<Rules> {
  const parsed = rulesSchema.safeParse(input);
  if (!parsed.success) {
    const issues: Issue[] = parsed.error.issues.map((i) => ({
      code: "rules-invalid",
      severity: "error",
      path: i.path.map(String).join(".") || "(root)",
      detail: i.message,
    }));
    return { ok: false, issues };
  }
  const bands = [...parsed.data.bands].sort((a, b) => b.min - a.min);
  return { ok: true, value: { ...parsed.data, bands }, issues: [] };
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
