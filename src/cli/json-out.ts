/**
 * `JSON.stringify(value, null, 2)`, the very same text, given in pieces of about `chunk`
 * characters: a 100,000-unit `emu rank --json` report is 31 MB of text, and one string of it (then
 * one UTF-8 buffer of it for the pipe) cost the CLI more than ranking (the profile's
 * `Buffer.from` and `writeSync` on one 31 MB string). Pieces keep every string small.
 * Plain JSON data only, as the reports are: objects, arrays, strings, numbers, booleans, null
 * (`toJSON`, `undefined` and functions are treated as `JSON.stringify` treats them).
 * @example let s = ""; prettyJson({ a: [1] }, (p) => (s += p)); s //=> '{\n  "a": [\n    1\n  ]\n}'
 */
export function prettyJson(value: unknown, write: (piece: string) => void, chunk = 1 << 20): void {
  // Pieces gathered in an array and joined: one flat string per chunk for the UTF-8 encoder.
  let parts: string[] = [];
  let size = 0;
  const emit = (s: string): void => {
    parts.push(s);
    size += s.length;
    if (size >= chunk) {
      write(parts.join(""));
      parts = [];
      size = 0;
    }
  };
  const top = resolved(value, "");
  emitValue(skipped(top) ? undefined : top, "", emit);
  if (size > 0) write(parts.join(""));
}

/** Array elements stringified together by `JSON.stringify` (the native one is the fast one). */
const BATCH = 256;

/**
 * Elements `from` … `to` − 1 of an array at `indent`, as `JSON.stringify` writes them there, by
 * one native call: a JSON string never holds a raw newline, so indenting every line break of the
 * batch's own text puts it at the array's depth. Null when an element's `toJSON` result has a
 * `toJSON` of its own (the native call would apply it twice): then element by element.
 */
function batchText(v: readonly unknown[], from: number, to: number, indent: string): string | null {
  const batch = new Array<unknown>(to - from);
  for (let i = from; i < to; i++) {
    const x = resolved(v[i], String(i));
    if (
      x !== v[i] &&
      x !== null &&
      typeof x === "object" &&
      typeof (x as { toJSON?: unknown }).toJSON === "function"
    )
      return null;
    batch[i - from] = x;
  }
  // "[\n  a,\n  b\n]": the elements are the text between "[\n" and "\n]", two spaces in.
  const text = JSON.stringify(batch, null, 2);
  return indent + text.slice(2, -2).replace(/\n/g, `\n${indent}`);
}

/** What `JSON.stringify` leaves out of an object (and writes as null in an array). */
function skipped(v: unknown): boolean {
  return v === undefined || typeof v === "function" || typeof v === "symbol";
}

/** A value as `JSON.stringify` sees it: through its `toJSON`, once. */
function resolved(v: unknown, key: string): unknown {
  return v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function"
    ? (v as { toJSON: (k: string) => unknown }).toJSON(key)
    : v;
}

function emitValue(v: unknown, indent: string, emit: (s: string) => void): void {
  if (v === undefined) return; // JSON.stringify(undefined) is undefined: nothing to write
  if (
    v === null ||
    typeof v !== "object" ||
    v instanceof Number ||
    v instanceof String ||
    v instanceof Boolean
  ) {
    emit(JSON.stringify(v) ?? "null");
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) {
      emit("[]");
      return;
    }
    emit("[");
    let i = 0;
    for (; i < v.length; i += BATCH) {
      const text = batchText(v, i, Math.min(i + BATCH, v.length), indent);
      if (text === null) break;
      emit(i === 0 ? `\n${text}` : `,\n${text}`);
    }
    for (; i < v.length; i++) {
      emit(i === 0 ? `\n${inner}` : `,\n${inner}`);
      const x = resolved(v[i], String(i));
      emitValue(skipped(x) ? null : x, inner, emit);
    }
    emit(`\n${indent}]`);
    return;
  }
  let first = true;
  for (const k of Object.keys(v)) {
    // A toJSON that returns undefined leaves the key out too.
    const shown = resolved((v as Record<string, unknown>)[k], k);
    if (skipped(shown)) continue;
    emit(`${first ? "{" : ","}\n${inner}${JSON.stringify(k)}: `);
    first = false;
    emitValue(shown, inner, emit);
  }
  emit(first ? "{}" : `\n${indent}}`);
}
