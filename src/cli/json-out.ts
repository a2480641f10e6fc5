/**
 * `JSON.stringify(value, null, 2)`, the very same text, given in pieces of about `chunk`
 * characters: a 100,000-unit `emu rank --json` report is 31 MB of text, and one string of it (then
 * one UTF-8 buffer of it for the pipe) cost the CLI more than ranking (the profile's
 * `Buffer.from` and `writeSync` on one 31 MB string). Pieces keep every string small.
 * Plain JSON data only, as the reports are: objects, arrays, strings, numbers, booleans, null
 * (`toJSON`, `undefined` and functions are treated as `JSON.stringify` treats them).
 * @example let s = ""; prettyJson({ a: [1] }, (p) => (s += p)); s //=> '{\n  "a": [\n    1\n  ]\n}'
 */
export function prettyJson(value: unknown, write: (piece: string) => void, chunk = 1 << 15): void {
  for (const piece of jsonPieces(value, chunk)) write(piece);
}

/**
 * The pieces `prettyJson` writes, one at a time as the caller asks for them: a writer that must
 * wait for a slow reader (a pipe) waits between pieces, and the text not yet written is never
 * made. Writing a 31 MB report to a pipe without waiting queued all of it in memory, where the
 * garbage collector carried it until the reader caught up (0.3 s of the CLI's time).
 */
export function* jsonPieces(value: unknown, chunk = 1 << 15): Generator<string, void, undefined> {
  // Pieces gathered in an array and joined: one flat string per chunk for the UTF-8 encoder,
  // small enough to stay out of the large-object space (see BATCH); a batch is a piece alone.
  let parts: string[] = [];
  let size = 0;
  const top = resolved(value, "");
  for (const s of valuePieces(skipped(top) ? undefined : top, "")) {
    // A piece as large as a chunk (a batch of elements) goes out as it is: joining it to the
    // small pieces before it copied every batch once more (63 MB for 100,000 units).
    if (s.length >= chunk) {
      if (size > 0) yield parts.length === 1 ? (parts[0] as string) : parts.join("");
      parts = [];
      size = 0;
      yield s;
      continue;
    }
    parts.push(s);
    size += s.length;
    if (size >= chunk) {
      yield parts.length === 1 ? (parts[0] as string) : parts.join("");
      parts = [];
      size = 0;
    }
  }
  if (size > 0) yield parts.join("");
}

/**
 * A list whose elements are made when they are written: `prettyJson` asks for a batch at a
 * time, so a 100,000-unit report's records die young instead of living, all of them, until the
 * last is written. Anything else sees the array (`toJSON`).
 * @example let s = ""; prettyJson({ a: new JsonList(2, (i) => i * 10) }, (p) => (s += p)); s //=> '{\n  "a": [\n    0,\n    10\n  ]\n}'
 */
export class JsonList<T> {
  constructor(
    readonly length: number,
    readonly at: (i: number) => T,
  ) {}
  toJSON(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.at(i));
    return out;
  }
}

/**
 * Array elements given to one native `JSON.stringify` call: 128 of a report's units are some
 * 42,000 characters, 84 KB as V8 holds Vietnamese text (two bytes a character), under the 128 KB
 * above which V8 puts a string in its large-object space. Batches of 256 and pieces of 1 MB
 * went there, and the 100,000-unit report took 0.6 s instead of 0.1 s.
 */
const BATCH = 128;

/**
 * Elements `from` … `to` − 1 of an array whose elements sit at `inner` (two spaces per level), as
 * `JSON.stringify(…, null, 2)` writes them there, each line indented, joined by ",\n": one native
 * call, which is several times faster than building the text here. The batch is wrapped in as
 * many arrays as `inner` has levels, so the native indentation is already the right one; the
 * wrappers' brackets, a known number of characters at each end, are cut off. Null when an
 * element's `toJSON` result has a `toJSON` of its own (the native call would apply it again).
 */
function batchText(at: (i: number) => unknown, from: number, to: number, inner: string): string | null {
  // Filled by push, not `new Array(n)`: the native stringify slows to a crawl on a holey array.
  const batch: unknown[] = [];
  for (let i = from; i < to; i++) {
    const v = at(i);
    const x = resolved(v, i);
    if (
      x !== v &&
      x !== null &&
      typeof x === "object" &&
      typeof (x as { toJSON?: unknown }).toJSON === "function"
    )
      return null;
    batch.push(x);
  }
  const depth = inner.length / 2 - 1;
  let wrapped: unknown = batch;
  for (let k = 0; k < depth; k++) wrapped = [wrapped];
  // Level k opens with "  "×k + "[\n" and closes with "\n" + "  "×k + "]": 2k + 2 characters each.
  const cut = (depth + 1) * (depth + 2);
  const text = JSON.stringify(wrapped, null, 2);
  return text.slice(cut, text.length - cut);
}

/** What `JSON.stringify` leaves out of an object (and writes as null in an array). */
function skipped(v: unknown): boolean {
  return v === undefined || typeof v === "function" || typeof v === "symbol";
}

/**
 * A value as `JSON.stringify` sees it: through its `toJSON`, once, given its key (an array
 * element's index as a string, made only when a `toJSON` asks). A `JsonList` is written as it comes.
 */
function resolved(v: unknown, key: string | number): unknown {
  return v !== null &&
    typeof v === "object" &&
    !(v instanceof JsonList) &&
    typeof (v as { toJSON?: unknown }).toJSON === "function"
    ? (v as { toJSON: (k: string) => unknown }).toJSON(String(key))
    : v;
}

function* valuePieces(v: unknown, indent: string): Generator<string, void, undefined> {
  if (v === undefined) return; // JSON.stringify(undefined) is undefined: nothing to write
  if (
    v === null ||
    typeof v !== "object" ||
    v instanceof Number ||
    v instanceof String ||
    v instanceof Boolean
  ) {
    yield JSON.stringify(v) ?? "null";
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v) || v instanceof JsonList) {
    const list = v as readonly unknown[] | JsonList<unknown>;
    const at = list instanceof JsonList ? list.at : (i: number) => list[i];
    yield* listPieces(list.length, at, indent, inner);
    return;
  }
  let first = true;
  for (const k of Object.keys(v)) {
    // A toJSON that returns undefined leaves the key out too.
    const shown = resolved((v as Record<string, unknown>)[k], k);
    if (skipped(shown)) continue;
    yield `${first ? "{" : ","}\n${inner}${JSON.stringify(k)}: `;
    first = false;
    yield* valuePieces(shown, inner);
  }
  yield first ? "{}" : `\n${indent}}`;
}

/** The elements of an array (or a `JsonList`) at `indent`, a native batch at a time. */
function* listPieces(
  length: number,
  at: (i: number) => unknown,
  indent: string,
  inner: string,
): Generator<string, void, undefined> {
  if (length === 0) {
    yield "[]";
    return;
  }
  yield "[";
  for (let from = 0; from < length; from += BATCH) {
    const to = Math.min(from + BATCH, length);
    yield from === 0 ? "\n" : ",\n";
    const text = batchText(at, from, to, inner);
    if (text !== null) {
      yield text;
      continue;
    }
    for (let i = from; i < to; i++) {
      yield i === from ? inner : `,\n${inner}`;
      const x = resolved(at(i), i);
      yield* valuePieces(skipped(x) ? null : x, inner);
    }
  }
  yield `\n${indent}]`;
}
