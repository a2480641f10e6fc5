/**
 * Host faults through the Excel double: a sync failing at every round trip of a multi-request
 * write, cell-edit mode beyond the retries (and in the middle of a write), over-size payloads,
 * in both batch-failure modes ("applyPrefix": what ran before the failure stays, as in Excel;
 * "atomic"). After each, the workbook is either unchanged (deep-equal snapshot) or complete
 * (identical to the happy path's), never in between; no "~emu-tmp-*" sheet is left where the
 * cleanup could run; the error is a HostError explained in Vietnamese. Then the ribbon path:
 * `runCommand` publishes the error to the session and never throws.
 */
import { subscribe, type SessionEvent } from "../../src/app/session";
import { runCommand } from "../../src/commands/handlers";
import { HostError, hostErrorMessage } from "../../src/excel/host";
import { computeRanking, generateNotice } from "../../src/excel/operations";
import { createExcelDouble, type ExcelDouble, type SeedSheet, type WorkbookSnapshot } from "../excel-double";

/**
 * Compute ranking on 24,000 units: the results sheet needs two write requests under the 5 MB
 * limit (read, read the rows past the first window, band 1, band 2 + swap). The notice is one
 * write request whatever its size here, so a 300-unit table is enough and keeps the matrix fast.
 */
const ROWS: Record<string, number> = { computeRanking: 24_000, generateNotice: 300 };
const noSleep = { sleep: async () => undefined };
const TEMP = /^~emu-tmp-/;
type Op = typeof computeRanking;
const OPS: [string, Op][] = [
  ["computeRanking", computeRanking],
  ["generateNotice", generateNotice],
];
const MODES = ["applyPrefix", "atomic"] as const;

function bigSheet(n: number): SeedSheet {
  const rows: (string | number)[][] = [["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định", "Xếp loại"]];
  for (let k = 0; k < n; k++)
    rows.push([k + 1, `Đơn vị thi đua số ${k + 1} tỉnh Điện Biên`, 900 + (k % 100), 880 + (k % 100), ""]);
  return { name: "Bảng điểm", values: rows };
}
const SEEDS: Record<string, SeedSheet> = {
  computeRanking: bigSheet(ROWS.computeRanking!),
  generateNotice: bigSheet(ROWS.generateNotice!),
};

function fresh(op = "computeRanking"): { double: ExcelDouble; uninstall: () => void } {
  const seed = SEEDS[op]!;
  const double = createExcelDouble({
    sheets: [{ name: seed.name, values: seed.values!.map((r) => [...r]) }],
  });
  return { double, uninstall: double.install() };
}

/** A clear Vietnamese sentence: Vietnamese letters, no placeholders or English-only text. */
function expectVietnamese(message: string): void {
  expect(message.length).toBeGreaterThan(20);
  expect(message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
  expect(message).not.toMatch(/undefined|null|\[object|NaN/);
  expect(message).toMatch(/^[A-ZÀ-Ỹ]/u);
}

interface Happy {
  syncs: number;
  /** Round trips that write (each starts by suspending calculation); the others read. */
  writes: number[];
  before: WorkbookSnapshot;
  after: WorkbookSnapshot;
  beforeJson: string;
  afterJson: string;
}

/** Deep equality of two snapshots; JSON first (jest's toEqual on 24,000 rows takes seconds). */
function expectSame(actual: WorkbookSnapshot, expected: WorkbookSnapshot, expectedJson?: string): void {
  if (JSON.stringify(actual) === (expectedJson ?? JSON.stringify(expected))) return;
  expect(actual).toEqual(expected); // only on a mismatch: the readable diff
}
const happy = new Map<string, Happy>();

beforeAll(async () => {
  for (const [name, op] of OPS) {
    const { double, uninstall } = fresh(name);
    try {
      const before = double.workbook.snapshot();
      const out = await op({ lang: "vi", run: noSleep });
      expect(out.ok).toBe(true);
      // Compute ranking's write really spans several requests (two reads, then two writes).
      if (name === "computeRanking") expect(double.stats.syncs).toBeGreaterThanOrEqual(4);
      const after = double.workbook.snapshot();
      happy.set(name, {
        syncs: double.stats.syncs,
        writes: double.stats.requests.filter((r) => r.calculationSuspended).map((r) => r.index),
        before,
        after,
        beforeJson: JSON.stringify(before),
        afterJson: JSON.stringify(after),
      });
    } finally {
      uninstall();
    }
  }
}, 120_000);

/** Runs `op` under `inject`; returns the outcome class and checks the never-in-between rule. */
async function underFault(
  name: string,
  op: Op,
  mode: (typeof MODES)[number],
  inject: (d: ExcelDouble) => void,
): Promise<{ result: "unchanged" | "complete"; error: unknown }> {
  const h = happy.get(name)!;
  const { double, uninstall } = fresh(name);
  try {
    double.faults.setBatchFailureMode(mode);
    inject(double);
    let error: unknown = null;
    try {
      await op({ lang: "vi", run: noSleep });
    } catch (e) {
      error = e;
    }
    expect(double.workbook.sheetNames().filter((n) => TEMP.test(n))).toEqual([]);
    const now = double.workbook.snapshot();
    // Cheap discriminator first (sheet names), then the deep comparison.
    const unchanged = now.sheets.length === h.before.sheets.length;
    if (unchanged) expectSame(now, h.before, h.beforeJson);
    else expectSame(now, h.after, h.afterJson);
    // A failure is reported and changed nothing; a success is complete. Never the other pairs.
    if (error !== null) {
      expect(unchanged).toBe(true);
      expectHostError(error);
    } else expect(unchanged).toBe(false);
    return { result: unchanged ? "unchanged" : "complete", error };
  } finally {
    uninstall();
  }
}

function expectHostError(error: unknown, kind?: HostError["kind"]): void {
  expect(error).toBeInstanceOf(HostError);
  if (kind) expect((error as HostError).kind).toBe(kind);
  expectVietnamese(hostErrorMessage(error, "vi"));
  expect(hostErrorMessage(error, "en").length).toBeGreaterThan(20);
}

describe.each(OPS)("%s under faults", (name, op) => {
  describe.each(MODES)("batch failure mode %s", (mode) => {
    it("a sync failing at each round trip k = 1..N: unchanged and explained, or recovered and complete", async () => {
      const n = happy.get(name)!.syncs;
      const results: string[] = [];
      for (let k = 1; k <= n; k++) {
        const { result } = await underFault(name, op, mode, (d) => d.faults.failSyncAt(k));
        results.push(`${k}:${result}`);
      }
      // A failed read is retried in chunks (read.ts falls back on any refusal but cell-edit and
      // not-found): it recovers. A write request that fails whole is reported, nothing changed
      // (a swap that fails part-way is rolled forward: see the last describe).
      const { writes } = happy.get(name)!;
      expect(writes.length).toBeGreaterThanOrEqual(name === "computeRanking" ? 2 : 1);
      expect(results).toEqual(
        Array.from({ length: n }, (_, i) => `${i + 1}:${writes.includes(i + 1) ? "unchanged" : "complete"}`),
      );
    }, 240_000);

    it("cell-edit mode beyond the retries: unchanged, and the user is told to leave the cell", async () => {
      const { result, error } = await underFault(name, op, mode, (d) => d.faults.cellEditMode(4));
      expect(result).toBe("unchanged");
      expectHostError(error, "cell-edit");
      expect(hostErrorMessage(error, "vi")).toMatch(/chế độ sửa ô/);
    }, 60_000);

    it("cell-edit mode in the middle of the write: retried from scratch, complete", async () => {
      const n = happy.get(name)!.syncs;
      const { result, error } = await underFault(name, op, mode, (d) =>
        d.faults.failSyncAt(n, { code: "InvalidOperationInCellEditMode" }),
      );
      expect(error).toBeNull();
      expect(result).toBe("complete");
    }, 60_000);

    it.each([5_000, 50_000, 3_500_000])(
      "a payload limit of %i bytes: unchanged and explained (nothing was changed), or it fits and is complete",
      async (limit) => {
        const { result, error } = await underFault(name, op, mode, (d) => d.faults.setPayloadLimit(limit));
        if (limit <= 50_000 || name === "computeRanking") {
          expect(result).toBe("unchanged");
          expectHostError(error, "payload");
          expect(hostErrorMessage(error, "vi")).toMatch(/không bị thay đổi/);
        } else expect(result).toBe("complete");
      },
      60_000,
    );
  });
});

describe("a failed cleanup", () => {
  it("leaves only very hidden temporary sheets, which the next run removes before completing", async () => {
    const h = happy.get("computeRanking")!;
    const { double, uninstall } = fresh();
    try {
      // The swap fails, then the cleanup's own sync fails too.
      double.faults.failSyncAt(h.syncs).failSyncAt(h.syncs + 1);
      await expect(computeRanking({ lang: "vi", run: noSleep })).rejects.toBeInstanceOf(HostError);
      const left = double.workbook.sheetNames().filter((n) => TEMP.test(n));
      for (const t of left) expect(double.workbook.sheet(t).visibility).toBe("VeryHidden");
      // The user's sheets are untouched and nothing of EMU's is visible.
      const visible = double.workbook.snapshot().sheets.filter((s) => s.visibility === "Visible");
      expect(JSON.stringify(visible)).toBe(JSON.stringify(h.before.sheets));
      double.faults.clear();
      expect((await computeRanking({ lang: "vi", run: noSleep })).ok).toBe(true);
      expect(double.workbook.sheetNames().filter((n) => TEMP.test(n))).toEqual([]);
      expectSame(double.workbook.snapshot(), h.after, h.afterJson);
    } finally {
      uninstall();
    }
  }, 120_000);
});

describe("the ribbon path", () => {
  it.each([
    ["a failing sync", (d: ExcelDouble) => d.faults.failSyncAt(3), "Excel báo lỗi"],
    ["cell-edit mode", (d: ExcelDouble) => d.faults.cellEditMode(10), "chế độ sửa ô"],
    ["an over-size payload", (d: ExcelDouble) => d.faults.setPayloadLimit(5_000), "quá lớn"],
  ])(
    "%s: runCommand publishes the error, opens the pane, never throws",
    async (_label, inject, words) => {
      const { double, uninstall } = fresh();
      const events: SessionEvent[] = [];
      const unsubscribe = subscribe((e) => events.push(e));
      try {
        const before = double.workbook.snapshot();
        inject(double);
        let opened = 0;
        const fast: typeof computeRanking = (req) => computeRanking({ ...req, run: noSleep });
        await expect(
          runCommand("compute", fast, {
            lang: () => "vi",
            showPane: async () => {
              opened++;
            },
          }),
        ).resolves.toBeUndefined();
        const last = events[events.length - 1];
        expect(last?.kind).toBe("compute");
        expect(last?.outcome).toBeUndefined();
        expect(last?.error).toContain(words);
        expectVietnamese(last?.error ?? "");
        expect(opened).toBe(1);
        expect(double.workbook.snapshot()).toEqual(before);
      } finally {
        unsubscribe();
        uninstall();
      }
    },
    60_000,
  );

  it("a pane that cannot open does not make the command throw either", async () => {
    const { double, uninstall } = fresh("generateNotice");
    try {
      double.faults.failSyncAt(2);
      await expect(
        runCommand("compute", (req) => computeRanking({ ...req, run: noSleep }), {
          lang: () => "en",
          showPane: () => Promise.reject(new Error("no pane")),
        }),
      ).resolves.toBeUndefined();
    } finally {
      uninstall();
    }
  });
});

/**
 * The final "swap" request (delete replaced sheets, rename the temporary sheet, fill the table,
 * save the marks, activate) is several commands, and Excel has no transaction: when one fails,
 * those before it stay applied. writeJob then finishes the swap from where it stopped, so the
 * workbook ends complete (or, when that fails too, unchanged but for EMU's temporaries).
 */
describe("a command failing inside the final swap request (applyPrefix)", () => {
  const small: SeedSheet = {
    name: "Bảng điểm",
    values: [
      ["Đơn vị", "Tự chấm", "Thẩm định", "Xếp loại"],
      ["Sở A", 950, 940, ""],
      ["Sở B", 900, 890, ""],
    ],
  };
  it.each(["Range.values", "Worksheet.visibility", "Worksheet.activate"])(
    "the last %s fails: the workbook is unchanged or complete, and the error matches it",
    async (target) => {
      // Count the commands of a clean run, to fail the last one of that name.
      const probe = createExcelDouble({ sheets: [small] });
      let total = 0;
      const u1 = probe.install();
      probe.faults.failOnCommand(({ name }) => (name === target && total++ < 0) || false);
      await computeRanking({ lang: "vi", run: noSleep });
      const complete = JSON.stringify(probe.workbook.snapshot());
      u1();

      const double = createExcelDouble({ sheets: [small] });
      const u2 = double.install();
      try {
        const before = JSON.stringify(double.workbook.snapshot());
        double.faults.setBatchFailureMode("applyPrefix");
        let n = 0;
        double.faults.failOnCommand(({ name }) => name === target && ++n === total);
        let error: unknown = null;
        try {
          await computeRanking({ lang: "vi", run: noSleep });
        } catch (e) {
          error = e;
        }
        const now = JSON.stringify(double.workbook.snapshot());
        if (error === null) expect(now).toBe(complete);
        else expect(now).toBe(before);
      } finally {
        u2();
      }
    },
  );
});
