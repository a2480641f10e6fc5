/**
 * The benchmark's pieces at tiny n: the report has the keys the contract names, with numbers in
 * them, and survives JSON. No timing is asserted (times are the benchmark's output, not a test).
 * No build and no child process here: bundles are measured on a made-up dist, the CLI is skipped.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unitKey } from "../../src/core";
import { measureDist, pageScripts } from "./bundles";
import { HEADER, generateUnits, summaryGrid } from "./data";
import { runBench, type BenchConfig } from "./run";
import { median, powerFit } from "./stats";

let dist: string;
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), "emu-bench-dist-"));
  writeFileSync(
    join(dist, "taskpane.html"),
    '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>' +
      '<script defer src=runtime.js?abc></script><script defer src="functions.js?abc"></script>',
  );
  writeFileSync(join(dist, "runtime.js"), "var a=1;".repeat(50));
  writeFileSync(join(dist, "functions.js"), "var b=2;".repeat(50));
  writeFileSync(join(dist, "pane.0123abcd.js"), "var c=3;".repeat(50));
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const TINY: Omit<BenchConfig, "bundles"> = {
  mode: "tiny",
  engine: [{ n: 200, runs: 1 }],
  hyperformula: { steps: [40, 80], budgetMs: 60_000, engineRuns: 1 },
  syncRows: [30],
  cli: null,
  startup: null,
  customFunctions: { n: 200, runs: 1 },
  paneRender: null,
  phases: { n: 200, runs: 1 },
  profile: { n: 200, runs: 1 },
};

const isNum = (x: unknown): boolean => typeof x === "number" && Number.isFinite(x);

describe("bench data", () => {
  it("is deterministic, unique under the engine's name matching, and tied", () => {
    const a = generateUnits(3000);
    expect(generateUnits(3000)).toEqual(a);
    expect(new Set(a.map((u) => unitKey(u.name))).size).toBe(3000);
    expect(a.every((u) => Number.isInteger(u.self) && u.self >= 0 && u.self <= 1000)).toBe(true);
    expect(a.every((u) => u.verified <= u.self && u.verified >= 0)).toBe(true);
    expect(new Set(a.map((u) => u.verified)).size).toBeLessThan(400); // many ties
    expect(summaryGrid(a.slice(0, 2))).toContainEqual([...HEADER]);
  });
});

describe("bench helpers", () => {
  it("reads the page's own scripts in order", () => {
    expect(
      pageScripts(
        '<script src=https://x/office.js></script><script defer src=runtime.js?1></script><script src="a.js"></script>',
      ),
    ).toEqual(["runtime.js", "a.js"]);
  });
  it("counts a chunk fetched on one click apart from the pane, and the pane's shared chunks in it", () => {
    const d = mkdtempSync(join(tmpdir(), "emu-bench-chunks-"));
    try {
      writeFileSync(
        join(d, "taskpane.html"),
        "<script defer src=runtime.js></script><script defer src=commands.js></script>",
      );
      const files = [
        "runtime.js",
        "commands.js",
        "pane.0123abcd.js",
        "pane-vendors.0123abcd.js",
        "155.0123abcd.js", // what the pane and a ribbon click share: loaded with the pane
        "ribbon-commands.0123abcd.js",
        "conference-command.0123abcd.js",
        "forms-command.0123abcd.js",
        "docx.0123abcd.js",
        "xlsx-reader.0123abcd.js",
      ];
      for (const f of files) writeFileSync(join(d, f), `var x=${JSON.stringify(f)};`);
      const m = measureDist(d);
      expect(m.runtimeFiles.map((f) => f.file)).toEqual(["runtime.js", "commands.js"]);
      expect(m.paneFiles.map((f) => f.file)).toEqual([
        "155.0123abcd.js",
        "pane-vendors.0123abcd.js",
        "pane.0123abcd.js",
      ]);
      expect(m.onDemandFiles.map((f) => f.file)).toEqual([
        "conference-command.0123abcd.js",
        "docx.0123abcd.js",
        "forms-command.0123abcd.js",
        "ribbon-commands.0123abcd.js",
        "xlsx-reader.0123abcd.js",
      ]);
      expect(
        m.onDemandFiles.every((f) => f.loads.startsWith("on the first") || f.loads.startsWith("when")),
      ).toBe(true);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
  it("with the build's chunk report: the pane is its first render's group, later groups add what they add", () => {
    const d = mkdtempSync(join(tmpdir(), "emu-bench-groups-"));
    try {
      writeFileSync(
        join(d, "taskpane.html"),
        "<script defer src=runtime.js></script><script defer src=functions.js></script>",
      );
      const sizes: Record<string, number> = {
        "runtime.js": 10,
        "functions.js": 20,
        "pane-vendors.1.js": 400,
        "pane.1.js": 100,
        "3.1.js": 50, // the sheet reader: the pane's first render and a ribbon click share it
        "step-rules.1.js": 60,
        "372.1.js": 30, // shared by two steps
        "ribbon-commands.1.js": 70,
      };
      // Incompressible content of a known size, so each file's gzip size is ordered as its length.
      let seed = 1;
      const noise = (n: number) =>
        Array.from({ length: n * 20 }, () => ((seed = (seed * 48271) % 2147483647) % 36).toString(36)).join(
          "",
        );
      for (const [f, n] of Object.entries(sizes)) writeFileSync(join(d, f), `var x="${noise(n)}";`);
      writeFileSync(
        join(d, "bundle-groups.json"),
        JSON.stringify({
          initial: ["runtime.js", "functions.js"],
          groups: {
            functions: ["runtime.js", "functions.js"],
            pane: ["pane-vendors.1.js", "3.1.js", "pane.1.js"],
            "step-rules": ["372.1.js", "step-rules.1.js"],
            "ribbon-commands": ["3.1.js", "ribbon-commands.1.js"],
          },
        }),
      );
      const m = measureDist(d);
      expect(m.paneFiles.map((f) => f.file)).toEqual(["pane-vendors.1.js", "3.1.js", "pane.1.js"]);
      expect(m.paneGzipBytes).toBe(m.paneFiles.reduce((a, f) => a + f.gzipBytes, 0));
      const rules = m.onDemandFiles.find((f) => f.file.startsWith("step-rules:"));
      const ribbon = m.onDemandFiles.find((f) => f.file.startsWith("ribbon-commands:"));
      expect(rules?.file).toBe("step-rules: 372.1.js + step-rules.1.js");
      expect(rules?.loads).toMatch(/step 2/);
      // A ribbon click needs no pane: the chunk it shares with the pane counts for it.
      expect(ribbon?.file).toBe("ribbon-commands: 3.1.js + ribbon-commands.1.js");
      expect(m.onDemandFiles.some((f) => f.file.startsWith("pane:"))).toBe(false);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
  it("takes medians and power fits", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const fit = powerFit([
      { n: 10, ms: 100 },
      { n: 100, ms: 10_000 },
    ]);
    expect(fit?.b).toBeCloseTo(2);
  });
});

describe("bench report at tiny n", () => {
  it("has the contract's keys", async () => {
    const report = await runBench({ ...TINY, bundles: { build: false, dist } }, process.cwd());
    const json = JSON.parse(JSON.stringify(report)) as typeof report;

    expect(json.engine).toHaveLength(1);
    for (const e of json.engine)
      for (const k of ["n", "ms", "sortMs", "ratioToSort", "limitMs", "ratioToLimit"] as const)
        expect(isNum(e[k])).toBe(true);

    expect(json.hyperformula.length).toBeGreaterThanOrEqual(1);
    for (const h of json.hyperformula) {
      for (const k of ["n", "ms", "engineMs", "ratio"] as const) expect(isNum(h[k])).toBe(true);
      expect(h.agrees).toBe(true);
    }

    expect(json.syncs.map((s) => s.op)).toEqual(["Compute ranking", "Generate notice"]);
    for (const s of json.syncs) {
      for (const k of ["rows", "syncs", "maxRequestBytes", "totalBytes"] as const)
        expect(isNum(s[k])).toBe(true);
      expect(s.ok).toBe(true);
    }

    expect(json.bundles.runtimeFiles.map((f) => f.file)).toEqual(["runtime.js", "functions.js"]);
    expect(json.bundles.paneFiles.map((f) => f.file)).toEqual(["pane.0123abcd.js"]);
    expect(isNum(json.bundles.runtimeGzipBytes) && isNum(json.bundles.paneGzipBytes)).toBe(true);

    expect(json.cli).toBeNull(); // skipped here; the benchmark fills { units, ms, peakRssMb }
    expect(json.cliScaling).toBeNull(); // { units, ms, readMs, ratioToRead, peakRssMb } per size
    expect(json.startup).toBeNull(); // { helpMs, nodeMs }
    expect(json.customFunctions.map((f) => [f.fn, f.form, f.cells])).toEqual([
      ["RANKOF", "filled-down", 200],
      ["RANKOF", "array", 200],
    ]);
    for (const f of json.customFunctions) expect(isNum(f.ms)).toBe(true);
    expect(json.phases.phases.map((p) => p.phase)).toEqual([
      "rules",
      "detect",
      "validate",
      "rank+classify",
      "awards",
      "issues",
    ]);
    expect(json.paneRender).toBeNull(); // { ms, paneMs } from Chromium in the benchmark
    expect(json.goals.map((g) => g.goal)).toHaveLength(11);
  }, 60_000);
});
