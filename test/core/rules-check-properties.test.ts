/**
 * The first-load rules check (rules-check.ts, no zod) and the full schema (rules-schema.ts) are
 * one definition in two forms: on random rules, valid and not, they accept the same inputs and
 * give the same output, and the check names a field the schema names. The key lists are compared
 * too, so a field added to the schema (a new rule) fails here until the check knows it.
 */
import fc from "fast-check";
import { z } from "zod";
import { CUM_1000, ND335_100, TIE_BREAKS, checkRules, parseRules, rulesSchema } from "../../src/core";
import { AWARD_KEYS, BAND_KEYS, CRITERIA_KEYS, RULES_KEYS } from "../../src/core/rules-check";

const RUNS = { numRuns: 5000, seed: 20261203 };

/** The object schema under optional / default / array wrappers. */
function objectIn(schema: z.ZodType): z.ZodObject {
  let s: z.ZodType = schema;
  for (;;) {
    if (s instanceof z.ZodObject) return s;
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else throw new Error(`no object schema in ${s.constructor.name}`);
  }
}

describe("the first-load rules check knows every field of the schema", () => {
  it("has the schema's keys, in its order, at every level", () => {
    const shape = rulesSchema.shape;
    expect(Object.keys(shape)).toEqual([...RULES_KEYS]);
    expect(Object.keys(objectIn(shape.bands).shape)).toEqual([...BAND_KEYS]);
    expect(Object.keys(objectIn(shape.awards).shape)).toEqual([...AWARD_KEYS]);
    expect(Object.keys(objectIn(shape.criteria).shape)).toEqual([...CRITERIA_KEYS]);
  });
});

const LABELS = ["Xuất sắc", "Tốt", " Khá ", "Yếu"];
const text = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "\t\n", "\u00A0") },
  { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
);
const junk = fc.oneof(
  fc.constantFrom(null, undefined, true, false, NaN, Infinity, -Infinity, "12", [], {}, [1], { a: 1 }),
  fc.date({ noInvalidDate: true }),
);
const score = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 1000 }) },
  { weight: 2, arbitrary: fc.double({ min: -10, max: 1100, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(-1, -0, 0, 0.5, 1, 2 ** 53, 1e21, Number.MAX_VALUE) },
  { weight: 1, arbitrary: junk },
);
const share = fc.oneof(fc.double({ min: -0.5, max: 1.5, noNaN: true }), fc.constantFrom(0, 1, 0.25), junk);
const count = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -1, max: 5 }) },
  { weight: 1, arbitrary: score },
);
const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> =>
  fc.oneof({ weight: 10, arbitrary: a }, { weight: 1, arbitrary: junk });
const extra = fc.dictionary(fc.constantFrom("note", "vote", "__x", "min2"), fc.anything(), { maxKeys: 1 });

const band = maybe(
  fc
    .tuple(fc.record({ min: score, label: text }, { requiredKeys: ["min", "label"] }), extra)
    .map(([b, e]) => ({ ...e, ...b })),
);
const award = maybe(
  fc
    .tuple(
      fc.record(
        {
          label: text,
          count,
          share,
          minBand: fc.oneof(text, fc.constantFrom("Không có")),
          allowVeto: fc.oneof(fc.boolean(), junk),
        },
        { requiredKeys: ["label"] },
      ),
      extra,
    )
    .map(([a, e]) => ({ ...e, ...a })),
);
const rulesLike = fc
  .tuple(
    fc.record(
      {
        id: maybe(fc.string({ maxLength: 4 })),
        name: maybe(fc.string({ maxLength: 4 })),
        maxScore: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(1000, 100, 10.5) },
          { weight: 1, arbitrary: score },
        ),
        bands: maybe(fc.array(band, { maxLength: 4 })),
        awards: maybe(fc.array(award, { maxLength: 3 })),
        vetoLabel: maybe(text),
        tieBreak: maybe(fc.array(fc.constantFrom(...TIE_BREAKS, "random"), { maxLength: 3 })),
        verifiedAboveSelf: maybe(fc.constantFrom("warning", "error", "allow", "Warning")),
        sheet: maybe(text),
        criteria: maybe(
          fc.record(
            {
              bonusCap: score,
              deductionCap: score,
              passFail: maybe(fc.array(fc.oneof(text, fc.constantFrom("I.2", "II.1")), { maxLength: 3 })),
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    ),
    extra,
  )
  .map(([r, e]) => ({ ...e, ...r }));
const anyRules = fc.oneof(
  { weight: 12, arbitrary: rulesLike },
  { weight: 2, arbitrary: fc.constantFrom(CUM_1000, ND335_100) },
  { weight: 1, arbitrary: fc.anything() },
);

describe("the first-load rules check agrees with the full schema", () => {
  it("accepts what the schema accepts, outputs what it outputs, names a field it names", () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(anyRules, (input) => {
        const full = rulesSchema.safeParse(input);
        const light = checkRules(input);
        expect(light.ok).toBe(full.success);
        if (full.success && light.ok) {
          valid++;
          expect(light.value).toStrictEqual(full.data);
          expect(Object.keys(light.value)).toEqual(Object.keys(full.data));
        } else if (!full.success && !light.ok) {
          invalid++;
          expect(full.error.issues.map((i) => i.path.map(String).join(".") || "(root)")).toContain(
            light.path,
          );
        }
      }),
      RUNS,
    );
    // Both sides of the verdict are well exercised.
    expect(valid).toBeGreaterThan(RUNS.numRuns / 10);
    expect(invalid).toBeGreaterThan(RUNS.numRuns / 10);
  });

  it("parseRules gives the schema's verdict whether or not the schema explains it", () => {
    expect(parseRules(CUM_1000).ok).toBe(true);
    const bad = parseRules({ maxScore: 0, bands: [] });
    expect(bad.ok).toBe(false);
    // This suite loads the full schema (test/setup): its messages.
    expect(bad.issues.map((i) => (i.code === "rules-invalid" ? i.path : ""))).toEqual(["maxScore", "bands"]);
    expect(checkRules({ maxScore: 0, bands: [] })).toEqual({ ok: false, path: "maxScore" });
    expect(
      checkRules({
        maxScore: 10,
        bands: [
          { min: 1, label: "A" },
          { min: 1, label: "B" },
        ],
      }),
    ).toEqual({
      ok: false,
      path: "bands.1.min",
    });
  });
});
