/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file: webpack-cli require()s it */
// Builds the add-in: one page (taskpane.html) is the shared runtime. It hosts the custom functions,
// the ribbon commands and the task pane, so its first load must stay small; the pane's React UI
// is an async chunk fetched only when the pane is shown.
//
//   webpack --mode production                 dist/ for EMU_ORIGIN (default https://localhost:3000),
//                                             office.js from Microsoft's CDN
//   webpack --mode development                the same, unminified, with source maps
//   webpack --mode production --env offline   office.js copied beside the page (or EMU_OFFICE_JS=local),
//                                             so the page opens without network
//   webpack serve --mode development          https://localhost:3000 (office-addin-dev-certs)
//   webpack --mode production --env preview   dist/preview/: the pane beside a simulated workbook
//                                             (the Excel double), served by `npm run preview`
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const zlib = require("node:zlib");
const Module = require("node:module");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const ROOT = __dirname;
const DEV_ORIGIN = "https://localhost:3000";
const DEV_PORT = 3000;
const OFFICE_CDN = "https://appsforoffice.microsoft.com";
const OFFICE_JS_CDN = `${OFFICE_CDN}/lib/1/hosted/office.js`;
const OFFICE_TELEMETRY_FRAME = "https://telemetryservice.firstpartyapps.oaspapps.com";
const OFFICE_JS_DIST = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");

/**
 * The pane's style modules compiled ahead of time (src/dev/griffel-aot-loader.cjs): before
 * esbuild, so the browser needs no CSS-in-JS compiler for EMU's own styles.
 */
const GRIFFEL_AOT = {
  test: /\.styles\.ts$/,
  include: path.join(ROOT, "src", "taskpane"),
  enforce: "pre",
  use: path.join(ROOT, "src", "dev", "griffel-aot-loader.cjs"),
};

/**
 * The pane's strings in one language per download (src/dev/ui-text-loader.cjs): the Vietnamese
 * table with the pane, the English one a chunk fetched only under an English Office. The CLI
 * (esbuild) and the tests read src/core/ui-text.ts as written, both languages together.
 */
const UI_TEXT_SPLIT = {
  test: /[\\/]src[\\/]core[\\/]ui-text\.ts$/,
  enforce: "pre",
  use: path.join(ROOT, "src", "dev", "ui-text-loader.cjs"),
};

/**
 * Size goals, gzip bytes: what every Excel session loads, and what the pane fetches for its first
 * render (the "pane" chunk group: the shell, step 1 and their libraries; later steps apart).
 */
const BUDGET = { initial: 40 * 1024, pane: 150 * 1024 };

const DEFAULT_ENTRIES = {
  functions: "./src/functions/index.ts",
  commands: "./src/commands/index.ts",
  taskpane: "./src/taskpane/index.tsx",
};

/** The origin the production manifest points at: EMU_ORIGIN, https only, no trailing slash. */
function productionOrigin(value = process.env.EMU_ORIGIN) {
  if (!value) return DEV_ORIGIN;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`EMU_ORIGIN is not a URL: ${value}`);
  }
  if (url.protocol !== "https:") throw new Error(`EMU_ORIGIN must be https (Office requires it): ${value}`);
  return value.replace(/\/+$/, "");
}

/** dist/manifest.xml: every https://localhost:3000 URL moved to `origin`. */
function rewriteManifest(xml, origin) {
  if (origin === DEV_ORIGIN) return xml;
  return xml
    .replaceAll(`<AppDomain>${DEV_ORIGIN}</AppDomain>`, `<AppDomain>${new URL(origin).origin}</AppDomain>`)
    .replaceAll(`${DEV_ORIGIN}/`, `${origin}/`);
}

/**
 * The page's Content-Security-Policy. office.js (the CDN loader and the host-specific scripts it
 * pulls from the same place) needs:
 * - script-src: its CDN; ajax.aspnetcdn.com, from which it loads MicrosoftAjax.js on hosts that
 *   need it. It uses neither eval nor new Function, so no 'unsafe-eval' (and the bundles are built
 *   without eval-based source maps for the same reason).
 * - frame-src: its CDN, for the hidden "AgaveErrorUX" frame it opens on Excel on the web, and
 *   the telemetry proxy frame that o15apptofilemappingtable.js opens after 3 s.
 * - connect-src: its telemetry endpoints (*.pipe.aria.microsoft.com).
 *   Blocking the telemetry breaks nothing but fills the console with CSP errors.
 * - style-src 'unsafe-inline': office.js's Excel-on-the-web script applies inline styles
 *   (OfficeDev/office-js#1687), and Fluent UI v9's Griffel inserts its rules at run time into
 *   <style> elements it creates. Checked in headless Chromium: with style-src 'self' alone, every
 *   Griffel sheet is refused and the pane renders unstyled. A nonce would need a server that
 *   rewrites the page per request; this page is static. Inline *scripts* stay forbidden.
 * The offline build loads office.js from 'self' and allows no other origin at all: the page must
 * not even try the network (the blocked telemetry frame logs one CSP error in the console).
 */
function contentSecurityPolicy({ offline, dev }) {
  const office = offline ? [] : [OFFICE_CDN, "https://ajax.aspnetcdn.com"];
  const connect = ["'self'", ...(offline ? [] : ["https://*.pipe.aria.microsoft.com"])];
  if (dev) connect.push(`wss://localhost:${DEV_PORT}`); // webpack-dev-server's live reload
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...office].join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect.join(" ")}`,
    `frame-src ${offline ? "'none'" : `${OFFICE_CDN} ${OFFICE_TELEMETRY_FRAME}`}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * Loads src/dev/functions-json.ts (and through it the typed catalog) with esbuild, so the metadata
 * comes from the same TypeScript the functions are registered from, without a JSDoc plugin.
 * Returns the files to emit and the source files they depend on (for watch mode).
 */
function loadFunctionsJson() {
  const { buildSync } = require("esbuild");
  const entry = path.join(ROOT, "src", "dev", "functions-json.ts");
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const mod = new Module(entry, module);
  mod.filename = entry;
  mod.paths = Module._nodeModulePaths(path.dirname(entry));
  mod._compile(result.outputFiles[0].text, entry);
  const inputs = Object.keys(result.metafile.inputs).map((p) => path.resolve(ROOT, p));
  return { files: mod.exports.functionsJsonFiles(), inputs };
}

/** Emits functions.json and functions.vi.json from the catalog. */
class FunctionsMetadataPlugin {
  apply(compiler) {
    const name = "EmuFunctionsMetadata";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          try {
            const { files, inputs } = loadFunctionsJson();
            for (const input of inputs) compilation.fileDependencies.add(input);
            for (const [file, text] of Object.entries(files)) {
              compilation.emitAsset(file, new webpack.sources.RawSource(text));
            }
          } catch (err) {
            compilation.errors.push(new webpack.WebpackError(`functions.json: ${err.message}`));
          }
        },
      );
    });
  }
}

/** Reports gzip sizes per chunk after minification, and warns past the budget. */
class BundleSizePlugin {
  constructor(initialEntries) {
    this.initialEntries = initialEntries;
  }
  apply(compiler) {
    const name = "EmuBundleSize";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      // Unminified development bundles say nothing about what users download.
      if (compilation.options.mode !== "production") return;
      compilation.hooks.processAssets.tap(
        { name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const logger = compilation.getLogger(name);
          const gz = (file) => {
            const asset = compilation.getAsset(file);
            return asset ? zlib.gzipSync(asset.source.buffer(), { level: 9 }).length : 0;
          };
          const initial = new Set();
          for (const entry of this.initialEntries) {
            const ep = compilation.entrypoints.get(entry);
            if (ep) for (const f of ep.getFiles()) if (f.endsWith(".js")) initial.add(f);
          }
          const lazy = new Set();
          for (const chunk of compilation.chunks) {
            for (const f of chunk.files) if (f.endsWith(".js") && !initial.has(f)) lazy.add(f);
          }
          // What each named chunk group loads (its files, shared chunks included), for the
          // benchmark: the pane's first render is the "pane" group; a step's chunks are counted
          // apart (test/bench/bundles.ts). Not part of the add-in (src/dev/package.ts leaves it out).
          const groups = {};
          for (const [g, group] of compilation.namedChunkGroups) {
            groups[g] = group.getFiles().filter((f) => f.endsWith(".js"));
          }
          compilation.emitAsset(
            "bundle-groups.json",
            new webpack.sources.RawSource(JSON.stringify({ initial: [...initial], groups }, null, 1)),
          );
          const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
          const sum = (files) => [...files].reduce((a, f) => a + gz(f), 0);
          for (const f of [...initial, ...lazy])
            logger.info(`${f.padEnd(40)} ${kb(gz(f)).padStart(10)} gzip`);
          const paneFiles = (groups.pane ?? []).filter((f) => !initial.has(f));
          const total = { initial: sum(initial), pane: sum(paneFiles) };
          logger.info(
            `initial (every session) ${kb(total.initial)} of ${kb(BUDGET.initial)}; pane's first render ${kb(total.pane)} of ${kb(BUDGET.pane)}`,
          );
          for (const key of ["initial", "pane"]) {
            if (total[key] > BUDGET[key]) {
              compilation.warnings.push(
                new webpack.WebpackError(
                  `Bundle budget: ${key} is ${kb(total[key])} gzip, over ${kb(BUDGET[key])}`,
                ),
              );
            }
          }
        },
      );
    });
  }
}

/**
 * HTTPS for the dev server. Microsoft's dev certificates first (trusted by the system on Windows
 * and macOS). On Linux they cannot be trusted system-wide (the installer needs sudo and a
 * Debian-style trust store), so: their generated files if present, else webpack-dev-server's own
 * self-signed certificate. Either way the browser has to be told to trust it, and we say so.
 */
async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const o = await devCerts.getHttpsServerOptions();
    return { ca: o.ca, key: o.key, cert: o.cert };
  } catch (err) {
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
    const have = Object.values(files).every((f) => fs.existsSync(path.join(dir, f)));
    const lines = [
      "",
      "⚠ The Office add-in developer certificate could not be installed as trusted:",
      `  ${String(err && err.message ? err.message : err).split("\n")[0]}`,
    ];
    let options;
    if (have) {
      options = Object.fromEntries(
        Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]),
      );
      lines.push(
        `  Serving with the generated (untrusted) certificate in ${dir}.`,
        `  Trust it by importing ${path.join(dir, "ca.crt")} as a certificate authority in your browser,`,
      );
    } else {
      lines.push("  Serving with webpack-dev-server's self-signed certificate instead.");
      lines.push(
        "  Trust it by opening https://localhost:3000/taskpane.html once and accepting the warning,",
      );
    }
    lines.push("  or Excel on the web will refuse to load the add-in.", "");
    console.warn(lines.join("\n"));
    return options;
  }
}

/**
 * @param {object} o
 * @param {"development" | "production"} o.mode
 * @param {boolean} o.offline   office.js from beside the page instead of the CDN
 * @param {boolean} o.serve     running under webpack-dev-server
 * @param {string} o.origin     where the production manifest points
 * @param {Record<string, string>} [o.entries]  entry modules (test builds swap in fixtures)
 * @param {string} [o.outDir]
 */
async function createConfig({
  mode,
  offline,
  serve,
  origin,
  entries = DEFAULT_ENTRIES,
  outDir = path.join(ROOT, "dist"),
}) {
  const dev = mode === "development";
  // esbuild-loader, not swc: swc's platform binaries are missing from the registry this project
  // installs from, which breaks `npm ci`; esbuild's are all there.
  const esbuild = (loader) => ({
    loader: "esbuild-loader",
    options: { loader, target: "es2020", jsx: "automatic", jsxDev: dev },
  });
  const officeJs = offline ? "office.js" : OFFICE_JS_CDN;
  return {
    mode,
    context: ROOT,
    target: ["web", "es2020"],
    // No eval-based source maps: the page's CSP forbids eval.
    devtool: "source-map",
    // The page loads the pane's bootstrap after the functions and the commands (the script order
    // in taskpane.html), so it depends on them: the pane's async chunks then leave out every
    // module those two already loaded (the engine's reader, the rules check) instead of shipping
    // it twice. The commands likewise depend on the functions, loaded before them: the chunks a
    // ribbon click fetches leave out what the functions already loaded.
    entry: Object.fromEntries(
      Object.entries(entries).map(([name, file]) => {
        const before = Object.keys(entries).filter((n) =>
          name === "taskpane" ? n !== "taskpane" : name === "commands" && n === "functions",
        );
        return [name, before.length > 0 ? { import: file, dependOn: before } : file];
      }),
    ),
    output: {
      path: outDir,
      // Stable names for the entries: the manifest names functions.js.
      filename: "[name].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      // dist/cli holds the `emu` command (built by `prepare`), dist/preview the browser preview
      // (`npm run build:preview`): an add-in build must not delete them.
      clean: { keep: /^(cli|preview)[\\/]/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        GRIFFEL_AOT,
        UI_TEXT_SPLIT,
        { test: /\.ts$/, exclude: /node_modules/, use: esbuild("ts") },
        { test: /\.tsx$/, exclude: /node_modules/, use: esbuild("tsx") },
      ],
    },
    optimization: {
      // One webpack runtime for the three entries: a module they share (the session, the engine)
      // is one instance in the shared runtime, not one per entry.
      runtimeChunk: "single",
      splitChunks: {
        cacheGroups: {
          // Code that two entries import is loaded once; the pane's async chunks split as usual.
          shared: {
            name: "shared",
            chunks: "initial",
            minChunks: 2,
            minSize: 0,
            priority: 10,
            reuseExistingChunk: true,
          },
          // The libraries the pane's first render needs (React, Fluent UI's core and the
          // components of the tab list and step 1): a named chunk of their own, fetched with the
          // pane (and kept in the browser's cache across EMU's releases). Only the pane chunk's
          // own libraries: a component only a later step uses (Dialog, Checkbox, Textarea, zod)
          // stays with that step's chunk, fetched when the step is first opened. A catch-all
          // vendors chunk would have made every step's libraries load with the pane.
          paneVendors: {
            test: /[\\/]node_modules[\\/]/,
            chunks: (chunk) => chunk.name === "pane",
            name: "pane-vendors",
            priority: -10,
            enforce: true,
          },
          // Libraries of the later chunks stay in them (or in a chunk two of them share, by
          // webpack's default group): fflate with the .xlsx reader, docx with the Word writer.
          defaultVendors: false,
        },
      },
    },
    performance: { hints: false }, // BundleSizePlugin measures gzip, which is what users download
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
        hash: !dev, // ?<hash> on the script URLs: Office caches the page's scripts hard
        minify: false,
        officeJs,
        csp: contentSecurityPolicy({ offline, dev: serve }),
      }),
      new FunctionsMetadataPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/help.html", to: "assets/help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteManifest(content.toString("utf8"), origin),
          },
          // The whole package, as office.js expects: it loads the host's files (excel-*-16.0x.js,
          // the locale strings in xx-yy/) from beside itself, and without them real Excel never
          // fires Office.onReady. About 86 MB: an intranet without Microsoft's CDN only.
          ...(offline
            ? [
                {
                  from: OFFICE_JS_DIST,
                  to: ".",
                  info: { minimized: true }, // Microsoft's files, byte for byte: never re-minified
                },
              ]
            : []),
        ],
      }),
      new BundleSizePlugin(Object.keys(entries)),
    ],
    stats: { preset: "normal", logging: "info" },
    devServer: serve
      ? {
          port: DEV_PORT,
          host: "localhost",
          server: { type: "https", options: await httpsOptions() },
          // Excel fetches functions.json and the page from its own origin (Excel on the web).
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false,
          // No hot module replacement: re-running an entry in the shared runtime would register
          // the custom functions and ribbon handlers a second time. A full reload is honest.
          hot: false,
          liveReload: true,
          client: { overlay: { errors: true, warnings: false } },
        }
      : undefined,
  };
}

/**
 * The browser preview (src/preview): the same pane code, the ribbon handlers and the Excel double
 * in one page, plus exceljs's browser build to seed the double from an .xlsx. exceljs is aliased
 * here only: the add-in's bundles never contain it.
 */
function createPreviewConfig({ mode, outDir = path.join(ROOT, "dist", "preview") }) {
  const dev = mode === "development";
  const esbuild = (loader) => ({
    loader: "esbuild-loader",
    options: { loader, target: "es2020", jsx: "automatic", jsxDev: dev },
  });
  return {
    mode,
    context: ROOT,
    target: ["web", "es2020"],
    devtool: dev ? "source-map" : false,
    entry: { preview: "./src/preview/index.tsx" },
    output: {
      path: outDir,
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
      alias: {
        exceljs$: path.join(path.dirname(require.resolve("exceljs/package.json")), "dist", "exceljs.min.js"),
      },
    },
    module: {
      // exceljs's browser build is a self-contained bundle: nothing in it for webpack to resolve.
      noParse: /exceljs\.min\.js$/,
      rules: [
        GRIFFEL_AOT,
        UI_TEXT_SPLIT,
        { test: /\.ts$/, exclude: /node_modules/, use: esbuild("ts") },
        { test: /\.tsx$/, exclude: /node_modules/, use: esbuild("tsx") },
      ],
    },
    performance: { hints: false },
    // A local page: React's production build without re-minifying exceljs (a minute of terser).
    optimization: { minimize: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/preview/preview.html",
        minify: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-32.png", to: "assets/icon-32.png" },
          { from: "assets/samples/*.xlsx", to: "samples/[name][ext]" },
        ],
      }),
    ],
    stats: { preset: "errors-warnings" },
  };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === "development" ? "development" : "production";
  if (env.preview) return createPreviewConfig({ mode });
  const offline = Boolean(env.offline) || process.env.EMU_OFFICE_JS === "local";
  // Only the production build moves the manifest to EMU_ORIGIN; development stays on localhost.
  const origin = mode === "production" ? productionOrigin() : DEV_ORIGIN;
  return createConfig({ mode, offline, serve: Boolean(env.WEBPACK_SERVE), origin });
};
module.exports.createConfig = createConfig;
module.exports.createPreviewConfig = createPreviewConfig;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.rewriteManifest = rewriteManifest;
module.exports.productionOrigin = productionOrigin;
