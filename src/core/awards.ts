import { bandRank } from "./classify";
import type { Issue } from "./issues";
import type { RankedUnit } from "./rank";
import type { AwardRule, Rules } from "./rules";

/** How many units an award may go to: a count, or a share of the cluster rounded down. */
export function awardQuota(award: AwardRule, unitCount: number): number {
  if (award.count !== undefined) return award.count;
  return Math.floor((award.share ?? 0) * unitCount + 1e-9);
}

function eligible(r: RankedUnit, award: AwardRule, rules: Rules): boolean {
  if (r.unit.veto && award.allowVeto !== true) return false;
  if (award.minBand === undefined) return true;
  const need = bandRank(award.minBand, rules.bands);
  const has = bandRank(r.classification, rules.bands);
  return has >= 0 && has <= need;
}

/**
 * Proposes awards in the rules' order down the ranking: each award goes to the next eligible
 * units that have none yet, up to its quota. A tie that straddles a quota boundary is never cut
 * silently: every unit of that tie is proposed for the award and flagged for deliberation, and
 * the units the award cannot take count against the next award's quota.
 * @example proposeAwards(ranking, rules).ranking.filter((r) => r.award).length //=> 4
 */
export function proposeAwards(
  ranking: readonly RankedUnit[],
  rules: Rules,
): { ranking: RankedUnit[]; issues: Issue[] } {
  const out = [...ranking];
  const issues: Issue[] = [];
  const taken = new Array<boolean>(out.length).fill(false);
  let debt = 0;
  for (const award of rules.awards) {
    let slots = Math.max(0, awardQuota(award, out.length) - debt);
    debt = 0;
    let k = 0;
    while (slots > 0 && k < out.length) {
      // The next group of eligible, not yet awarded units sharing one rank.
      while (k < out.length && (taken[k] || !eligible(out[k] as RankedUnit, award, rules))) k++;
      if (k >= out.length) break;
      const rank = (out[k] as RankedUnit).rank;
      const group: number[] = [];
      for (let j = k; j < out.length && (out[j] as RankedUnit).rank === rank; j++) {
        if (!taken[j] && eligible(out[j] as RankedUnit, award, rules)) group.push(j);
      }
      const straddles = group.length > slots;
      for (const j of group) {
        taken[j] = true;
        out[j] = { ...(out[j] as RankedUnit), award: award.label, needsDeliberation: straddles };
      }
      if (straddles) {
        const first = out[group[0] as number] as RankedUnit;
        issues.push({
          code: "needs-deliberation",
          severity: "warning",
          cell: first.unit.cells.unit,
          award: award.label,
          rank,
          units: group.map((j) => (out[j] as RankedUnit).unit.name),
          slots,
        });
        debt = group.length - slots;
        slots = 0;
      } else {
        slots -= group.length;
      }
      k = (group[group.length - 1] as number) + 1;
    }
  }
  return { ranking: out, issues };
}

/**
 * A warning per vetoed unit (a violation excluded it from awards), at its veto cell, with the
 * classification it was given: the ranking shows why it gets nothing.
 * @example vetoIssues(ranking).map((i) => i.unit) //=> ["Sở B"]
 */
export function vetoIssues(ranking: readonly RankedUnit[]): Issue[] {
  return ranking
    .filter((r) => r.unit.veto)
    .map((r) => ({
      code: "veto-applied",
      severity: "warning",
      cell: r.unit.cells.veto,
      unit: r.unit.name,
      label: r.classification,
    }));
}

/**
 * Why a ranked unit may not receive an award, or null when it may: a veto (unless the award allows
 * it), or a class below the award's minimum. The conference's tally warns with the reason.
 * @example ineligibility(vetoedUnit, { label: "Cờ thi đua", count: 2 }, rules) //=> "veto"
 */
export function ineligibility(r: RankedUnit, award: AwardRule, rules: Rules): "veto" | "class" | null {
  if (eligible(r, award, rules)) return null;
  return r.unit.veto && award.allowVeto !== true ? "veto" : "class";
}
