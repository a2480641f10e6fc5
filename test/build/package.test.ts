// `npm run package`: the offline check of a built dist/ and the zip, on a dist made the way the
// build makes it (the manifest rewritten by webpack.config.js, the metadata from the catalog),
// without running webpack here.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { functionsJsonFiles } from "../../src/dev/functions-json";
import { distProblems, normaliseOrigin, zipDist } from "../../src/dev/package";

const ROOT = join(__dirname, "..", "..");
const { rewriteManifest } = createRequire(__filename)(join(ROOT, "webpack.config.js")) as {
  rewriteManifest: (xml: string, origin: string) => string;
};
const ORIGIN = "https://host.example/emu";
let dist: string;

function makeDist(origin: string): void {
  writeFileSync(
    join(dist, "manifest.xml"),
    rewriteManifest(readFileSync(join(ROOT, "manifest.xml"), "utf8"), origin),
  );
  for (const [file, text] of Object.entries(functionsJsonFiles())) writeFileSync(join(dist, file), text);
  for (const f of ["taskpane.html", "functions.js", "commands.js"])
    writeFileSync(join(dist, f), `/* ${f} */`);
  // Every other file the manifest names (icons, help page) exists in a real build: copy them.
  const xml = readFileSync(join(dist, "manifest.xml"), "utf8");
  for (const m of xml.matchAll(new RegExp(`${origin}/(assets/[^"?#]+)`, "g"))) {
    const rel = m[1]!;
    mkdirSync(join(dist, "assets"), { recursive: true });
    writeFileSync(join(dist, rel), readFileSync(join(ROOT, rel)));
  }
}

beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), "emu-package-"));
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

it("takes an https origin with a path, trailing slash or not", () => {
  expect(normaliseOrigin("https://host.example/emu/")).toBe(ORIGIN);
  expect(() => normaliseOrigin("http://host.example/emu/")).toThrow(/https/);
  expect(() => normaliseOrigin(undefined)).toThrow(/--origin is required/);
});

it("finds a dist built for the origin ready, and zips it for any static server", () => {
  makeDist(ORIGIN);
  expect(distProblems(dist, ORIGIN)).toEqual([]);
  const files = unzipSync(zipDist(dist));
  expect(Object.keys(files)).toEqual(
    expect.arrayContaining(["manifest.xml", "taskpane.html", "functions.json"]),
  );
  const manifest = new TextDecoder().decode(files["manifest.xml"]);
  expect(manifest).toContain(`${ORIGIN}/taskpane.html`);
  expect(manifest).not.toContain("localhost");
  expect(manifest).toContain("<AppDomain>https://host.example</AppDomain>");
});

it("says what is wrong: a manifest still on localhost, a file the manifest names but dist lacks", () => {
  makeDist("https://localhost:3000");
  expect(distProblems(dist, ORIGIN).join("\n")).toMatch(
    /outside https:\/\/host\.example\/emu: https:\/\/localhost:3000/,
  );
  makeDist(ORIGIN);
  rmSync(join(dist, "functions.vi.json"));
  expect(distProblems(dist, ORIGIN)).toEqual(expect.arrayContaining(["missing functions.vi.json"]));
});
