/**
 * A renderer-neutral description of a worksheet EMU writes: values, styles, merges, widths,
 * and page setup. The notice and the results sheet are built once as a `SheetModel`; the CLI
 * (exceljs) and the add-in (the Excel JavaScript API) each render the same model, so both produce the same sheet.
 */

export type HAlign = "left" | "center" | "right" | "justify";
export type VAlign = "top" | "middle" | "bottom";

export interface CellStyle {
  readonly font?: {
    readonly name?: string;
    readonly size?: number;
    readonly bold?: boolean;
    readonly italic?: boolean;
    readonly underline?: boolean;
  };
  readonly align?: HAlign;
  readonly valign?: VAlign;
  readonly wrap?: boolean;
  /** Thin black border on all four sides. */
  readonly border?: boolean;
  /** Only a bottom rule (the short lines under the issuing body and the motto). */
  readonly bottomRule?: boolean;
  /** Excel number format, e.g. "@" for text, "0" or "#,##0.##". */
  readonly numberFormat?: string;
  /** Light fill for header cells, as "RRGGBB". */
  readonly fill?: string;
  /** False for the cells a protected form leaves open to typing (Excel locks every cell by default). */
  readonly locked?: boolean;
}

/** One written cell. Text values are written as text, never as formulas. */
export interface CellModel {
  /** 0-based row. */
  readonly row: number;
  /** 0-based column. */
  readonly col: number;
  readonly value: string | number | boolean | null;
  /** Key into `SheetModel.styles`. */
  readonly style?: string;
  /**
   * A formula EMU itself writes (a form's totals), e.g. "=SUM(D5:D9)"; `value` is then its
   * expected result. Text from users is never a formula: it always goes in `value`.
   */
  readonly formula?: string;
}

/** A data validation: the cells accept only decimal numbers from `min` to `max` (inclusive). */
export interface ValidationModel {
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
  readonly min: number;
  /** Absent: no upper bound. */
  readonly max?: number;
  /** Shown when the cell is selected and when a wrong value is typed. */
  readonly prompt: string;
  readonly error: string;
}

export interface MergeModel {
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

export interface PageSetupModel {
  readonly paper: "A4";
  readonly orientation: "portrait" | "landscape";
  /** Margins in millimetres (Nghị định 30/2020: top/bottom 20–25, left 30–35, right 15–20). */
  readonly marginsMm: {
    readonly top: number;
    readonly bottom: number;
    readonly left: number;
    readonly right: number;
  };
  /** Scale the columns to one page wide. */
  readonly fitToWidth: boolean;
  /** 0-based inclusive rows repeated at the top of each printed page (the table header), if any. */
  readonly printTitleRows?: { readonly from: number; readonly to: number };
  /** The print area, 0-based inclusive. */
  readonly printArea: MergeModel;
  readonly centerHorizontally?: boolean;
  /** Scale to one page tall as well (only when a small scale-down is enough). */
  readonly fitToHeight?: boolean;
}

/**
 * A drawn horizontal line, not a cell border: the short centred rules under the issuing body
 * and the motto (NĐ 30), which no column boundary could give. The CLI draws it as a picture of
 * a thin line (exceljs has no shapes), the add-in as a line shape.
 */
export interface LineModel {
  /** 0-based row the line is drawn in. */
  readonly row: number;
  /** Down from the top of that row, in points. */
  readonly topPt: number;
  /** From the left edge of column A, in points. */
  readonly leftPt: number;
  readonly widthPt: number;
}

export interface SheetModel {
  readonly name: string;
  /** Column widths in Excel character units, index = column. */
  readonly columnWidths: readonly number[];
  /** Row heights in points, by 0-based row; rows not listed keep the default height. */
  readonly rowHeights: Readonly<Record<number, number>>;
  readonly cells: readonly CellModel[];
  readonly merges: readonly MergeModel[];
  readonly styles: Readonly<Record<string, CellStyle>>;
  readonly page: PageSetupModel;
  /** Default font for the whole sheet. */
  readonly defaultFont: { readonly name: string; readonly size: number };
  /** Hide gridlines on screen (an official document should look like paper). */
  readonly showGridLines: boolean;
  /** Freeze rows above this 0-based row (e.g. under a table header). */
  readonly freezeRows?: number;
  /** EMU's own bookkeeping sheet is very hidden; everything else is visible. */
  readonly state?: "visible" | "hidden" | "veryHidden";
  readonly validations?: readonly ValidationModel[];
  /** Protect the sheet's structure: only cells styled `locked: false` stay editable. */
  readonly protect?: boolean;
  /** 0-based rows a printed page starts at (manual page breaks above them): a pledge's signature blocks are never split. */
  readonly rowBreaks?: readonly number[];
  /** Drawn lines (see `LineModel`). */
  readonly lines?: readonly LineModel[];
}

/**
 * Points of a column `units` wide (Excel character units of the Normal style's Calibri 11: 7 px a
 * character plus 5 px padding, at 96 px per inch).
 * @example columnPt(10) //=> 56.25
 */
export function columnPt(units: number): number {
  return (units * 7 + 5) * 0.75;
}

/**
 * The column width (character units) that is `pt` points wide; the inverse of `columnPt`.
 * @example columnUnits(56.25) //=> 10
 */
export function columnUnits(pt: number): number {
  return Math.max(0, (pt / 0.75 - 5) / 7);
}

/** The extent of a model: 0-based last row and last column that hold a cell or a merge. */
export function sheetExtent(model: SheetModel): { rows: number; cols: number } {
  let rows = 0;
  let cols = model.columnWidths.length;
  for (const c of model.cells) {
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
  }
  for (const m of model.merges) {
    rows = Math.max(rows, m.r2 + 1);
    cols = Math.max(cols, m.c2 + 1);
  }
  return { rows, cols };
}

/** Excel keeps at most 32,767 characters in a cell: more fails an API request, or makes Excel "repair" a file. */
export const MAX_CELL_CHARS = 32_767;
/** Excel's tallest row, in points (a taller one is refused, or repaired in a file). */
export const MAX_ROW_HEIGHT = 409;

/**
 * A text as Excel can hold it: cut to 32,767 characters (ending with "…") when longer. Only a
 * damaged or generated input carries such a text (Excel itself cannot), e.g. a unit "name" of a
 * million characters, which the results and the notice would otherwise copy. Both renderers of a
 * `SheetModel` (exceljs in the CLI, Office.js in the add-in) write text through it.
 * @example fitCellText("Sở A") //=> "Sở A"
 */
export function fitCellText(s: string): string {
  if (s.length <= MAX_CELL_CHARS) return s;
  let cut = MAX_CELL_CHARS - 1;
  // Never split a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(s.charAt(cut - 1))) cut--;
  return `${s.slice(0, cut)}…`;
}
