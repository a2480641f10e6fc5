/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS webpack loader */
// Webpack loader: the pane's style modules (src/taskpane/*.styles.ts) compiled ahead of time, as
// Griffel's own build-time transform does (https://griffel.js.org/react/ahead-of-time-compilation/
// introduction): each `export const useX = makeStyles({...})` becomes
// `__styles(classesBySlot, cssRules)` with the class names and CSS rules worked out here by
// Griffel's resolveStyleRulesForSlots (the function makeStyles calls in the browser on first
// use). The browser then no longer needs Griffel's style compiler (stylis, rtl-css-js) nor
// Fluent's token table for EMU's own styles: Fluent's components ship compiled the same way.
//
// A style module is plain data: it may import only makeStyles, tokens and shorthands from
// @fluentui/react-components, and export only makeStyles hooks. Anything else is a build error,
// not a silent fallback (the size the README reports depends on it).
const Module = require("node:module");
const path = require("node:path");

const FLUENT = "@fluentui/react-components";
const MARK = Symbol("makeStyles");

/** Runs a style module's compiled CommonJS with a stand-in for @fluentui/react-components. */
function evaluate(code, filename, requireFrom) {
  const { tokens } = requireFrom("@fluentui/tokens");
  const { shorthands } = requireFrom("@griffel/core");
  const fluent = {
    tokens,
    shorthands,
    makeStyles: (stylesBySlots) => ({ [MARK]: stylesBySlots }),
  };
  const mod = new Module(filename, module);
  mod.filename = filename;
  mod.paths = Module._nodeModulePaths(path.dirname(filename));
  mod.require = (id) => {
    if (id === FLUENT) return fluent;
    throw new Error(`${path.basename(filename)}: a style module may import only ${FLUENT} (found ${id})`);
  };
  mod._compile(code, filename);
  return mod.exports;
}

module.exports = function griffelAot(source) {
  const filename = this.resourcePath;
  const requireFrom = Module.createRequire(filename);
  const { transformSync } = requireFrom("esbuild");
  const { resolveStyleRulesForSlots } = requireFrom("@griffel/core");
  const { code } = transformSync(source, {
    loader: "ts",
    format: "cjs",
    target: "node20",
    sourcefile: filename,
  });
  const exported = evaluate(code, filename, requireFrom);
  const lines = [`import { __styles } from ${JSON.stringify(FLUENT)};`];
  for (const [name, value] of Object.entries(exported)) {
    if (name === "__esModule") continue;
    if (!value || typeof value !== "object" || !(MARK in value)) {
      throw new Error(`${path.basename(filename)}: export ${name} is not a makeStyles hook`);
    }
    const [classes, rules] = resolveStyleRulesForSlots(value[MARK]);
    lines.push(
      `export const ${name} = /*#__PURE__*/ __styles(${JSON.stringify(classes)}, ${JSON.stringify(rules)});`,
    );
  }
  return lines.join("\n") + "\n";
};
