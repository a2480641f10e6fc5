/**
 * `Range.getCellProperties(cellPropertiesLoadOptions)` (ExcelApi 1.9): a 2-D array shaped like the
 * range, one plain object per cell holding exactly the properties asked for (`Excel.CellProperties`
 * in @types/office-js). The options travel to the host as the method's argument and are checked
 * there, so a bad option fails the sync, not the call.
 *
 * Simulated: `address`, `addressLocal`, `hidden`, `style`, and under `format`: `horizontalAlignment`,
 * `verticalAlignment`, `wrapText`, `indentLevel`, `font` (`bold`, `color`, `italic`, `name`, `size`,
 * `strikethrough`, `underline`), `fill` (`color`, `pattern`), `protection` (`locked`, `formulaHidden`).
 * The other documented options (`hyperlink`, `textRuns`, `format.borders`, `format.autoIndent`, …) fail
 * the sync with NotImplemented; a name the API does not have fails with InvalidArgument.
 */
import { fullAddress, rect, rectCells } from "./address";
import type { Exec } from "./client";
import { Codes, officeError } from "./errors";
import type { CellStyle } from "./model";
import type { RangeEntity } from "./range";

/** `Excel.CellPropertiesLoadOptions`, the part the double reads. */
export interface CellPropertiesLoadOptions {
  address?: boolean;
  addressLocal?: boolean;
  hidden?: boolean;
  style?: boolean;
  format?: {
    horizontalAlignment?: boolean;
    verticalAlignment?: boolean;
    wrapText?: boolean;
    indentLevel?: boolean;
    protection?: boolean;
    font?: {
      bold?: boolean;
      color?: boolean;
      italic?: boolean;
      name?: boolean;
      size?: boolean;
      strikethrough?: boolean;
      underline?: boolean;
    };
    fill?: { color?: boolean; pattern?: boolean };
  };
  [other: string]: unknown;
}

/** `Excel.CellProperties` as the double returns it: only what was asked for is present. */
export interface CellProperties {
  address?: string;
  addressLocal?: string;
  hidden?: boolean;
  style?: string;
  format?: {
    horizontalAlignment?: string;
    verticalAlignment?: string;
    wrapText?: boolean;
    indentLevel?: number;
    protection?: { locked: boolean; formulaHidden: boolean };
    font?: {
      bold?: boolean;
      color?: string;
      italic?: boolean;
      name?: string;
      size?: number;
      strikethrough?: boolean;
      underline?: string;
    };
    fill?: { color?: string; pattern?: string };
  };
}

const LOCATION = "Range.getCellProperties";

/** Documented options the double does not simulate, per level. */
const NOT_SIMULATED = {
  top: ["hyperlink", "textRuns"],
  format: [
    "autoIndent",
    "borders",
    "readingOrder",
    "shrinkToFit",
    "textOrientation",
    "useStandardHeight",
    "useStandardWidth",
  ],
  font: ["subscript", "superscript", "tintAndShade"],
  fill: ["patternColor", "patternTintAndShade", "tintAndShade"],
} as const;

const SIMULATED = {
  top: ["address", "addressLocal", "hidden", "style"],
  format: ["horizontalAlignment", "verticalAlignment", "wrapText", "indentLevel", "protection"],
  font: ["bold", "color", "italic", "name", "size", "strikethrough", "underline"],
  fill: ["color", "pattern"],
} as const;

type Level = keyof typeof SIMULATED;

/** The flags asked for at one level; a nested object only where the API has one. */
function flags(value: unknown, level: Level, nested: readonly string[]): Map<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw officeError(Codes.invalidArgument, LOCATION);
  const out = new Map<string, unknown>();
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    if ((NOT_SIMULATED[level] as readonly string[]).includes(key))
      throw officeError(
        Codes.notImplemented,
        LOCATION,
        `getCellProperties option '${key}' is not simulated by the Excel double.`,
      );
    if (nested.includes(key)) {
      out.set(key, v);
      continue;
    }
    if (!(SIMULATED[level] as readonly string[]).includes(key))
      throw officeError(Codes.invalidArgument, LOCATION, `The property '${key}' does not exist.`);
    if (typeof v !== "boolean") throw officeError(Codes.invalidArgument, LOCATION);
    if (v) out.set(key, true);
  }
  return out;
}

interface Plan {
  top: Map<string, unknown>;
  format: Map<string, unknown> | null;
  font: Map<string, unknown> | null;
  fill: Map<string, unknown> | null;
}

function plan(options: unknown): Plan {
  const top = flags(options, "top", ["format"]);
  const formatOption = top.get("format");
  top.delete("format");
  if (formatOption === undefined) return { top, format: null, font: null, fill: null };
  const format = flags(formatOption, "format", ["font", "fill"]);
  const fontOption = format.get("font");
  const fillOption = format.get("fill");
  format.delete("font");
  format.delete("fill");
  return {
    top,
    format,
    font: fontOption === undefined ? null : flags(fontOption, "font", []),
    fill: fillOption === undefined ? null : flags(fillOption, "fill", []),
  };
}

function formatOf(style: CellStyle, p: Plan): NonNullable<CellProperties["format"]> {
  const out: NonNullable<CellProperties["format"]> = {};
  const f = p.format;
  if (f?.has("horizontalAlignment")) out.horizontalAlignment = style.horizontalAlignment;
  if (f?.has("verticalAlignment")) out.verticalAlignment = style.verticalAlignment;
  if (f?.has("wrapText")) out.wrapText = style.wrapText;
  if (f?.has("indentLevel")) out.indentLevel = style.indentLevel;
  if (f?.has("protection")) out.protection = { locked: style.locked, formulaHidden: style.formulaHidden };
  if (p.font) {
    const font: NonNullable<NonNullable<CellProperties["format"]>["font"]> = {};
    for (const key of p.font.keys()) (font as Record<string, unknown>)[key] = style.font[key as "bold"];
    out.font = font;
  }
  if (p.fill) {
    const fill: { color?: string; pattern?: string } = {};
    if (p.fill.has("color")) fill.color = style.fillColor ?? "#FFFFFF";
    if (p.fill.has("pattern")) fill.pattern = style.fillColor === null ? "None" : "Solid";
    out.fill = fill;
  }
  return out;
}

/**
 * Runs at sync: checks the options, then reads every cell. Over the read-cell limit it fails with
 * RangeExceedsLimit (or returns null, in the limits' "null" mode), like a `values` read.
 */
export function readCellProperties(exec: Exec, e: RangeEntity, options: unknown): CellProperties[][] | null {
  const p = plan(options);
  if (rectCells(e.rect) > exec.limits.readCells) {
    if (exec.limits.oversizedRead === "null") return null;
    throw officeError(Codes.rangeExceedsLimit, LOCATION);
  }
  const model = exec.model;
  const sheet = e.sheet;
  const out: CellProperties[][] = [];
  for (let r = e.rect.r0; r <= e.rect.r1; r++) {
    const row: CellProperties[] = [];
    for (let c = e.rect.c0; c <= e.rect.c1; c++) {
      const cell: CellProperties = {};
      if (p.top.has("address")) cell.address = fullAddress(sheet.name, rect(r, c, r, c));
      if (p.top.has("addressLocal")) cell.addressLocal = fullAddress(sheet.name, rect(r, c, r, c));
      if (p.format || p.font || p.fill) cell.format = formatOf(model.styles.get(sheet.styleId(r, c)), p);
      if (p.top.has("hidden")) cell.hidden = false;
      if (p.top.has("style")) cell.style = "Normal";
      row.push(cell);
    }
    out.push(row);
  }
  return out;
}
