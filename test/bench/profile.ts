/**
 * Where the engine's time goes at large n: a V8 CPU profile (node:inspector, in this process,
 * started and stopped around `rankWorkbook` only) summarised by function, self and inclusive.
 */
import { Session } from "node:inspector/promises";
import { relative } from "node:path";
import { rankWorkbook } from "../../src/core";
import { SHEET_NAME, summaryGrid, type BenchUnit } from "./data";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  fn: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  n: number;
  runs: number;
  sampledMs: number;
  /** Functions by self time (time spent in the function's own code). */
  self: ProfileEntry[];
  /** Selected engine functions by inclusive time (own code plus everything they call). */
  inclusive: ProfileEntry[];
}

/** Engine functions worth seeing inclusively; matched on the function name. */
const WATCH = [
  "rankWorkbook",
  "readScoreTable",
  "detectTable",
  "rankTable",
  "compareVi",
  "proposeAwards",
  "sortIssues",
  "checkText",
  "cleanText",
  "detectLegacy",
  "isNfc",
  "unitKey",
  "foldKey",
  "parseNumber",
  "numberAt",
  "rowKind",
  "cellAddress",
  "vetoOf",
  "canonicalScore",
  "classifyScore",
  "(garbage collector)",
];

function label(root: string, f: ProfileNode["callFrame"]): string {
  const name = f.functionName || "(anonymous)";
  if (!f.url) return name;
  const file = f.url.startsWith("file://")
    ? relative(root, decodeURIComponent(new URL(f.url).pathname))
    : f.url;
  // No line number: under tsx every function reports the transformed module's line.
  return `${name} (${file})`;
}

export function summarise(profile: CpuProfile, root: string, top = 15): Omit<ProfileSummary, "n" | "runs"> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // Only the engine's samples count: those under a rankWorkbook frame, plus the garbage
  // collector's (V8 files them at the root); the profiler's own calls are left out.
  const counted = new Set<number>();
  const mark = (node: ProfileNode, inside: boolean): void => {
    const here = inside || node.callFrame.functionName === "rankWorkbook";
    if (here || node.callFrame.functionName === "(garbage collector)") counted.add(node.id);
    for (const c of node.children ?? []) {
      const child = byId.get(c);
      if (child) mark(child, here);
    }
  };
  if (profile.nodes[0]) mark(profile.nodes[0], false);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    if (counted.has(id)) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...selfUs.values()].reduce((a, x) => a + x, 0);

  const selfBy = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const key = label(root, node.callFrame);
    selfBy.set(key, (selfBy.get(key) ?? 0) + us);
  }

  // Inclusive time per function name, counted once per stack even when the function recurses.
  const inclusiveBy = new Map<string, number>();
  const rootNode = profile.nodes[0];
  const walk = (node: ProfileNode, onPath: Set<string>): number => {
    let t = selfUs.get(node.id) ?? 0;
    const name = node.callFrame.functionName;
    const fresh = !onPath.has(name);
    if (fresh) onPath.add(name);
    for (const c of node.children ?? []) {
      const child = byId.get(c);
      if (child) t += walk(child, onPath);
    }
    if (fresh) {
      onPath.delete(name);
      inclusiveBy.set(name, (inclusiveBy.get(name) ?? 0) + t);
    }
    return t;
  };
  if (rootNode) walk(rootNode, new Set());

  const entry = (fn: string, us: number): ProfileEntry => ({
    fn,
    ms: us / 1000,
    share: total ? us / total : 0,
  });
  return {
    sampledMs: total / 1000,
    self: [...selfBy.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, us]) => entry(fn, us)),
    inclusive: WATCH.filter((fn) => inclusiveBy.has(fn))
      .map((fn) => entry(fn, inclusiveBy.get(fn) ?? 0))
      .sort((a, b) => b.ms - a.ms),
  };
}

/** Profiles `runs` calls of `rankWorkbook` on the summary grid of `units` (after a warm-up). */
export async function profileEngine(
  units: readonly BenchUnit[],
  runs: number,
  root: string,
): Promise<ProfileSummary> {
  const grid = summaryGrid(units);
  const req = { sheets: [{ name: SHEET_NAME, grid }] };
  rankWorkbook(req);
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
    await session.post("Profiler.start");
    for (let k = 0; k < runs; k++) rankWorkbook(req);
    const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: CpuProfile };
    return { n: units.length, runs, ...summarise(profile, root) };
  } finally {
    session.disconnect();
  }
}
