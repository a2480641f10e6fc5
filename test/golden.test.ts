import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli } from "./cli/run-cli";

/**
 * Golden fixtures: every folder under test/fixtures with an input.xlsx is a whole-pipeline case
 * (`emu rank --json` on it). A new case is a new folder. `UPDATE_GOLDEN=1` (re)writes the
 * expected.json files, to be reviewed like code.
 */
const root = join(__dirname, "fixtures");
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, "input.xlsx")))
  .map((d) => d.name)
  .sort();

describe("golden fixtures", () => {
  it("has cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases)("%s", async (name) => {
    const dir = join(root, name);
    const argsFile = join(dir, "args.json");
    const extra: string[] = existsSync(argsFile) ? JSON.parse(readFileSync(argsFile, "utf8")) : [];
    // Paths are relative so expected messages don't depend on where the repository sits.
    const input = join("test", "fixtures", name, "input.xlsx");
    const r = await cli("rank", input, "--json", ...extra);
    const actual =
      r.code === 2 ? { code: r.code, stderr: r.stderr } : { code: r.code, report: JSON.parse(r.stdout) };
    const expectedFile = join(dir, "expected.json");
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(expectedFile)) {
      writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + "\n");
    }
    expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, "utf8")));
  });
});
