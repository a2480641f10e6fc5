// Bundles the `emu` command into one file (dist/cli/emu.js) so it starts fast and `npx emu`
// works right after `npm ci` (this runs from the `prepare` script). Runtime dependencies stay
// external: they are installed by npm.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/emu.ts"],
  outfile: "dist/cli/emu.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  banner: { js: "#!/usr/bin/env node" },
  sourcemap: "linked",
  legalComments: "none",
  logLevel: "warning",
});
