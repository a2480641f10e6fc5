/**
 * Section 6: the rank custom function as Excel calls it, at 10,000 cells, through the functions
 * module the add-in registers (src/functions/index.ts, with `CustomFunctions.associate` caught
 * by a stand-in) over the Excel double: filled down (`=EMU.RANK(D6, $D$6:$D$10005)` in every
 * row: one call per cell, all started in the same calculation pass, each handed the whole
 * range) and as one array call (`=EMU.RANK(D6:D10005, D6:D10005)`, spilled). The time is the
 * JavaScript's, from the first call until every result has settled. When filling down would
 * exceed the budget, the calls made so far are timed and the rest extrapolated (each call does
 * the same work), and the row says so.
 */
import { createExcelDouble, type SeedValue } from "../excel-double";
import { SHEET_NAME, summaryGrid, type BenchUnit } from "./data";

export interface CustomFunctionRow {
  fn: string;
  form: "filled-down" | "array";
  cells: number;
  ms: number;
  /** Calls timed; fewer than `cells` when filled down ran out of budget and was extrapolated. */
  callsTimed: number;
  extrapolated: boolean;
  /** Every cell's rank equals the array call's (and so the engine's competition rank). */
  agrees: boolean;
}

type Fn = (...args: unknown[]) => Promise<unknown[][]>;

class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** Loads src/functions/index.ts with a stand-in `CustomFunctions` and returns what it registered. */
async function registeredFunctions(): Promise<Map<string, Fn>> {
  const registry = new Map<string, Fn>();
  const g = globalThis as { CustomFunctions?: unknown };
  g.CustomFunctions ??= {
    associate: (name: string, fn: Fn) => registry.set(name, fn),
    Error: StandInError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  await import("../../src/functions/index");
  if (registry.size === 0) throw new Error("src/functions/index.ts registered nothing (already loaded?)");
  return registry;
}

let cached: Promise<Map<string, Fn>> | undefined;

export async function measureCustomFunctions(
  units: readonly BenchUnit[],
  budgetMs: number,
  log: (s: string) => void = () => undefined,
): Promise<CustomFunctionRow[]> {
  const fns = await (cached ??= registeredFunctions());
  const rank = fns.get("RANK");
  if (!rank) throw new Error("no RANK custom function");
  const values = summaryGrid(units) as SeedValue[][];
  const double = createExcelDouble({ sheets: [{ name: SHEET_NAME, values }] });
  const uninstall = double.install();
  try {
    const scores: unknown[][] = units.map((u) => [u.verified]);
    const n = scores.length;

    // One array call.
    let t = performance.now();
    const spilled = await rank(scores, scores, null);
    const arrayMs = performance.now() - t;
    log(`  RANK as one array call over ${n} cells: ${arrayMs.toFixed(1)} ms`);

    // Filled down: every call started in one pass, then all awaited.
    const pending: Promise<unknown[][]>[] = [];
    t = performance.now();
    let calls = 0;
    for (; calls < n; calls++) {
      pending.push(rank([scores[calls]], scores, null));
      if ((calls & 63) === 63 && performance.now() - t > budgetMs) {
        calls++;
        break;
      }
    }
    const results = await Promise.all(pending);
    const elapsed = performance.now() - t;
    const extrapolated = calls < n;
    const filledMs = extrapolated ? (elapsed * n) / calls : elapsed;
    const agrees = results.every((r, i) => r[0]?.[0] === spilled[i]?.[0]) && spilled.length === n;
    log(
      `  RANK filled down over ${n} cells: ${filledMs.toFixed(0)} ms${extrapolated ? ` (extrapolated from ${calls} calls in ${elapsed.toFixed(0)} ms)` : ""}`,
    );
    return [
      { fn: "RANK", form: "filled-down", cells: n, ms: filledMs, callsTimed: calls, extrapolated, agrees },
      { fn: "RANK", form: "array", cells: n, ms: arrayMs, callsTimed: 1, extrapolated: false, agrees },
    ];
  } finally {
    uninstall();
  }
}
