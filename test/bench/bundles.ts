/**
 * Section 4: gzip sizes (zlib level 9, as webpack.config.js's BundleSizePlugin measures) of what
 * the shared-runtime page loads before custom functions and ribbon commands work, and of the task
 * pane's lazily loaded UI. "Before" is read from dist/taskpane.html itself: every script it
 * loads from dist (office.js comes from Microsoft and is not ours). Everything else in dist
 * that is JavaScript is the pane (its async chunks: pane.*.js, pane-vendors.*.js), except the
 * chunks fetched on one action only (ON_DEMAND), listed apart.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleSizes {
  runtimeGzipBytes: number;
  paneGzipBytes: number;
  /** In load order, as taskpane.html lists them. */
  runtimeFiles: { file: string; gzipBytes: number }[];
  paneFiles: { file: string; gzipBytes: number }[];
  /** Chunks fetched only on a particular action (a ribbon click, a file pick), not counted in the pane. */
  onDemandFiles: { file: string; gzipBytes: number; loads: string }[];
  /** True when a build ran in this benchmark (dist was missing, stale or not a production build). */
  built: boolean;
  /** A build was needed but failed: the sizes are those of the old dist. */
  buildFailed: boolean;
  /** Not measured in this run (`--only` without bundles): the sizes are zeros. */
  skipped?: boolean;
}

const gz = (path: string): number => gzipSync(readFileSync(path), { level: 9 }).length;

/** The newest modification time under `dir` (files only), 0 when absent. */
function newest(dir: string, skip: (p: string) => boolean = () => false): number {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (skip(p)) continue;
    t = Math.max(t, entry.isDirectory() ? newest(p, skip) : statSync(p).mtimeMs);
  }
  return t;
}

/** Scripts the page loads from dist, in order (query strings dropped). */
export function pageScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)) {
    const src = (m[1] ?? "").split("?")[0] ?? "";
    if (!/^(https?:)?\/\//.test(src)) out.push(src);
  }
  return out;
}

/** A production build names its async chunks with a content hash (pane.1a2b3c4d.js). */
function isProductionBuild(dist: string): boolean {
  return readdirSync(dist).some((f) => /^pane\.[0-9a-f]{8}\.js$/.test(f));
}

/** dist is fresh when it is a production build newer than every source that goes into it. */
export function distIsFresh(root: string): boolean {
  const dist = join(root, "dist");
  const html = join(dist, "taskpane.html");
  if (!existsSync(html) || !isProductionBuild(dist)) return false;
  const scripts = pageScripts(readFileSync(html, "utf8")).map((f) => join(dist, f));
  if (scripts.length === 0 || !scripts.every((f) => existsSync(f))) return false;
  const built = Math.min(...scripts.map((f) => statSync(f).mtimeMs));
  const sources = Math.max(
    newest(join(root, "src"), (p) => p.startsWith(join(root, "src", "cli"))),
    ...["webpack.config.js", "package-lock.json", "manifest.xml"].map((f) =>
      existsSync(join(root, f)) ? statSync(join(root, f)).mtimeMs : 0,
    ),
  );
  return built >= sources;
}

/** Async chunks named in webpackChunkName comments that load on one action only, and when. */
const ON_DEMAND: Readonly<Record<string, string>> = {
  "forms-command": "on the first Make forms click",
  "xlsx-reader": "when forms are picked to consolidate",
  "ribbon-commands": "on the first Validate / Compute ranking / Generate notice click",
  "conference-command": "on the first Bình xét click",
  "pledge-command": "on the first Giao ước click",
  docx: "on the first Word download",
};

/** Sizes of a built dist directory. */
export function measureDist(dist: string): Omit<BundleSizes, "built" | "buildFailed"> {
  const initial = pageScripts(readFileSync(join(dist, "taskpane.html"), "utf8"));
  const runtimeFiles = initial.map((file) => ({ file, gzipBytes: gz(join(dist, file)) }));
  const pane = readdirSync(dist)
    .filter((f) => f.endsWith(".js") && !initial.includes(f))
    // office.js copied by the offline build is Microsoft's, not part of the pane.
    .filter((f) => !/^(office|o15apptofilemappingtable)\.js$/.test(f))
    .sort();
  const onDemand = (f: string): string | undefined =>
    Object.entries(ON_DEMAND).find(([prefix]) => f.startsWith(`${prefix}.`))?.[1];
  const paneFiles = pane
    .filter((f) => !onDemand(f))
    .map((file) => ({ file, gzipBytes: gz(join(dist, file)) }));
  const onDemandFiles = pane
    .filter((f) => onDemand(f))
    .map((file) => ({ file, gzipBytes: gz(join(dist, file)), loads: onDemand(file) ?? "" }));
  const sum = (xs: { gzipBytes: number }[]): number => xs.reduce((a, x) => a + x.gzipBytes, 0);
  return {
    runtimeGzipBytes: sum(runtimeFiles),
    paneGzipBytes: sum(paneFiles),
    runtimeFiles,
    paneFiles,
    onDemandFiles,
  };
}

/** Builds when needed (`npm run build`, output to stderr), then measures dist. */
export function measureBundles(root: string, log: (s: string) => void = () => undefined): BundleSizes {
  let built = false;
  let buildFailed = false;
  if (!distIsFresh(root)) {
    log("  dist/ is missing, stale or not a production build: npm run build …");
    const res = spawnSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", 2, 2] });
    built = true;
    buildFailed = res.status !== 0;
    if (buildFailed) log("  the build failed: measuring the dist/ that is there");
  }
  return { ...measureDist(join(root, "dist")), built, buildFailed };
}
