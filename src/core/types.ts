/**
 * The plain values the engine works on. A grid is exactly what Excel's `Range.values` gives:
 * numbers, strings, booleans, `""` for an empty cell, and error values as strings such as `"#N/A"`.
 * Writers may also hand over `null` for an empty cell; the engine treats it like `""`.
 */
export type CellValue = number | string | boolean | null;

/** A rectangular-ish block of cell values, row-major. Rows may be ragged; missing cells are empty. */
export type Grid = ReadonlyArray<ReadonlyArray<CellValue>>;

/** The languages every user-facing message exists in. */
export type Lang = "vi" | "en";

/** A 0-based position inside a grid, plus where that grid sits in its sheet. */
export interface CellRef {
  /** Sheet name, as shown on the tab. */
  readonly sheet: string;
  /** 0-based row inside the sheet (not inside the grid). */
  readonly row: number;
  /** 0-based column inside the sheet. */
  readonly col: number;
}

/** Where a grid was read from: its sheet and the sheet coordinates of its top-left cell. */
export interface GridOrigin {
  readonly sheet: string;
  /** 0-based sheet row of grid row 0. */
  readonly row: number;
  /** 0-based sheet column of grid column 0. */
  readonly col: number;
}

/**
 * Excel's indent level of the cells that have one (Format Cells → Alignment → Indent, the
 * "Increase Indent" button), by grid row then grid column; cells without an indent are absent.
 * It carries a criteria list's tree when the rows are not numbered.
 */
export type CellIndents = ReadonlyMap<number, ReadonlyMap<number, number>>;

/** Cells of a sheet, by 0-based sheet row then the set of 0-based sheet columns. */
export type CellSet = ReadonlyMap<number, ReadonlySet<number>>;

/**
 * What a sheet's values alone do not say, in sheet coordinates (0-based row and column of the
 * sheet, not of the grid), given by readers that know it; every field is optional.
 * - `uncalculated`: formulas with no stored result (a file written by a generator and never
 *   opened in Excel or LibreOffice). Excel itself always calculates, so the add-in never has them.
 * - `percent`: cells whose number format shows a percent ("0.00%"): 0.9177 is shown 91,77%.
 * - `subtotal`: cells whose formula is SUBTOTAL(…) or AGGREGATE(…), which leave hidden rows out.
 * - `hiddenRows`: rows hidden by a filter or by hand.
 */
export interface CellFacts {
  readonly uncalculated?: CellSet;
  readonly percent?: CellSet;
  readonly subtotal?: CellSet;
  readonly hiddenRows?: ReadonlySet<number>;
}

/** True when a fact set holds the cell. */
export function hasCell(set: CellSet | undefined, row: number, col: number): boolean {
  return set?.get(row)?.has(col) === true;
}
