import { awardQuota, ineligibility } from "./awards";
import type { CountSheet } from "./count-sheet";
import type { CountName, Issue } from "./issues";
import type { RankedUnit } from "./rank";
import { voteRuleOf, type AwardRule, type Rules } from "./rules";
import { viCollator } from "./text";
import type { CellRef } from "./types";
import { requiredVotes, shareNumber, type VoteBase, type VoteRule } from "./vote";

/** One candidate's result for one award. */
export interface TallyCandidate {
  readonly unit: string;
  readonly key: string;
  readonly votes: number;
  /** Votes as a percent of the base, 2 decimals; null when the base is unknown or 0. */
  readonly percent: number | null;
  /** Meets the vote rule. */
  readonly passed: boolean;
  /** Passed, eligible, not elected for a higher award, and within the quota. */
  readonly elected: boolean;
  /** Tied on votes across the quota: a second round decides. */
  readonly needsRevote: boolean;
  /** The candidate's line in the ranking, when it is there. */
  readonly ranked: RankedUnit | null;
  /** Elected for a higher award, so not again for this one. */
  readonly electedAbove: string | null;
  /** 0-based sheet row in the count sheet. */
  readonly row: number;
  readonly cell: CellRef;
}

export interface TallyAward {
  readonly award: string;
  readonly quota: number;
  /** By votes (more first), then rank, then Vietnamese name order. */
  readonly candidates: readonly TallyCandidate[];
}

export interface TallyThreshold {
  readonly rule: VoteRule;
  readonly baseCount: number | null;
  readonly required: number | null;
}

export type BallotCounts = Readonly<Record<CountName, number | null>>;

export interface Tally {
  readonly ballots: BallotCounts;
  readonly threshold: TallyThreshold;
  readonly awards: readonly TallyAward[];
  readonly issues: readonly Issue[];
}

const BASE_COUNT: Readonly<Record<VoteBase, CountName>> = {
  members: "members",
  present: "present",
  valid: "valid",
};

/** valid ≤ returned ≤ issued ≤ present ≤ members: the pairs a count sheet must respect. */
const ORDER: ReadonlyArray<readonly [CountName, CountName]> = [
  ["valid", "returned"],
  ["returned", "issued"],
  ["issued", "present"],
  ["present", "members"],
];

/**
 * Counts the conference's vote: the threshold from the rules (exact), each award's candidates
 * (votes, percent of the base, passed, elected up to the quota; a unit elected for a higher award
 * is not elected again, the next passing one takes its place), ties across the quota flagged for a
 * second round, and every inconsistency as an issue at its cell. `ranking` null = no score table.
 * @example tallyCount(count, ranking, rules).awards[0].candidates.filter((c) => c.elected).length //=> 2
 */
export function tallyCount(count: CountSheet, ranking: readonly RankedUnit[] | null, rules: Rules): Tally {
  const issues: Issue[] = [];
  const rule = voteRuleOf(rules);
  const unitCount = ranking?.length ?? null;
  const c = count.counts;
  // Members: the sheet's own number, else the cluster's units in the ranking.
  const ballots: Record<CountName, number | null> = {
    members: c.members.value ?? unitCount,
    present: c.present.value,
    issued: c.issued.value,
    returned: c.returned.value,
    valid: c.valid.value,
    invalid: c.invalid.value,
  };
  if (ballots.invalid === null && ballots.returned !== null && ballots.valid !== null)
    ballots.invalid = ballots.returned >= ballots.valid ? ballots.returned - ballots.valid : null;
  else if (
    count.mode === "counts" &&
    ballots.invalid !== null &&
    ballots.returned !== null &&
    ballots.valid !== null &&
    ballots.invalid !== ballots.returned - ballots.valid &&
    c.invalid.cell
  )
    issues.push({
      code: "vote-count-mismatch",
      severity: "error",
      cell: c.invalid.cell,
      count: "invalid",
      value: ballots.invalid,
      expected: ballots.returned - ballots.valid,
    });

  for (const [small, big] of ORDER) {
    const a = ballots[small];
    const b = ballots[big];
    if (a !== null && b !== null && a > b) {
      const cell = c[small].cell ?? c[big].cell;
      issues.push({
        code: "vote-count-inconsistent",
        severity: "error",
        ...(cell ? { cell } : {}),
        count: small,
        value: a,
        limit: big,
        limitValue: b,
      });
    }
  }

  const baseName = BASE_COUNT[rule.base];
  const baseCount = ballots[baseName];
  if (baseCount === null) {
    const cell = c[baseName].cell;
    issues.push({ code: "vote-base-missing", severity: "error", ...(cell ? { cell } : {}), count: baseName });
  }
  const required = baseCount === null ? null : requiredVotes(rule, baseCount);

  // The most agreeing votes any candidate can have: the valid ballots, else the first count known.
  const limitName = (["valid", "returned", "present", "members"] as const).find((n) => ballots[n] !== null);
  const limit = limitName ? (ballots[limitName] as number) : null;

  const byKey = new Map((ranking ?? []).map((r) => [r.unit.key, r]));
  if (!ranking) issues.push({ code: "vote-no-ranking", severity: "warning" });

  const electedAbove = new Map<string, string>();
  const awards: TallyAward[] = [];
  for (const countAward of count.awards) {
    const rule = rules.awards.find((a) => a.label === countAward.label) as AwardRule;
    const quota = awardQuota(rule, unitCount ?? ballots.members ?? countAward.candidates.length);
    const rows = countAward.candidates.map((cand) => {
      const ranked = byKey.get(cand.key) ?? null;
      if (limit !== null && limitName && cand.votes > limit)
        issues.push({
          code: "votes-above-valid",
          severity: "error",
          cell: cand.cell,
          unit: cand.name,
          award: countAward.label,
          votes: cand.votes,
          limit: limitName,
          limitValue: limit,
        });
      let eligible = true;
      if (ranking && !ranked)
        issues.push({
          code: "vote-unknown-candidate",
          severity: "warning",
          cell: cand.cell,
          unit: cand.name,
          award: countAward.label,
        });
      if (ranked) {
        const why = ineligibility(ranked, rule, rules);
        if (why) {
          eligible = false;
          issues.push({
            code: "vote-not-eligible",
            severity: "warning",
            cell: cand.cell,
            unit: cand.name,
            award: countAward.label,
            reason: why,
            classification: ranked.classification,
          });
        }
      }
      const passed = required !== null && cand.votes >= required;
      const percent =
        baseCount !== null && baseCount > 0 ? Math.round((cand.votes * 10000) / baseCount) / 100 : null;
      return { cand, ranked, eligible, passed, percent };
    });
    rows.sort(
      (a, b) =>
        b.cand.votes - a.cand.votes ||
        (a.ranked?.rank ?? Infinity) - (b.ranked?.rank ?? Infinity) ||
        viCollator.compare(a.cand.name, b.cand.name),
    );

    // Elect down the votes, a group of equal votes at a time: a group larger than the places left
    // is never cut by EMU (rank does not split a vote): every unit in it goes to a second round.
    const elected = new Set<number>();
    const revote = new Set<number>();
    let slots = quota;
    const open = rows
      .map((r, k) => ({ r, k }))
      .filter(({ r }) => r.passed && r.eligible && !electedAbove.has(r.cand.key));
    for (let i = 0; i < open.length && slots > 0;) {
      const votes = (open[i] as (typeof open)[number]).r.cand.votes;
      const group = open.slice(i).filter((x) => x.r.cand.votes === votes);
      if (group.length <= slots) {
        for (const g of group) elected.add(g.k);
        slots -= group.length;
      } else {
        for (const g of group) revote.add(g.k);
        issues.push({
          code: "vote-tie",
          severity: "warning",
          cell: (group[0] as (typeof group)[number]).r.cand.cell,
          award: countAward.label,
          votes,
          units: group.map((g) => g.r.cand.name),
          slots,
        });
        slots = 0;
      }
      i += group.length;
    }

    const candidates = rows.map((r, k): TallyCandidate => ({
      unit: r.cand.name,
      key: r.cand.key,
      votes: r.cand.votes,
      percent: r.percent,
      passed: r.passed,
      elected: elected.has(k),
      needsRevote: revote.has(k),
      ranked: r.ranked,
      electedAbove: electedAbove.get(r.cand.key) ?? null,
      row: r.cand.row,
      cell: r.cand.cell,
    }));
    for (const x of candidates) if (x.elected) electedAbove.set(x.key, countAward.label);
    awards.push({ award: countAward.label, quota, candidates });
  }
  return {
    ballots,
    threshold: { rule, baseCount, required },
    awards,
    issues,
  };
}

/** The share of the rule as a number (for JSON): "2/3" → 0.666…. */
export function thresholdShare(t: TallyThreshold): number {
  return shareNumber(t.rule.share);
}
