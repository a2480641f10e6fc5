/**
 * `=EMU.RANKOF(D2, $D$2:$D$10001)` filled down: Excel calls the function once per cell, each time
 * with the whole range and its address (requiresParameterAddresses). This replays those calls
 * against the function as registered (same plain-args step, same cache key from the addresses),
 * without Excel's own marshalling, so the figure is EMU's JavaScript alone.
 */
import { plainArgs } from "../../src/functions/args";
import { rank, type Matrix } from "../../src/functions/functions";
import type { BenchUnit } from "./data";
import { median } from "./stats";

export interface FunctionsBench {
  /** Filled-down cells, one call each. */
  cells: number;
  /** Milliseconds of JavaScript for all the cells, median of the runs. */
  rankofMs: number;
  /** The array form with a tie-break, one call: `=EMU.RANKOF(D2:D10001, D2:D10001, C2:C10001)`. */
  rankofTiebreakMs: number;
  runs: number;
}

const noRead = async (): Promise<ReadonlyMap<string, string[][]>> => new Map();

async function fillDown(units: readonly BenchUnit[]): Promise<number> {
  const scores: Matrix = units.map((u) => [u.verified]);
  const addresses = ["", `'Bảng điểm'!$D$2:$D$${units.length + 1}`, ""];
  const t0 = performance.now();
  for (let k = 0; k < units.length; k++) {
    const [score, all] = await plainArgs([[[units[k]?.verified ?? null]], scores, null], addresses, noRead);
    rank(score ?? [[null]], all ?? [[null]], null, "vi", `${addresses[1]}|`);
  }
  return performance.now() - t0;
}

async function arrayWithTiebreak(units: readonly BenchUnit[]): Promise<number> {
  const scores: Matrix = units.map((u) => [u.verified]);
  const self: Matrix = units.map((u) => [u.self]);
  const last = units.length + 1;
  const addresses = [
    `'Bảng điểm'!$D$2:$D$${last}`,
    `'Bảng điểm'!$D$2:$D$${last}`,
    `'Bảng điểm'!$C$2:$C$${last}`,
  ];
  const t0 = performance.now();
  const [score, all, tb] = await plainArgs([scores, scores, self], addresses, noRead);
  rank(score ?? [[null]], all ?? [[null]], tb ?? null, "vi", `${addresses[1]}|${addresses[2]}`);
  return performance.now() - t0;
}

export async function measureFunctions(units: readonly BenchUnit[], runs: number): Promise<FunctionsBench> {
  const plain: number[] = [];
  const tied: number[] = [];
  for (let r = 0; r < runs; r++) {
    plain.push(await fillDown(units));
    await new Promise((resolve) => setTimeout(resolve, 0)); // a new calculation: the cache is emptied
    tied.push(await arrayWithTiebreak(units));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { cells: units.length, rankofMs: median(plain), rankofTiebreakMs: median(tied), runs };
}
