import { rulesExplained, type Issue } from "../core";

/**
 * The rules schema (zod and its messages) in the add-in: a chunk of its own, left out of the
 * first load so custom functions and ribbon commands start sooner. Valid rules never need it
 * (rules-check.ts decides alone); it is fetched to say what is wrong with invalid ones, and by
 * the pane after its first render.
 */
let loading: Promise<void> | null = null;

export function loadRulesSchema(): Promise<void> {
  loading ??= import(/* webpackChunkName: "rules-schema" */ "../core/rules-schema").then((m) =>
    m.useFullRulesSchema(),
  );
  return loading;
}

/** True when issues name invalid rules that the full schema has not explained yet. */
export function rulesNeedExplaining(issues: readonly Issue[]): boolean {
  return !rulesExplained() && issues.some((i) => i.code === "rules-invalid");
}
