/**
 * The README's "Performance" table from one benchmark run:
 *   npm run -s bench -- --json > bench.json && npx tsx test/bench/readme.ts bench.json
 * prints the Markdown table to paste over the README's (every figure from that one run).
 */
import { readFileSync } from "node:fs";
import type { BenchReport } from "./run";

const r = JSON.parse(readFileSync(process.argv[2] ?? 0, "utf8")) as BenchReport;
const n = (x: number, d = 0): string =>
  x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const kb = (b: number): string => `${n(b / 1024, 1)} KB`;
const verdict = (met: boolean): string => (met ? "met" : "**missed**");
const rows: [string, string, string][] = [];

const e = (size: number) => r.engine.find((x) => x.n === size);
const e100k = e(100_000);
rows.push([
  "engine (detect + validate + rank + classify + awards), 1,000 / 10,000 / 100,000 units",
  r.engine.map((x) => `${n(x.ms, x.ms < 100 ? 1 : 0)}`).join(" / ") + " ms",
  "—",
]);
if (e100k)
  rows.push([
    '… ÷ the validating limit at 100,000 (Float64Array sort + NFC + `Intl.Collator("vi")` sort of the names + legacy scan + `Map` of folded keys, same run)',
    `**${n(e100k.ratioToLimit, 2)}×** (limit ${n(e100k.limitMs)} ms)`,
    `≤ 1.5× — ${verdict(e100k.ratioToLimit <= 1.5)}`,
  ]);
if (e100k)
  rows.push([
    "… ÷ a bare `Float64Array` sort of the scores, at 100,000 (kept for comparison)",
    `${n(e100k.ratioToSort)}× (sort ${n(e100k.sortMs, 1)} ms)`,
    "— (no validating ranker reaches it)",
  ]);
const a = r.hyperformulaInfo.at10k;
const measured = r.hyperformula.map((h) => `${n(h.ratio)}× at ${n(h.n)}`).join(", ");
if (a)
  rows.push([
    "HyperFormula with the formulas staff write (`COUNTIF`-based `RANK.EQ` + `COUNTIFS` tie-break, `IFS` class) ÷ engine",
    `${measured} (measured)${a.extrapolated ? `, ≈ ${n(a.ratio)}× at 10,000 (extrapolated)` : ""}`,
    `≥ 100× at 10,000 — ${verdict(a.ratio >= 100)}`,
  ]);
const ops = (op: string) => r.syncs.filter((s) => s.op === op);
const compute = ops("Compute ranking");
rows.push([
  `Compute ranking round trips, ${compute.map((s) => n(s.rows)).join(" / ")} rows`,
  `${compute.map((s) => s.syncs).join(" / ")} syncs; largest request ${n(Math.max(...r.syncs.map((s) => s.maxRequestBytes)) / 1024 / 1024, 2)} MB`,
  `2 when it fits, never > 5 MB — ${verdict(compute.every((s) => s.ok && (!s.fitsOneRequest || s.syncs === 2)))}`,
]);
const notice = ops("Generate notice");
rows.push([
  `Generate notice round trips, ${notice.map((s) => n(s.rows)).join(" / ")} rows`,
  `${notice.map((s) => s.syncs).join(" / ")} syncs`,
  "—",
]);
rows.push([
  "code loaded before functions and commands work (gzip)",
  kb(r.bundles.runtimeGzipBytes),
  `≤ 40 KB — ${verdict(r.bundles.runtimeGzipBytes <= 40 * 1024)}`,
]);
rows.push([
  "task pane (gzip, fetched when the pane opens, the rules schema's messages included)",
  kb(r.bundles.paneGzipBytes),
  `≤ 150 KB — ${verdict(r.bundles.paneGzipBytes <= 150 * 1024)}`,
]);
if (r.bundles.onDemandFiles.length)
  rows.push([
    `fetched on one action only: ${r.bundles.onDemandFiles.map((f) => f.loads).join(" / ")}`,
    r.bundles.onDemandFiles.map((f) => kb(f.gzipBytes)).join(" / "),
    "—",
  ]);
if (r.paneRender)
  rows.push([
    "the pane's first render in Chromium (preview, 320 px, cold cache): from loading its code / from navigation",
    `${n(r.paneRender.paneMs)} ms / ${n(r.paneRender.ms)} ms`,
    "measured — met",
  ]);
for (const c of r.cliScaling ?? [])
  rows.push([
    `\`emu rank --json\` on ${n(c.units)} units ÷ the reader alone on the same file (whole processes)`,
    `${n(c.ratioToRead, 2)}× (${n(c.ms)} vs ${n(c.readMs)} ms), peak RSS ${n(c.peakRssMb)} MB`,
    c.units === 100_000 ? `≤ 2× — ${verdict(c.ratioToRead <= 2)}` : "—",
  ]);
if (r.startup)
  rows.push([
    "`emu --help` ÷ `node -e 0` (whole processes)",
    `${n(r.startup.ratio, 2)}× (${n(r.startup.helpMs)} vs ${n(r.startup.nodeMs)} ms)`,
    `≤ 2.5× — ${verdict(r.startup.ratio <= 2.5)}`,
  ]);
for (const f of r.customFunctions)
  rows.push([
    `\`EMU.RANKOF\` ${f.form === "array" ? "as one array call with a tie-break" : "filled down (one call per cell)"}, ${n(f.cells)} cells, JavaScript time`,
    `${n(f.ms)} ms`,
    f.form === "filled-down" ? `≤ 1 s — ${verdict(f.ms <= 1000)}` : "—",
  ]);

process.stdout.write(
  [
    `Figures from one run (${r.meta.date.slice(0, 16).replace("T", " ")} UTC, Node ${r.meta.node}, ${r.meta.cpus} CPUs, load average ${n(r.meta.loadavg.start, 1)} → ${n(r.meta.loadavg.end, 1)}):`,
    "",
    "| measure | figure | goal |",
    "|---|---|---|",
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n") + "\n",
);
