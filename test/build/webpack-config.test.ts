// webpack.config.js's decisions, checked without running webpack (a real build takes ~30 s; run
// `npm run build` for that): entries and chunk names, the page's CSP, the manifest rewrite.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

interface HtmlPluginLike {
  userOptions: { chunks: string[]; officeJs: string; csp: string; filename: string };
}
interface ConfigLike {
  mode: string;
  devtool: string;
  entry: Record<string, string | { import: string; dependOn: string[] }>;
  output: { filename: string; chunkFilename: string };
  plugins: object[];
  devServer?: unknown;
}
interface WebpackConfigModule {
  (env: Record<string, unknown>, argv: Record<string, unknown>): Promise<ConfigLike>;
  contentSecurityPolicy(o: { offline: boolean; dev: boolean }): string;
  rewriteManifest(xml: string, origin: string): string;
  productionOrigin(value?: string): string;
}

const ROOT = join(__dirname, "..", "..");
const load = createRequire(__filename);
const webpackConfig = load(join(ROOT, "webpack.config.js")) as WebpackConfigModule;
const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");

const htmlPlugin = (c: ConfigLike): HtmlPluginLike =>
  c.plugins.find((p) => p.constructor.name === "HtmlWebpackPlugin") as unknown as HtmlPluginLike;

/** CSP text → directive → sources. */
function csp(text: string): Record<string, string[]> {
  return Object.fromEntries(
    text.split(";").map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe("webpack.config.js", () => {
  const saved = { origin: process.env.EMU_ORIGIN, officeJs: process.env.EMU_OFFICE_JS };
  beforeEach(() => {
    delete process.env.EMU_ORIGIN;
    delete process.env.EMU_OFFICE_JS;
  });
  afterAll(() => {
    if (saved.origin !== undefined) process.env.EMU_ORIGIN = saved.origin;
    if (saved.officeJs !== undefined) process.env.EMU_OFFICE_JS = saved.officeJs;
  });

  it("builds one page from the three entries, the pane's bootstrap after the others", async () => {
    const c = await webpackConfig({}, { mode: "production" });
    expect(c.entry).toEqual({
      functions: "./src/functions/index.ts",
      // Loaded after the functions: a ribbon click's chunks leave out what they already loaded.
      commands: { import: "./src/commands/index.ts", dependOn: ["functions"] },
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: ["functions", "commands"] },
    });
    expect(htmlPlugin(c).userOptions.filename).toBe("taskpane.html");
    expect(htmlPlugin(c).userOptions.chunks).toEqual(["functions", "commands", "taskpane"]);
    // The manifest's Script URL is functions.js: entry files keep their names.
    expect(c.output.filename).toBe("[name].js");
    expect(c.output.chunkFilename).toBe("[name].[contenthash:8].js");
    expect(c.devServer).toBeUndefined();
  });

  it("never uses eval-based source maps (the CSP forbids eval)", async () => {
    for (const mode of ["production", "development"]) {
      expect((await webpackConfig({}, { mode })).devtool).not.toMatch(/eval/);
    }
  });

  it("loads office.js from Microsoft's CDN, or from beside the page offline", async () => {
    const cdn = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
    expect(htmlPlugin(await webpackConfig({}, { mode: "production" })).userOptions.officeJs).toBe(cdn);
    expect(
      htmlPlugin(await webpackConfig({ offline: true }, { mode: "production" })).userOptions.officeJs,
    ).toBe("office.js");
    process.env.EMU_OFFICE_JS = "local";
    expect(htmlPlugin(await webpackConfig({}, { mode: "development" })).userOptions.officeJs).toBe(
      "office.js",
    );
  });

  it("allows scripts only from the page's origin and Office's CDNs, and never eval", () => {
    const online = csp(webpackConfig.contentSecurityPolicy({ offline: false, dev: false }));
    expect(online["script-src"]).toEqual([
      "'self'",
      "https://appsforoffice.microsoft.com",
      "https://ajax.aspnetcdn.com",
    ]);
    expect(online["default-src"]).toEqual(["'self'"]);
    expect(online["object-src"]).toEqual(["'none'"]);
    expect(online["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    const offline = csp(webpackConfig.contentSecurityPolicy({ offline: true, dev: false }));
    expect(offline["script-src"]).toEqual(["'self'"]);
    expect(offline["connect-src"]).toEqual(["'self'"]);
    expect(offline["frame-src"]).toEqual(["'none'"]); // the offline page never tries the network
    const dev = csp(webpackConfig.contentSecurityPolicy({ offline: false, dev: true }));
    expect(dev["connect-src"]).toContain("wss://localhost:3000");
    for (const policy of [online, offline, dev]) {
      expect(Object.values(policy).flat()).not.toContain("'unsafe-eval'");
      expect(policy["script-src"]).not.toContain("'unsafe-inline'");
    }
  });

  it("moves the production manifest to EMU_ORIGIN, and only the production one", async () => {
    const moved = webpackConfig.rewriteManifest(manifest, "https://thidua.example.gov.vn/emu");
    expect(moved).not.toContain("https://localhost:3000");
    expect(moved).toContain(
      '<bt:Url id="Taskpane.Url" DefaultValue="https://thidua.example.gov.vn/emu/taskpane.html"/>',
    );
    expect(moved).toContain('Value="https://thidua.example.gov.vn/emu/functions.vi.json"');
    // An AppDomain is an origin, never a path.
    expect(moved).toContain("<AppDomain>https://thidua.example.gov.vn</AppDomain>");
    expect(webpackConfig.rewriteManifest(manifest, "https://localhost:3000")).toBe(manifest);

    expect(webpackConfig.productionOrigin(undefined)).toBe("https://localhost:3000");
    expect(webpackConfig.productionOrigin("https://emu.example.org/")).toBe("https://emu.example.org");
    expect(() => webpackConfig.productionOrigin("http://emu.example.org")).toThrow(/https/);
    expect(() => webpackConfig.productionOrigin("emu.example.org")).toThrow(/not a URL/);
  });

  it("reads EMU_ORIGIN in production, and ignores it in development", async () => {
    process.env.EMU_ORIGIN = "http://insecure.example.org";
    await expect(webpackConfig({}, { mode: "production" })).rejects.toThrow(/https/);
    await expect(webpackConfig({}, { mode: "development" })).resolves.toBeDefined();
  });
});

describe("the offline build", () => {
  it("copies the whole office-js package beside the page, as office.js expects (host files, locales)", async () => {
    delete process.env.EMU_ORIGIN; // an earlier test leaves a bad one behind
    const config = (await webpackConfig({ offline: true }, { mode: "production" })) as ConfigLike;
    const copies = config.plugins.filter((p) =>
      Array.isArray((p as { patterns?: unknown }).patterns),
    ) as unknown as {
      patterns: { from: string; to: string }[];
    }[];
    const patterns = copies.flatMap((c) => c.patterns);
    const dist = join(require.resolve("@microsoft/office-js/package.json"), "..", "dist");
    expect(patterns).toContainEqual(expect.objectContaining({ from: dist, to: "." }));
  });
});
