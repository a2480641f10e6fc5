import ExcelJS from "exceljs";
import type { Seed, SeedSheet, SeedValue } from "../../test/excel-double";

/**
 * An .xlsx as the Excel double's seed, in the browser (exceljs's browser build; the preview
 * bundle only): each cell's value as `Range.values` shows it (a formula gives its cached result,
 * rich text its plain text, a date its serial number), plus number formats.
 */
function valueOf(v: ExcelJS.CellValue): SeedValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("error" in v) return String(v.error);
    if ("formula" in v || "sharedFormula" in v) {
      const r = (v as { result?: unknown }).result;
      return r === undefined || r === null ? null : valueOf(r as ExcelJS.CellValue);
    }
    if ("text" in v) return String((v as { text: unknown }).text);
  }
  return String(v);
}

/** What the seed cannot carry: column widths (points) and merged areas, applied through the API. */
export interface SheetLayout {
  readonly sheet: string;
  readonly widths: readonly { col: number; points: number }[];
  readonly merges: readonly string[];
}

export async function seedFromXlsx(data: ArrayBuffer): Promise<{ seed: Seed; layout: SheetLayout[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  const sheets: SeedSheet[] = [];
  const layout: SheetLayout[] = [];
  let active: string | undefined;
  const activeTab = (wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab ?? 0;
  wb.worksheets.forEach((ws, k) => {
    const values: SeedValue[][] = [];
    const formats: (string | null)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const vr: SeedValue[] = (values[r - 1] = []);
      const fr: (string | null)[] = (formats[r - 1] = []);
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // exceljs repeats a merged area's value in every cell of it; Excel keeps it in the first.
        vr[c - 1] = cell.isMerged && cell.master !== cell ? null : valueOf(cell.value);
        fr[c - 1] = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null;
      });
    });
    const width = values.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
    const fill = <T>(rows: T[][], empty: T): T[][] =>
      Array.from({ length: rows.length }, (_, i) =>
        Array.from({ length: width }, (_, j) => rows[i]?.[j] ?? empty),
      );
    const state = ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible";
    sheets.push({
      name: ws.name,
      values: fill(values, null),
      numberFormats: fill(formats, null),
      visibility: state,
    });
    if (k === activeTab && state === "Visible") active = ws.name;
    const widths: { col: number; points: number }[] = [];
    (ws.columns ?? []).forEach((col, c) => {
      // Excel's width is in characters of the default font: ~7 px each plus 5 px of padding.
      if (col?.width) widths.push({ col: c, points: Math.round((col.width * 7 + 5) * 0.75) });
    });
    const merges = Object.keys((ws as unknown as { _merges?: Record<string, unknown> })._merges ?? {})
      .map((k) => {
        const m = (ws as unknown as { _merges: Record<string, { range?: string }> })._merges[k];
        return m?.range ?? "";
      })
      .filter(Boolean);
    layout.push({ sheet: ws.name, widths, merges });
  });
  if (sheets.length === 0) throw new Error("The workbook has no sheets");
  return { seed: { sheets, ...(active ? { activeSheet: active } : {}), language: "vi-VN" }, layout };
}
