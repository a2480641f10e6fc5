import { z } from "zod";
import { checkShare, VOTE_BASES } from "./vote";

/**
 * The vote rule's schema (zod), part of the rules schema. Kept apart from vote.ts so the pure
 * vote arithmetic stays off zod (the add-in's first load checks rules without it).
 */
const shareSchema = z.union([z.number(), z.string()]).refine((v) => checkShare(v) !== null, {
  message: 'a number in (0, 1] or a fraction such as "2/3"',
});

export const voteSchema = z.object({
  share: shareSchema.transform((v) => checkShare(v) as number | string).default(0.5),
  strict: z.boolean().default(true),
  base: z.enum(VOTE_BASES).default("members"),
});
