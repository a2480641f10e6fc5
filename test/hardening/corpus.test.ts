/**
 * The bad-input corpus (test/fixtures/corpus/<case>/input.xlsx + expected.json, built by
 * make-corpus.ts) through both entry points:
 * - the CLI in-process: the expected exit code; exit 2 → exactly one stderr line, the expected
 *   one; exit 0/1 → nothing on stderr and the expected issues at their cells; never a stack trace;
 * - the add-in use cases through the Excel double, seeded with what the CLI reads: either ok and
 *   complete, or not ok and the workbook unchanged; never a throw, never a temporary sheet left.
 * The two big cases (100,000 units; a 1,000,000-character cell) are generated into a temp folder.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbook } from "../../src/cli/io";
import { computeRanking, generateNotice, type OperationOutcome } from "../../src/excel/operations";
import { createExcelDouble, type ExcelDouble, type SeedSheet } from "../excel-double";
import { cli } from "../cli/run-cli";
import { makeBigCase, millionCharName } from "../fixtures/corpus/make-corpus";
import { STAFF_CASES } from "../fixtures/corpus/make-staff-corpus";
import { unzipSync } from "fflate";

interface Expected {
  code: 0 | 1 | 2;
  stderr?: string;
  issues?: string[];
  units?: string[];
  /** Extra CLI arguments (a preset, a range), for the staff workbooks. */
  args?: string[];
  /** Each unit's ranking score and class, in ranking order (worked out by make-staff-corpus.ts). */
  scores?: number[];
  classes?: string[];
  addin: "ok" | "not-ok" | "skip";
  /** Why the add-in check is skipped. */
  note?: string;
}

const ROOT = join(__dirname, "..", "fixtures", "corpus");
const cases = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(ROOT, d.name, "expected.json")))
  .map((d) => d.name)
  .sort();
const expectedOf = (name: string): Expected =>
  JSON.parse(readFileSync(join(ROOT, name, "expected.json"), "utf8")) as Expected;
const inputOf = (name: string): string => join("test", "fixtures", "corpus", name, "input.xlsx");

const STACK = /\bat .+\(|Error:|node:internal|\.ts:\d+/;

function noStackTrace(r: { stdout: string; stderr: string }): void {
  expect(r.stderr).not.toMatch(STACK);
  // stdout may quote a user's text; it still never carries a trace.
  expect(r.stdout).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
}

interface JsonOut {
  units: { unit: string; stt: number; rank: number; score: number; classification: string }[];
  issues: { code: string; cell: string | null; message: string }[];
}

/** CLI assertions shared by the committed and the generated cases. */
async function checkCli(input: string, exp: Expected, others = true): Promise<JsonOut | null> {
  const args = exp.args ?? [];
  const r = await cli("rank", input, "--json", ...args);
  noStackTrace(r);
  expect(r.code).toBe(exp.code);
  if (exp.code === 2) {
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")).toHaveLength(1);
    if (exp.stderr !== undefined) expect(r.stderr).toBe(exp.stderr);
    return null;
  }
  expect(r.stderr).toBe("");
  const json = JSON.parse(r.stdout) as JsonOut;
  if (exp.issues) expect(json.issues.map((i) => `${i.code}@${i.cell ?? "-"}`)).toEqual(exp.issues);
  for (const i of json.issues) expect(i.message.length).toBeGreaterThan(0);
  if (exp.units) expect(json.units.map((u) => u.unit)).toEqual(exp.units);
  if (exp.scores) expect(json.units.map((u) => u.score)).toEqual(exp.scores);
  if (exp.classes) expect(json.units.map((u) => u.classification)).toEqual(exp.classes);
  if (exp.code === 1) expect(json.units).toEqual([]);

  // The other commands and the English messages behave the same way.
  if (!others) return json;
  for (const argv of [
    ["validate", input, ...args],
    ["rank", input, "--lang", "en", ...args],
  ]) {
    const other = await cli(...argv);
    noStackTrace(other);
    expect(other.code).toBe(exp.code);
    expect(other.stderr).toBe("");
  }
  return json;
}

const noSleep = { sleep: async () => undefined };
const TEMP = /^~emu-tmp-/;

/** Runs a use case on a fresh double seeded with `sheets`; checks ok-and-complete or unchanged. */
async function checkAddin(
  sheets: SeedSheet[],
  op: typeof computeRanking | typeof generateNotice,
  expectOk: boolean,
): Promise<{ double: ExcelDouble; out: OperationOutcome }> {
  const double = createExcelDouble({ sheets });
  const uninstall = double.install();
  try {
    const before = double.workbook.snapshot();
    const out = await op({ lang: "vi", run: noSleep }); // must not throw
    expect(double.workbook.sheetNames().filter((n) => TEMP.test(n))).toEqual([]);
    if (out.ok) {
      expect(out.written).toHaveLength(1);
      const written = out.written[0] as string;
      expect(double.workbook.hasSheet(written)).toBe(true);
      expect(double.workbook.hasSheet("_EMU")).toBe(true);
      // Complete: every ranked unit is on the written sheet.
      const flat = new Set(double.workbook.sheet(written).values().flat());
      for (const r of out.ranking.ranking) expect(flat.has(r.stt)).toBe(true);
    } else {
      expect(double.workbook.snapshot()).toEqual(before);
    }
    expect(out.ok).toBe(expectOk);
    return { double, out };
  } finally {
    uninstall();
  }
}

async function seedOf(path: string): Promise<SeedSheet[]> {
  const read = await readWorkbook(path);
  if (!read.ok) throw new Error(`unreadable: ${path}`);
  return read.sheets.map((s) => ({
    name: s.name,
    values: s.grid as (string | number | boolean)[][],
    ...(s.state === "visible" ? {} : { visibility: s.state === "hidden" ? "Hidden" : "VeryHidden" }),
  })) as SeedSheet[];
}

describe("bad-input corpus", () => {
  it("has at least 25 workbooks as staff send them, each with its worked-out ranking (issue 14)", () => {
    expect(STAFF_CASES.length).toBeGreaterThanOrEqual(25);
    for (const c of STAFF_CASES) expect(cases).toContain(c);
    // Several were saved by LibreOffice itself (its own styles, shared formulas, calculated values).
    const lo = STAFF_CASES.filter((c) => c.startsWith("lo-"));
    expect(lo.length).toBeGreaterThanOrEqual(4);
    for (const c of lo) {
      const app = unzipSync(readFileSync(join(ROOT, c, "input.xlsx")))["docProps/app.xml"];
      expect(Buffer.from(app ?? []).toString("utf8")).toMatch(/LibreOffice/);
    }
  });

  it("has the cases the contract lists", () => {
    for (const c of [
      "empty-workbook",
      "no-table",
      "header-only",
      "merged-header",
      "error-cells",
      "legacy-and-nfd-names",
      "formula-like-names",
      "not-a-workbook",
      "truncated",
      "password-protected",
    ])
      expect(cases).toContain(c);
    // The password-protected file is an OLE compound file with the encrypted OOXML streams.
    const enc = readFileSync(join(ROOT, "password-protected", "input.xlsx"));
    expect(enc.subarray(0, 4).toString("hex")).toBe("d0cf11e0");
    expect(enc.includes(Buffer.from("EncryptedPackage", "utf16le"))).toBe(true);
    expect(enc.includes(Buffer.from("EncryptionInfo", "utf16le"))).toBe(true);
  });

  describe.each(cases)("%s", (name) => {
    const exp = expectedOf(name);

    it(`CLI: exit ${exp.code}, ${exp.code === 2 ? "one stderr line" : "issues at their cells"}, no stack trace`, async () => {
      await checkCli(inputOf(name), exp);
    });

    if (exp.addin !== "skip") {
      it.each([
        ["computeRanking", computeRanking],
        ["generateNotice", generateNotice],
      ] as const)(`add-in %s: ${exp.addin}, and complete or unchanged`, async (_n, op) => {
        await checkAddin(await seedOf(inputOf(name)), op, exp.addin === "ok");
      });
    }
  });

  it("formula-like names stay text in the CLI's written copy and in the add-in's sheets", async () => {
    const dir = mkdtempSync(join(tmpdir(), "emu-corpus-"));
    try {
      const out = join(dir, "out.xlsx");
      const r = await cli("rank", inputOf("formula-like-names"), "--out", out);
      expect(r.code).toBe(0);
      const read = await readWorkbook(out);
      if (!read.ok) throw new Error("output unreadable");
      const names = expectedOf("formula-like-names").units ?? [];
      for (const sheet of ["Kết quả xếp hạng", "Thông báo kết quả"]) {
        const flat = read.sheets.find((s) => s.name === sheet)?.grid.flat() ?? [];
        for (const n of names) expect(flat).toContain(n);
      }
      const { double } = await checkAddin(await seedOf(inputOf("formula-like-names")), computeRanking, true);
      const results = double.workbook.sheet("Kết quả xếp hạng");
      const cells = Object.values(results.snapshot().cells);
      expect(cells.filter((c) => c.formula !== undefined)).toEqual([]);
      for (const n of names) expect(cells.map((c) => c.value)).toContain(n);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe("generated at test time (too big to commit)", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "emu-corpus-big-"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("cell-1000000-chars: ranks (exit 0); the written copy and the add-in keep every cell within Excel's 32,767 characters", async () => {
      const input = await makeBigCase(dir, "cell-1000000-chars");
      const json = await checkCli(input, { code: 0, issues: [], addin: "ok" }, false);
      expect(json?.units.map((u) => u.unit.length)).toContain(1_000_000);

      const out = join(dir, "million-out.xlsx");
      expect((await cli("rank", input, "--out", out)).code).toBe(0);
      const read = await readWorkbook(out);
      if (!read.ok) throw new Error("output unreadable");
      for (const s of read.sheets.filter((x) => x.name !== "Bảng điểm")) {
        for (const v of s.grid.flat())
          if (typeof v === "string") expect(v.length).toBeLessThanOrEqual(32_767);
      }
      const results = read.sheets.find((s) => s.name === "Kết quả xếp hạng")?.grid.flat() ?? [];
      expect(results).toContain(`${millionCharName().slice(0, 32_766)}…`);

      const seed = await seedOf(input);
      for (const op of [computeRanking, generateNotice]) {
        const { double, out: o } = await checkAddin(seed, op, true);
        const written = double.workbook
          .sheet(o.written[0] as string)
          .values()
          .flat();
        expect(written.some((v) => typeof v === "string" && v.length === 32_767 && v.endsWith("…"))).toBe(
          true,
        );
      }
    }, 60_000);

    it("units-100000: ranks 100,000 units (exit 0), STT 1..100,000", async () => {
      const input = await makeBigCase(dir, "units-100000");
      const json = await checkCli(
        input,
        {
          code: 0,
          issues: ["needs-deliberation@'Bảng điểm'!B4"],
          addin: "ok",
        },
        false,
      );
      expect(json?.units).toHaveLength(100_000);
      expect(json?.units.map((u) => u.stt)).toEqual(Array.from({ length: 100_000 }, (_, k) => k + 1));
      // The add-in on 100,000 units is test/excel/operations.test.ts "ranks 100,000 units" (~60 s
      // in the double); faults.test.ts writes 30,000 rows under every fault.
    }, 60_000);
  });
});
