/* global Excel */
import { setCellValues } from "./cell-values";
import { MAX_ROW_HEIGHT, fitCellText, type CellStyle, type SheetModel, type ValidationModel } from "../core";

/**
 * Renders EMU's renderer-neutral `SheetModel` through the Excel JavaScript API. It only queues
 * commands (never syncs): the caller decides the batches. Values are written as whole 2-D
 * blocks, styles as few rectangular ranges as the model allows, and every text cell gets the
 * text number format *before* its value, so a unit named "=HYPERLINK(…)" or "-Sở A" stays text.
 */

type Value = string | number | boolean;

/** Excel column width units (characters of "0") to points, as Excel converts them. */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const MM_TO_PT = 72 / 25.4;

/** The values and number formats of the model as dense matrices, row by row. */
export function denseRows(
  model: SheetModel,
  rows: number,
  cols: number,
): { values: Value[][]; formats: string[][] } {
  const values: Value[][] = Array.from({ length: rows }, () => new Array<Value>(cols).fill(""));
  const formats: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill("General"));
  for (const c of model.cells) {
    const row = values[c.row];
    const fmt = formats[c.row];
    if (!row || !fmt || c.col >= cols) continue;
    const v = typeof c.value === "string" ? fitCellText(c.value) : (c.value ?? "");
    row[c.col] = v;
    const nf = c.style ? model.styles[c.style]?.numberFormat : undefined;
    fmt[c.col] = typeof v === "string" && v !== "" ? "@" : (nf ?? "General");
  }
  return { values, formats };
}

/** Rectangles (r1, c1, r2, c2; inclusive) covering the cells of each style, column by column. */
export function styleRuns(
  model: SheetModel,
  fromRow: number,
  toRow: number,
): Map<string, [number, number, number, number][]> {
  const byCol = new Map<string, Map<number, number[]>>();
  for (const c of model.cells) {
    if (!c.style || c.row < fromRow || c.row > toRow) continue;
    let cols = byCol.get(c.style);
    if (!cols) byCol.set(c.style, (cols = new Map()));
    let rows = cols.get(c.col);
    if (!rows) cols.set(c.col, (rows = []));
    rows.push(c.row);
  }
  const out = new Map<string, [number, number, number, number][]>();
  for (const [style, cols] of byCol) {
    const rects: [number, number, number, number][] = [];
    for (const [col, rows] of cols) {
      rows.sort((a, b) => a - b);
      let start = rows[0] as number;
      let prev = start;
      for (let k = 1; k <= rows.length; k++) {
        const r = rows[k];
        if (r !== undefined && r === prev + 1) {
          prev = r;
          continue;
        }
        rects.push([start, col, prev, col]);
        if (r !== undefined) start = prev = r;
      }
    }
    // Merge runs of adjacent columns that cover the same rows into one rectangle.
    rects.sort((a, b) => a[0] - b[0] || a[2] - b[2] || a[1] - b[1]);
    const merged: [number, number, number, number][] = [];
    for (const r of rects) {
      const last = merged[merged.length - 1];
      if (last && last[0] === r[0] && last[2] === r[2] && last[3] + 1 === r[1]) last[3] = r[3];
      else merged.push([...r]);
    }
    out.set(style, merged);
  }
  return out;
}

const H: Readonly<Record<NonNullable<CellStyle["align"]>, Excel.HorizontalAlignment>> = {
  left: "Left" as Excel.HorizontalAlignment,
  center: "Center" as Excel.HorizontalAlignment,
  right: "Right" as Excel.HorizontalAlignment,
  justify: "Justify" as Excel.HorizontalAlignment,
};
const V: Readonly<Record<NonNullable<CellStyle["valign"]>, Excel.VerticalAlignment>> = {
  top: "Top" as Excel.VerticalAlignment,
  middle: "Center" as Excel.VerticalAlignment,
  bottom: "Bottom" as Excel.VerticalAlignment,
};

function applyStyle(range: Excel.Range, style: CellStyle, multiCell: boolean): void {
  const f = range.format;
  if (style.font) {
    if (style.font.name !== undefined) f.font.name = style.font.name;
    if (style.font.size !== undefined) f.font.size = style.font.size;
    if (style.font.bold !== undefined) f.font.bold = style.font.bold;
    if (style.font.italic !== undefined) f.font.italic = style.font.italic;
    if (style.font.underline) f.font.underline = "Single" as Excel.RangeUnderlineStyle;
    f.font.color = "#000000";
  }
  if (style.align) f.horizontalAlignment = H[style.align];
  if (style.valign) f.verticalAlignment = V[style.valign];
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.fill) f.fill.color = `#${style.fill}`;
  // Excel locks every cell by default; a protected form leaves its score cells open.
  if (style.locked === false) f.protection.locked = false;
  const edges: string[] = [];
  if (style.border) {
    edges.push("EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight");
    if (multiCell) edges.push("InsideHorizontal", "InsideVertical");
  } else if (style.bottomRule) {
    edges.push("EdgeBottom");
  }
  for (const edge of edges) {
    const b = f.borders.getItem(edge as Excel.BorderIndex);
    b.style = "Continuous" as Excel.BorderLineStyle;
    b.weight = "Thin" as Excel.BorderWeight;
    b.color = "#000000";
  }
}

/** A block of rows written in one command, with the UTF-8 bytes its values and formats take. */
export interface Band {
  readonly r1: number;
  readonly r2: number;
  readonly bytes: number;
}

/**
 * Splits the rows into bands whose values and formats stay under `budget` bytes, so that no
 * request exceeds Excel on the web's 5 MB limit. Sizes are measured as UTF-8 JSON, as they travel.
 */
export function planBands(
  dense: { values: readonly Value[][]; formats: readonly string[][] },
  budget: number,
): Band[] {
  const enc = new TextEncoder();
  const bands: Band[] = [];
  let start = 0;
  let bytes = 0;
  const rows = dense.values.length;
  for (let r = 0; r < rows; r++) {
    const b =
      enc.encode(JSON.stringify(dense.values[r])).length +
      enc.encode(JSON.stringify(dense.formats[r])).length +
      8;
    if (bytes + b > budget && r > start) {
      bands.push({ r1: start, r2: r - 1, bytes });
      start = r;
      bytes = 0;
    }
    bytes += b;
  }
  bands.push({ r1: start, r2: Math.max(start, rows - 1), bytes });
  return bands;
}

/** Queues the values, number formats and styles of rows [r1, r2] of the model. */
export function queueBand(
  ws: Excel.Worksheet,
  model: SheetModel,
  dense: { values: Value[][]; formats: string[][] },
  r1: number,
  r2: number,
  cols: number,
): void {
  const n = r2 - r1 + 1;
  if (n <= 0 || cols <= 0) return;
  const block = ws.getRangeByIndexes(r1, 0, n, cols);
  setCellValues(block, dense.values.slice(r1, r2 + 1), dense.formats.slice(r1, r2 + 1));
  for (const [key, rects] of styleRuns(model, r1, r2)) {
    const style = model.styles[key];
    if (!style) continue;
    for (const [a, c1, b, c2] of rects) {
      applyStyle(ws.getRangeByIndexes(a, c1, b - a + 1, c2 - c1 + 1), style, a !== b || c1 !== c2);
    }
  }
  // EMU's own formulas (a form's totals) go in after the values, cell by cell: a form has dozens.
  for (const c of model.cells) {
    if (c.formula && c.row >= r1 && c.row <= r2)
      ws.getRangeByIndexes(c.row, c.col, 1, 1).formulas = [[c.formula]];
  }
  for (const v of model.validations ?? []) {
    if (v.r1 >= r1 && v.r1 <= r2) queueValidation(ws, v);
  }
}

/**
 * A decimal-number rule from `min` to `max`: Excel then takes the number the way the user's
 * locale writes it (comma or dot), shows the prompt on selection and refuses anything else.
 */
function queueValidation(ws: Excel.Worksheet, v: ValidationModel): void {
  const dv = ws.getRangeByIndexes(v.r1, v.c1, v.r2 - v.r1 + 1, v.c2 - v.c1 + 1).dataValidation;
  dv.rule = {
    decimal:
      v.max === undefined
        ? { formula1: v.min, operator: "GreaterThanOrEqualTo" as Excel.DataValidationOperator }
        : { formula1: v.min, formula2: v.max, operator: "Between" as Excel.DataValidationOperator },
  };
  dv.ignoreBlanks = true;
  dv.prompt = { showPrompt: true, title: "", message: v.prompt };
  dv.errorAlert = {
    showAlert: true,
    style: "Stop" as Excel.DataValidationAlertStyle,
    title: "",
    message: v.error,
  };
}

/** Shapes and page breaks are in ExcelApi 1.9; false when the host says it lacks them. */
function drawingSupported(ws: Excel.Worksheet): boolean {
  const office = (
    globalThis as {
      Office?: { context?: { requirements?: { isSetSupported?: (n: string, v?: string) => boolean } } };
    }
  ).Office;
  const req = office?.context?.requirements;
  try {
    if (req?.isSetSupported && !req.isSetSupported("ExcelApi", "1.9")) return false;
  } catch {
    // No working requirements check: look at the objects themselves.
  }
  const w = ws as unknown as { shapes?: unknown; horizontalPageBreaks?: unknown };
  return w.shapes !== undefined && w.horizontalPageBreaks !== undefined;
}

/**
 * Queues the model's drawn lines (the short rules under the issuing body and the motto) as line
 * shapes, and its manual page breaks. Positions are in points from the sheet's top-left corner,
 * from the model's own widths and heights. On a host without ExcelApi 1.9 both are left out (the
 * notice then prints without the rules and with Excel's own breaks).
 */
function queueDrawing(ws: Excel.Worksheet, model: SheetModel): void {
  if ((model.lines ?? []).length === 0 && (model.rowBreaks ?? []).length === 0) return;
  if (!drawingSupported(ws)) return;
  const top = (row: number): number => {
    let y = 0;
    for (let r = 0; r < row; r++) y += model.rowHeights[r] ?? 15;
    return y;
  };
  for (const line of model.lines ?? []) {
    const y = top(line.row) + line.topPt;
    const shape = ws.shapes.addLine(
      line.leftPt,
      y,
      line.leftPt + line.widthPt,
      y,
      "Straight" as Excel.ConnectorType,
    );
    shape.lineFormat.color = "#000000";
    shape.lineFormat.weight = 0.75;
    shape.placement = "Absolute" as Excel.Placement;
  }
  for (const r of model.rowBreaks ?? []) ws.horizontalPageBreaks.add(ws.getRangeByIndexes(r, 0, 1, 1));
}

/** One layout command for some rows (a height, a merge, a page break) and its size in a request. */
export interface RowLayoutOp {
  /** A generous estimate of what the command adds to a request (office.js JSON: a range path and an action). */
  readonly bytes: number;
  queue(ws: Excel.Worksheet): void;
}

/**
 * What a range and one action on it weigh in a request: the measured office.js shape is ~120
 * bytes per action ({"Id","ActionType","Name","ObjectPathId","ArgumentInfo"}); doubled for safety.
 */
const LAYOUT_OP_BYTES = 2 * 2 * 120;

/**
 * The per-row layout of a sheet — row heights (runs of equal heights as one command), merges and
 * manual page breaks — as commands with their size, so that the writer spreads them over requests
 * under the 5 MB limit with the values: a 100,000-unit notice has a merge per unit row and a break
 * per page, 26 MB when they all went in the swap's one request.
 */
export function rowLayoutOps(model: SheetModel): RowLayoutOp[] {
  const ops: RowLayoutOp[] = [];
  const heights = Object.entries(model.rowHeights)
    .map(([r, h]) => [Number(r), h] as const)
    .sort((a, b) => a[0] - b[0]);
  for (let k = 0; k < heights.length;) {
    const [r, h] = heights[k] as readonly [number, number];
    let end = k;
    while (heights[end + 1]?.[0] === (heights[end]?.[0] ?? -2) + 1 && heights[end + 1]?.[1] === h) end++;
    const n = (heights[end]?.[0] ?? r) - r + 1;
    ops.push({
      bytes: LAYOUT_OP_BYTES,
      queue: (ws) => {
        ws.getRangeByIndexes(r, 0, n, 1).format.rowHeight = Math.min(h, MAX_ROW_HEIGHT);
      },
    });
    k = end + 1;
  }
  for (const m of model.merges)
    ops.push({
      bytes: LAYOUT_OP_BYTES,
      queue: (ws) => ws.getRangeByIndexes(m.r1, m.c1, m.r2 - m.r1 + 1, m.c2 - m.c1 + 1).merge(false),
    });
  // Manual page breaks (ExcelApi 1.9) above the rows a page must start at.
  for (const r of model.rowBreaks ?? [])
    ops.push({
      bytes: LAYOUT_OP_BYTES,
      queue: (ws) => {
        ws.horizontalPageBreaks.add(ws.getRangeByIndexes(r, 0, 1, 1));
      },
    });
  return ops;
}

/**
 * Queues the sheet-level layout: widths, page setup, print area, drawing, gridlines, panes,
 * protection (the per-row layout, `rowLayoutOps`, is queued before it with the values).
 */
export function queueLayout(ws: Excel.Worksheet, model: SheetModel, rows: number): void {
  model.columnWidths.forEach((w, c) => {
    ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthToPoints(w);
  });
  const p = model.page;
  const pl = ws.pageLayout;
  pl.paperSize = "A4" as Excel.PaperType;
  pl.orientation = (p.orientation === "portrait" ? "Portrait" : "Landscape") as Excel.PageOrientation;
  pl.topMargin = p.marginsMm.top * MM_TO_PT;
  pl.bottomMargin = p.marginsMm.bottom * MM_TO_PT;
  pl.leftMargin = p.marginsMm.left * MM_TO_PT;
  pl.rightMargin = p.marginsMm.right * MM_TO_PT;
  if (p.centerHorizontally) pl.centerHorizontally = true;
  // verticalFitToPages 0 = "automatic": one page wide, as many pages tall as the content needs.
  if (p.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: p.fitToHeight ? 1 : 0 };
  const a = p.printArea;
  pl.setPrintArea(
    ws.getRangeByIndexes(a.r1, a.c1, Math.min(a.r2, Math.max(rows - 1, a.r1)) - a.r1 + 1, a.c2 - a.c1 + 1),
  );
  if (p.printTitleRows) pl.setPrintTitleRows(`$${p.printTitleRows.from + 1}:$${p.printTitleRows.to + 1}`);
  queueDrawing(ws, model);
  ws.showGridlines = model.showGridLines;
  if (model.freezeRows) ws.freezePanes.freezeRows(model.freezeRows);
  // Last: once protected, the sheet's locked cells (and its layout) refuse every change.
  if (model.protect) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
}
