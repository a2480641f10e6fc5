import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { cli } from "./cli/run-cli";

/**
 * The conference's golden fixtures: every folder under test/fixtures/conference is a whole
 * `emu tally --json` case, made by test/fixtures/make-fixtures.ts from conference-cases.ts, whose
 * expected results were worked out by hand (never written from EMU's output).
 */
const root = join(__dirname, "fixtures", "conference");
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, "input.xlsx")))
  .map((d) => d.name)
  .sort();

interface Report {
  sheet: string;
  ballots: unknown;
  threshold: unknown;
  awards: unknown;
  issues: { code: string; severity: string; cell: string | null; message: string }[];
}

describe("conference golden fixtures (emu tally)", () => {
  it("covers the cases the issue names", () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        "clear-vote",
        "tie-at-quota",
        "elected-for-both",
        "two-thirds-of-nine",
        "ballot-rows",
        "inconsistent-counts",
      ]),
    );
  });

  it.each(cases)("%s", async (name) => {
    const dir = join(root, name);
    const extra: string[] = JSON.parse(readFileSync(join(dir, "args.json"), "utf8"));
    const r = await cli(
      "tally",
      join("test", "fixtures", "conference", name, "input.xlsx"),
      "--json",
      ...extra,
    );
    const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"));
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout) as Report;
    expect(Object.keys(report)).toEqual(["sheet", "ballots", "threshold", "awards", "issues"]);
    expect({
      code: r.code,
      sheet: report.sheet,
      ballots: report.ballots,
      threshold: report.threshold,
      awards: report.awards,
      issues: report.issues.map((i) => `${i.code}@${i.cell}/${i.severity}`),
    }).toEqual(expected);
    // Every issue carries a message naming what to do, never empty.
    for (const i of report.issues) expect(i.message.length).toBeGreaterThan(20);
  });
});
