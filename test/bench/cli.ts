/**
 * Section 5: the command line as a user runs it, whole processes:
 * - `emu rank <file> --json` end to end on real .xlsx files of 10,000 and 100,000 units, against
 *   the project's own reader alone on the same file (`dist/bench/read-only.js`, bundled here with
 *   the CLI's esbuild settings), run in turn, A B A B, so load on the machine hits both alike;
 * - start-up: `emu --help` against `node -e 0`, in turn as well.
 * Wall time is measured around the child; peak memory is that process's own maximum resident set
 * size, from GNU time (`/usr/bin/time -v`) when present, else from a preload (`node --require`)
 * that prints `process.resourceUsage().maxRSS` at exit in the very same process.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { writeGridsXlsx } from "../../src/cli/io";
import { SHEET_NAME, TITLE_MERGES, summaryGrid, type BenchUnit } from "./data";
import { median } from "./stats";

export interface CliResult {
  units: number;
  /** Median wall time of the runs. */
  ms: number;
  /** Largest peak RSS over the runs, MB (1024² bytes). */
  peakRssMb: number;
  runs: number;
  fileBytes: number;
  rssSource: "gnu-time" | "preload";
  /** The CLI was (re)built in this benchmark. */
  built: boolean;
}

/** `emu rank` against the reader alone, at one size. */
export interface CliScalingRow {
  units: number;
  /** Median wall ms of `emu rank <file> --json`. */
  ms: number;
  /** Median wall ms of the reader alone on the same file, as a whole process. */
  readMs: number;
  /** ms ÷ readMs. */
  ratioToRead: number;
  /** Largest peak RSS of `emu rank` over the runs, MB. */
  peakRssMb: number;
  /** Largest peak RSS of the reader alone, MB. */
  readPeakRssMb: number;
  runs: number;
  fileBytes: number;
}

export interface Startup {
  /** Median wall ms of `node dist/cli/emu.js --help`. */
  helpMs: number;
  /** Median wall ms of `node -e 0`. */
  nodeMs: number;
  /** helpMs ÷ nodeMs. */
  ratio: number;
  runs: number;
}

const GNU_TIME = "/usr/bin/time";
const RSS_MARK = "EMU_BENCH_MAXRSS_KB=";

function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** `npm run build:cli` when dist/cli/emu.js is missing or older than src/cli or src/core. */
export function ensureCli(root: string, log: (s: string) => void = () => undefined): boolean {
  const emu = join(root, "dist", "cli", "emu.js");
  const fresh =
    existsSync(emu) &&
    statSync(emu).mtimeMs >= Math.max(newest(join(root, "src", "cli")), newest(join(root, "src", "core")));
  if (fresh) return false;
  log("  dist/cli/emu.js is missing or stale: npm run build:cli …");
  const res = spawnSync("npm", ["run", "build:cli"], { cwd: root, stdio: ["ignore", 2, 2] });
  if (res.status !== 0) throw new Error("npm run build:cli failed");
  return true;
}

function gnuTimeWorks(): boolean {
  if (!existsSync(GNU_TIME)) return false;
  const r = spawnSync(GNU_TIME, ["-v", "true"], { encoding: "utf8" });
  return r.status === 0 && /Maximum resident set size/.test(r.stderr);
}

interface OneRun {
  ms: number;
  rssKb: number;
  stdout: string;
  code: number | null;
}

function runOnce(
  cmd: string,
  args: string[],
  cwd: string,
  rssFrom: (stderr: string) => number,
): Promise<OneRun> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - t;
      const stderr = Buffer.concat(err).toString("utf8");
      resolve({ ms, rssKb: rssFrom(stderr), stdout: Buffer.concat(out).toString("utf8"), code });
    });
  });
}

interface Timer {
  /** Runs `node <args>` once under the RSS probe. */
  run(args: string[]): Promise<OneRun>;
  rssSource: CliResult["rssSource"];
  dispose(): void;
}

function timer(root: string): Timer {
  if (gnuTimeWorks())
    return {
      run: (args) =>
        runOnce(GNU_TIME, ["-v", process.execPath, ...args], root, (e) =>
          Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(e)?.[1] ?? NaN),
        ),
      rssSource: "gnu-time",
      dispose: () => undefined,
    };
  const dir = mkdtempSync(join(tmpdir(), "emu-bench-rss-"));
  const preload = join(dir, "maxrss.cjs");
  writeFileSync(
    preload,
    `process.on("exit", () => process.stderr.write("\\n${RSS_MARK}" + process.resourceUsage().maxRSS + "\\n"));\n`,
  );
  return {
    run: (args) =>
      runOnce(process.execPath, ["--require", preload, ...args], root, (e) =>
        Number(new RegExp(`${RSS_MARK}(\\d+)`).exec(e)?.[1] ?? NaN),
      ),
    rssSource: "preload",
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Bundles the reader-alone command into dist/bench/read-only.js (beside node_modules' reach). */
export async function buildReadOnly(root: string): Promise<string> {
  const outfile = join(root, "dist", "bench", "read-only.js");
  await build({
    entryPoints: [join(root, "test", "bench", "read-only.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    legalComments: "none",
    logLevel: "warning",
  });
  return outfile;
}

/**
 * `emu rank <file> --json` and the reader alone on the same file, for each size in `sizes`
 * (the first `size` units), `runs` times each in turn after one warm-up of each.
 */
export async function measureCliScaling(
  root: string,
  all: readonly BenchUnit[],
  sizes: readonly number[],
  runs: number,
  log: (s: string) => void = () => undefined,
): Promise<{ rows: CliScalingRow[]; rssSource: CliResult["rssSource"]; built: boolean }> {
  const built = ensureCli(root, log);
  const reader = await buildReadOnly(root);
  const emu = join(root, "dist", "cli", "emu.js");
  const dir = mkdtempSync(join(tmpdir(), "emu-bench-"));
  const t = timer(root);
  try {
    const rows: CliScalingRow[] = [];
    for (const size of sizes) {
      const units = all.slice(0, size);
      const file = join(dir, `cum-thi-dua-${size}.xlsx`);
      await writeGridsXlsx(file, [{ name: SHEET_NAME, rows: summaryGrid(units), merges: TITLE_MERGES }]);
      const rank = async (): Promise<OneRun> => {
        const r = await t.run([emu, "rank", file, "--json"]);
        if (r.code !== 0) throw new Error(`emu rank exited with ${r.code}`);
        const report = JSON.parse(r.stdout) as { units: unknown[] };
        if (report.units.length !== size)
          throw new Error(`emu rank reported ${report.units.length} units, expected ${size}`);
        return r;
      };
      const read = async (): Promise<OneRun> => {
        const r = await t.run([reader, file]);
        if (r.code !== 0 || Number(r.stdout) < size) throw new Error(`the reader alone failed on ${file}`);
        return r;
      };
      await rank();
      await read();
      const ranks: OneRun[] = [];
      const reads: OneRun[] = [];
      for (let k = 0; k < runs; k++) {
        ranks.push(await rank());
        reads.push(await read());
        const a = ranks[k] as OneRun;
        const b = reads[k] as OneRun;
        log(
          `  ${size} units, run ${k + 1}: emu rank ${a.ms.toFixed(0)} ms (${(a.rssKb / 1024).toFixed(0)} MB), read alone ${b.ms.toFixed(0)} ms`,
        );
      }
      const ms = median(ranks.map((r) => r.ms));
      const readMs = median(reads.map((r) => r.ms));
      rows.push({
        units: size,
        ms,
        readMs,
        ratioToRead: ms / readMs,
        peakRssMb: Math.max(...ranks.map((r) => r.rssKb)) / 1024,
        readPeakRssMb: Math.max(...reads.map((r) => r.rssKb)) / 1024,
        runs,
        fileBytes: statSync(file).size,
      });
    }
    return { rows, rssSource: t.rssSource, built };
  } finally {
    t.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `emu --help` against `node -e 0`, `runs` times each in turn after one warm-up of each. */
export async function measureStartup(
  root: string,
  runs: number,
  log: (s: string) => void = () => undefined,
): Promise<Startup> {
  ensureCli(root, log);
  const emu = join(root, "dist", "cli", "emu.js");
  const help = (): Promise<OneRun> => runOnce(process.execPath, [emu, "--help"], root, () => NaN);
  const bare = (): Promise<OneRun> => runOnce(process.execPath, ["-e", "0"], root, () => NaN);
  const first = await help();
  if (first.code !== 0 || !/emu/.test(first.stdout)) throw new Error("emu --help failed");
  await bare();
  const h: number[] = [];
  const b: number[] = [];
  for (let k = 0; k < runs; k++) {
    h.push((await help()).ms);
    b.push((await bare()).ms);
  }
  const helpMs = median(h);
  const nodeMs = median(b);
  log(`  emu --help ${helpMs.toFixed(0)} ms, node -e 0 ${nodeMs.toFixed(0)} ms`);
  return { helpMs, nodeMs, ratio: helpMs / nodeMs, runs };
}
