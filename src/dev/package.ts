/**
 * `npm run package -- --origin https://host.example/emu/ [--out out/emu-addin.zip] [--no-build]`
 *
 * What an organisation's IT runs once: builds dist/ for the origin the files will be served from
 * (the manifest's every URL moved there, office.js from Microsoft's CDN), checks the result
 * offline (Microsoft's validator is a web service: `npm run validate` where there is network),
 * and writes one zip to unpack on any static HTTPS server. Staff never run npm.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { zipSync } from "fflate";

/** Files the add-in cannot work without (the manifest names them, or Excel fetches them). */
export const REQUIRED_FILES = [
  "manifest.xml",
  "taskpane.html",
  "functions.js",
  "functions.json",
  "functions.vi.json",
];

/** The origin as the build takes it: https, no trailing slash. Throws a one-line reason. */
export function normaliseOrigin(value: string | undefined): string {
  if (!value) throw new Error("--origin is required, e.g. --origin https://host.example/emu/");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--origin is not a URL: ${value}`);
  }
  if (url.protocol !== "https:") throw new Error(`--origin must be https (Office requires it): ${value}`);
  if (url.search || url.hash) throw new Error(`--origin takes no query or fragment: ${value}`);
  return value.replace(/\/+$/, "");
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * What is wrong with a built dist/ for `origin`; empty when it is ready to host. Structural and
 * offline: the required files, every manifest URL under the origin (no localhost left), each of
 * those URLs a file in dist/, and the metadata files valid JSON with functions in them.
 */
export function distProblems(dist: string, origin: string): string[] {
  const problems: string[] = [];
  for (const f of REQUIRED_FILES) if (!existsSync(join(dist, f))) problems.push(`missing ${f}`);
  if (!existsSync(join(dist, "manifest.xml"))) return problems;
  const xml = readFileSync(join(dist, "manifest.xml"), "utf8").replace(/<!--[\s\S]*?-->/g, "");
  const urls = [...xml.matchAll(/https?:\/\/[^"<\s]+/g)]
    .map((m) => m[0])
    .filter((u) => !u.includes("schemas.microsoft.com") && !u.startsWith("http://www.w3.org/"));
  const host = new URL(origin).origin;
  for (const u of urls) {
    if (!u.startsWith("https://")) problems.push(`manifest URL is not https: ${u}`);
    else if (u === host)
      continue; // <AppDomain>
    else if (!u.startsWith(`${origin}/`)) problems.push(`manifest URL outside ${origin}: ${u}`);
    else {
      const file = decodeURIComponent(u.slice(origin.length + 1).split(/[?#]/)[0] ?? "");
      if (!existsSync(join(dist, file))) problems.push(`manifest names ${u}, but dist/ has no ${file}`);
    }
  }
  if (urls.length === 0) problems.push("manifest.xml names no URL");
  for (const f of ["functions.json", "functions.vi.json"]) {
    if (!existsSync(join(dist, f))) continue;
    try {
      const meta = JSON.parse(readFileSync(join(dist, f), "utf8")) as { functions?: unknown[] };
      if (!Array.isArray(meta.functions) || meta.functions.length === 0)
        problems.push(`${f} lists no function`);
    } catch {
      problems.push(`${f} is not valid JSON`);
    }
  }
  return problems;
}

/**
 * Zips dist/ (paths relative to it, "/" separated), without the CLI bundle, the source maps and
 * the build's chunk report (bundle-groups.json, read by the benchmark).
 */
export function zipDist(dist: string): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const file of filesUnder(dist)) {
    const name = relative(dist, file).split("\\").join("/");
    if (name.startsWith("cli/") || name.endsWith(".map") || name === "bundle-groups.json") continue;
    entries[name] = readFileSync(file);
  }
  return zipSync(entries, { level: 9 });
}

function main(argv: string[]): number {
  const arg = (name: string): string | undefined => {
    const k = argv.indexOf(name);
    if (k >= 0) return argv[k + 1];
    return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  };
  const root = resolve(__dirname, "..", "..");
  const origin = normaliseOrigin(arg("--origin"));
  const out = resolve(root, arg("--out") ?? "out/emu-addin.zip");
  const dist = join(root, "dist");
  if (!argv.includes("--no-build")) {
    process.stderr.write(`Building dist/ for ${origin} …\n`);
    const built = spawnSync("npx", ["webpack", "--mode", "production"], {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, EMU_ORIGIN: origin, EMU_OFFICE_JS: "" },
    });
    if (built.status !== 0) throw new Error("the build failed (see above)");
  }
  const problems = distProblems(dist, origin);
  if (problems.length > 0) throw new Error(`dist/ is not ready:\n  ${problems.join("\n  ")}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zipDist(dist));
  process.stdout.write(
    `${relative(process.cwd(), out)}: unpack it so that ${origin}/taskpane.html is served over HTTPS, ` +
      `then deploy ${origin}/manifest.xml (README: "For IT").\n`,
  );
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`emu package: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
}
