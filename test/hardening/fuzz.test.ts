/**
 * Property-based fuzzing of the whole engine on grids that look like real score sheets, then
 * mutated the ways real files are: title rows, blank rows, shuffled columns, header synonyms in
 * Vietnamese or English with random case, accents dropped or decomposed (NFD), text numbers,
 * decimal commas, error values, legacy-encoded (TCVN3/VNI) names, duplicates, total rows, huge,
 * negative, NaN and infinite numbers, booleans and long strings.
 *
 * detect → validate → rank → classify → awards → notice/results/json, asserting: no exception,
 * every issue's cell inside the grid and on the grid's sheet, every message non-empty in both
 * languages, and the ranking invariants (STT 1..n, ranks non-decreasing, competition ranks,
 * tied ⇔ shared rank). Seeded: a failure prints its seed and path, and replays exactly.
 * 10,000 grids per `npm test` (FUZZ_RUNS overrides, e.g. for a long soak).
 */
import fc from "fast-check";
import {
  DEFAULT_NOTICE_FIELDS,
  buildNotice,
  buildResults,
  hasErrors,
  issueMessage,
  jsonReport,
  presetRules,
  rankWorkbook,
  type CellValue,
  type Rules,
} from "../../src/core";

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = 20_231_215;

const stripAccents = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");

/** A header text in one of its spellings, with random case and accent treatment. */
const spelled = (synonyms: readonly string[]): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom(...synonyms),
      fc.constantFrom("as-is", "upper", "lower", "no-accents", "nfd", "padded"),
    )
    .map(([s, how]) => {
      switch (how) {
        case "upper":
          return s.toUpperCase();
        case "lower":
          return s.toLowerCase();
        case "no-accents":
          return stripAccents(s);
        case "nfd":
          return s.normalize("NFD");
        case "padded":
          return `  ${s} `;
        default:
          return s;
      }
    });

const HEADERS = {
  stt: ["STT", "TT", "Số TT", "No.", "#"],
  unit: ["Đơn vị", "Tên đơn vị", "Cơ quan", "Tập thể", "Unit", "Đơn vị thi đua"],
  self: ["Điểm tự chấm", "Tự chấm", "Điểm tự đánh giá", "Self score", "Self-assessed"],
  verified: [
    "Điểm chấm thẩm định",
    "Điểm thẩm định",
    "Điểm kiểm tra chéo",
    "Kết quả thẩm định",
    "Verified score",
  ],
  max: ["Điểm tối đa", "Max score"],
  bonus: ["Điểm thưởng", "Điểm cộng", "Bonus"],
  deduction: ["Điểm trừ", "Deductions"],
  classification: ["Xếp loại", "Classification"],
  note: ["Ghi chú", "Note"],
  veto: ["Không xét", "Vi phạm", "Kỷ luật"],
} as const;
type Role = keyof typeof HEADERS;

const LEGACY = [
  "UBND huyÖn B¶o Th¾ng",
  "UBND huyÖn M­êng Kh¬ng",
  "Së TT&TT §iÖn Biªn",
  "UBND huyeän Baùt Xaùt",
  "Sôû TT&TT Laøo Cai",
];
const PROVINCES = [
  "Điện Biên",
  "Lai Châu",
  "Sơn La",
  "Lào Cai",
  "Hà Giang",
  "Cao Bằng",
  "Lạng Sơn",
  "Đắk Lắk",
];
const ERRORS = ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"];

/** A unit name as staff write them, sometimes odd. */
const unitName: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.constantFrom("Sở TT&TT", "Sở Thông tin và Truyền thông tỉnh", "SỞ TTTT TỈNH", "UBND huyện"),
        fc.constantFrom(...PROVINCES),
        fc.nat(99),
      )
      .map(([a, p, k]) => `${a} ${p}${k ? ` ${k}` : ""}`),
  },
  { weight: 1, arbitrary: fc.constantFrom(...LEGACY) },
  { weight: 1, arbitrary: fc.constantFrom(...PROVINCES).map((p) => `Sở TT&TT ${p}`.normalize("NFD")) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('=HYPERLINK("http://x","Sở A")', "+1", "@SUM(A1)", "-Sở B", "=1+1"),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 200, maxLength: 600, unit: "grapheme" }) },
);

/** A score as it appears in a real cell, with the usual damage. */
const score: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 1000 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 10000 }).map((n) => n / 10) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1000 }).map((n) => ` ${n} `) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0, max: 10000 }).map((n) => (n / 10).toString().replace(".", ",")),
  },
  { weight: 1, arbitrary: fc.constantFrom("1.000", "91,77%", "962,5", "chín trăm", "", "-") },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      1e308,
      -1e308,
      Number.NaN,
      Infinity,
      -Infinity,
      -5,
      -0,
      5e-324,
      Number.MAX_SAFE_INTEGER + 2,
    ),
  },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.double() },
);

interface Sheet {
  name: string;
  grid: CellValue[][];
}

const sheetName = fc.constantFrom("Bảng điểm", "Tổng hợp", "Sheet1", "O'Neil 2023", "Điểm (2)", "A");

/** A score sheet: header (one or two rows), units, optional total row, then mutations. */
const scoreSheet: fc.Arbitrary<Sheet> = fc
  .record({
    name: sheetName,
    roles: fc.shuffledSubarray(
      ["stt", "self", "verified", "max", "bonus", "deduction", "classification", "note", "veto"] as Role[],
      {
        minLength: 1,
      },
    ),
    unitAt: fc.nat(20),
    // Half the sheets are clean (ranked), half damaged (mostly rejected with issues).
    clean: fc.boolean(),
    units: fc.array(
      fc.tuple(
        unitName,
        score,
        score,
        fc.nat(20),
        fc.nat(20),
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        fc.nat(50),
      ),
      { minLength: 0, maxLength: 25 },
    ),
    titleRows: fc.array(
      fc.constantFrom("TỔNG HỢP ĐIỂM THI ĐUA NĂM 2023", "CỤM THI ĐUA SỐ 2", "", "Kính gửi: các đơn vị"),
      { maxLength: 3 },
    ),
    twoRowHeader: fc.boolean(),
    blankRows: fc.array(fc.nat(40), { maxLength: 4 }),
    duplicates: fc.array(fc.tuple(fc.nat(30), fc.nat(30)), { maxLength: 2 }),
    total: fc.constantFrom("none", "Tổng cộng", "Cộng", "Tổng"),
    mutations: fc.array(
      fc.tuple(
        fc.nat(60),
        fc.nat(12),
        fc.oneof(
          score,
          unitName.map((s): CellValue => s),
        ),
      ),
      {
        maxLength: 6,
      },
    ),
    offset: fc.nat(2),
  })
  .chain((r) =>
    fc.tuple(fc.constant(r), fc.tuple(...["unit", ...r.roles].map((role) => spelled(HEADERS[role as Role])))),
  )
  .map(([r, headerTexts]) => {
    const roles: Role[] = ["unit", ...r.roles];
    // The unit column goes somewhere among the others.
    const order = [...roles.keys()];
    const u = order.shift() as number;
    order.splice(r.unitAt % (order.length + 1), 0, u);
    const lead: CellValue[] = Array<CellValue>(r.offset).fill("");
    const header = [...lead, ...order.map((k) => headerTexts[k] as string)];
    const rows: CellValue[][] = r.titleRows.map((t) => [t]);
    if (r.twoRowHeader) {
      // "Điểm" merged over the score columns: the top row says "Điểm" once, the second the roles.
      const top = header.map((h, c) =>
        c < r.offset ? "" : roles[order[c - r.offset] as number] === "self" ? "Điểm" : h,
      );
      const second = header.map((h, c) => (roles[order[c - r.offset] as number] === "self" ? h : ""));
      rows.push(top, second);
    } else rows.push(header);
    const cellFor = (role: Role, unit: (typeof r.units)[number], k: number): CellValue => {
      const [rawName, rawA, rawB, bonus, ded, veto, cleanSelf, cut] = unit;
      const name = r.clean ? `Đơn vị ${(k * 7919) % 1000} ${PROVINCES[k % PROVINCES.length]}` : rawName;
      const a = r.clean ? cleanSelf : rawA;
      const b = r.clean ? Math.max(0, cleanSelf - cut) : rawB;
      switch (role) {
        case "unit":
          return name;
        case "stt":
          return k + 1;
        case "self":
          return a;
        case "verified":
          return b;
        case "max":
          return 1000;
        case "bonus":
          return bonus;
        case "deduction":
          return ded;
        case "veto":
          return veto ? "Kỷ luật" : "";
        default:
          return "";
      }
    };
    r.units.forEach((unit, k) =>
      rows.push([...lead, ...order.map((i) => cellFor(roles[i] as Role, unit, k))]),
    );
    for (const [from, to] of r.clean ? [] : r.duplicates) {
      const src = rows[from % Math.max(rows.length, 1)];
      if (src) rows.splice(to % (rows.length + 1), 0, [...src]);
    }
    if (r.total !== "none" && !r.clean) {
      rows.push([
        ...lead,
        ...order.map((i) => {
          const role = roles[i] as Role;
          if (role === "unit") return r.total;
          if (role === "self" || role === "verified")
            return r.units.reduce((s, x) => s + (typeof x[1] === "number" ? x[1] : 0), 0);
          return "";
        }),
      ]);
    }
    for (const b of r.blankRows) rows.splice(b % (rows.length + 1), 0, []);
    for (const [row, col, v] of r.clean ? [] : r.mutations) {
      const target = rows[row % Math.max(rows.length, 1)];
      if (target) target[col % Math.max(target.length + 1, 1)] = v;
    }
    // Excel's Range.values is rectangular; the CLI pads too. Keep some ragged rows anyway.
    return { name: r.name, grid: rows };
  });

const rulesArb: fc.Arbitrary<Rules | undefined> = fc.constantFrom(
  undefined,
  presetRules("cum-1000"),
  presetRules("nd335-100"),
  { ...presetRules("cum-1000"), tieBreak: ["higher-self", "fewer-deductions"] },
  { ...presetRules("cum-1000"), verifiedAboveSelf: "error" as const },
);

/** A plain assertion: jest's `expect` costs too much inside 10,000 runs. */
function check(ok: boolean, what: string, detail?: unknown): void {
  if (!ok) throw new Error(`${what}${detail === undefined ? "" : `: ${JSON.stringify(detail)}`}`);
}

function checkGrid(sheet: Sheet, rules: Rules | undefined): void {
  const { grid, name } = sheet;
  const rows = grid.length;
  const cols = Math.max(0, ...grid.map((r) => r.length));
  const out = rankWorkbook({ sheets: [{ name, grid }], ...(rules ? { rules } : {}) });

  for (const i of out.issues) {
    if (i.cell) {
      const c = i.cell;
      check(c.sheet === name, "issue on another sheet", i);
      check(c.row >= 0 && c.col >= 0, "negative cell", i);
      check(c.row < Math.max(rows, 1) && c.col < Math.max(cols, 1), "issue cell outside the grid", {
        i,
        rows,
        cols,
      });
    }
    for (const lang of ["vi", "en"] as const) {
      const m = issueMessage(i, lang);
      check(typeof m === "string" && m.trim().length > 0, `empty ${lang} message`, i);
      check(!/undefined|\[object/.test(m), `broken ${lang} message`, m);
    }
  }

  const ranking = out.ranking;
  if (out.ok) {
    ranking.forEach((r, k) => {
      check(r.stt === k + 1, "STT not sequential", k);
      if (k > 0) {
        const prev = ranking[k - 1]!;
        check(r.rank >= prev.rank, "ranks decrease", k);
        // Competition ranking: a new score starts at its position (1, 2, 3, 3, 5).
        if (r.rank !== prev.rank) check(r.rank === k + 1, "not a competition rank", k);
      } else check(r.rank === 1, "first rank is not 1");
      const shared = ranking[k - 1]?.rank === r.rank || ranking[k + 1]?.rank === r.rank;
      check(r.tied === shared, "tied flag differs from a shared rank", k);
      check(Number.isFinite(r.score), "score not finite", r.score);
    });
    if (!hasErrors(out.issues)) {
      buildResults(ranking, out.basis, out.rules.name ?? "", { sheetName: "Kết quả", lang: "vi" });
      buildNotice(ranking, DEFAULT_NOTICE_FIELDS, { sheetName: "Thông báo" });
    }
  } else {
    check(ranking.length === 0, "a failed outcome carries a ranking");
    check(out.issues.length > 0, "a failed outcome without issues");
  }
  const vi = jsonReport(out, "vi");
  const en = jsonReport(out, "en");
  check(vi.issues.length === out.issues.length && en.units.length === ranking.length, "json report differs");
  JSON.stringify(vi);
}

describe("fuzz: real-looking score sheets through the whole engine", () => {
  it(`${RUNS} seeded grids: no exception, issues inside the grid, messages in vi and en, ranking invariants`, () => {
    fc.assert(
      fc.property(scoreSheet, rulesArb, (sheet, rules) => checkGrid(sheet, rules)),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  }, 120_000);

  it("generates tables the engine actually ranks (the fuzz is not all rejections)", () => {
    let ranked = 0;
    let failed = 0;
    fc.assert(
      fc.property(scoreSheet, (sheet) => {
        const out = rankWorkbook({ sheets: [{ name: sheet.name, grid: sheet.grid }] });
        if (out.ok && out.ranking.length > 0) ranked++;
        else failed++;
      }),
      { numRuns: 500, seed: SEED + 1 },
    );
    expect(ranked).toBeGreaterThan(50);
    expect(failed).toBeGreaterThan(50);
  });
});
