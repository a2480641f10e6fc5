/**
 * Excel.Range and its format objects (RangeFormat, RangeFont, RangeFill, RangeBorderCollection,
 * RangeBorder, FormatProtection). Every write first asks `guardEdit` whether sheet protection allows it.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  boundingRect,
  fullAddress,
  intersection,
  isEntireColumns,
  isEntireRows,
  parseAddress,
  rect,
  rectCells,
  type Rect,
} from "./address";
import { readCellProperties, type CellProperties, type CellPropertiesLoadOptions } from "./cell-properties";
import {
  ClientCollection,
  ClientObject,
  throwIfApiNotSupported,
  type ClientResult,
  type Exec,
  type RequestContext,
} from "./client";
import { Codes, officeError, readOnlyProperty } from "./errors";
import {
  normalizeColor,
  type BorderStyle,
  type CellStyle,
  type ProtectedEdit,
  type SheetModel,
  type Side,
  type WorkbookModel,
} from "./model";
import { apiValue, valueTypeOf } from "./values";
import { Worksheet } from "./sheet";
import { DataValidation } from "./validation";

export interface RangeEntity {
  sheet: SheetModel;
  rect: Rect;
}

/** Resolves an address (or a defined name) on a sheet; throws InvalidArgument at sync when it is neither. */
export function resolveAddress(
  model: WorkbookModel,
  sheet: SheetModel,
  address: string | undefined,
  location: string,
): RangeEntity {
  if (address === undefined || address === null || address === "")
    return { sheet, rect: rect(0, 0, MAX_ROWS - 1, MAX_COLS - 1) };
  if (typeof address !== "string") throw officeError(Codes.invalidArgument, location);
  const parsed = parseAddress(address);
  if (parsed) {
    if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
      throw officeError(Codes.invalidArgument, location);
    }
    return { sheet, rect: parsed.rect };
  }
  const named = resolveNamedRange(model, address);
  if (named) return named;
  throw officeError(Codes.invalidArgument, location);
}

/** The range a defined name (or "Sheet!A1" reference text) refers to, or null. */
export function resolveNamedRange(model: WorkbookModel, text: string): RangeEntity | null {
  const n = model.names.get(text.toLowerCase());
  const ref = n ? n.formula.replace(/^=/, "") : null;
  if (!ref) return null;
  const parsed = parseAddress(ref);
  if (!parsed || parsed.sheet === null) return null;
  const sheet = model.sheetByName(parsed.sheet);
  return sheet ? { sheet, rect: parsed.rect } : null;
}

const HALIGN = [
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
];
const VALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"];
const UNDERLINE = ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"];
const BORDER_INDEX = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];
const BORDER_STYLE = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const BORDER_WEIGHT = ["Hairline", "Thin", "Medium", "Thick"];
const CLEAR = ["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks"];

function checkCellRead(exec: Exec, e: RangeEntity, name: string): boolean {
  if (rectCells(e.rect) <= exec.limits.readCells) return true;
  if (exec.limits.oversizedRead === "null") return false;
  throw officeError(Codes.rangeExceedsLimit, `Range.${name}`);
}

function grid<T>(e: RangeEntity, cell: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = e.rect.r0; r <= e.rect.r1; r++) {
    const row: T[] = new Array<T>(e.rect.c1 - e.rect.c0 + 1);
    for (let c = e.rect.c0; c <= e.rect.c1; c++) row[c - e.rect.c0] = cell(r, c);
    out.push(row);
  }
  return out;
}

/** Reads a cell-array property of a range (values, formulas, text, numberFormat, valueTypes). */
function readCells(exec: Exec, e: RangeEntity, name: string): unknown {
  if (!checkCellRead(exec, e, name)) return null;
  const model = exec.model;
  const sheet = e.sheet;
  switch (name) {
    case "values":
      return grid(e, (r, c) => apiValue(sheet.value(r, c)));
    case "formulas":
    case "formulasLocal":
      return grid(e, (r, c) => sheet.formula(r, c) ?? apiValue(sheet.value(r, c)));
    case "text":
      return grid(e, (r, c) => model.text(sheet, r, c));
    case "numberFormat":
    case "numberFormatLocal":
      return grid(e, (r, c) => model.styles.get(sheet.styleId(r, c)).numberFormat);
    case "valueTypes":
      return grid(e, (r, c) => valueTypeOf(sheet.value(r, c)));
    default:
      return undefined;
  }
}

export class Range extends ClientObject<RangeEntity> {
  readonly _className = "Range";

  static create(
    context: RequestContext,
    path: string,
    parent: ClientObject<unknown>,
    resolve: (exec: Exec) => RangeEntity | null,
  ): Range {
    return new Range(context, { path, resolve, instantiate: true, parent });
  }

  override _scalars(): readonly string[] {
    return [
      "address",
      "addressLocal",
      "cellCount",
      "columnCount",
      "columnHidden",
      "columnIndex",
      "formulas",
      "formulasLocal",
      "height",
      "hidden",
      "isEntireColumn",
      "isEntireRow",
      "left",
      "numberFormat",
      "numberFormatLocal",
      "rowCount",
      "rowHidden",
      "rowIndex",
      "style",
      "text",
      "top",
      "valueTypes",
      "values",
      "width",
    ];
  }

  override _navigation(): Record<string, () => ClientObject<unknown>> {
    return {
      format: () => this.format,
      worksheet: () => this.worksheet,
      dataValidation: () => this.dataValidation,
    };
  }

  override _check(e: RangeEntity, location: string): void {
    if (e.sheet.deleted) throw officeError(Codes.itemNotFound, location);
  }

  override _read(exec: Exec, e: RangeEntity, name: string): unknown {
    const r = e.rect;
    const d = exec.model.defaults;
    switch (name) {
      case "address":
      case "addressLocal":
        return fullAddress(e.sheet.name, r);
      case "cellCount":
        return rectCells(r);
      case "rowCount":
        return r.r1 - r.r0 + 1;
      case "columnCount":
        return r.c1 - r.c0 + 1;
      case "rowIndex":
        return r.r0;
      case "columnIndex":
        return r.c0;
      case "isEntireColumn":
        return isEntireColumns(r);
      case "isEntireRow":
        return isEntireRows(r);
      case "hidden":
      case "rowHidden":
      case "columnHidden":
        return false;
      case "style":
        return "Normal";
      case "height": {
        let h = 0;
        for (let row = r.r0; row <= r.r1; row++) h += e.sheet.rowHeight(row, d);
        return h;
      }
      case "width": {
        let w = 0;
        for (let col = r.c0; col <= r.c1; col++) w += e.sheet.columnWidth(col, d);
        return w;
      }
      case "top": {
        let t = 0;
        for (let row = 0; row < r.r0; row++) t += e.sheet.rowHeight(row, d);
        return t;
      }
      case "left": {
        let l = 0;
        for (let col = 0; col < r.c0; col++) l += e.sheet.columnWidth(col, d);
        return l;
      }
      default:
        return readCells(exec, e, name);
    }
  }

  // --- scalar properties

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get isEntireColumn(): boolean {
    return this._get("isEntireColumn");
  }
  get isEntireRow(): boolean {
    return this._get("isEntireRow");
  }
  get hidden(): boolean {
    return this._get("hidden");
  }
  get height(): number {
    return this._get("height");
  }
  get width(): number {
    return this._get("width");
  }
  get top(): number {
    return this._get("top");
  }
  get left(): number {
    return this._get("left");
  }
  get style(): string {
    return this._get("style");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }

  get values(): (string | number | boolean)[][] {
    return this._get("values");
  }
  set values(value: unknown) {
    this._setProperty("values", value, (exec, e) => {
      exec.model.guardEdit(e.sheet, e.rect, "contents", "Range.values");
      exec.model.writeInputs(e.sheet, e.rect, value, "Range.values");
    });
  }

  get formulas(): (string | number | boolean)[][] {
    return this._get("formulas");
  }
  set formulas(value: unknown) {
    this._setProperty("formulas", value, (exec, e) => {
      exec.model.guardEdit(e.sheet, e.rect, "contents", "Range.formulas");
      exec.model.writeInputs(e.sheet, e.rect, value, "Range.formulas");
    });
  }

  /** Decision (README): formulasLocal is read/written like `formulas` (en-US), no locale translation. */
  get formulasLocal(): (string | number | boolean)[][] {
    return this._get("formulasLocal");
  }
  set formulasLocal(value: unknown) {
    this._setProperty("formulasLocal", value, (exec, e) => {
      exec.model.guardEdit(e.sheet, e.rect, "contents", "Range.formulasLocal");
      exec.model.writeInputs(e.sheet, e.rect, value, "Range.formulasLocal");
    });
  }

  get numberFormat(): string[][] {
    return this._get("numberFormat");
  }
  set numberFormat(value: unknown) {
    this._setProperty("numberFormat", value, (exec, e) => {
      exec.model.guardEdit(e.sheet, e.rect, "formats", "Range.numberFormat");
      exec.model.writeNumberFormats(e.sheet, e.rect, value, "Range.numberFormat");
    });
  }

  get numberFormatLocal(): string[][] {
    return this._get("numberFormatLocal");
  }
  set numberFormatLocal(value: unknown) {
    this._setProperty("numberFormatLocal", value, (exec, e) => {
      exec.model.guardEdit(e.sheet, e.rect, "formats", "Range.numberFormatLocal");
      exec.model.writeNumberFormats(e.sheet, e.rect, value, "Range.numberFormatLocal");
    });
  }

  // --- navigation

  get format(): RangeFormat {
    return this._facet("format", RangeFormat);
  }

  get worksheet(): Worksheet {
    return this._child(
      "worksheet",
      () =>
        new Worksheet(this.context, {
          path: `${this._path}.worksheet`,
          resolve: (exec) => this._resolve(exec)?.sheet ?? null,
          instantiate: true,
          parent: this,
        }),
    );
  }

  get dataValidation(): DataValidation {
    return this._facet("dataValidation", DataValidation);
  }

  // --- derived ranges

  private _derive(
    name: string,
    args: readonly unknown[],
    compute: (exec: Exec, e: RangeEntity) => RangeEntity | null,
  ): Range {
    return Range.create(
      this.context,
      `${this._path}.${name}(${args.map((a) => JSON.stringify(a)).join(", ")})`,
      this,
      (exec) => {
        const e = this._resolve(exec);
        if (e === null) return null;
        this._check(e, `Range.${name}`);
        return compute(exec, e);
      },
    );
  }

  private static inGrid(r0: number, c0: number, r1: number, c1: number, location: string): Rect {
    if (
      ![r0, c0, r1, c1].every(Number.isInteger) ||
      r0 < 0 ||
      c0 < 0 ||
      r1 >= MAX_ROWS ||
      c1 >= MAX_COLS ||
      r1 < r0 ||
      c1 < c0
    ) {
      throw officeError(Codes.invalidArgument, location);
    }
    return rect(r0, c0, r1, c1);
  }

  getCell(row: number, column: number): Range {
    return this._derive("getCell", [row, column], (_x, e) => ({
      sheet: e.sheet,
      rect: Range.inGrid(
        e.rect.r0 + row,
        e.rect.c0 + column,
        e.rect.r0 + row,
        e.rect.c0 + column,
        "Range.getCell",
      ),
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this._derive("getResizedRange", [deltaRows, deltaColumns], (_x, e) => ({
      sheet: e.sheet,
      rect: Range.inGrid(
        e.rect.r0,
        e.rect.c0,
        e.rect.r1 + deltaRows,
        e.rect.c1 + deltaColumns,
        "Range.getResizedRange",
      ),
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this._derive("getOffsetRange", [rowOffset, columnOffset], (_x, e) => ({
      sheet: e.sheet,
      rect: Range.inGrid(
        e.rect.r0 + rowOffset,
        e.rect.c0 + columnOffset,
        e.rect.r1 + rowOffset,
        e.rect.c1 + columnOffset,
        "Range.getOffsetRange",
      ),
    }));
  }

  getRow(row: number): Range {
    return this._derive("getRow", [row], (_x, e) => ({
      sheet: e.sheet,
      rect: Range.inGrid(e.rect.r0 + row, e.rect.c0, e.rect.r0 + row, e.rect.c1, "Range.getRow"),
    }));
  }

  getColumn(column: number): Range {
    return this._derive("getColumn", [column], (_x, e) => ({
      sheet: e.sheet,
      rect: Range.inGrid(e.rect.r0, e.rect.c0 + column, e.rect.r1, e.rect.c0 + column, "Range.getColumn"),
    }));
  }

  getEntireColumn(): Range {
    return this._derive("getEntireColumn", [], (_x, e) => ({
      sheet: e.sheet,
      rect: rect(0, e.rect.c0, MAX_ROWS - 1, e.rect.c1),
    }));
  }

  getEntireRow(): Range {
    return this._derive("getEntireRow", [], (_x, e) => ({
      sheet: e.sheet,
      rect: rect(e.rect.r0, 0, e.rect.r1, MAX_COLS - 1),
    }));
  }

  getLastRow(): Range {
    return this._derive("getLastRow", [], (_x, e) => ({
      sheet: e.sheet,
      rect: rect(e.rect.r1, e.rect.c0, e.rect.r1, e.rect.c1),
    }));
  }

  getLastColumn(): Range {
    return this._derive("getLastColumn", [], (_x, e) => ({
      sheet: e.sheet,
      rect: rect(e.rect.r0, e.rect.c1, e.rect.r1, e.rect.c1),
    }));
  }

  getLastCell(): Range {
    return this._derive("getLastCell", [], (_x, e) => ({
      sheet: e.sheet,
      rect: rect(e.rect.r1, e.rect.c1, e.rect.r1, e.rect.c1),
    }));
  }

  getRowsAbove(count = 1): Range {
    return this._derive("getRowsAbove", [count], (_x, e) => ({
      sheet: e.sheet,
      rect: Range.inGrid(e.rect.r0 - count, e.rect.c0, e.rect.r0 - 1, e.rect.c1, "Range.getRowsAbove"),
    }));
  }

  getRowsBelow(count = 1): Range {
    return this._derive("getRowsBelow", [count], (_x, e) => ({
      sheet: e.sheet,
      rect: Range.inGrid(e.rect.r1 + 1, e.rect.c0, e.rect.r1 + count, e.rect.c1, "Range.getRowsBelow"),
    }));
  }

  getColumnsBefore(count = 1): Range {
    return this._derive("getColumnsBefore", [count], (_x, e) => ({
      sheet: e.sheet,
      rect: Range.inGrid(e.rect.r0, e.rect.c0 - count, e.rect.r1, e.rect.c0 - 1, "Range.getColumnsBefore"),
    }));
  }

  getColumnsAfter(count = 1): Range {
    return this._derive("getColumnsAfter", [count], (_x, e) => ({
      sheet: e.sheet,
      rect: Range.inGrid(e.rect.r0, e.rect.c1 + 1, e.rect.r1, e.rect.c1 + count, "Range.getColumnsAfter"),
    }));
  }

  private _other(exec: Exec, e: RangeEntity, other: Range | string, location: string): Rect {
    if (typeof other === "string") return resolveAddress(exec.model, e.sheet, other, location).rect;
    const o = other._require(exec, location);
    if (o.sheet !== e.sheet) throw officeError(Codes.invalidArgument, location);
    return o.rect;
  }

  getBoundingRect(anotherRange: Range | string): Range {
    return this._derive(
      "getBoundingRect",
      [typeof anotherRange === "string" ? anotherRange : anotherRange._path],
      (exec, e) => ({
        sheet: e.sheet,
        rect: boundingRect(e.rect, this._other(exec, e, anotherRange, "Range.getBoundingRect")),
      }),
    );
  }

  getIntersection(anotherRange: Range | string): Range {
    return this._derive(
      "getIntersection",
      [typeof anotherRange === "string" ? anotherRange : anotherRange._path],
      (exec, e) => {
        const r = intersection(e.rect, this._other(exec, e, anotherRange, "Range.getIntersection"));
        if (!r) throw officeError(Codes.itemNotFound, "Range.getIntersection");
        return { sheet: e.sheet, rect: r };
      },
    );
  }

  getIntersectionOrNullObject(anotherRange: Range | string): Range {
    return this._derive(
      "getIntersectionOrNullObject",
      [typeof anotherRange === "string" ? anotherRange : anotherRange._path],
      (exec, e) => {
        const r = intersection(
          e.rect,
          this._other(exec, e, anotherRange, "Range.getIntersectionOrNullObject"),
        );
        return r ? { sheet: e.sheet, rect: r } : null;
      },
    );
  }

  /** The used range of the sheet clipped to this range; the top-left cell when there is none. */
  getUsedRange(valuesOnly = false): Range {
    return this._derive("getUsedRange", [valuesOnly], (_x, e) => {
      const used = e.sheet.usedRect(valuesOnly);
      const clipped = used ? intersection(used, e.rect) : null;
      if (!clipped) throw officeError(Codes.itemNotFound, "Range.getUsedRange");
      return { sheet: e.sheet, rect: clipped };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this._derive("getUsedRangeOrNullObject", [valuesOnly], (_x, e) => {
      const used = e.sheet.usedRect(valuesOnly);
      const clipped = used ? intersection(used, e.rect) : null;
      return clipped ? { sheet: e.sheet, rect: clipped } : null;
    });
  }

  // --- methods

  /**
   * ExcelApi 1.9: the properties asked for, cell by cell (see cell-properties.ts). On a host
   * without ExcelApi 1.9 (the double's `excelApi` option) it throws ApiNotFound when called, as
   * office.js does; the options are copied when called (office.js serializes the argument then).
   */
  getCellProperties(cellPropertiesLoadOptions: CellPropertiesLoadOptions): ClientResult<CellProperties[][]> {
    throwIfApiNotSupported(this.context, "Range.getCellProperties", "1.9");
    const sent: unknown =
      cellPropertiesLoadOptions === undefined
        ? undefined
        : JSON.parse(JSON.stringify(cellPropertiesLoadOptions));
    // null only in the limits' "null" mode for oversized reads, as `values` then reads.
    return this._result(
      "getCellProperties",
      [sent],
      (exec, e) => readCellProperties(exec, e, sent) as CellProperties[][],
    );
  }

  /** Decision (README): on a protected sheet, merging needs the "format cells" permission. */
  merge(across = false): void {
    this._method("merge", [across], (exec, e) => {
      exec.model.guardEdit(e.sheet, e.rect, "formats", "Range.merge");
      exec.model.merge(e.sheet, e.rect, across);
    });
  }

  unmerge(): void {
    this._method("unmerge", [], (exec, e) => {
      exec.model.guardEdit(e.sheet, e.rect, "formats", "Range.unmerge");
      exec.model.unmerge(e.sheet, e.rect);
    });
  }

  clear(applyTo: string = "All"): void {
    this._method("clear", [applyTo], (exec, e) => {
      if (!CLEAR.includes(applyTo)) throw officeError(Codes.invalidArgument, "Range.clear");
      if (applyTo === "All" || applyTo === "Contents")
        exec.model.guardEdit(e.sheet, e.rect, "contents", "Range.clear");
      if (applyTo === "All" || applyTo === "Formats")
        exec.model.guardEdit(e.sheet, e.rect, "formats", "Range.clear");
      exec.model.clear(e.sheet, e.rect, applyTo);
    });
  }

  /** Selects the range: activates its sheet (which must be visible) and moves the selection there. */
  select(): void {
    this._method("select", [], (exec, e) => {
      exec.model.activate(e.sheet);
      e.sheet.selection = { ...e.rect };
    });
  }

  calculate(): void {
    this._method("calculate", [], () => undefined);
  }

  /** Not simulated: shifting cells. Fails at sync so a test notices. */
  insert(shift: string): Range {
    this._method("insert", [shift], () => {
      throw officeError(
        Codes.notImplemented,
        "Range.insert",
        "Range.insert is not simulated by the Excel double.",
      );
    });
    return this;
  }

  delete(shift: string): void {
    this._method("delete", [shift], () => {
      throw officeError(
        Codes.notImplemented,
        "Range.delete",
        "Range.delete is not simulated by the Excel double.",
      );
    });
  }

  set(properties: Record<string, unknown>): void {
    this._setMany(
      properties,
      ["numberFormat", "numberFormatLocal", "values", "formulas", "formulasLocal"],
      ["format", "dataValidation"],
      [
        "address",
        "addressLocal",
        "cellCount",
        "columnCount",
        "columnIndex",
        "rowCount",
        "rowIndex",
        "text",
        "valueTypes",
        "worksheet",
      ],
    );
  }
}

/** Everything in a RangeFormat acts on the range's cells. */
abstract class RangePart<E> extends ClientObject<E> {
  protected abstract range(e: E): RangeEntity;
  override _check(e: E, location: string): void {
    if (this.range(e).sheet.deleted) throw officeError(Codes.itemNotFound, location);
  }
  protected _style(
    name: string,
    value: unknown,
    mutate: (s: CellStyle, exec: Exec, e: E) => CellStyle,
    edit: ProtectedEdit = "formats",
  ): void {
    this._setProperty(name, value, (exec, e) => {
      const r = this.range(e);
      exec.model.guardEdit(r.sheet, r.rect, edit, `${this._className}.${name}`);
      exec.model.applyStyle(r.sheet, r.rect, (s) => mutate(s, exec, e));
    });
  }
  protected _uniform<T>(exec: Exec, e: E, get: (s: CellStyle) => T): T | null {
    const r = this.range(e);
    return exec.model.uniform(r.sheet, r.rect, get);
  }
}

function oneOf(list: readonly string[], value: unknown, location: string): string {
  if (typeof value !== "string" || !list.includes(value)) throw officeError(Codes.invalidArgument, location);
  return value;
}

function bool(value: unknown, location: string): boolean {
  if (typeof value !== "boolean") throw officeError(Codes.invalidArgument, location);
  return value;
}

function num(value: unknown, min: number, max: number, location: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max)
    throw officeError(Codes.invalidArgument, location);
  return value;
}

export class RangeFormat extends RangePart<RangeEntity> {
  readonly _className = "RangeFormat";
  protected range(e: RangeEntity): RangeEntity {
    return e;
  }

  override _scalars(): readonly string[] {
    return [
      "horizontalAlignment",
      "verticalAlignment",
      "wrapText",
      "columnWidth",
      "rowHeight",
      "indentLevel",
    ];
  }

  override _navigation(): Record<string, () => ClientObject<unknown>> {
    return {
      font: () => this.font,
      fill: () => this.fill,
      borders: () => this.borders,
      protection: () => this.protection,
    };
  }

  override _read(exec: Exec, e: RangeEntity, name: string): unknown {
    const d = exec.model.defaults;
    switch (name) {
      case "horizontalAlignment":
        return this._uniform(exec, e, (s) => s.horizontalAlignment);
      case "verticalAlignment":
        return this._uniform(exec, e, (s) => s.verticalAlignment);
      case "wrapText":
        return this._uniform(exec, e, (s) => s.wrapText);
      case "indentLevel":
        return this._uniform(exec, e, (s) => s.indentLevel);
      case "columnWidth": {
        const first = e.sheet.columnWidth(e.rect.c0, d);
        if (isEntireRows(e.rect)) {
          for (const [, w] of e.sheet.colWidths) if (w !== first) return null;
          return first;
        }
        for (let c = e.rect.c0 + 1; c <= e.rect.c1; c++) if (e.sheet.columnWidth(c, d) !== first) return null;
        return first;
      }
      case "rowHeight": {
        const first = e.sheet.rowHeight(e.rect.r0, d);
        if (isEntireColumns(e.rect)) {
          let explicit = 0;
          for (const [r, h] of e.sheet.rowHeights) {
            if (r < e.rect.r0 || r > e.rect.r1) continue;
            explicit++;
            if (h !== first) return null;
          }
          if (explicit < e.rect.r1 - e.rect.r0 + 1 && first !== d.rowHeight) return null;
          return first;
        }
        for (let r = e.rect.r0 + 1; r <= e.rect.r1; r++) if (e.sheet.rowHeight(r, d) !== first) return null;
        return first;
      }
      default:
        return undefined;
    }
  }

  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this._style("horizontalAlignment", v, (s) => ({
      ...s,
      horizontalAlignment: oneOf(HALIGN, v, "RangeFormat.horizontalAlignment"),
    }));
  }
  get verticalAlignment(): string {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this._style("verticalAlignment", v, (s) => ({
      ...s,
      verticalAlignment: oneOf(VALIGN, v, "RangeFormat.verticalAlignment"),
    }));
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._style("wrapText", v, (s) => ({ ...s, wrapText: bool(v, "RangeFormat.wrapText") }));
  }
  get indentLevel(): number {
    return this._get("indentLevel");
  }
  set indentLevel(v: number) {
    this._style("indentLevel", v, (s) => ({ ...s, indentLevel: num(v, 0, 250, "RangeFormat.indentLevel") }));
  }

  /** Points. Decision (README): stored as given, without Excel's rounding to character/pixel units. */
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(v: number) {
    this._setProperty("columnWidth", v, (exec, e) => {
      exec.model.guardEdit(e.sheet, e.rect, "columns", "RangeFormat.columnWidth");
      const w = num(v, 0, 1789.5, "RangeFormat.columnWidth");
      for (let c = e.rect.c0; c <= e.rect.c1; c++) e.sheet.colWidths.set(c, w);
    });
  }

  /** Points. */
  get rowHeight(): number {
    return this._get("rowHeight");
  }
  set rowHeight(v: number) {
    this._setProperty("rowHeight", v, (exec, e) => {
      exec.model.guardEdit(e.sheet, e.rect, "rows", "RangeFormat.rowHeight");
      const h = num(v, 0, 409.5, "RangeFormat.rowHeight");
      for (let r = e.rect.r0; r <= e.rect.r1; r++) e.sheet.rowHeights.set(r, h);
    });
  }

  autofitColumns(): void {
    this._method("autofitColumns", [], (exec, e) => {
      exec.model.guardEdit(e.sheet, e.rect, "columns", "RangeFormat.autofitColumns");
      exec.model.autofitColumns(e.sheet, e.rect);
    });
  }

  autofitRows(): void {
    this._method("autofitRows", [], (exec, e) => {
      exec.model.guardEdit(e.sheet, e.rect, "rows", "RangeFormat.autofitRows");
      exec.model.autofitRows(e.sheet, e.rect);
    });
  }

  get font(): RangeFont {
    return this._facet("font", RangeFont);
  }

  get fill(): RangeFill {
    return this._facet("fill", RangeFill);
  }

  get borders(): RangeBorderCollection {
    return this._facet("borders", RangeBorderCollection);
  }

  get protection(): FormatProtection {
    return this._facet("protection", FormatProtection);
  }

  set(properties: Record<string, unknown>): void {
    this._setMany(
      properties,
      ["wrapText", "horizontalAlignment", "verticalAlignment", "columnWidth", "rowHeight", "indentLevel"],
      ["fill", "font", "protection"],
      ["borders"],
    );
  }
}

/**
 * `Excel.FormatProtection` (ExcelApi 1.2): `locked` (default true) and `formulaHidden` (default
 * false), stored in the cell style; null when the cells differ. Changing either on a protected
 * sheet fails, as Excel offers no way to do it there.
 */
export class FormatProtection extends RangePart<RangeEntity> {
  readonly _className = "FormatProtection";
  protected range(e: RangeEntity): RangeEntity {
    return e;
  }
  override _scalars(): readonly string[] {
    return ["locked", "formulaHidden"];
  }
  override _read(exec: Exec, e: RangeEntity, name: string): unknown {
    return this._uniform(exec, e, (s) => (name === "locked" ? s.locked : s.formulaHidden));
  }
  get locked(): boolean {
    return this._get("locked");
  }
  set locked(v: boolean) {
    this._style("locked", v, (s) => ({ ...s, locked: bool(v, "FormatProtection.locked") }), "protection");
  }
  get formulaHidden(): boolean {
    return this._get("formulaHidden");
  }
  set formulaHidden(v: boolean) {
    this._style(
      "formulaHidden",
      v,
      (s) => ({ ...s, formulaHidden: bool(v, "FormatProtection.formulaHidden") }),
      "protection",
    );
  }
  set(properties: Record<string, unknown>): void {
    this._setMany(properties, ["locked", "formulaHidden"], [], []);
  }
}

export class RangeFont extends RangePart<RangeEntity> {
  readonly _className = "RangeFont";
  protected range(e: RangeEntity): RangeEntity {
    return e;
  }
  override _scalars(): readonly string[] {
    return ["bold", "color", "italic", "name", "size", "strikethrough", "underline"];
  }
  override _read(exec: Exec, e: RangeEntity, name: string): unknown {
    return this._uniform(exec, e, (s) => s.font[name as keyof CellStyle["font"]]);
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._style("name", v, (s) => {
      if (typeof v !== "string" || v.length === 0) throw officeError(Codes.invalidArgument, "RangeFont.name");
      return { ...s, font: { ...s.font, name: v } };
    });
  }
  get size(): number {
    return this._get("size");
  }
  set size(v: number) {
    this._style("size", v, (s) => ({ ...s, font: { ...s.font, size: num(v, 1, 409, "RangeFont.size") } }));
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._style("bold", v, (s) => ({ ...s, font: { ...s.font, bold: bool(v, "RangeFont.bold") } }));
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._style("italic", v, (s) => ({ ...s, font: { ...s.font, italic: bool(v, "RangeFont.italic") } }));
  }
  get strikethrough(): boolean {
    return this._get("strikethrough");
  }
  set strikethrough(v: boolean) {
    this._style("strikethrough", v, (s) => ({
      ...s,
      font: { ...s.font, strikethrough: bool(v, "RangeFont.strikethrough") },
    }));
  }
  get underline(): string {
    return this._get("underline");
  }
  set underline(v: string) {
    this._style("underline", v, (s) => ({
      ...s,
      font: { ...s.font, underline: oneOf(UNDERLINE, v, "RangeFont.underline") },
    }));
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._style("color", v, (s) => ({
      ...s,
      font: { ...s.font, color: normalizeColor(v, "RangeFont.color") },
    }));
  }
  set(properties: Record<string, unknown>): void {
    this._setMany(
      properties,
      ["name", "size", "color", "italic", "bold", "underline", "strikethrough"],
      [],
      [],
    );
  }
}

export class RangeFill extends RangePart<RangeEntity> {
  readonly _className = "RangeFill";
  protected range(e: RangeEntity): RangeEntity {
    return e;
  }
  override _scalars(): readonly string[] {
    return ["color", "pattern"];
  }
  override _read(exec: Exec, e: RangeEntity, name: string): unknown {
    if (name === "pattern") return this._uniform(exec, e, (s) => (s.fillColor === null ? "None" : "Solid"));
    return this._uniform(exec, e, (s) => s.fillColor ?? "#FFFFFF");
  }
  /** "#RRGGBB"; "#FFFFFF" when there is no fill (like Excel); null when cells differ. */
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._style("color", v, (s) => ({ ...s, fillColor: normalizeColor(v, "RangeFill.color") }));
  }
  get pattern(): string {
    return this._get("pattern");
  }
  clear(): void {
    this._method("clear", [], (exec, e) => {
      exec.model.guardEdit(e.sheet, e.rect, "formats", "RangeFill.clear");
      exec.model.applyStyle(e.sheet, e.rect, (s) => ({ ...s, fillColor: null }));
    });
  }
  set(properties: Record<string, unknown>): void {
    this._setMany(properties, ["color"], [], []);
  }
}

export interface BorderEntity {
  range: RangeEntity;
  index: string;
}

export class RangeBorderCollection extends ClientCollection<RangeEntity, RangeBorder, BorderEntity> {
  readonly _className = "RangeBorderCollection";

  override _check(e: RangeEntity, location: string): void {
    if (e.sheet.deleted) throw officeError(Codes.itemNotFound, location);
  }

  override _itemEntities(_exec: Exec, e: RangeEntity): BorderEntity[] {
    return BORDER_INDEX.map((index) => ({ range: e, index }));
  }

  override _makeItem(entity: BorderEntity): RangeBorder {
    return new RangeBorder(this.context, {
      path: `${this._path}.getItem(${JSON.stringify(entity.index)})`,
      resolve: null,
      entity,
      instantiate: false,
      parent: this,
    });
  }

  get count(): number {
    return this._get("count");
  }

  getItem(index: string): RangeBorder {
    return new RangeBorder(this.context, {
      path: `${this._path}.getItem(${JSON.stringify(index)})`,
      resolve: (exec) => {
        const e = this._resolve(exec);
        if (e === null) return null;
        oneOf(BORDER_INDEX, index, "RangeBorderCollection.getItem");
        return { range: e, index };
      },
      instantiate: true,
      parent: this,
    });
  }

  getItemAt(i: number): RangeBorder {
    return new RangeBorder(this.context, {
      path: `${this._path}.getItemAt(${i})`,
      resolve: (exec) => {
        const e = this._resolve(exec);
        if (e === null) return null;
        const index = BORDER_INDEX[i];
        if (index === undefined) throw officeError(Codes.invalidArgument, "RangeBorderCollection.getItemAt");
        return { range: e, index };
      },
      instantiate: true,
      parent: this,
    });
  }

  override _queueLoad(paths: string[]): void {
    if (paths.includes("count")) {
      this._queue("load", "RangeBorderCollection.load", ["count"], (exec) =>
        exec.respond(8, () => this._fields.set("count", 8)),
      );
      paths = paths.filter((p) => p !== "count");
      if (paths.length === 0) return;
    }
    super._queueLoad(paths);
  }
}

/** The cells and sides a border index touches (inside borders set both neighbours). */
function borderTargets(r: Rect, index: string): { rect: Rect; side: Side }[] {
  switch (index) {
    case "EdgeTop":
      return [{ rect: rect(r.r0, r.c0, r.r0, r.c1), side: "top" }];
    case "EdgeBottom":
      return [{ rect: rect(r.r1, r.c0, r.r1, r.c1), side: "bottom" }];
    case "EdgeLeft":
      return [{ rect: rect(r.r0, r.c0, r.r1, r.c0), side: "left" }];
    case "EdgeRight":
      return [{ rect: rect(r.r0, r.c1, r.r1, r.c1), side: "right" }];
    case "InsideHorizontal":
      return r.r1 > r.r0
        ? [
            { rect: rect(r.r0, r.c0, r.r1 - 1, r.c1), side: "bottom" },
            { rect: rect(r.r0 + 1, r.c0, r.r1, r.c1), side: "top" },
          ]
        : [];
    case "InsideVertical":
      return r.c1 > r.c0
        ? [
            { rect: rect(r.r0, r.c0, r.r1, r.c1 - 1), side: "right" },
            { rect: rect(r.r0, r.c0 + 1, r.r1, r.c1), side: "left" },
          ]
        : [];
    case "DiagonalDown":
      return [{ rect: r, side: "diagonalDown" }];
    default:
      return [{ rect: r, side: "diagonalUp" }];
  }
}

const NO_BORDER: BorderStyle = { style: "None", color: "#000000", weight: "Thin" };

export class RangeBorder extends RangePart<BorderEntity> {
  readonly _className = "RangeBorder";
  protected range(e: BorderEntity): RangeEntity {
    return e.range;
  }
  override _scalars(): readonly string[] {
    return ["color", "sideIndex", "style", "weight"];
  }
  override _read(exec: Exec, e: BorderEntity, name: string): unknown {
    if (name === "sideIndex") return e.index;
    const targets = borderTargets(e.range.rect, e.index);
    if (targets.length === 0) return NO_BORDER[name as keyof BorderStyle];
    const { rect: t, side } = targets[0] as { rect: Rect; side: Side };
    let value: string | null | undefined;
    const sheet = e.range.sheet;
    const visit = (r: number, c: number): boolean => {
      const b = exec.model.borderAt(sheet, r, c, side) ?? NO_BORDER;
      const v = b[name as keyof BorderStyle];
      if (value === undefined) value = v;
      else if (value !== v) {
        value = null;
        return false;
      }
      return true;
    };
    if (rectCells(t) > 1_000_000) {
      // whole columns/rows: look at the column/row defaults and explicit cells only
      const ids = exec.model.styleIdsIn(sheet, t);
      for (const id of ids) {
        const b = exec.model.styles.get(id).borders[side] ?? NO_BORDER;
        const v = b[name as keyof BorderStyle];
        if (value === undefined) value = v;
        else if (value !== v) return null;
      }
      return value ?? null;
    }
    outer: for (let r = t.r0; r <= t.r1; r++)
      for (let c = t.c0; c <= t.c1; c++) if (!visit(r, c)) break outer;
    return value ?? null;
  }

  private _border(name: string, value: unknown, change: (b: BorderStyle) => BorderStyle): void {
    this._setProperty(name, value, (exec, e) => {
      exec.model.guardEdit(e.range.sheet, e.range.rect, "formats", `RangeBorder.${name}`);
      for (const { rect: t, side } of borderTargets(e.range.rect, e.index)) {
        exec.model.applyStyle(e.range.sheet, t, (s) => {
          const current = s.borders[side] ?? NO_BORDER;
          const next = change(current);
          return { ...s, borders: { ...s.borders, [side]: next.style === "None" ? null : next } };
        });
      }
    });
  }

  get sideIndex(): string {
    return this._get("sideIndex");
  }
  set sideIndex(_v: string) {
    throw readOnlyProperty("RangeBorder", "sideIndex");
  }
  get style(): string {
    return this._get("style");
  }
  /** "None" removes the border; setting a color or weight on a missing border makes it Continuous. */
  set style(v: string) {
    this._border("style", v, (b) => ({ ...b, style: oneOf(BORDER_STYLE, v, "RangeBorder.style") }));
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._border("color", v, (b) => ({
      ...b,
      style: b.style === "None" ? "Continuous" : b.style,
      color: normalizeColor(v, "RangeBorder.color"),
    }));
  }
  get weight(): string {
    return this._get("weight");
  }
  set weight(v: string) {
    this._border("weight", v, (b) => ({
      ...b,
      style: b.style === "None" ? "Continuous" : b.style,
      weight: oneOf(BORDER_WEIGHT, v, "RangeBorder.weight"),
    }));
  }
  set(properties: Record<string, unknown>): void {
    this._setMany(properties, ["style", "weight", "color"], [], ["sideIndex"]);
  }
}
