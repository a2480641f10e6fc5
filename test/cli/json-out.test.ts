import fc from "fast-check";
import { JsonList, jsonPieces, prettyJson } from "../../src/cli/json-out";

/** The text prettyJson gives, put back together. */
function pieces(value: unknown, chunk?: number): { text: string; sizes: number[] } {
  const parts: string[] = [];
  prettyJson(value, (p) => parts.push(p), chunk);
  return { text: parts.join(""), sizes: parts.map((p) => p.length) };
}

describe("prettyJson: JSON.stringify(value, null, 2) in pieces", () => {
  it("is the same text for any JSON value, whatever the piece size", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue(), { minLength: 250, maxLength: 700 })),
        fc.integer({ min: 1, max: 64 }),
        (v, chunk) => {
          expect(pieces(v, chunk).text).toBe(JSON.stringify(v, null, 2));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("treats undefined, functions, toJSON and boxed values as JSON.stringify does", () => {
    const odd = {
      a: undefined,
      f: () => 1,
      d: new Date(Date.UTC(2026, 11, 3)),
      list: [undefined, () => 1, 1, { toJSON: () => undefined }],
      gone: { toJSON: () => undefined },
      n: Number.NaN,
      inf: -Infinity,
      boxed: [new Number(3), new String("x"), new Boolean(false)],
      nested: { toJSON: (k: string) => ({ key: k, deep: { toJSON: () => "once" } }) },
      empty: { o: {}, a: [] },
      'tiếng Việt "quoted"\n': "Sở TT&TT\u2028",
    };
    expect(pieces(odd).text).toBe(JSON.stringify(odd, null, 2));
    expect(pieces(undefined).text).toBe("");
    // Long arrays go through the native stringify in batches: the same text, the same keys to toJSON.
    const long = Array.from({ length: 600 }, (_, k) =>
      k % 97 === 0
        ? { toJSON: (key: string) => ({ key, again: { toJSON: () => "inner" } }) }
        : k % 89 === 0
          ? undefined
          : odd,
    );
    expect(pieces({ long }).text).toBe(JSON.stringify({ long }, null, 2));
    const chained = Array.from({ length: 300 }, (_, k) =>
      k === 299 ? { toJSON: () => ({ toJSON: () => 1 }) } : k,
    );
    expect(pieces([chained]).text).toBe(JSON.stringify([chained], null, 2));
  });

  it("gives a 100,000-unit report in pieces of about the chunk size, none of them the whole", () => {
    const units = Array.from({ length: 100_000 }, (_, k) => ({
      stt: k + 1,
      unit: `Sở số ${k}`,
      score: 900.5,
    }));
    const report = { sheet: "Tổng hợp", units, issues: [] };
    const { text, sizes } = pieces(report);
    expect(text).toBe(JSON.stringify(report, null, 2));
    // A piece is the chunk (32K characters) plus at most one batch of elements (128 units, some
    // 8,000 characters here): every piece stays under V8's large-object size.
    expect(Math.max(...sizes)).toBeLessThan((1 << 15) + 10_000);
    expect(sizes.length).toBeGreaterThan(100);
  });
  it("writes a JsonList as the array it stands for, making each element once, when it is written", () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 400 }),
        fc.integer({ min: 1, max: 64 }),
        (items, chunk) => {
          const made: number[] = [];
          const list = new JsonList(items.length, (i) => {
            made.push(i);
            return items[i];
          });
          const value = { before: 1, list, nested: [list], after: "x" };
          const plain = { before: 1, list: items, nested: [items], after: "x" };
          expect(pieces(value, chunk).text).toBe(JSON.stringify(plain, null, 2));
          // Each element once for "list" and once for the copy in "nested" (through toJSON).
          expect(made.length).toBe(2 * items.length);
          expect(JSON.stringify(value)).toBe(JSON.stringify(plain));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("makes a long JsonList's elements a batch at a time, as they are written", () => {
    let made = 0;
    const seenWhenWritten: number[] = [];
    const list = new JsonList(1000, (i) => {
      made++;
      return { stt: i + 1, unit: `Sở số ${i}` };
    });
    prettyJson({ units: list }, () => seenWhenWritten.push(made), 1);
    // The first piece goes out before most elements exist.
    expect(seenWhenWritten[0]).toBeLessThan(200);
    expect(made).toBe(1000);
  });
  it("makes each piece only when the writer asks for it (a slow pipe is waited for, not queued)", () => {
    const made: number[] = [];
    const list = new JsonList(5000, (i) => {
      made.push(i);
      return { stt: i + 1, unit: `Sở số ${i}` };
    });
    const pieces = jsonPieces({ units: list });
    expect(made).toHaveLength(0);
    let text = "";
    let step = pieces.next();
    text += step.value ?? "";
    // The first piece (32K characters) needs a few batches of 128 records, not the whole list.
    expect(made.length).toBeGreaterThan(0);
    expect(made.length).toBeLessThanOrEqual(1024);
    for (step = pieces.next(); !step.done; step = pieces.next()) text += step.value;
    expect(made).toHaveLength(5000);
    expect(text).toBe(JSON.stringify({ units: list.toJSON() }, null, 2));
  });
});
