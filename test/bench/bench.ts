/**
 * `npm run bench [-- --quick] [--json] [--hf-budget=<seconds>] [--only=engine,cli]`
 *
 * Prints the benchmark's table, or with --json exactly one JSON object on stdout (the table then
 * goes to stderr with the progress). npm prints its "> emu-thi-dua bench" banner on stdout, so
 * pipe the JSON from `npm run -s bench -- --json` (or `npx tsx test/bench/bench.ts --json`).
 * A benchmark, not a test: nothing here asserts a time.
 */
import { resolve } from "node:path";
import { CONFIGS, onlySections, renderReport, runBench } from "./run";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  let config = structuredClone(CONFIGS[args.includes("--quick") ? "quick" : "full"]);
  // --only=engine,cli (or --only engine,cli): just those sections, for a quick before/after.
  const onlyAt = args.findIndex((a) => a === "--only" || a.startsWith("--only="));
  const onlyArg = onlyAt < 0 ? undefined : (args[onlyAt]?.split("=")[1] ?? args[onlyAt + 1]);
  if (onlyArg !== undefined) config = onlySections(config, onlyArg.split(",").filter(Boolean));
  const budget = args.find((a) => a.startsWith("--hf-budget="));
  if (budget) config.hyperformula.budgetMs = Number(budget.split("=")[1]) * 1000;
  const root = resolve(__dirname, "..", "..");
  const report = await runBench(config, root, (s) => process.stderr.write(`${s}\n`));
  if (json) {
    // The table too, on stderr: one run gives both.
    process.stderr.write(`\n${renderReport(report)}\n`);
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else process.stdout.write(`${renderReport(report)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
