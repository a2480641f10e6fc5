import { z } from "zod";
import type { Issue } from "./issues";
import { setRulesExplainer, TIE_BREAKS } from "./rules";
import { voteSchema } from "./vote-schema";

/**
 * The rules schema (zod): the definition of valid rules and the source of the messages that say
 * what is wrong. It is loaded with the pane and the CLI, and by the add-in's first load only on
 * demand: rules-check.ts gives the same verdict without zod (a property test holds them equal).
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

/**
 * The schema's issues for rules it rejects, as `rules-invalid` issues naming the field.
 * @example explainRules({ maxScore: 0, bands: [] })[0]?.path //=> "maxScore"
 */
export function explainRules(input: unknown): Issue[] {
  const parsed = rulesSchema.safeParse(input);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({
    code: "rules-invalid",
    severity: "error",
    path: i.path.map(String).join(".") || "(root)",
    detail: i.message,
  }));
}

/**
 * Makes `parseRules` explain invalid rules with this schema's messages. The pane and the CLI
 * call it when they load; the add-in's first load calls it when the chunk arrives.
 * @example useFullRulesSchema(); parseRules({}).issues[0]?.detail //=> "Invalid input: expected number, received undefined"
 */
export function useFullRulesSchema(): void {
  setRulesExplainer(explainRules);
}
