/** Excel.Worksheet, WorksheetCollection, WorksheetProtection, PageLayout, WorksheetFreezePanes, Table(Collection). */
import {
  MAX_COLS,
  MAX_ROWS,
  fullAddress,
  intersects,
  parseAddress,
  rect,
  rectAddress,
  type Rect,
} from "./address";
import {
  ClientCollection,
  ClientObject,
  ClientResult,
  type Exec,
  type ProxyInit,
  type RequestContext,
} from "./client";
import { Codes, officeError, readOnlyProperty } from "./errors";
import {
  defaultProtectionOptions,
  normalizeColor,
  type PageLayoutModel,
  type ProtectionOptions,
  type SheetModel,
  type TableModel,
  type WorkbookModel,
  type Zoom,
} from "./model";
import { Range, resolveAddress, type RangeEntity } from "./range";

function checkSheet(sheet: SheetModel, location: string): void {
  if (sheet.deleted) throw officeError(Codes.itemNotFound, location);
}

export class Worksheet extends ClientObject<SheetModel> {
  readonly _className = "Worksheet";

  override _scalars(): readonly string[] {
    return [
      "id",
      "name",
      "position",
      "showGridlines",
      "showHeadings",
      "standardHeight",
      "standardWidth",
      "tabColor",
      "visibility",
    ];
  }

  override _navigation(): Record<string, () => ClientObject<unknown>> {
    return {
      pageLayout: () => this.pageLayout,
      freezePanes: () => this.freezePanes,
      horizontalPageBreaks: () => this.horizontalPageBreaks,
      tables: () => this.tables,
      protection: () => this.protection,
    };
  }

  override _check(sheet: SheetModel, location: string): void {
    checkSheet(sheet, location);
  }

  override _read(exec: Exec, sheet: SheetModel, name: string): unknown {
    switch (name) {
      case "id":
        return sheet.id;
      case "name":
        return sheet.name;
      case "position":
        return exec.model.sheets.indexOf(sheet);
      case "showGridlines":
        return sheet.showGridlines;
      case "showHeadings":
        return true;
      case "standardHeight":
        return exec.model.defaults.rowHeight;
      case "standardWidth":
        return 8.43;
      case "tabColor":
        return sheet.tabColor;
      case "visibility":
        return sheet.visibility;
      default:
        return undefined;
    }
  }

  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._setProperty("name", v, (exec, sheet) => exec.model.renameSheet(sheet, v));
  }
  get position(): number {
    return this._get("position");
  }
  set position(v: number) {
    this._setProperty("position", v, (exec, sheet) => exec.model.setPosition(sheet, v));
  }
  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(v: string) {
    this._setProperty("visibility", v, (exec, sheet) => exec.model.setVisibility(sheet, v));
  }
  get showGridlines(): boolean {
    return this._get("showGridlines");
  }
  set showGridlines(v: boolean) {
    this._setProperty("showGridlines", v, (_exec, sheet) => {
      if (typeof v !== "boolean") throw officeError(Codes.invalidArgument, "Worksheet.showGridlines");
      sheet.showGridlines = v;
    });
  }
  get showHeadings(): boolean {
    return this._get("showHeadings");
  }
  get standardHeight(): number {
    return this._get("standardHeight");
  }
  get standardWidth(): number {
    return this._get("standardWidth");
  }
  get tabColor(): string {
    return this._get("tabColor");
  }
  set tabColor(v: string) {
    this._setProperty("tabColor", v, (_exec, sheet) => {
      sheet.tabColor = v === "" ? "" : normalizeColor(v, "Worksheet.tabColor");
    });
  }

  private _range(
    name: string,
    args: readonly unknown[],
    compute: (exec: Exec, sheet: SheetModel) => RangeEntity | null,
  ): Range {
    return Range.create(
      this.context,
      `${this._path}.${name}(${args.map((a) => JSON.stringify(a)).join(", ")})`,
      this,
      (exec) => {
        const sheet = this._resolve(exec);
        if (sheet === null) return null;
        checkSheet(sheet, `Worksheet.${name}`);
        return compute(exec, sheet);
      },
    );
  }

  /** A1 address ("A1", "A1:C3", "A:A", "1:3"), a defined name, or nothing for the whole sheet. */
  getRange(address?: string): Range {
    return this._range("getRange", address === undefined ? [] : [address], (exec, sheet) =>
      resolveAddress(exec.model, sheet, address, "Worksheet.getRange"),
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return this._range(
      "getRangeByIndexes",
      [startRow, startColumn, rowCount, columnCount],
      (_exec, sheet) => {
        const ok =
          [startRow, startColumn, rowCount, columnCount].every(Number.isInteger) &&
          startRow >= 0 &&
          startColumn >= 0 &&
          rowCount >= 1 &&
          columnCount >= 1 &&
          startRow + rowCount <= MAX_ROWS &&
          startColumn + columnCount <= MAX_COLS;
        if (!ok) throw officeError(Codes.invalidArgument, "Worksheet.getRangeByIndexes");
        return {
          sheet,
          rect: rect(startRow, startColumn, startRow + rowCount - 1, startColumn + columnCount - 1),
        };
      },
    );
  }

  getCell(row: number, column: number): Range {
    return this._range("getCell", [row, column], (_exec, sheet) => {
      if (
        !Number.isInteger(row) ||
        !Number.isInteger(column) ||
        row < 0 ||
        column < 0 ||
        row >= MAX_ROWS ||
        column >= MAX_COLS
      ) {
        throw officeError(Codes.invalidArgument, "Worksheet.getCell");
      }
      return { sheet, rect: rect(row, column, row, column) };
    });
  }

  /** The used range; on a blank sheet, A1 (documented: it does not throw). */
  getUsedRange(valuesOnly = false): Range {
    return this._range("getUsedRange", [valuesOnly], (_exec, sheet) => ({
      sheet,
      rect: sheet.usedRect(valuesOnly) ?? rect(0, 0, 0, 0),
    }));
  }

  /** The used range, or a null object on a blank sheet. */
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this._range("getUsedRangeOrNullObject", [valuesOnly], (_exec, sheet) => {
      const used = sheet.usedRect(valuesOnly);
      return used ? { sheet, rect: used } : null;
    });
  }

  activate(): void {
    this._method("activate", [], (exec, sheet) => exec.model.activate(sheet));
  }

  delete(): void {
    this._method("delete", [], (exec, sheet) => exec.model.deleteSheet(sheet));
  }

  calculate(_markAllDirty = false): void {
    this._method("calculate", [_markAllDirty], () => undefined);
  }

  get pageLayout(): PageLayout {
    return this._facet("pageLayout", PageLayout);
  }

  get freezePanes(): WorksheetFreezePanes {
    return this._facet("freezePanes", WorksheetFreezePanes);
  }

  get horizontalPageBreaks(): PageBreakCollection {
    return this._facet("horizontalPageBreaks", PageBreakCollection);
  }

  get protection(): WorksheetProtection {
    return this._facet("protection", WorksheetProtection);
  }

  get tables(): TableCollection {
    return this._child(
      "tables",
      () =>
        new TableCollection(this.context, {
          path: `${this._path}.tables`,
          resolve: (exec) => {
            const sheet = this._resolve(exec);
            return sheet ? { model: exec.model, sheet } : null;
          },
          instantiate: true,
          parent: this,
        }),
    );
  }

  set(properties: Record<string, unknown>): void {
    this._setMany(
      properties,
      ["name", "position", "visibility", "tabColor", "showGridlines"],
      ["pageLayout"],
      ["id", "showHeadings", "standardHeight", "standardWidth", "protection"],
    );
  }
}

const SELECTION_MODES = ["Normal", "Unlocked", "None"];

/** `protect()`'s options over Excel's defaults; an unknown member or a wrong type fails like Excel. */
function protectionOptions(input: unknown, location: string): ProtectionOptions {
  const options = defaultProtectionOptions();
  if (input === undefined || input === null) return options;
  if (typeof input !== "object" || Array.isArray(input)) throw officeError(Codes.invalidArgument, location);
  const out = options as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const ok =
      key === "selectionMode"
        ? typeof value === "string" && SELECTION_MODES.includes(value)
        : key in out && typeof value === "boolean";
    if (!ok) throw officeError(Codes.invalidArgument, location);
    out[key] = value;
  }
  return options;
}

/**
 * `Excel.WorksheetProtection` (ExcelApi 1.2; passwords 1.7). While a sheet is protected, writes that
 * Excel refuses fail with AccessDenied (see `WorkbookModel.guardEdit`); renaming, moving, hiding and
 * deleting the sheet stay allowed, as sheet protection does not cover them.
 */
export class WorksheetProtection extends ClientObject<SheetModel> {
  readonly _className = "WorksheetProtection";

  override _scalars(): readonly string[] {
    return ["protected", "options"];
  }

  override _check(sheet: SheetModel, location: string): void {
    checkSheet(sheet, location);
  }

  /** Decision (README): an unprotected sheet reads the default options. */
  override _read(_exec: Exec, sheet: SheetModel, name: string): unknown {
    if (name === "protected") return sheet.protection !== null;
    return { ...(sheet.protection?.options ?? defaultProtectionOptions()) };
  }

  get protected(): boolean {
    return this._get("protected");
  }

  get options(): ProtectionOptions {
    return this._get("options");
  }

  /**
   * "Fails if the worksheet has already been protected" (@types/office-js). The code is AccessDenied,
   * the one Excel was seen to give for it (OfficeDev/office-js#6784). "" means no password.
   */
  protect(options?: Partial<ProtectionOptions>, password?: string): void {
    this._method("protect", [options, password], (_exec, sheet) => {
      const location = "WorksheetProtection.protect";
      if (sheet.protection) throw officeError(Codes.accessDenied, location);
      if (password !== undefined && password !== null && typeof password !== "string")
        throw officeError(Codes.invalidArgument, location);
      sheet.protection = { options: protectionOptions(options, location), password: password || null };
    });
  }

  /**
   * A wrong password fails with InvalidArgument, what office.js documents for a wrong password to
   * `WorksheetProtection.pauseProtection`. Decisions (README): on an unprotected sheet this does
   * nothing (OfficeDev/office-js#6784 reports a failure there as a regression); a password given
   * to a sheet protected without one is ignored (OfficeDev/office-js#762).
   */
  unprotect(password?: string): void {
    this._method("unprotect", [password], (_exec, sheet) => {
      const current = sheet.protection;
      if (!current) return;
      if (current.password !== null && password !== current.password) {
        throw officeError(
          Codes.invalidArgument,
          "WorksheetProtection.unprotect",
          "The password you supplied is not correct. Verify that the CAPS LOCK key is off and be sure to use the correct capitalization.",
        );
      }
      sheet.protection = null;
    });
  }
}

export class WorksheetCollection extends ClientCollection<WorkbookModel, Worksheet, SheetModel> {
  readonly _className = "WorksheetCollection";

  override _itemEntities(exec: Exec): SheetModel[] {
    return exec.model.sheets.slice();
  }

  override _makeItem(sheet: SheetModel): Worksheet {
    return new Worksheet(this.context, {
      path: `${this._path}.getItem(${JSON.stringify(sheet.name)})`,
      resolve: null,
      entity: sheet,
      instantiate: false,
      parent: this,
    });
  }

  private _sheet(
    name: string,
    args: readonly unknown[],
    resolve: (exec: Exec, model: WorkbookModel) => SheetModel | null,
  ): Worksheet {
    return new Worksheet(this.context, {
      path: `${this._path}.${name}(${args.map((a) => JSON.stringify(a)).join(", ")})`,
      resolve: (exec) => resolve(exec, exec.model),
      instantiate: true,
      parent: this,
    });
  }

  getActiveWorksheet(): Worksheet {
    return this._sheet("getActiveWorksheet", [], (_exec, model) => {
      if (!model.activeSheet) throw officeError(Codes.itemNotFound, "WorksheetCollection.getActiveWorksheet");
      return model.activeSheet;
    });
  }

  /** By name (case-insensitive, like Excel) or id; ItemNotFound at sync when missing. */
  getItem(key: string): Worksheet {
    return this._sheet("getItem", [key], (_exec, model) => {
      const s = findSheet(model, key);
      if (!s) throw officeError(Codes.itemNotFound, "WorksheetCollection.getItem");
      return s;
    });
  }

  getItemOrNullObject(key: string): Worksheet {
    return this._sheet("getItemOrNullObject", [key], (_exec, model) => findSheet(model, key) ?? null);
  }

  /** Adds a sheet at the end (not activated). Default name "SheetN". */
  add(name?: string): Worksheet {
    return this._sheet("add", name === undefined ? [] : [name], (_exec, model) =>
      model.addSheet(name, "WorksheetCollection.add"),
    );
  }

  getCount(visibleOnly = false): ClientResult<number> {
    return this._result("getCount", [visibleOnly], (exec) =>
      visibleOnly ? exec.model.visibleSheets().length : exec.model.sheets.length,
    );
  }

  getFirst(visibleOnly = false): Worksheet {
    return this._sheet("getFirst", [visibleOnly], (_exec, model) => {
      const s = (visibleOnly ? model.visibleSheets() : model.sheets)[0];
      if (!s) throw officeError(Codes.itemNotFound, "WorksheetCollection.getFirst");
      return s;
    });
  }

  getLast(visibleOnly = false): Worksheet {
    return this._sheet("getLast", [visibleOnly], (_exec, model) => {
      const list = visibleOnly ? model.visibleSheets() : model.sheets;
      const s = list[list.length - 1];
      if (!s) throw officeError(Codes.itemNotFound, "WorksheetCollection.getLast");
      return s;
    });
  }
}

function findSheet(model: WorkbookModel, key: string): SheetModel | undefined {
  if (typeof key !== "string") return undefined;
  return model.sheetByName(key) ?? model.sheets.find((s) => s.id === key);
}

const ORIENTATION = ["Portrait", "Landscape"];
const PAPER = [
  "Letter",
  "LetterSmall",
  "Tabloid",
  "Ledger",
  "Legal",
  "Statement",
  "Executive",
  "A3",
  "A4",
  "A4Small",
  "A5",
  "B4",
  "B5",
  "Folio",
  "Quatro",
  "Paper10x14",
  "Paper11x17",
  "Note",
  "Envelope9",
  "Envelope10",
  "Envelope11",
  "Envelope12",
  "Envelope14",
  "Csheet",
  "Dsheet",
  "Esheet",
  "EnvelopeDL",
  "EnvelopeC5",
  "EnvelopeC3",
  "EnvelopeC4",
  "EnvelopeC6",
  "EnvelopeC65",
  "EnvelopeB4",
  "EnvelopeB5",
  "EnvelopeB6",
  "EnvelopeItaly",
  "EnvelopeMonarch",
  "EnvelopePersonal",
  "FanfoldUS",
  "FanfoldStdGerman",
  "FanfoldLegalGerman",
];

type PageScalar = Exclude<keyof PageLayoutModel, "printArea" | "printTitleRows" | "printTitleColumns">;

export class PageLayout extends ClientObject<SheetModel> {
  readonly _className = "PageLayout";

  override _scalars(): readonly string[] {
    return [
      "blackAndWhite",
      "bottomMargin",
      "centerHorizontally",
      "centerVertically",
      "draftMode",
      "firstPageNumber",
      "footerMargin",
      "headerMargin",
      "leftMargin",
      "orientation",
      "paperSize",
      "printComments",
      "printErrors",
      "printGridlines",
      "printHeadings",
      "printOrder",
      "rightMargin",
      "topMargin",
      "zoom",
    ];
  }

  override _check(sheet: SheetModel, location: string): void {
    checkSheet(sheet, location);
  }

  override _read(_exec: Exec, sheet: SheetModel, name: string): unknown {
    const v = sheet.pageLayout[name as PageScalar];
    return typeof v === "object" && v !== null ? { ...v } : v;
  }

  private _page(name: PageScalar, value: unknown, validate: (v: unknown) => unknown): void {
    this._setProperty(name, value, (_exec, sheet) => {
      const layout = sheet.pageLayout as unknown as Record<string, unknown>;
      layout[name] = validate(value);
    });
  }

  private static margin(name: string): (v: unknown) => number {
    return (v) => {
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 1584)
        throw officeError(Codes.invalidArgument, `PageLayout.${name}`);
      return v;
    };
  }

  private static flag(name: string): (v: unknown) => boolean {
    return (v) => {
      if (typeof v !== "boolean") throw officeError(Codes.invalidArgument, `PageLayout.${name}`);
      return v;
    };
  }

  private static choice(name: string, list: readonly string[]): (v: unknown) => string {
    return (v) => {
      if (typeof v !== "string" || !list.includes(v))
        throw officeError(Codes.invalidArgument, `PageLayout.${name}`);
      return v;
    };
  }

  get orientation(): string {
    return this._get("orientation");
  }
  set orientation(v: string) {
    this._page("orientation", v, PageLayout.choice("orientation", ORIENTATION));
  }
  get paperSize(): string {
    return this._get("paperSize");
  }
  set paperSize(v: string) {
    this._page("paperSize", v, PageLayout.choice("paperSize", PAPER));
  }
  get leftMargin(): number {
    return this._get("leftMargin");
  }
  set leftMargin(v: number) {
    this._page("leftMargin", v, PageLayout.margin("leftMargin"));
  }
  get rightMargin(): number {
    return this._get("rightMargin");
  }
  set rightMargin(v: number) {
    this._page("rightMargin", v, PageLayout.margin("rightMargin"));
  }
  get topMargin(): number {
    return this._get("topMargin");
  }
  set topMargin(v: number) {
    this._page("topMargin", v, PageLayout.margin("topMargin"));
  }
  get bottomMargin(): number {
    return this._get("bottomMargin");
  }
  set bottomMargin(v: number) {
    this._page("bottomMargin", v, PageLayout.margin("bottomMargin"));
  }
  get headerMargin(): number {
    return this._get("headerMargin");
  }
  set headerMargin(v: number) {
    this._page("headerMargin", v, PageLayout.margin("headerMargin"));
  }
  get footerMargin(): number {
    return this._get("footerMargin");
  }
  set footerMargin(v: number) {
    this._page("footerMargin", v, PageLayout.margin("footerMargin"));
  }
  get centerHorizontally(): boolean {
    return this._get("centerHorizontally");
  }
  set centerHorizontally(v: boolean) {
    this._page("centerHorizontally", v, PageLayout.flag("centerHorizontally"));
  }
  get centerVertically(): boolean {
    return this._get("centerVertically");
  }
  set centerVertically(v: boolean) {
    this._page("centerVertically", v, PageLayout.flag("centerVertically"));
  }
  get printGridlines(): boolean {
    return this._get("printGridlines");
  }
  set printGridlines(v: boolean) {
    this._page("printGridlines", v, PageLayout.flag("printGridlines"));
  }
  get printHeadings(): boolean {
    return this._get("printHeadings");
  }
  set printHeadings(v: boolean) {
    this._page("printHeadings", v, PageLayout.flag("printHeadings"));
  }
  get blackAndWhite(): boolean {
    return this._get("blackAndWhite");
  }
  set blackAndWhite(v: boolean) {
    this._page("blackAndWhite", v, PageLayout.flag("blackAndWhite"));
  }
  get draftMode(): boolean {
    return this._get("draftMode");
  }
  set draftMode(v: boolean) {
    this._page("draftMode", v, PageLayout.flag("draftMode"));
  }
  get firstPageNumber(): number | "" {
    return this._get("firstPageNumber");
  }
  set firstPageNumber(v: number | "") {
    this._page("firstPageNumber", v, (x) => {
      if (x !== "" && (typeof x !== "number" || !Number.isInteger(x)))
        throw officeError(Codes.invalidArgument, "PageLayout.firstPageNumber");
      return x;
    });
  }
  get printOrder(): string {
    return this._get("printOrder");
  }
  set printOrder(v: string) {
    this._page("printOrder", v, PageLayout.choice("printOrder", ["DownThenOver", "OverThenDown"]));
  }
  get printComments(): string {
    return this._get("printComments");
  }
  set printComments(v: string) {
    this._page("printComments", v, PageLayout.choice("printComments", ["NoComments", "EndSheet", "InPlace"]));
  }
  get printErrors(): string {
    return this._get("printErrors");
  }
  set printErrors(v: string) {
    this._page(
      "printErrors",
      v,
      PageLayout.choice("printErrors", ["AsDisplayed", "Blank", "Dash", "NotAvailable"]),
    );
  }

  /**
   * A writable object property: read it after a load (you get a copy; changing `zoom.scale` on it
   * does nothing), write it whole: `pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 }`.
   */
  get zoom(): Zoom {
    return this._get("zoom");
  }
  set zoom(v: Zoom) {
    this._page("zoom", v, (x) => {
      if (typeof x !== "object" || x === null) throw officeError(Codes.invalidArgument, "PageLayout.zoom");
      const z = x as Zoom;
      const out: Zoom = {};
      if (z.scale !== undefined) {
        if (typeof z.scale !== "number" || z.scale < 10 || z.scale > 400)
          throw officeError(Codes.invalidArgument, "PageLayout.zoom");
        out.scale = z.scale;
      }
      for (const k of ["horizontalFitToPages", "verticalFitToPages"] as const) {
        const n = z[k];
        if (n === undefined) continue;
        if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > 32767)
          throw officeError(Codes.invalidArgument, "PageLayout.zoom");
        out[k] = n;
      }
      if (Object.keys(out).length === 0) throw officeError(Codes.invalidArgument, "PageLayout.zoom");
      return out;
    });
  }

  private _rectOf(exec: Exec, sheet: SheetModel, target: Range | string, location: string): Rect {
    if (typeof target === "string") return resolveAddress(exec.model, sheet, target, location).rect;
    const e = target._require(exec, location);
    if (e.sheet !== sheet) throw officeError(Codes.invalidArgument, location);
    return e.rect;
  }

  setPrintArea(printArea: Range | string): void {
    this._method(
      "setPrintArea",
      [typeof printArea === "string" ? printArea : printArea._path],
      (exec, sheet) => {
        sheet.pageLayout.printArea = this._rectOf(exec, sheet, printArea, "PageLayout.setPrintArea");
      },
    );
  }

  /** Decision (README): any range is accepted and its rows are used ("A1:K3" → rows 1:3). */
  setPrintTitleRows(titleRows: Range | string): void {
    this._method(
      "setPrintTitleRows",
      [typeof titleRows === "string" ? titleRows : titleRows._path],
      (exec, sheet) => {
        const r = this._rectOf(exec, sheet, titleRows, "PageLayout.setPrintTitleRows");
        sheet.pageLayout.printTitleRows = { r0: r.r0, r1: r.r1 };
      },
    );
  }

  setPrintTitleColumns(titleColumns: Range | string): void {
    this._method(
      "setPrintTitleColumns",
      [typeof titleColumns === "string" ? titleColumns : titleColumns._path],
      (exec, sheet) => {
        const r = this._rectOf(exec, sheet, titleColumns, "PageLayout.setPrintTitleColumns");
        sheet.pageLayout.printTitleColumns = { c0: r.c0, c1: r.c1 };
      },
    );
  }

  setPrintMargins(
    unit: string,
    options: Partial<Record<"top" | "bottom" | "left" | "right" | "header" | "footer", number>>,
  ): void {
    this._method("setPrintMargins", [unit, options], (_exec, sheet) => {
      const factor =
        unit === "Points" ? 1 : unit === "Inches" ? 72 : unit === "Centimeters" ? 72 / 2.54 : NaN;
      if (Number.isNaN(factor)) throw officeError(Codes.invalidArgument, "PageLayout.setPrintMargins");
      const map = {
        top: "topMargin",
        bottom: "bottomMargin",
        left: "leftMargin",
        right: "rightMargin",
        header: "headerMargin",
        footer: "footerMargin",
      } as const;
      for (const [k, v] of Object.entries(options)) {
        const key = map[k as keyof typeof map];
        if (!key || typeof v !== "number" || v < 0)
          throw officeError(Codes.invalidArgument, "PageLayout.setPrintMargins");
        sheet.pageLayout[key] = v * factor;
      }
    });
  }

  private _layoutRange(name: string, compute: (sheet: SheetModel) => Rect | null): Range {
    return Range.create(this.context, `${this._path}.${name}()`, this, (exec) => {
      const sheet = this._resolve(exec);
      if (sheet === null) return null;
      checkSheet(sheet, `PageLayout.${name}`);
      const r = compute(sheet);
      return r ? { sheet, rect: r } : null;
    });
  }

  getPrintAreaOrNullObject(): Range {
    return this._layoutRange("getPrintAreaOrNullObject", (s) => s.pageLayout.printArea);
  }

  getPrintTitleRowsOrNullObject(): Range {
    return this._layoutRange("getPrintTitleRowsOrNullObject", (s) =>
      s.pageLayout.printTitleRows
        ? rect(s.pageLayout.printTitleRows.r0, 0, s.pageLayout.printTitleRows.r1, MAX_COLS - 1)
        : null,
    );
  }

  getPrintTitleColumnsOrNullObject(): Range {
    return this._layoutRange("getPrintTitleColumnsOrNullObject", (s) =>
      s.pageLayout.printTitleColumns
        ? rect(0, s.pageLayout.printTitleColumns.c0, MAX_ROWS - 1, s.pageLayout.printTitleColumns.c1)
        : null,
    );
  }

  set(properties: Record<string, unknown>): void {
    this._setMany(
      properties,
      [
        "orientation",
        "paperSize",
        "blackAndWhite",
        "printErrors",
        "zoom",
        "centerHorizontally",
        "centerVertically",
        "printHeadings",
        "printGridlines",
        "leftMargin",
        "rightMargin",
        "topMargin",
        "bottomMargin",
        "headerMargin",
        "footerMargin",
        "printComments",
        "draftMode",
        "firstPageNumber",
        "printOrder",
      ],
      [],
      [],
    );
  }
}

/** `Excel.PageBreakCollection` (ExcelApi 1.9), horizontal breaks only: `add` puts a break above the range's first row. */
export class PageBreakCollection extends ClientObject<SheetModel> {
  readonly _className = "PageBreakCollection";

  override _scalars(): readonly string[] {
    return [];
  }
  override _read(): unknown {
    return undefined;
  }
  override _check(sheet: SheetModel, location: string): void {
    checkSheet(sheet, location);
  }

  add(pageBreakRange: Range | string): void {
    this._method(
      "add",
      [typeof pageBreakRange === "string" ? pageBreakRange : pageBreakRange._path],
      (exec, sheet) => {
        const r =
          typeof pageBreakRange === "string"
            ? resolveAddress(exec.model, sheet, pageBreakRange, "PageBreakCollection.add").rect
            : pageBreakRange._require(exec, "PageBreakCollection.add").rect;
        if (r.r1 === 0) throw officeError(Codes.invalidArgument, "PageBreakCollection.add");
        if (!sheet.rowBreaks.includes(r.r1)) sheet.rowBreaks.push(r.r1);
      },
    );
  }
}

export class WorksheetFreezePanes extends ClientObject<SheetModel> {
  readonly _className = "WorksheetFreezePanes";

  override _scalars(): readonly string[] {
    return [];
  }
  override _read(): unknown {
    return undefined;
  }
  override _check(sheet: SheetModel, location: string): void {
    checkSheet(sheet, location);
  }

  freezeRows(count = 1): void {
    this._method("freezeRows", [count], (_exec, sheet) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS)
        throw officeError(Codes.invalidArgument, "WorksheetFreezePanes.freezeRows");
      sheet.freezeRows = count;
      sheet.freezeColumns = 0;
    });
  }

  freezeColumns(count = 1): void {
    this._method("freezeColumns", [count], (_exec, sheet) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_COLS)
        throw officeError(Codes.invalidArgument, "WorksheetFreezePanes.freezeColumns");
      sheet.freezeColumns = count;
      sheet.freezeRows = 0;
    });
  }

  freezeAt(frozenRange: Range | string): void {
    this._method(
      "freezeAt",
      [typeof frozenRange === "string" ? frozenRange : frozenRange._path],
      (exec, sheet) => {
        const r =
          typeof frozenRange === "string"
            ? resolveAddress(exec.model, sheet, frozenRange, "WorksheetFreezePanes.freezeAt").rect
            : frozenRange._require(exec, "WorksheetFreezePanes.freezeAt").rect;
        sheet.freezeRows = r.r1 === MAX_ROWS - 1 ? 0 : r.r1 + 1;
        sheet.freezeColumns = r.c1 === MAX_COLS - 1 ? 0 : r.c1 + 1;
      },
    );
  }

  unfreeze(): void {
    this._method("unfreeze", [], (_exec, sheet) => {
      sheet.freezeRows = 0;
      sheet.freezeColumns = 0;
    });
  }

  getLocationOrNullObject(): Range {
    return Range.create(this.context, `${this._path}.getLocationOrNullObject()`, this, (exec) => {
      const sheet = this._resolve(exec);
      if (sheet === null) return null;
      if (sheet.freezeRows === 0 && sheet.freezeColumns === 0) return null;
      const r1 = sheet.freezeRows > 0 ? sheet.freezeRows - 1 : MAX_ROWS - 1;
      const c1 = sheet.freezeColumns > 0 ? sheet.freezeColumns - 1 : MAX_COLS - 1;
      return { sheet, rect: rect(0, 0, r1, c1) };
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Tables (minimal)

export interface TableScope {
  model: WorkbookModel;
  sheet: SheetModel | null;
}

export class TableCollection extends ClientCollection<TableScope, Table, TableModel> {
  readonly _className = "TableCollection";

  override _itemEntities(_exec: Exec, scope: TableScope): TableModel[] {
    return scope.model.tables.filter((t) => scope.sheet === null || t.sheet === scope.sheet);
  }

  override _makeItem(t: TableModel): Table {
    return new Table(this.context, {
      path: `${this._path}.getItem(${JSON.stringify(t.name)})`,
      resolve: null,
      entity: t,
      instantiate: false,
      parent: this,
    });
  }

  private _table(
    name: string,
    args: readonly unknown[],
    resolve: (exec: Exec, scope: TableScope) => TableModel | null,
  ): Table {
    return new Table(this.context, {
      path: `${this._path}.${name}(${args.map((a) => JSON.stringify(a)).join(", ")})`,
      resolve: (exec) => {
        const scope = this._resolve(exec);
        return scope === null ? null : resolve(exec, scope);
      },
      instantiate: true,
      parent: this,
    });
  }

  /**
   * Adds a table over existing data whose first row holds the headers (blank or repeated headers are
   * renamed "Column1", "Name2" as Excel does). `hasHeaders: false` is not simulated (NotImplemented).
   */
  add(address: Range | string, hasHeaders: boolean): Table {
    return this._table(
      "add",
      [typeof address === "string" ? address : address._path, hasHeaders],
      (exec, scope) => {
        const model = exec.model;
        let target: RangeEntity;
        if (typeof address === "string") {
          const parsed = parseAddress(address);
          const sheet = parsed?.sheet ? model.sheetByName(parsed.sheet) : (scope.sheet ?? model.activeSheet);
          if (!parsed || !sheet) throw officeError(Codes.invalidArgument, "TableCollection.add");
          target = { sheet, rect: parsed.rect };
        } else target = address._require(exec, "TableCollection.add");
        if (scope.sheet && target.sheet !== scope.sheet)
          throw officeError(Codes.invalidArgument, "TableCollection.add");
        if (!hasHeaders)
          throw officeError(
            Codes.notImplemented,
            "TableCollection.add",
            "Tables without headers are not simulated by the Excel double.",
          );
        if (model.tables.some((t) => t.sheet === target.sheet && intersects(t.rect, target.rect))) {
          throw officeError(
            Codes.invalidOperation,
            "TableCollection.add",
            "A table can't overlap another table.",
          );
        }
        if (target.sheet.merges.some((m) => intersects(m, target.rect)))
          throw officeError(Codes.mergedRangeConflict, "TableCollection.add");
        const seen = new Set<string>();
        for (let c = target.rect.c0; c <= target.rect.c1; c++) {
          const raw = model.text(target.sheet, target.rect.r0, c);
          let header = raw === "" ? `Column${c - target.rect.c0 + 1}` : raw;
          if (seen.has(header.toLowerCase())) {
            let n = 2;
            while (seen.has(`${header}${n}`.toLowerCase())) n++;
            header = `${header}${n}`;
          }
          seen.add(header.toLowerCase());
          target.sheet.setContent(target.rect.r0, c, header, undefined);
        }
        const t: TableModel = {
          id: String(model.tables.length + 1),
          name: model.nextTableName(),
          sheet: target.sheet,
          rect: target.rect,
          showHeaders: true,
          showTotals: false,
          style: "TableStyleMedium2",
          showBandedRows: true,
          showBandedColumns: false,
          showFilterButton: true,
        };
        model.tables.push(t);
        return t;
      },
    );
  }

  getItem(key: string): Table {
    return this._table("getItem", [key], (exec, scope) => {
      const t = this._itemEntities(exec, scope).find(
        (x) => x.name.toLowerCase() === String(key).toLowerCase() || x.id === key,
      );
      if (!t) throw officeError(Codes.itemNotFound, "TableCollection.getItem");
      return t;
    });
  }

  getItemOrNullObject(key: string): Table {
    return this._table(
      "getItemOrNullObject",
      [key],
      (exec, scope) =>
        this._itemEntities(exec, scope).find(
          (x) => x.name.toLowerCase() === String(key).toLowerCase() || x.id === key,
        ) ?? null,
    );
  }

  getCount(): ClientResult<number> {
    return this._result("getCount", [], (exec, scope) => this._itemEntities(exec, scope).length);
  }
}

export class Table extends ClientObject<TableModel> {
  readonly _className = "Table";

  constructor(context: RequestContext, init: ProxyInit<TableModel>) {
    super(context, init);
  }

  override _scalars(): readonly string[] {
    return [
      "id",
      "name",
      "showBandedColumns",
      "showBandedRows",
      "showFilterButton",
      "showHeaders",
      "showTotals",
      "style",
    ];
  }

  override _check(t: TableModel, location: string): void {
    if (!t.sheet || t.sheet.deleted) throw officeError(Codes.itemNotFound, location);
  }

  override _read(_exec: Exec, t: TableModel, name: string): unknown {
    return t[name as keyof TableModel];
  }

  get id(): string {
    return this._get("id");
  }
  set id(_v: string) {
    throw readOnlyProperty("Table", "id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._setProperty("name", v, (exec, t) => {
      if (typeof v !== "string" || !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(v))
        throw officeError(Codes.invalidArgument, "Table.name");
      if (
        exec.model.tables.some((x) => x !== t && x.name.toLowerCase() === v.toLowerCase()) ||
        exec.model.names.has(v.toLowerCase())
      ) {
        throw officeError(Codes.itemAlreadyExists, "Table.name");
      }
      t.name = v;
    });
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._setProperty("style", v, (_exec, t) => {
      t.style = String(v);
    });
  }
  get showHeaders(): boolean {
    return this._get("showHeaders");
  }
  get showTotals(): boolean {
    return this._get("showTotals");
  }
  get showBandedRows(): boolean {
    return this._get("showBandedRows");
  }
  set showBandedRows(v: boolean) {
    this._setProperty("showBandedRows", v, (_exec, t) => {
      t.showBandedRows = Boolean(v);
    });
  }
  get showBandedColumns(): boolean {
    return this._get("showBandedColumns");
  }
  set showBandedColumns(v: boolean) {
    this._setProperty("showBandedColumns", v, (_exec, t) => {
      t.showBandedColumns = Boolean(v);
    });
  }
  get showFilterButton(): boolean {
    return this._get("showFilterButton");
  }
  set showFilterButton(v: boolean) {
    this._setProperty("showFilterButton", v, (_exec, t) => {
      t.showFilterButton = Boolean(v);
    });
  }

  private _part(name: string, compute: (t: TableModel) => Rect | null): Range {
    return Range.create(this.context, `${this._path}.${name}()`, this, (exec) => {
      const t = this._resolve(exec);
      if (t === null) return null;
      this._check(t, `Table.${name}`);
      const r = compute(t);
      if (!r) throw officeError(Codes.itemNotFound, `Table.${name}`);
      return { sheet: t.sheet, rect: r };
    });
  }

  getRange(): Range {
    return this._part("getRange", (t) => t.rect);
  }
  getHeaderRowRange(): Range {
    return this._part("getHeaderRowRange", (t) => rect(t.rect.r0, t.rect.c0, t.rect.r0, t.rect.c1));
  }
  getDataBodyRange(): Range {
    return this._part("getDataBodyRange", (t) =>
      t.rect.r1 > t.rect.r0 ? rect(t.rect.r0 + 1, t.rect.c0, t.rect.r1, t.rect.c1) : null,
    );
  }

  delete(): void {
    this._method("delete", [], (exec, t) => {
      exec.model.clear(t.sheet, t.rect, "All");
      const i = exec.model.tables.indexOf(t);
      if (i >= 0) exec.model.tables.splice(i, 1);
    });
  }

  convertToRange(): Range {
    const r = this.getRange();
    this._method("convertToRange", [], (exec, t) => {
      const i = exec.model.tables.indexOf(t);
      if (i >= 0) exec.model.tables.splice(i, 1);
    });
    return r;
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

  set(properties: Record<string, unknown>): void {
    this._setMany(
      properties,
      ["name", "style", "showBandedRows", "showBandedColumns", "showFilterButton"],
      [],
      ["id", "showHeaders", "showTotals"],
    );
  }
}

export function addressOfRect(sheet: SheetModel, r: Rect): string {
  return fullAddress(sheet.name, r);
}

export { rectAddress };
