/**
 * The last check before a copy is written: every sheet of the original is in the copy, under
 * the same name and visibility, with the same values. exceljs drops what it does not model
 * without a word (a sheet under a part name it does not expect, a chart sheet), so the copy is
 * read back with EMU's own reader, which follows the package's relationships, and compared
 * with the original. Anything missing makes the writer refuse rather than hand the user a
 * workbook with a sheet gone.
 */
import * as zlib from "node:zlib";
import type { CellValue } from "../../core/types";
import { readWorkbookBytes, type ReadBytesOptions, type SheetData } from "../../xlsx";
import { probeWorkbookBytes, readRelationships } from "../../xlsx/sniff";
import { attrValue, scanXml } from "../../xlsx/xml";
import { findEntry, readEntryText } from "../../xlsx/zip";

const NODE_CODEC: ReadBytesOptions = {
  inflateRaw: zlib.inflateRawSync,
  crc32: (zlib as { crc32?: (data: Uint8Array) => number }).crc32,
};

/** A sheet of the original the copy does not carry intact, and what is wrong with it. */
export interface SheetNotKept {
  readonly sheet: string;
  readonly detail: string;
}

/** Cells the writer was asked to change on purpose (consolidated scores), by sheet. */
export type IntendedEdits = readonly { readonly sheet: string; readonly row: number; readonly col: number }[];

const fold = (s: string): string => s.toLowerCase();

/** Every tab of a package (worksheets, chart sheets, dialog sheets), in tab order. */
function tabsOf(bytes: Uint8Array): { name: string; kind: string }[] | undefined {
  const probe = probeWorkbookBytes(bytes, "", NODE_CODEC);
  if (!probe.ok) return undefined;
  const { zip, workbookPart } = probe.workbook;
  const entry = findEntry(zip, workbookPart);
  if (!entry) return undefined;
  const kinds = new Map(readRelationships(zip, workbookPart).map((r) => [r.id, r.type]));
  const tabs: { name: string; kind: string }[] = [];
  scanXml(readEntryText(zip, entry), {
    open(tag, attrs) {
      if (tag !== "sheet") return;
      // r:id, or another prefix bound to the same namespace: the id is the attribute named "id".
      const id = /(?:^|\s)[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1] ?? "";
      const type = kinds.get(id) ?? "";
      tabs.push({ name: attrValue(attrs, "name") ?? "", kind: type.slice(type.lastIndexOf("/") + 1) });
    },
    close() {},
    text() {},
  });
  return tabs;
}

/** Numbers equal to Excel's 15 significant digits (a date read as a Date and written back may move in the 16th). */
function sameValue(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return false;
}

function firstDifference(a: SheetData, b: SheetData, skip: ReadonlySet<string>): string | undefined {
  const rows = Math.max(a.grid.length, b.grid.length);
  for (let r = 0; r < rows; r++) {
    const ra = a.grid[r] ?? [];
    const rb = b.grid[r] ?? [];
    const cols = Math.max(ra.length, rb.length);
    for (let c = 0; c < cols; c++) {
      if (skip.has(`${r}:${c}`)) continue;
      const va = ra[c] ?? "";
      const vb = rb[c] ?? "";
      if (!sameValue(va, vb))
        return `row ${r + 1}, column ${c + 1}: ${JSON.stringify(va)} became ${JSON.stringify(vb)}`;
    }
  }
  return undefined;
}

/**
 * The first sheet of `original` that `copy` lacks or changed, or undefined when every sheet
 * (other than those in `replaced`, which EMU made and replaces) is there with its name,
 * visibility and values; cells in `edits` may differ. A sheet the reader cannot read in the
 * copy counts as lost.
 */
export function sheetNotKept(
  original: Uint8Array,
  copy: Uint8Array,
  opts: { replaced?: readonly string[]; edits?: IntendedEdits } = {},
): SheetNotKept | undefined {
  const replaced = new Set((opts.replaced ?? []).map(fold));
  const before = tabsOf(original) ?? [];
  const after = tabsOf(copy) ?? [];
  for (const tab of before) {
    if (replaced.has(fold(tab.name))) continue;
    if (!after.some((t) => fold(t.name) === fold(tab.name)))
      return { sheet: tab.name, detail: `${tab.kind || "sheet"} missing from the copy` };
  }
  const a = readWorkbookBytes(original, "original", NODE_CODEC);
  const b = readWorkbookBytes(copy, "copy", NODE_CODEC);
  // A workbook with only chart sheets or none has no worksheet to compare; its tabs were checked above.
  if (!a.ok && a.error.code === "no-sheets") return undefined;
  if (!a.ok)
    return { sheet: a.error.sheet ?? before[0]?.name ?? "", detail: `original unreadable: ${a.error.code}` };
  for (const sheet of a.sheets) {
    if (replaced.has(fold(sheet.name))) continue;
    const other = b.ok ? b.sheets.find((s) => fold(s.name) === fold(sheet.name)) : undefined;
    if (other === undefined) return { sheet: sheet.name, detail: "worksheet unreadable in the copy" };
    if (other.state !== sheet.state)
      return { sheet: sheet.name, detail: `visibility ${sheet.state} became ${other.state}` };
    const skip = new Set(
      (opts.edits ?? []).filter((e) => fold(e.sheet) === fold(sheet.name)).map((e) => `${e.row}:${e.col}`),
    );
    const diff = firstDifference(sheet, other, skip);
    if (diff !== undefined) return { sheet: sheet.name, detail: diff };
  }
  return undefined;
}
