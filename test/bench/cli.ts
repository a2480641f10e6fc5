/**
 * Section 5: `emu rank <file> --json` end to end on a real .xlsx, as a user runs it: a separate
 * `node dist/cli/emu.js` process. Wall time is measured around the child; peak memory is that
 * process's own maximum resident set size, from GNU time (`/usr/bin/time -v`) when present, else
 * from a preload (`node --require`) that prints `process.resourceUsage().maxRSS` at exit in the
 * very same process.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

export async function measureCli(
  root: string,
  units: readonly BenchUnit[],
  runs: number,
  log: (s: string) => void = () => undefined,
): Promise<CliResult> {
  const built = ensureCli(root, log);
  const dir = mkdtempSync(join(tmpdir(), "emu-bench-"));
  try {
    const file = join(dir, `cum-thi-dua-${units.length}.xlsx`);
    await writeGridsXlsx(file, [{ name: SHEET_NAME, rows: summaryGrid(units), merges: TITLE_MERGES }]);
    const emu = join(root, "dist", "cli", "emu.js");
    const cliArgs = [emu, "rank", file, "--json"];
    let cmd: string;
    let args: string[];
    let rssFrom: (stderr: string) => number;
    let rssSource: CliResult["rssSource"];
    if (gnuTimeWorks()) {
      cmd = GNU_TIME;
      args = ["-v", process.execPath, ...cliArgs];
      rssFrom = (e) => Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(e)?.[1] ?? NaN);
      rssSource = "gnu-time";
    } else {
      const preload = join(dir, "maxrss.cjs");
      writeFileSync(
        preload,
        `process.on("exit", () => process.stderr.write("\\n${RSS_MARK}" + process.resourceUsage().maxRSS + "\\n"));\n`,
      );
      cmd = process.execPath;
      args = ["--require", preload, ...cliArgs];
      rssFrom = (e) => Number(new RegExp(`${RSS_MARK}(\\d+)`).exec(e)?.[1] ?? NaN);
      rssSource = "preload";
    }
    const samples: OneRun[] = [];
    for (let k = 0; k < runs; k++) {
      const r = await runOnce(cmd, args, root, rssFrom);
      if (r.code !== 0) throw new Error(`emu rank exited with ${r.code}`);
      const report = JSON.parse(r.stdout) as { units: unknown[] };
      if (report.units.length !== units.length)
        throw new Error(`emu rank reported ${report.units.length} units, expected ${units.length}`);
      samples.push(r);
      log(`  emu rank run ${k + 1}: ${r.ms.toFixed(0)} ms, ${(r.rssKb / 1024).toFixed(0)} MB`);
    }
    return {
      units: units.length,
      ms: median(samples.map((s) => s.ms)),
      peakRssMb: Math.max(...samples.map((s) => s.rssKb)) / 1024,
      runs,
      fileBytes: statSync(file).size,
      rssSource,
      built,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
