/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS webpack loader */
// Webpack loader: the pane's strings (src/core/ui-text.ts) in one language per download. The
// source keeps every string in both languages side by side ({ vi, en }), as the CLI, core and the
// tests read it; for the add-in's bundles this loader rewrites the module so that the Vietnamese
// table (the default) comes with the pane and the English one is a chunk of its own
// ("ui-text-en"), fetched only under an English Office (`uiTextReady("en")`, awaited by
// src/taskpane/mount.tsx before the first render).
//
//   src/core/ui-text.ts            → VI (key → text), uiText, uiTextReady, UI_TEXT
//   src/core/ui-text.ts?lang=en    → the English texts, an array in the keys' order
//
// uiText's placeholder filling is the source's own function, carried over as text (its body is
// taken from the compiled source), so the pane and the CLI cannot fill `{name}` differently;
// test/build/ui-text-loader.test.ts checks every key in both languages against the source.
const Module = require("node:module");
const path = require("node:path");

/** The source module, compiled with esbuild and run: its UI_TEXT table and uiText's text. */
function evaluate(filename) {
  const requireFrom = Module.createRequire(filename);
  const { buildSync } = requireFrom("esbuild");
  const result = buildSync({
    entryPoints: [filename],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].text;
  const mod = new Module(filename, module);
  mod.filename = filename;
  mod.paths = Module._nodeModulePaths(path.dirname(filename));
  mod._compile(code, filename);
  const { UI_TEXT, uiText } = mod.exports;
  if (!UI_TEXT || typeof uiText !== "function") {
    throw new Error(`${path.basename(filename)}: expected the exports UI_TEXT and uiText`);
  }
  for (const [key, t] of Object.entries(UI_TEXT)) {
    if (typeof t?.vi !== "string" || typeof t?.en !== "string") {
      throw new Error(`${path.basename(filename)}: ${key} must have a vi and an en text`);
    }
  }
  return { table: UI_TEXT, uiTextSource: uiText.toString() };
}

/**
 * The source's uiText, rebound to a lookup of the loaded table: `UI_TEXT[key][lang]` in it reads
 * the table built here. The function must read the table through `UI_TEXT[key][lang]` exactly
 * (the build fails otherwise, rather than ship a pane that fills strings its own way).
 */
function uiTextFunction(source) {
  const lookup = /UI_TEXT\[key\]\[lang\]/g;
  if ((source.match(lookup) ?? []).length !== 1 || !/^function uiText\(/.test(source)) {
    throw new Error(
      "ui-text-loader: uiText must be `function uiText(lang, key, vars)` reading UI_TEXT[key][lang]",
    );
  }
  return `export ${source.replace(lookup, "textOf(lang, key)")}`;
}

module.exports = function uiTextLoader() {
  const filename = this.resourcePath;
  const { table, uiTextSource } = evaluate(filename);
  const keys = Object.keys(table);
  if (this.resourceQuery === "?lang=en") {
    return `export default ${JSON.stringify(keys.map((k) => table[k].en))};\n`;
  }
  const vi = Object.fromEntries(keys.map((k) => [k, table[k].vi]));
  const self = JSON.stringify(`./${path.basename(filename)}?lang=en`);
  return [
    "// Generated from src/core/ui-text.ts by src/dev/ui-text-loader.cjs: English comes apart.",
    `const VI = ${JSON.stringify(vi)};`,
    "let EN;",
    "let loading;",
    "/** Resolves once `lang`'s texts are here: English is fetched on the first call. */",
    "export function uiTextReady(lang) {",
    '  if (lang !== "en" || EN) return Promise.resolve();',
    `  return (loading ??= import(/* webpackChunkName: "ui-text-en" */ ${self}).then(`,
    "    (m) => {",
    "      const keys = Object.keys(VI);",
    "      EN = Object.fromEntries(keys.map((k, i) => [k, m.default[i]]));",
    "    },",
    "    (err) => {",
    "      loading = undefined;",
    "      throw err;",
    "    },",
    "  ));",
    "}",
    // Before the English table arrives (mount.tsx waits for it; should it fail to arrive, the
    // pane is shown all the same) an English text falls back to the Vietnamese one.
    'const textOf = (lang, key) => (lang === "en" && EN ? EN[key] : VI[key]);',
    uiTextFunction(uiTextSource),
    "/** The table as the source exports it (English read once loaded); no pane code reads it. */",
    "export const UI_TEXT = /*#__PURE__*/ Object.fromEntries(",
    '  Object.keys(VI).map((k) => [k, { vi: VI[k], get en() { return textOf("en", k); } }]),',
    ");",
    "",
  ].join("\n");
};
