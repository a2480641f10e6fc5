/**
 * The benchmark: every section on the same generated data in one run, the JSON report, the goals
 * and the printed table. `bench.ts` is the command; this module is what the shape test imports.
 */
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { measureBundles, measureDist, type BundleSizes } from "./bundles";
import { measureCliScaling, measureStartup, type CliResult, type CliScalingRow, type Startup } from "./cli";
import { generateUnits } from "./data";
import { engineVsSort, phaseSplit, type EngineRow, type PhaseSplit } from "./engine";
import { customFunctionRows, measureFunctions, type CustomFunctionRow } from "./functions";
import { measurePaneRender, type PaneRender } from "./pane";
import {
  CLASS_FORMULA,
  RANK_FORMULA,
  hyperformulaVsEngine,
  type HyperFormulaResult,
  type HyperFormulaRow,
} from "./hyperformula";
import { profileEngine, type ProfileSummary } from "./profile";
import { round } from "./stats";
import { measureSyncs, type SyncRow } from "./syncs";

export interface BenchConfig {
  mode: "full" | "quick" | "tiny";
  engine: { n: number; runs: number }[];
  hyperformula: { steps: number[]; budgetMs: number; engineRuns: number };
  syncRows: number[];
  /** null: measure dist as it is, never build (the shape test). */
  bundles: { build: boolean; dist?: string };
  /** null: skip (the shape test: no child process). `cli` reports the first size. */
  cli: { sizes: number[]; runs: number } | null;
  /** null: skip (the shape test: no child process). */
  startup: { runs: number } | null;
  customFunctions: { n: number; runs: number };
  /** null: skip (the shape test: no browser). */
  paneRender: { runs: number } | null;
  phases: { n: number; runs: number };
  profile: { n: number; runs: number } | null;
  /**
   * Only these sections (`--only engine,cli`): engine (sizes, phases, profile), hyperformula,
   * syncs, bundles, cli (scaling and start-up), functions, pane. Absent: all of them. A skipped
   * section reports nothing measured (its goals "not run"); the README table wants a whole run.
   */
  only?: readonly string[];
}

/** The sections `--only` can name. */
export const SECTIONS = ["engine", "hyperformula", "syncs", "bundles", "cli", "functions", "pane"] as const;

/** The config with the sections `only` leaves out switched off. */
export function onlySections(config: BenchConfig, only: readonly string[]): BenchConfig {
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length)
    throw new Error(`--only: unknown section ${unknown.join(", ")} (${SECTIONS.join(", ")})`);
  const on = (s: (typeof SECTIONS)[number]): boolean => only.includes(s);
  return {
    ...config,
    only,
    engine: on("engine") ? config.engine : [],
    hyperformula: on("hyperformula") ? config.hyperformula : { ...config.hyperformula, steps: [] },
    syncRows: on("syncs") ? config.syncRows : [],
    cli: on("cli") ? config.cli : null,
    startup: on("cli") ? config.startup : null,
    paneRender: on("pane") ? config.paneRender : null,
    profile: on("engine") ? config.profile : null,
  };
}

export const CONFIGS: Record<"full" | "quick", BenchConfig> = {
  full: {
    mode: "full",
    engine: [
      { n: 1_000, runs: 15 },
      { n: 10_000, runs: 9 },
      { n: 100_000, runs: 5 },
    ],
    hyperformula: {
      steps: [1_000, 2_000, 3_000, 5_000, 10_000, 20_000, 50_000],
      budgetMs: 60_000,
      engineRuns: 5,
    },
    syncRows: [100, 10_000, 100_000],
    bundles: { build: true },
    cli: { sizes: [10_000, 100_000], runs: 3 },
    startup: { runs: 9 },
    customFunctions: { n: 10_000, runs: 3 },
    paneRender: { runs: 5 },
    phases: { n: 100_000, runs: 3 },
    profile: { n: 100_000, runs: 2 },
  },
  quick: {
    mode: "quick",
    engine: [
      { n: 1_000, runs: 3 },
      { n: 10_000, runs: 3 },
    ],
    hyperformula: { steps: [200, 500], budgetMs: 10_000, engineRuns: 3 },
    syncRows: [100, 1_000],
    bundles: { build: true },
    cli: { sizes: [2_000, 10_000], runs: 1 },
    startup: { runs: 3 },
    customFunctions: { n: 2_000, runs: 1 },
    paneRender: { runs: 2 },
    phases: { n: 10_000, runs: 1 },
    profile: { n: 10_000, runs: 1 },
  },
};

export interface Goal {
  goal: string;
  measured: string;
  met: boolean | null;
}

export interface BenchReport {
  meta: {
    mode: string;
    node: string;
    cpus: number;
    date: string;
    seconds: number;
    /** 1-minute load average at the start and the end: other work on the machine skews times. */
    loadavg: { start: number; end: number };
  };
  engine: EngineRow[];
  hyperformula: HyperFormulaRow[];
  hyperformulaInfo: {
    budgetMs: number;
    stoppedBecause: string;
    fit: { a: number; b: number } | null;
    /** HyperFormula's time at 10,000 units: measured, or extrapolated from the fit. */
    at10k: { ms: number; engineMs: number; ratio: number; extrapolated: boolean } | null;
    formulas: { rank: string; class: string };
  };
  syncs: SyncRow[];
  bundles: BundleSizes;
  cli: CliResult | null;
  /** `emu rank` against the reader alone on the same file, whole processes. */
  cliScaling: CliScalingRow[] | null;
  /** `emu --help` against `node -e 0`, whole processes. */
  startup: Startup | null;
  customFunctions: CustomFunctionRow[];
  /** The pane's first render in Chromium, from the preview. */
  paneRender: PaneRender | null;
  phases: PhaseSplit;
  profile: ProfileSummary | null;
  goals: Goal[];
}

const FIVE_MB = 5 * 1024 * 1024;

function at10k(
  engine: readonly EngineRow[],
  hf: HyperFormulaResult,
): BenchReport["hyperformulaInfo"]["at10k"] {
  const measured = hf.rows.find((r) => r.n === 10_000);
  if (measured)
    return { ms: measured.ms, engineMs: measured.engineMs, ratio: measured.ratio, extrapolated: false };
  const e = engine.find((r) => r.n === 10_000);
  const last = hf.rows[hf.rows.length - 1];
  if (!hf.fit || !e || !last) return null;
  // From the largest measured size, with the fitted exponent capped at 2: one COUNTIF per row
  // over the whole column is quadratic; a steeper fitted slope is load noise, not the formulas.
  const ms = last.ms * (10_000 / last.n) ** Math.min(hf.fit.b, 2);
  return { ms, engineMs: e.ms, ratio: ms / e.ms, extrapolated: true };
}

export function goals(r: Omit<BenchReport, "goals" | "meta">): Goal[] {
  const out: Goal[] = [];
  const e100k = r.engine.find((x) => x.n === 100_000);
  out.push({
    goal: "engine at 100,000 units within 1.5× the validating limit",
    measured: e100k
      ? `${round(e100k.ratioToLimit, 2)}× (${round(e100k.ms)} ms vs ${round(e100k.limitMs)} ms)`
      : "not run",
    met: e100k ? e100k.ratioToLimit <= 1.5 : null,
  });
  out.push({
    goal: "engine at 100,000 units within 3× the bare sort",
    measured: e100k
      ? `${round(e100k.ratioToSort)}× (${round(e100k.ms)} ms vs ${round(e100k.sortMs, 2)} ms)`
      : "not run",
    met: e100k ? e100k.ratioToSort <= 3 : null,
  });
  const a = r.hyperformulaInfo.at10k;
  const largest = r.hyperformula[r.hyperformula.length - 1];
  out.push({
    goal: "≥ 100× faster than the HyperFormula formulas at 10,000 units",
    measured: a
      ? `${round(a.ratio, 0)}×${a.extrapolated ? ` extrapolated (HF ≈ ${round(a.ms / 1000, 0)} s ~ n^${round(Math.min(r.hyperformulaInfo.fit?.b ?? 0, 2), 2)}); measured ${largest ? `${round(largest.ratio, 0)}× at n = ${largest.n}` : "nothing"}` : ""}`
      : "not run",
    met: a ? a.ratio >= 100 : null,
  });
  const compute = r.syncs.filter((s) => s.op === "Compute ranking");
  const twoSyncs = compute.every((s) => s.ok && (!s.fitsOneRequest || s.syncs === 2));
  out.push({
    goal: "Compute ranking in 2 syncs whenever the data fits one request",
    measured: compute
      .map(
        (s) =>
          `${s.rows} rows: ${s.syncs} syncs${s.fitsOneRequest ? "" : " (does not fit)"}${s.ok ? "" : " FAILED"}`,
      )
      .join("; "),
    met: compute.length ? twoSyncs : null,
  });
  const biggest = Math.max(0, ...r.syncs.map((s) => s.maxRequestBytes));
  out.push({
    goal: "never a request over 5 MB",
    measured: `largest ${round(biggest / 1024 / 1024, 2)} MB`,
    met: r.syncs.length ? biggest <= FIVE_MB && r.syncs.every((s) => s.ok) : null,
  });
  const sized = !r.bundles.skipped;
  out.push({
    goal: "≤ 40 KB gzip before functions and commands work",
    measured: sized ? `${round(r.bundles.runtimeGzipBytes / 1024)} KB` : "not run",
    met: sized ? r.bundles.runtimeGzipBytes <= 40 * 1024 : null,
  });
  out.push({
    goal: "≤ 150 KB gzip for the pane",
    measured: sized ? `${round(r.bundles.paneGzipBytes / 1024)} KB` : "not run",
    met: sized ? r.bundles.paneGzipBytes <= 150 * 1024 : null,
  });
  out.push({
    goal: "the pane's first render in Chromium measured (preview, 320 px)",
    measured: r.paneRender
      ? `${round(r.paneRender.paneMs, 0)} ms from loading the pane's code, ${round(r.paneRender.ms, 0)} ms from navigation`
      : "not run",
    met: r.paneRender ? true : null,
  });
  const c100k = r.cliScaling?.find((c) => c.units === 100_000);
  out.push({
    goal: "emu rank at 100,000 units within 2× its own read of the file",
    measured: c100k
      ? `${round(c100k.ratioToRead, 2)}× (${round(c100k.ms, 0)} ms vs ${round(c100k.readMs, 0)} ms)`
      : "not run",
    met: c100k ? c100k.ratioToRead <= 2 : null,
  });
  out.push({
    goal: "emu --help within 2.5× bare node",
    measured: r.startup
      ? `${round(r.startup.ratio, 2)}× (${round(r.startup.helpMs, 0)} ms vs ${round(r.startup.nodeMs, 0)} ms)`
      : "not run",
    met: r.startup ? r.startup.ratio <= 2.5 : null,
  });
  const filled = r.customFunctions.find((f) => f.form === "filled-down");
  out.push({
    goal: "EMU.RANKOF filled down over 10,000 cells ≤ 1 s of JavaScript",
    measured: filled ? `${round(filled.ms, 0)} ms at ${filled.cells} cells` : "not run",
    met: filled && filled.cells >= 10_000 ? filled.ms <= 1000 : null,
  });
  return out;
}

export async function runBench(
  config: BenchConfig,
  root: string,
  log: (s: string) => void = () => undefined,
): Promise<BenchReport> {
  const started = performance.now();
  const loadStart = loadavg()[0] ?? 0;
  const maxN = Math.max(
    ...config.engine.map((e) => e.n),
    ...config.syncRows,
    ...(config.cli?.sizes ?? [0]),
    config.customFunctions.n,
    config.phases.n,
    config.profile?.n ?? 0,
  );
  log(`generating ${maxN} units …`);
  const all = generateUnits(maxN);
  const first = (n: number) => all.slice(0, n);

  // One JIT warm-up for the whole run, so the first size measured is not the one that pays it.
  log("warming up the engine …");
  const warm = first(Math.min(10_000, maxN));
  for (let k = 0; k < 3; k++) engineVsSort(warm, 1);

  log("1. engine vs the bare sort");
  const engine: EngineRow[] = [];
  for (const { n, runs } of config.engine) {
    engine.push(engineVsSort(first(n), runs));
    const e = engine[engine.length - 1] as EngineRow;
    log(`  n=${n}: ${e.ms.toFixed(1)} ms, sort ${e.sortMs.toFixed(3)} ms, ${e.ratioToSort.toFixed(0)}×`);
  }
  const skip = (section: string): boolean => config.only !== undefined && !config.only.includes(section);
  log(`  phases at n=${config.phases.n}`);
  const phases = skip("engine")
    ? { n: config.phases.n, runs: 0, phases: [], totalMs: 0 }
    : phaseSplit(first(config.phases.n), config.phases.runs);
  let profile: ProfileSummary | null = null;
  if (config.profile) {
    log(`  CPU profile at n=${config.profile.n}`);
    profile = await profileEngine(first(config.profile.n), config.profile.runs, root);
  }

  log("2. engine vs the HyperFormula formulas");
  const hf = hyperformulaVsEngine(
    config.hyperformula.steps,
    config.hyperformula.budgetMs,
    config.hyperformula.engineRuns,
    log,
  );

  log("3. round trips through the Excel double");
  const syncs: SyncRow[] = [];
  for (const rows of config.syncRows) {
    syncs.push(...(await measureSyncs(first(rows))));
    log(`  ${rows} rows done`);
  }

  log("4. bundles");
  const bundles: BundleSizes = skip("bundles")
    ? {
        runtimeGzipBytes: 0,
        paneGzipBytes: 0,
        runtimeFiles: [],
        paneFiles: [],
        onDemandFiles: [],
        built: false,
        buildFailed: false,
        skipped: true,
      }
    : config.bundles.dist
      ? { ...measureDist(config.bundles.dist), built: false, buildFailed: false }
      : config.bundles.build
        ? measureBundles(root, log)
        : { ...measureDist(join(root, "dist")), built: false, buildFailed: false };

  let cli: CliResult | null = null;
  let cliScaling: CliScalingRow[] | null = null;
  if (config.cli) {
    log(`5. emu rank on ${config.cli.sizes.join(", ")} units, against the reader alone`);
    const scaled = await measureCliScaling(root, all, config.cli.sizes, config.cli.runs, log);
    cliScaling = scaled.rows;
    const c = scaled.rows[0];
    if (c)
      cli = {
        units: c.units,
        ms: c.ms,
        peakRssMb: c.peakRssMb,
        runs: c.runs,
        fileBytes: c.fileBytes,
        rssSource: scaled.rssSource,
        built: scaled.built,
      };
  }
  let startup: Startup | null = null;
  if (config.startup) {
    log("   start-up: emu --help against node -e 0");
    startup = await measureStartup(root, config.startup.runs, log);
  }

  log(`6. EMU.RANKOF filled down over ${config.customFunctions.n} cells, and as one array call`);
  const customFunctions = skip("functions")
    ? []
    : customFunctionRows(
        await measureFunctions(first(config.customFunctions.n), config.customFunctions.runs),
      );
  for (const f of customFunctions) log(`  ${f.form}: ${f.ms.toFixed(1)} ms`);

  let paneRender: PaneRender | null = null;
  if (config.paneRender) {
    log("7. the pane's first render in Chromium (the preview, 320 px)");
    paneRender = await measurePaneRender(root, config.paneRender.runs, log);
  }

  const body = {
    engine,
    hyperformula: hf.rows,
    hyperformulaInfo: {
      budgetMs: hf.budgetMs,
      stoppedBecause: hf.stoppedBecause,
      fit: hf.fit,
      at10k: at10k(engine, hf),
      formulas: { rank: RANK_FORMULA(2, 10_001), class: CLASS_FORMULA(2) },
    },
    syncs,
    bundles,
    cli,
    cliScaling,
    startup,
    customFunctions,
    paneRender,
    phases,
    profile,
  };
  return {
    meta: {
      mode: config.mode,
      node: process.version,
      cpus: cpus().length,
      date: new Date().toISOString(),
      seconds: (performance.now() - started) / 1000,
      loadavg: { start: loadStart, end: loadavg()[0] ?? 0 },
    },
    ...body,
    goals: goals(body),
  };
}

// ---------------------------------------------------------------------------------------------
// The printed table.

function table(head: string[], rows: (string | number)[][], right: boolean[] = []): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, c) => Math.max(...cells.map((r) => [...(r[c] ?? "")].length)));
  const pad = (s: string, c: number): string => {
    const w = (widths[c] ?? 0) - [...s].length;
    return right[c] ? " ".repeat(w) + s : s + " ".repeat(w);
  };
  const line = (r: string[]): string =>
    r
      .map((s, c) => pad(s, c))
      .join("  ")
      .trimEnd();
  return [line(head), widths.map((w) => "─".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

const fmt = (x: number, d = 1): string =>
  x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const kb = (b: number): string => `${fmt(b / 1024)} KB`;
const pct = (x: number): string => `${fmt(x * 100)} %`;

export function renderReport(r: BenchReport): string {
  const out: string[] = [];
  out.push(
    `EMU benchmark (${r.meta.mode}) — Node ${r.meta.node}, ${r.meta.cpus} CPUs, ${fmt(r.meta.seconds, 0)} s, load average ${fmt(r.meta.loadavg.start, 2)} → ${fmt(r.meta.loadavg.end, 2)}`,
  );
  out.push("");
  out.push(
    "1. Engine (rankWorkbook: detect + validate + rank + classify + awards) vs the validating limit and a Float64Array sort, medians",
  );
  out.push(
    '   limit = Float64Array sort of the scores + NFC of every name + Intl.Collator("vi") sort of the names + legacy-character scan + Map of accent-folded keys',
  );
  out.push(
    table(
      ["n", "runs", "engine ms", "limit ms", "engine ÷ limit", "sort ms", "engine ÷ sort", "engine µs/unit"],
      r.engine.map((e) => [
        fmt(e.n, 0),
        e.runs,
        fmt(e.ms),
        fmt(e.limitMs),
        `${fmt(e.ratioToLimit, 2)}×`,
        fmt(e.sortMs, 3),
        `${fmt(e.ratioToSort, 0)}×`,
        fmt((e.ms * 1000) / e.n, 2),
      ]),
      [true, true, true, true, true, true, true, true],
    ),
  );
  out.push("");
  out.push(
    `   Phases at n = ${fmt(r.phases.n, 0)} (median of ${r.phases.runs}, same core calls as rankWorkbook):`,
  );
  out.push(
    table(
      ["phase", "ms", "share"],
      r.phases.phases.map((p) => [p.phase, fmt(p.ms), pct(p.share)]),
      [false, true, true],
    ),
  );
  if (r.profile) {
    out.push("");
    out.push(
      `   CPU profile at n = ${fmt(r.profile.n, 0)} (${r.profile.runs} runs, ${fmt(r.profile.sampledMs, 0)} ms sampled), inclusive:`,
    );
    out.push(
      table(
        ["function", "ms", "share"],
        r.profile.inclusive.map((p) => [p.fn, fmt(p.ms, 0), pct(p.share)]),
        [false, true, true],
      ),
    );
    out.push("");
    out.push("   self time, top functions:");
    out.push(
      table(
        ["function", "ms", "share"],
        r.profile.self.map((p) => [p.fn, fmt(p.ms, 0), pct(p.share)]),
        [false, true, true],
      ),
    );
  }
  out.push("");
  out.push("2. Engine vs HyperFormula with the formulas staff write (build + evaluate + read)");
  out.push(`   rank:  ${r.hyperformulaInfo.formulas.rank}`);
  out.push(`   class: ${r.hyperformulaInfo.formulas.class}`);
  out.push(
    table(
      ["n", "HyperFormula ms", "engine ms", "HF ÷ engine", "same ranks & classes"],
      r.hyperformula.map((h) => [
        fmt(h.n, 0),
        fmt(h.ms, 0),
        fmt(h.engineMs),
        `${fmt(h.ratio, 0)}×`,
        h.agrees ? "yes" : "NO",
      ]),
      [true, true, true, true, false],
    ),
  );
  out.push(`   stopped: ${r.hyperformulaInfo.stoppedBecause}`);
  const a = r.hyperformulaInfo.at10k;
  if (a && a.extrapolated && r.hyperformulaInfo.fit)
    out.push(
      `   at 10,000 (extrapolated from n = ${r.hyperformula[r.hyperformula.length - 1]?.n} with n^${fmt(Math.min(r.hyperformulaInfo.fit.b, 2), 2)}; fitted slope ${fmt(r.hyperformulaInfo.fit.b, 2)}): HyperFormula ≈ ${fmt(a.ms / 1000, 0)} s vs engine ${fmt(a.engineMs)} ms → ≈ ${fmt(a.ratio, 0)}×`,
    );
  out.push("");
  out.push("3. Round trips through the Excel double (5 MB request cap)");
  out.push(
    table(
      [
        "operation",
        "rows",
        "syncs",
        "largest request",
        "total sent",
        "largest response",
        "total received",
        "ok",
      ],
      r.syncs.map((s) => [
        s.op,
        fmt(s.rows, 0),
        s.syncs,
        kb(s.maxRequestBytes),
        kb(s.totalBytes),
        kb(s.maxResponseBytes),
        kb(s.totalResponseBytes),
        s.ok ? "yes" : "NO",
      ]),
      [false, true, true, true, true, true, true, false],
    ),
  );
  out.push("");
  out.push(
    `4. Bundles, gzip -9${r.bundles.built ? " (built for this run)" : ""}${r.bundles.buildFailed ? " — BUILD FAILED, old dist measured" : ""}`,
  );
  out.push(
    table(
      ["file", "gzip", "loads"],
      [
        ...r.bundles.runtimeFiles.map((f) => [f.file, kb(f.gzipBytes), "with the page"]),
        ["= before functions and commands work", kb(r.bundles.runtimeGzipBytes), ""],
        ...r.bundles.paneFiles.map((f) => [f.file, kb(f.gzipBytes), "when the pane opens"]),
        ["= task pane UI", kb(r.bundles.paneGzipBytes), ""],
        ...r.bundles.onDemandFiles.map((f) => [f.file, kb(f.gzipBytes), f.loads]),
      ],
      [false, true, false],
    ),
  );
  out.push("");
  if (r.cliScaling) {
    out.push(
      `5. CLI, whole processes in turn: emu rank <file> --json vs the reader alone on the same file, medians of ${r.cliScaling[0]?.runs ?? 0}`,
    );
    out.push(
      table(
        ["units", ".xlsx", "emu rank ms", "read alone ms", "rank ÷ read", "peak RSS", "read peak RSS"],
        r.cliScaling.map((c) => [
          fmt(c.units, 0),
          kb(c.fileBytes),
          fmt(c.ms, 0),
          fmt(c.readMs, 0),
          `${fmt(c.ratioToRead, 2)}×`,
          `${fmt(c.peakRssMb)} MB`,
          `${fmt(c.readPeakRssMb)} MB`,
        ]),
        [true, true, true, true, true, true, true],
      ),
    );
  } else out.push("5. CLI: skipped");
  if (r.startup)
    out.push(
      `   start-up: emu --help ${fmt(r.startup.helpMs, 0)} ms vs node -e 0 ${fmt(r.startup.nodeMs, 0)} ms → ${fmt(r.startup.ratio, 2)}× (medians of ${r.startup.runs})`,
    );
  out.push("");
  out.push("6. EMU.RANKOF as Excel calls it (JavaScript time, median of runs)");
  out.push(
    table(
      ["function", "form", "cells", "ms"],
      r.customFunctions.map((f) => [f.fn, f.form, fmt(f.cells, 0), fmt(f.ms, 0)]),
      [false, false, true, true],
    ),
  );
  out.push("");
  out.push(
    r.paneRender
      ? `7. The pane's first render in Chromium (preview, ${r.paneRender.width} px, cold cache, median of ${r.paneRender.runs}): ${fmt(r.paneRender.paneMs, 0)} ms from loading the pane's code, ${fmt(r.paneRender.ms, 0)} ms from navigation`
      : "7. The pane's first render: skipped",
  );
  out.push("");
  out.push("Goals");
  out.push(
    table(
      ["goal", "measured", "met"],
      r.goals.map((g) => [g.goal, g.measured, g.met === null ? "n/a" : g.met ? "yes" : "NO"]),
    ),
  );
  return out.join("\n");
}
