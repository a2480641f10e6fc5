/**
 * Section 3: round trips and request sizes of Compute ranking and Generate notice through the
 * in-memory Excel double (the real adapter in src/excel/operations, office.js semantics, 5 MB cap).
 */
import { computeRanking, generateNotice } from "../../src/excel/operations";
import { FIVE_MB, createExcelDouble, type SeedValue } from "../excel-double";
import { SHEET_NAME, summaryGrid, type BenchUnit } from "./data";

export interface SyncRow {
  op: "Compute ranking" | "Generate notice";
  rows: number;
  syncs: number;
  maxRequestBytes: number;
  totalBytes: number;
  maxResponseBytes: number;
  totalResponseBytes: number;
  /** The whole read fits one response and the whole write one request (≤ 5 MB each). */
  fitsOneRequest: boolean;
  ok: boolean;
  /** Wall time in the double (not Excel's): only a sanity figure. */
  ms: number;
}

const noSleep = { sleep: async (): Promise<void> => undefined };

export async function measureSyncs(units: readonly BenchUnit[]): Promise<SyncRow[]> {
  const values = summaryGrid(units) as SeedValue[][];
  const out: SyncRow[] = [];
  for (const op of ["Compute ranking", "Generate notice"] as const) {
    const double = createExcelDouble({ sheets: [{ name: SHEET_NAME, values }] });
    const uninstall = double.install();
    let ok = false;
    const t = performance.now();
    try {
      const res =
        op === "Compute ranking"
          ? await computeRanking({ lang: "vi", run: noSleep })
          : await generateNotice({ lang: "vi", run: noSleep });
      ok = res.ok;
    } catch {
      ok = false;
    } finally {
      uninstall();
    }
    const ms = performance.now() - t;
    const s = double.stats;
    out.push({
      op,
      rows: units.length,
      syncs: s.syncs,
      maxRequestBytes: s.maxRequestBytes,
      totalBytes: s.totalBytes,
      maxResponseBytes: s.maxResponseBytes,
      totalResponseBytes: s.totalResponseBytes,
      fitsOneRequest: s.totalBytes <= FIVE_MB && s.totalResponseBytes <= FIVE_MB,
      ok,
      ms,
    });
  }
  return out;
}
