/**
 * Security checks without a network: no dynamic code, no raw HTML injection, no network calls
 * from the add-in's code (office.js itself is the only thing fetched, from Microsoft's CDN), a
 * strict Content-Security-Policy on the pane's page, and a manifest asking for no more than
 * ReadWriteDocument. `npm audit --omit=dev` needs the registry and is run by hand (see the
 * hardening report), never from a test.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";

const ROOT = join(__dirname, "..", "..");
const SRC = join(ROOT, "src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const CODE = /\.(ts|tsx|js|mjs|cjs|html)$/;
const all = files(SRC).filter((f) => CODE.test(f));
/** Code that runs outside the add-in: developer tooling, the browser preview, build scripts, the CLI. */
const TOOLING = /^src\/(dev|preview|cli)\//;
const addin = all.filter((f) => !TOOLING.test(relative(ROOT, f).replace(/\\/g, "/")));

/** Source without comments, so a sentence explaining "no eval" does not count as eval. */
function code(file: string): string {
  return readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1")
    .replace(/<!--[\s\S]*?-->/g, "");
}

function hits(list: readonly string[], pattern: RegExp): string[] {
  return list.flatMap((f) => {
    const text = code(f);
    return pattern.test(text) ? [relative(ROOT, f)] : [];
  });
}

describe("no dynamic code or raw HTML anywhere in src/", () => {
  it("has files to check", () => {
    expect(addin.length).toBeGreaterThan(20);
    expect(addin.some((f) => f.endsWith("excel/write.ts"))).toBe(true);
  });
  it.each([
    ["eval(", /\beval\s*\(/],
    ["new Function", /\bnew\s+Function\b/],
    ["Function(...) called as a constructor", /(^|[^.\w])Function\s*\(\s*["'`]/],
    ["setTimeout/setInterval with a string", /\bset(Timeout|Interval)\s*\(\s*["'`]/],
    ["dangerouslySetInnerHTML", /dangerouslySetInnerHTML/],
    ["innerHTML/outerHTML assignment", /\.(inner|outer)HTML\s*=|insertAdjacentHTML/],
    ["document.write", /document\.write(ln)?\s*\(/],
  ])("%s", (_label, pattern) => {
    expect(hits(all, pattern)).toEqual([]);
  });
});

describe("no network calls from the add-in's code", () => {
  it.each([
    ["fetch(", /(^|[^.\w])fetch\s*\(|\bwindow\.fetch\b|\bglobalThis\.fetch\b/],
    ["XMLHttpRequest", /\bXMLHttpRequest\b/],
    ["WebSocket", /\bWebSocket\b/],
    ["navigator.sendBeacon", /\bsendBeacon\b/],
    ["EventSource", /\bEventSource\b/],
    ["importScripts / dynamic import of a URL", /importScripts\s*\(|import\s*\(\s*["'`]https?:/],
    ["Node network modules", /from\s+["'](node:)?(http|https|net|tls|dgram)["']/],
  ])("%s", (_label, pattern) => {
    expect(hits(addin, pattern)).toEqual([]);
  });

  it("names no remote origin in add-in code but Microsoft's", () => {
    const urls = addin.flatMap((f) =>
      [...code(f).matchAll(/https?:\/\/[^\s"'`)<>]+/g)].map((m) => `${relative(ROOT, f)}: ${m[0]}`),
    );
    const foreign = urls.filter(
      (u) =>
        !/https?:\/\/([\w-]+\.)*(microsoft\.com|office\.com|aspnetcdn\.com|officeapps\.live\.com)\b/.test(
          u,
        ) &&
        !/https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(u) &&
        // XML namespaces and example values are names, not requests.
        !/schemas\.(openxmlformats|microsoft)\.org|www\.w3\.org|example\.(invalid|com|org)|purl\.org/.test(u),
    );
    expect(foreign).toEqual([]);
  });
});

/** CSP text → directive → sources. */
function parseCsp(text: string): Record<string, string[]> {
  return Object.fromEntries(
    text
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...sources] = d.split(/\s+/);
        return [name as string, sources];
      }),
  );
}

interface WebpackConfigModule {
  contentSecurityPolicy(o: { offline: boolean; dev: boolean }): string;
}

describe("the pane's page", () => {
  const html = readFileSync(join(SRC, "taskpane", "taskpane.html"), "utf8");
  const webpack = createRequire(__filename)(join(ROOT, "webpack.config.js")) as WebpackConfigModule;

  it("carries a Content-Security-Policy meta tag filled by the build, and no inline script", () => {
    expect(html).toMatch(
      /<meta\s+http-equiv="Content-Security-Policy"\s+content="<%= htmlWebpackPlugin\.options\.csp %>"\s*\/?>/,
    );
    // One script tag: office.js, from the URL the build fills in (the CDN in production).
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).toMatch(
      /<script type="text\/javascript" src="<%= htmlWebpackPlugin\.options\.officeJs %>"><\/script>/,
    );
    expect(html).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handlers
  });

  it.each([
    ["production", { offline: false, dev: false }],
    ["dev server", { offline: false, dev: true }],
    ["offline preview", { offline: true, dev: false }],
  ])("%s CSP: scripts only from 'self' and Microsoft's Office CDN, no eval", (_label, opts) => {
    const csp = parseCsp(webpack.contentSecurityPolicy(opts));
    expect(csp["default-src"]).toEqual(["'self'"]);
    const allowed = opts.offline
      ? ["'self'"]
      : ["'self'", "https://appsforoffice.microsoft.com", "https://ajax.aspnetcdn.com"];
    expect(csp["script-src"]).toEqual(allowed);
    for (const [, sources] of Object.entries(csp)) {
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain("'wasm-unsafe-eval'");
      expect(sources).not.toContain("*");
      expect(sources.filter((x) => x.startsWith("http:"))).toEqual([]);
    }
    expect(csp["script-src"]).not.toContain("'unsafe-inline'");
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'self'"]);
    // Every non-self origin anywhere in the policy is Microsoft's.
    const origins = Object.values(csp)
      .flat()
      .filter((s) => /^(https?|wss?):/.test(s));
    for (const o of origins)
      expect(o).toMatch(
        /^(https:\/\/([\w*-]+\.)*(microsoft\.com|aspnetcdn\.com|oaspapps\.com)|wss:\/\/localhost:\d+)$/,
      );
    if (!opts.dev) expect(origins.filter((o) => o.startsWith("wss:"))).toEqual([]);
  });
});

describe("the manifest", () => {
  const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
  it("asks for exactly ReadWriteDocument", () => {
    const perms = [...xml.matchAll(/<Permissions>\s*([^<]*?)\s*<\/Permissions>/g)].map((m) => m[1]);
    expect(perms).toEqual(["ReadWriteDocument"]);
    expect(xml).not.toMatch(
      /ReadWriteMailbox|ReadItem|ReadWriteItem|Restricted|<Permissions>\s*ReadDocument/,
    );
  });
  it("serves every page over https", () => {
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1] ?? "");
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
  });
});
