// Measures Liberation Serif (metric-compatible with Times New Roman) and writes
// src/core/font-widths.ts: advance widths, in thousandths of an em, of every character an
// official document in Vietnamese uses. Run: node src/dev/measure-fonts.mjs [font dir]
// It reads the TrueType 'cmap' (format 4) and 'hmtx' tables directly: no dependency.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// Liberation 2 (Debian fonts-liberation2): version 1 has no Vietnamese letters.
const dir = process.argv[2] ?? "/usr/share/fonts/truetype/liberation2";
const FACES = {
  regular: "LiberationSerif-Regular.ttf",
  bold: "LiberationSerif-Bold.ttf",
  italic: "LiberationSerif-Italic.ttf",
  boldItalic: "LiberationSerif-BoldItalic.ttf",
};

function tables(buf) {
  const n = buf.readUInt16BE(4);
  const t = {};
  for (let i = 0; i < n; i++) {
    const o = 12 + i * 16;
    t[buf.toString("latin1", o, o + 4)] = buf.readUInt32BE(o + 8);
  }
  return t;
}

function cmap4(buf, base) {
  const count = buf.readUInt16BE(base + 2);
  for (let i = 0; i < count; i++) {
    const pid = buf.readUInt16BE(base + 4 + i * 8);
    const eid = buf.readUInt16BE(base + 6 + i * 8);
    const off = base + buf.readUInt32BE(base + 8 + i * 8);
    if (pid === 3 && eid === 1 && buf.readUInt16BE(off) === 4) {
      const segX2 = buf.readUInt16BE(off + 6);
      const ends = off + 14;
      const starts = ends + segX2 + 2;
      const deltas = starts + segX2;
      const ranges = deltas + segX2;
      return (code) => {
        for (let s = 0; s < segX2 / 2; s++) {
          const end = buf.readUInt16BE(ends + s * 2);
          if (code > end) continue;
          const start = buf.readUInt16BE(starts + s * 2);
          if (code < start) return 0;
          const delta = buf.readInt16BE(deltas + s * 2);
          const ro = buf.readUInt16BE(ranges + s * 2);
          if (ro === 0) return (code + delta) & 0xffff;
          const g = buf.readUInt16BE(ranges + s * 2 + ro + (code - start) * 2);
          return g === 0 ? 0 : (g + delta) & 0xffff;
        }
        return 0;
      };
    }
  }
  throw new Error("no Windows Unicode cmap");
}

function measure(file) {
  const buf = readFileSync(file);
  const t = tables(buf);
  const upem = buf.readUInt16BE(t.head + 18);
  const numH = buf.readUInt16BE(t.hhea + 34);
  const glyph = cmap4(buf, t.cmap);
  return (ch) => {
    const g = glyph(ch.codePointAt(0));
    if (g === 0) return undefined;
    const adv = buf.readUInt16BE(t.hmtx + Math.min(g, numH - 1) * 4);
    return Math.round((adv * 1000) / upem);
  };
}

// Printable ASCII, Latin-1 letters, the Vietnamese letters (precomposed, NFC) and typographic punctuation.
const chars = [];
for (let c = 0x20; c < 0x7f; c++) chars.push(String.fromCharCode(c));
for (let c = 0xa0; c <= 0xff; c++) chars.push(String.fromCharCode(c));
for (const c of [0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1a0, 0x1a1, 0x1af, 0x1b0])
  chars.push(String.fromCharCode(c));
for (let c = 0x1ea0; c <= 0x1ef9; c++) chars.push(String.fromCharCode(c));
for (const s of "–—‘’“”…•№\u2002\u2003") chars.push(s);

const out = {};
for (const [face, file] of Object.entries(FACES)) {
  const m = measure(join(dir, file));
  out[face] = chars.map((ch) => {
    const w = m(ch);
    if (w === undefined || w === 0) throw new Error(`${file} has no glyph for ${ch}`);
    return w;
  });
}
const body = [
  "/**",
  " * Advance widths of Times New Roman, in thousandths of an em, measured from Liberation Serif",
  " * (metric-compatible with it) by src/dev/measure-fonts.mjs: generated, do not edit by hand.",
  " * `FONT_CHARS[i]` has width `FONT_WIDTHS[face][i]`.",
  " */",
  `export const FONT_CHARS = ${JSON.stringify(chars.join(""))};`,
  "",
  "export const FONT_WIDTHS = {",
  ...Object.entries(out).map(([k, v]) => `  ${k}: [${v.join(", ")}],`),
  "} as const;",
  "",
];
writeFileSync(new URL("../core/font-widths.ts", import.meta.url), body.join("\n"));
console.log(`${chars.length} characters × ${Object.keys(out).length} faces`);
