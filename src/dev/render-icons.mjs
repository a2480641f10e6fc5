// Renders the icons the manifest references (assets/<name>-<size>.png) from their SVG sources in
// assets/icons/. `<name>-16.svg`, when present, is a separate drawing on the 16 px grid (a scaled
// 32 px drawing turns to mush at 16 px); every other size is rendered from `<name>.svg`.
//
//   npm run icons                 render all PNGs
//   npm run icons -- --check      exit 1 if a PNG differs from what the SVGs render (CI-friendly)
//   npm run icons -- --preview    also write out/icons-preview.png: every icon, enlarged with
//                                 nearest-neighbour, on Office's light and dark ribbon colours
//
// The renderer is @resvg/resvg-js: its native binary ships as an npm optional dependency, so it
// installs from the registry alone, and it renders the same on every machine (no system fonts are
// involved: the icons use no text).
import { Resvg } from "@resvg/resvg-js";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const iconsDir = join(root, "assets", "icons");
const outDir = join(root, "assets");

/** Which sizes each icon needs: ribbon buttons 16/32/80; the add-in icon also 64 and 128. */
export const ICON_SIZES = {
  icon: [16, 32, 64, 80, 128],
  compute: [16, 32, 80],
  validate: [16, 32, 80],
  notice: [16, 32, 80],
  forms: [16, 32, 80],
  panel: [16, 32, 80],
  vote: [16, 32, 80],
  pledge: [16, 32, 80],
};

function sourceFor(name, size) {
  const small = join(iconsDir, `${name}-${size}.svg`);
  return existsSync(small) ? small : join(iconsDir, `${name}.svg`);
}

function render(svgPath, size) {
  const resvg = new Resvg(readFileSync(svgPath), {
    fitTo: { mode: "width", value: size },
    shapeRendering: 2, // geometricPrecision: anti-aliased edges
    font: { loadSystemFonts: false },
  });
  return resvg.render().asPng();
}

function renderAll() {
  const out = [];
  for (const [name, sizes] of Object.entries(ICON_SIZES)) {
    for (const size of sizes) {
      out.push({
        name,
        size,
        file: join(outDir, `${name}-${size}.png`),
        png: render(sourceFor(name, size), size),
      });
    }
  }
  return out;
}

function preview(rendered) {
  const scale = 4;
  const gap = 12;
  const names = Object.keys(ICON_SIZES);
  const sizes = [...new Set(Object.values(ICON_SIZES).flat())].sort((a, b) => a - b);
  const colWidth = sizes.map((s) => Math.min(s * scale, 160) + gap);
  const rowHeight = 160 + gap;
  const panelWidth = colWidth.reduce((a, b) => a + b, gap);
  const height = names.length * rowHeight + gap;
  const parts = [];
  ["#F3F3F3", "#292929"].forEach((bg, panel) => {
    const x0 = panel * panelWidth;
    parts.push(`<rect x="${x0}" y="0" width="${panelWidth}" height="${height}" fill="${bg}"/>`);
    names.forEach((name, r) => {
      let x = x0 + gap;
      sizes.forEach((size, c) => {
        const item = rendered.find((i) => i.name === name && i.size === size);
        if (item) {
          const w = Math.min(size * scale, 160);
          const href = `data:image/png;base64,${item.png.toString("base64")}`;
          parts.push(
            `<image x="${x}" y="${gap + r * rowHeight}" width="${w}" height="${w}" href="${href}" image-rendering="optimizeSpeed"/>`,
          );
        }
        x += colWidth[c];
      });
    });
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${panelWidth * 2}" height="${height}">${parts.join("")}</svg>`;
  const file = join(root, "out", "icons-preview.png");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng());
  return file;
}

const args = process.argv.slice(2);
const rendered = renderAll();
if (args.includes("--check")) {
  const stale = rendered.filter((i) => !existsSync(i.file) || !readFileSync(i.file).equals(i.png));
  if (stale.length > 0) {
    console.error(
      `Stale icons (run npm run icons): ${stale.map((i) => `${i.name}-${i.size}.png`).join(", ")}`,
    );
    process.exit(1);
  }
  console.log(`${rendered.length} icons up to date.`);
} else {
  for (const i of rendered) writeFileSync(i.file, i.png);
  console.log(`Rendered ${rendered.length} icons into assets/.`);
}
if (args.includes("--preview")) console.log(`Preview: ${preview(rendered)}`);
