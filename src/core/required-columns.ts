import type { ColumnRole } from "./issues";

/**
 * The columns a summary table cannot be ranked without, as the reader checks them
 * (`missing-column`): the unit's name, and the score the ranking uses — the verified score when
 * the table has that column, else the self score.
 * @example requiredRoles({ unit: "B", self: "C", verified: "D" }) //=> ["unit", "verified"]
 * @example requiredRoles({ unit: "B" }) //=> ["unit", "self"]
 */
export function requiredRoles(columns: Readonly<Partial<Record<ColumnRole, string>>>): ColumnRole[] {
  return ["unit", columns.verified ? "verified" : "self"];
}
