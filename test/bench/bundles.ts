/**
 * Section 4: gzip sizes (zlib level 9, as webpack.config.js's BundleSizePlugin measures) of what
 * the shared-runtime page loads before custom functions and ribbon commands work, and of what the
 * task pane fetches for its first render. "Before" is read from dist/taskpane.html itself: every
 * script it loads from dist (office.js comes from Microsoft and is not ours). The pane is the
 * build's "pane" chunk group (dist/bundle-groups.json): the shell, step 1, their libraries and
 * the chunks they share with the ribbon. The chunks fetched later (a step first opened, an action,
 * a ribbon click) are listed apart, each with what it adds and when.
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

/** When each named chunk group of the pane's own loads, beside the ribbon's (ON_DEMAND). */
const GROUP_LOADS: Readonly<Record<string, string>> = {
  ...ON_DEMAND,
  "step-rules": "when step 2 (Quy tắc) is first opened",

  "step-results": "when step 4 (Kết quả) is first opened",
  "step-notice": "when step 5 (Thông báo) is first opened",
  "step-forms": "when step 6 (Phiếu chấm) is first opened",
  "step-conference": "when step 7 (Bình xét) is first opened",
  "ask-dialog": "right after the pane's first render, in the background (the question dialog)",
  "theme-dark": "with the pane, under a dark Office theme",
  "rules-schema": "when rules must be explained (Rules step, an action, invalid rules)",
  "pane-operations": "on the pane's first check, ranking, notice or save",
  "pane-forms": "on the pane's first forms action",
  "pane-year": "when step 6's year panel first reads the workbook",
  "pane-conference": "on the pane's first Bình xét action",
  "pane-template": "on the first Create a sample score table click",
  "ui-text-en": "with the pane, under an English Office (its strings; Vietnamese come with the pane)",
};

/**
 * Sizes from the build's own chunk report (dist/bundle-groups.json, written by webpack.config.js):
 * the pane is exactly what its first render fetches, the "pane" chunk group (the shell, step 1,
 * their libraries and the chunks they share with the ribbon); every other group is listed with
 * what it adds on top of the first load and the pane (a ribbon click's: of the first load alone),
 * and when it is fetched.
 */
function measureGroups(
  dist: string,
  report: { initial: string[]; groups: Record<string, string[]> },
): Omit<BundleSizes, "built" | "buildFailed"> {
  const initial = pageScripts(readFileSync(join(dist, "taskpane.html"), "utf8"));
  const runtimeFiles = initial.map((file) => ({ file, gzipBytes: gz(join(dist, file)) }));
  const pane = (report.groups.pane ?? []).filter((f) => !initial.includes(f));
  const paneFiles = pane.map((file) => ({ file, gzipBytes: gz(join(dist, file)) }));
  const entries = new Set(["functions", "commands", "taskpane", "pane"]);
  const onDemandFiles = Object.entries(report.groups)
    .filter(([g]) => !entries.has(g))
    .map(([g, files]) => {
      // A ribbon click needs no pane: its chunks count on top of the first load alone.
      const ribbon = /-commands?$/.test(g);
      const extra = files.filter((f) => !initial.includes(f) && (ribbon || !pane.includes(f)));
      return {
        file: `${g}: ${extra.join(" + ")}`,
        gzipBytes: extra.reduce((a, f) => a + gz(join(dist, f)), 0),
        loads: GROUP_LOADS[g] ?? `when ${g} is first needed`,
      };
    });
  const sum = (xs: { gzipBytes: number }[]): number => xs.reduce((a, x) => a + x.gzipBytes, 0);
  return {
    runtimeGzipBytes: sum(runtimeFiles),
    paneGzipBytes: sum(paneFiles),
    runtimeFiles,
    paneFiles,
    onDemandFiles,
  };
}

/** Sizes of a built dist directory. */
export function measureDist(dist: string): Omit<BundleSizes, "built" | "buildFailed"> {
  const groupsFile = join(dist, "bundle-groups.json");
  if (existsSync(groupsFile)) {
    return measureGroups(
      dist,
      JSON.parse(readFileSync(groupsFile, "utf8")) as {
        initial: string[];
        groups: Record<string, string[]>;
      },
    );
  }
  // A dist without the report (an older build): every other script is the pane's, but for the
  // chunks named in ON_DEMAND.
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
