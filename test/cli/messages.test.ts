/**
 * Issue 14: every CLI message in Vietnamese, on one line (English with `--lang en`): the
 * argument parser's own errors, `--version`, the help, a folder given as the workbook, an
 * `--out` that is not an .xlsx file, a rules file that is not JSON, `emu consolidate` that
 * writes nothing, and no message pointing at a cell of a sheet the user's workbook lacks.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ExcelJS from "exceljs";
import { PRESETS, presetRules, rulesSheetGrid } from "../../src/core";
import { readWorkbook } from "../../src/cli/io";
import { cleanTmp, tmpPath, writeGridsXlsx } from "../helpers/xlsx";
import { cli } from "./run-cli";

afterAll(cleanTmp);

const ROOT = join(__dirname, "..", "..");
const SEED = join("test", "fixtures", "seed-000", "input.xlsx");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

/** A usage error: exit 2, exactly one line on stderr, nothing on stdout; returns the line. */
async function usageLine(...argv: string[]): Promise<string> {
  const r = await cli(...argv);
  expect({ code: r.code, lines: r.stderr.split("\n").length, stdout: r.stdout }).toEqual({
    code: 2,
    lines: 1,
    stdout: "",
  });
  return r.stderr;
}

describe("the argument parser's errors, translated, one line, exit 2", () => {
  const cases: [string, string[], string, string][] = [
    [
      "unknown option with its suggestion",
      ["rank", SEED, "--shet", "A"],
      'Không có tùy chọn "--shet". Có phải ý bạn là --sheet? Xem: emu rank --help',
      'Unknown option "--shet". Did you mean --sheet? See: emu rank --help',
    ],
    [
      "unknown command with its suggestion",
      ["rnak", SEED],
      'Không có lệnh "rnak". Có phải ý bạn là rank? Các lệnh: rank, validate, form, consolidate, members, call, remind, pledge, track, tally, template. Xem: emu --help',
      'Unknown command "rnak". Did you mean rank? Commands: rank, validate, form, consolidate, members, call, remind, pledge, track, tally, template. See: emu --help',
    ],
    [
      "missing argument",
      ["rank"],
      "Thiếu tệp sổ làm việc .xlsx (ví dụ: emu rank bang-diem.xlsx). Xem: emu rank --help",
      "Missing the .xlsx workbook (e.g. emu rank scores.xlsx). See: emu rank --help",
    ],
    [
      "missing required option",
      ["consolidate", SEED, "--out", "x.xlsx"],
      "Thiếu tùy chọn bắt buộc --into <workbook>. Xem: emu consolidate --help",
      "The option --into <workbook> is required. See: emu consolidate --help",
    ],
    [
      "an option without its value",
      ["validate", SEED, "--sheet"],
      "Tùy chọn --sheet cần một giá trị đi kèm. Xem: emu validate --help",
      "The option --sheet needs a value. See: emu validate --help",
    ],
    [
      "two files where one is taken",
      ["rank", SEED, "bang diem.xlsx"],
      "Lệnh rank nhận một tệp sổ làm việc, nhưng có nhiều hơn. Đường dẫn có dấu cách thì đặt trong ngoặc kép. Xem: emu rank --help",
      "The rank command takes one workbook, but got more. Put a path with spaces in double quotes. See: emu rank --help",
    ],
    [
      "--preset with --rules",
      ["rank", SEED, "--preset", "cum-1000", "--rules", "r.json"],
      "Không dùng --preset cùng với --rules: hãy chọn một trong hai.",
      "--preset cannot be used together with --rules: choose one.",
    ],
  ];

  it.each(cases)("%s", async (_name, argv, vi, en) => {
    expect(await usageLine(...argv)).toBe(vi);
    // Right after the command: after "--sheet", "--lang" would be taken as the sheet's name.
    const [command = "", ...rest] = argv;
    expect(await usageLine(command, "--lang", "en", ...rest)).toBe(en);
  });

  it("an invalid --lang choice, in Vietnamese (the language asked for is not known)", async () => {
    expect(await usageLine("rank", SEED, "--lang", "fr")).toBe(
      'Giá trị "fr" không dùng được cho --lang; hãy chọn một trong: vi, en.',
    );
  });

  it("never shows commander's English", async () => {
    for (const argv of cases.map((c) => c[1])) {
      const line = await usageLine(...argv);
      expect(line).not.toMatch(/error:|unknown option|required|Did you mean|argument/i);
    }
  });
});

describe("--version and the help", () => {
  it("emu --version prints the version, exit 0", async () => {
    expect(await cli("--version")).toEqual({ code: 0, stdout: VERSION, stderr: "" });
    expect(await cli("-V")).toEqual({ code: 0, stdout: VERSION, stderr: "" });
  });

  it("the help is in Vietnamese by default, English with --lang en, and lists the presets", async () => {
    const vi = await cli("--help");
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain("Cách dùng: emu [tùy chọn] [lệnh]");
    expect(vi.stdout).toContain("hiện trợ giúp này");
    expect(vi.stdout).toContain(
      `Bộ quy tắc có sẵn (--preset): ${Object.keys(PRESETS).join(", ")}; mặc định cum-1000.`,
    );
    expect(vi.stdout).not.toMatch(/Usage|Options|Commands|display help|rank, classify/);

    const en = await cli("--lang", "en", "--help");
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("Usage: emu [options] [command]");
    expect(en.stdout).toContain(`Presets (--preset): ${Object.keys(PRESETS).join(", ")}; default cum-1000.`);
    expect(en.stdout).not.toMatch(/Cách dùng|Tùy chọn|xếp hạng|trợ giúp/);

    const rankVi = await cli("rank", "--help");
    expect(rankVi.stdout).toContain("--preset <id>      bộ quy tắc có sẵn: cum-1000, nd335-100");
    expect(rankVi.stdout).toContain("(chọn: vi, en; mặc định: vi)");
    expect(rankVi.stdout).not.toMatch(/choices|default|the score sheet/);
    const rankEn = await cli("rank", "--help", "--lang", "en");
    expect(rankEn.stdout).toContain("--preset <id>      preset: cum-1000, nd335-100");
    expect(rankEn.stdout).toContain("(choices: vi, en; default: vi)");
    expect(rankEn.stdout).not.toMatch(/tệp|trang|bộ quy tắc/);
  });
});

describe("files: a folder, an --out that is not an .xlsx, a rules file that is not JSON", () => {
  it("a folder given as the workbook says it is a folder", async () => {
    const folder = dirname(tmpPath("x"));
    expect(await usageLine("rank", folder)).toBe(
      `"${folder}" là một thư mục, không phải tệp. Hãy chỉ ra tệp .xlsx trong thư mục đó, ví dụ "${folder}/bang-diem.xlsx".`,
    );
    expect(await usageLine("validate", folder, "--lang", "en")).toBe(
      `"${folder}" is a folder, not a file. Name the .xlsx file inside it, e.g. "${folder}/scores.xlsx".`,
    );
  });

  it("--out must name an .xlsx file: a folder or another extension is one clear line, nothing written", async () => {
    const folder = dirname(tmpPath("x"));
    expect(await usageLine("rank", SEED, "--out", folder)).toBe(
      `--out "${folder}" là một thư mục; hãy chỉ ra tên tệp .xlsx, ví dụ --out "${join(folder, "ket-qua.xlsx")}".`,
    );
    expect(await usageLine("rank", SEED, "--out", `${folder}/moi/`, "--lang", "en")).toBe(
      `--out "${folder}/moi" is a folder; name an .xlsx file, e.g. --out "${join(folder, "moi", "results.xlsx")}".`,
    );
    const csv = join(folder, "ket-qua.csv");
    expect(await usageLine("rank", SEED, "--out", csv)).toBe(
      `--out "${csv}" phải là tên tệp .xlsx (EMU ghi sổ làm việc Excel), ví dụ --out ket-qua.xlsx.`,
    );
    expect(existsSync(csv)).toBe(false);
    expect(
      await usageLine("consolidate", SEED, "--into", SEED, "--out", join(folder, "cum"), "--lang", "en"),
    ).toBe(
      `--out "${join(folder, "cum")}" must name an .xlsx file (EMU writes an Excel workbook), e.g. --out results.xlsx.`,
    );
    // Upper case is still .xlsx.
    const upper = join(folder, "KET-QUA.XLSX");
    expect((await cli("rank", SEED, "--out", upper)).code).toBe(0);
  });

  it("a rules file that is not JSON says so, where, and never echoes the parser's English", async () => {
    const bad = tmpPath("quy-tac.json");
    writeFileSync(bad, '{\n  "maxScore": 1000,\n  "bands": [{ "min": 900, "label": "Xuất sắc" },, ]\n}\n');
    const vi = await usageLine("rank", SEED, "--rules", bad);
    expect(vi).toBe(
      `Tệp quy tắc "${bad}" không phải JSON hợp lệ (dòng 3, cột 49). Tệp quy tắc là văn bản JSON, ví dụ {"maxScore": 1000, "bands": [...]}.`,
    );
    const prose = tmpPath("quy-tac.txt");
    writeFileSync(prose, "Xuất sắc từ 900 điểm\n");
    expect(await usageLine("rank", SEED, "--rules", prose, "--lang", "en")).toBe(
      `The rules file "${prose}" is not valid JSON (line 1, column 1). A rules file is JSON text, e.g. {"maxScore": 1000, "bands": [...]}.`,
    );
    const cut = tmpPath("thieu.json");
    writeFileSync(cut, '{"maxScore": 1000,\r\n "bands": [');
    expect(await usageLine("rank", SEED, "--rules", cut, "--lang", "en")).toBe(
      `The rules file "${cut}" is not valid JSON (line 2, column 12). A rules file is JSON text, e.g. {"maxScore": 1000, "bands": [...]}.`,
    );
    const empty = tmpPath("trong.json");
    writeFileSync(empty, "\uFEFF\n");
    expect(await usageLine("rank", SEED, "--rules", empty)).toBe(
      `Tệp quy tắc "${empty}" trống. Tệp quy tắc là văn bản JSON, ví dụ {"maxScore": 1000, "bands": [...]}.`,
    );
    const folder = dirname(empty);
    expect(await usageLine("rank", SEED, "--rules", folder, "--lang", "en")).toBe(
      `"${folder}" is a folder, not a rules file. Name the .json file.`,
    );
    expect(await usageLine("rank", SEED, "--rules", join(folder, "khong-co.json"))).toBe(
      `Không đọc được tệp quy tắc "${join(folder, "khong-co.json")}". Hãy kiểm tra đường dẫn.`,
    );
  });
});

describe("emu consolidate that writes nothing says so and why", () => {
  async function setUp(): Promise<{ list: string; form: string }> {
    const list = tmpPath("danh-muc.xlsx");
    await writeGridsXlsx(list, [
      {
        name: "Danh mục tiêu chí",
        rows: [
          ["TT", "Nội dung tiêu chí", "Điểm tối đa"],
          ["I", "Thực hiện giao ước thi đua", 20],
          ["1", "Chủ đề thi đua", 10],
          ["2", "Cải cách hành chính", 10],
        ],
      },
    ]);
    const dir = join(dirname(list), "phieu");
    expect((await cli("form", list, "--unit", "Sở TT&TT Lào Cai", "--out-dir", dir)).code).toBe(0);
    const made = join(dir, readdirSync(dir)[0] ?? "");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(made);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error("no sheet");
    // The form's two score cells (D7, D8: the criteria under "I", as the form lays them out).
    for (const a of ["D7", "D8"]) {
      expect(ws.getCell(a).protection?.locked).toBe(false);
      ws.getCell(a).value = 9;
    }
    const form = tmpPath("phieu-da-dien.xlsx");
    await wb.xlsx.writeFile(form);
    return { list, form };
  }

  it("nothing new, and differing cells kept (add --force)", async () => {
    const { list, form } = await setUp();
    const cluster = tmpPath("cum.xlsx");
    const first = await cli("consolidate", form, "--into", list, "--out", cluster);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Đã tổng hợp 1 phiếu/);

    const same = tmpPath("cum-2.xlsx");
    const again = await cli("consolidate", form, "--into", cluster, "--out", same);
    expect(again.code).toBe(0);
    expect(again.stdout.split("\n").at(-1)).toBe(
      `Không ghi tệp "${same}": các phiếu không có gì mới so với sổ tổng hợp.`,
    );
    expect(existsSync(same)).toBe(false);

    // The returned form now says 7 where the cluster holds 9: kept unless --force.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(form);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error("no sheet");
    ws.getCell("D7").value = 7;
    const edited = tmpPath("phieu-sua.xlsx");
    await wb.xlsx.writeFile(edited);
    const out = tmpPath("cum-3.xlsx");
    const kept = await cli("consolidate", edited, "--into", cluster, "--out", out, "--lang", "en");
    expect(kept.stdout.split("\n").at(-1)).toBe(
      `"${out}" was not written: 1 cells already holding a different score were kept; add --force to overwrite them.`,
    );
    expect(existsSync(out)).toBe(false);
    const forced = await cli("consolidate", edited, "--into", cluster, "--out", out, "--force");
    expect(forced.stdout).toMatch(/^Đã tổng hợp 1 phiếu/);
  });
});

function workbooks(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? workbooks(p) : name.endsWith(".xlsx") ? [p] : [];
  });
}

describe("a message never points at a cell of a sheet the workbook does not have", () => {
  const files = workbooks(join(ROOT, "test", "fixtures")).map((p) => relative(ROOT, p));

  it.each(files)("%s, with the default rules and every preset", async (file) => {
    const read = await readWorkbook(file);
    if (!read.ok) return; // refused with one line, no cell (covered by the corpus tests)
    const sheets = new Set(read.sheets.map((s) => s.name));
    for (const extra of [[], ...Object.keys(PRESETS).map((p) => ["--preset", p])]) {
      const r = await cli("validate", file, "--json", ...extra);
      if (r.code === 2) continue;
      const report = JSON.parse(r.stdout) as { issues: { cell: string | null }[] };
      for (const i of report.issues) {
        if (i.cell === null) continue;
        const bang = i.cell.lastIndexOf("!");
        const sheet = i.cell.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
        expect({ file, extra, cell: i.cell, exists: sheets.has(sheet) }).toEqual({
          file,
          extra,
          cell: i.cell,
          exists: true,
        });
      }
    }
  });

  it("the detailed sheets' warnings point at the unit's own sheet, not the computed summary", async () => {
    const r = await cli("rank", join("test", "fixtures", "criteria-indented-clean", "input.xlsx"), "--json");
    const report = JSON.parse(r.stdout) as { sheet: string; issues: { code: string; cell: string }[] };
    expect(report.sheet).toBe("Tổng hợp từ bảng chấm");
    expect(report.issues.map((i) => `${i.code}@${i.cell}`)).toEqual(["needs-deliberation@'Yên Bái'!A1"]);
  });

  it("the printed title names the detailed sheets' totals, not a sheet the workbook lacks", async () => {
    const file = join("test", "fixtures", "criteria-indented-clean", "input.xlsx");
    expect((await cli("rank", file)).stdout.split("\n")[0]).toBe(
      "Tổng điểm các bảng chấm điểm chi tiết: xếp hạng theo điểm chấm thẩm định. Quy tắc: cum-1000 (mặc định).",
    );
    expect((await cli("rank", file, "--lang", "en")).stdout.split("\n")[0]).toBe(
      "Totals of the detailed scoring sheets: ranked on verified scores. Rules: cum-1000 (default).",
    );
  });
});

describe("through the built dist/cli/emu.js, as a real process", () => {
  const dist = join(ROOT, "dist", "cli", "emu.js");
  beforeAll(() => {
    // The test builds what it runs, so it never checks a stale bundle.
    const b = spawnSync(process.execPath, [join(ROOT, "src", "cli", "build.mjs")], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (b.status !== 0) throw new Error(`build failed: ${b.stderr}`);
  }, 120_000);
  const run = (...argv: string[]) =>
    spawnSync(process.execPath, [dist, ...argv], { cwd: ROOT, encoding: "utf8" });

  it("an unknown option: exactly one stderr line, exit 2, nothing on stdout", () => {
    const r = run("rank", SEED, "--shet", "A");
    expect({ status: r.status, stderr: r.stderr, stdout: r.stdout }).toEqual({
      status: 2,
      stderr: 'Không có tùy chọn "--shet". Có phải ý bạn là --sheet? Xem: emu rank --help\n',
      stdout: "",
    });
  });

  it("output piped into a reader that stops early (| head -1): no stack trace", async () => {
    // Far more than a pipe's buffer, so EMU is still writing when head has gone.
    const big = tmpPath("lon.xlsx");
    const rows = Array.from({ length: 3000 }, (_, k) => [
      k + 1,
      `Đơn vị số ${k + 1}`,
      900 - (k % 97),
      890 - (k % 89),
    ]);
    await writeGridsXlsx(big, [
      { name: "Bảng điểm", rows: [["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định"], ...rows] },
    ]);
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${dist}" rank "${big}" --json | head -1`], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.stdout).toBe("{\n");
    expect(r.stderr).toBe("");
  });

  it("a report far larger than the pipe, to a reader that keeps pausing, arrives whole and in order", async () => {
    // The report is made a piece at a time while the pipe is full (emu.ts waits a turn, or for
    // 'drain'); a reader that stops now and then must still get exactly the in-process text.
    const big = tmpPath("ong-cham.xlsx");
    const rows = Array.from({ length: 4000 }, (_, k) => [
      k + 1,
      `Trường Tiểu học số ${k + 1} huyện Mường Tè`,
      900 - (k % 97) / 4,
      890 - (k % 89) / 4,
    ]);
    await writeGridsXlsx(big, [
      { name: "Bảng điểm", rows: [["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định"], ...rows] },
    ]);
    const child = spawn(process.execPath, [dist, "rank", big, "--json"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const chunks: Buffer[] = [];
    let reads = 0;
    child.stdout.on("data", (b: Buffer) => {
      chunks.push(b);
      // Every fourth read, stop reading for a moment: the pipe fills and EMU's queue grows.
      if (++reads % 4 === 0) {
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), 5);
      }
    });
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString("utf8")));
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    const text = Buffer.concat(chunks).toString("utf8");
    expect({ status, stderr }).toEqual({ status: 0, stderr: "" });
    expect(text.length).toBeGreaterThan(1 << 20);
    expect(text).toBe(`${(await cli("rank", big, "--json")).stdout}\n`);
  }, 60_000);

  it("loads zod's rules schema only for rules the user gives, and then words them with it", async () => {
    // A preload reports, at exit, whether the process required zod.
    const preload = tmpPath("zod-probe.cjs");
    writeFileSync(
      preload,
      `const M = require("module"); const load = M._load; let zod = false;
M._load = function (r, ...a) { if (r === "zod" || r.startsWith("zod/")) zod = true; return load.call(this, r, ...a); };
process.on("exit", () => process.stderr.write("ZOD=" + zod + "\\n"));`,
    );
    const probe = (...argv: string[]) =>
      spawnSync(process.execPath, ["--require", preload, dist, ...argv], { cwd: ROOT, encoding: "utf8" });
    const table = [
      ["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định", "Xếp loại"],
      [1, "Sở TT&TT Điện Biên", 980, 975, ""],
      [2, "Sở TT&TT Lai Châu", 960, 950, ""],
    ];
    const plain = tmpPath("zod-plain.xlsx");
    await writeGridsXlsx(plain, [{ name: "Bảng điểm", rows: table }]);
    const ranked = probe("rank", plain, "--json");
    expect(ranked.status).toBe(0);
    expect(JSON.parse(ranked.stdout).units).toHaveLength(2);
    expect(ranked.stderr).toBe("ZOD=false\n");
    expect(probe("--help").stderr).toContain("ZOD=false");

    // A rules sheet whose scale is 0: the sheet's reading takes the number, the schema says what
    // is wrong with it (without the schema it would be only "invalid value").
    const rules = rulesSheetGrid(presetRules("cum-1000")).map((r) => [...r]);
    expect(rules[3]?.[0]).toBe("Thang điểm");
    (rules[3] as unknown[])[1] = 0;
    const withRules = tmpPath("zod-rules-sheet.xlsx");
    await writeGridsXlsx(withRules, [
      { name: "Bảng điểm", rows: table },
      { name: "Quy tắc xếp loại", rows: rules as (string | number)[][] },
    ]);
    const bad = probe("rank", withRules, "--lang", "en");
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("ZOD=true");
    expect(`${bad.stdout}${bad.stderr}`).toContain(
      'Invalid rules at "maxScore": Too small: expected number to be >0.',
    );

    const file = tmpPath("zod-scale-zero.json");
    writeFileSync(file, JSON.stringify({ maxScore: 0, bands: [{ min: 0, label: "Đạt" }] }));
    const badFile = probe("rank", plain, "--rules", file, "--lang", "en");
    expect(badFile.status).toBe(2);
    expect(badFile.stderr).toContain("ZOD=true");
    expect(badFile.stderr).toMatch(/zod-scale-zero\.json.*Maximum score/);
  });

  it("an --out folder in English, and --version", () => {
    const folder = dirname(tmpPath("x"));
    mkdirSync(folder, { recursive: true });
    const r = run("rank", SEED, "--out", folder, "--lang", "en");
    expect(r.status).toBe(2);
    expect(r.stderr.split("\n")).toEqual([
      `--out "${folder}" is a folder; name an .xlsx file, e.g. --out "${join(folder, "results.xlsx")}".`,
      "",
    ]);
    expect(run("--version")).toEqual(
      expect.objectContaining({ status: 0, stdout: `${VERSION}\n`, stderr: "" }),
    );
  });
});
