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

/** A number, string, boolean or null as JSON, or null for anything else. */
function primitiveText(x: unknown): string | null {
  switch (typeof x) {
    case "string":
      return JSON.stringify(x);
    case "number":
      // What JSON.stringify writes: the shortest round-trip form, null when not finite.
      return Number.isFinite(x) ? String(x) : "null";
    case "boolean":
      return x ? "true" : "false";
    default:
      return x === null ? "null" : null;
  }
}

/**
 * A record whose values are all numbers, strings, booleans or null (a unit of the report), as
 * `JSON.stringify(…, null, 2)` writes it at `indent`, in one string; null for anything else. The
 * native stringify with an indent leaves V8's fast path, so the flat records are written here.
 */
function flatText(v: Record<string, unknown>, indent: string): string | null {
  const inner = `${indent}  `;
  let out = "";
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    const x = v[k];
    if (skipped(x)) continue;
    const text = primitiveText(x);
    if (text === null) return null;
    out += `${out === "" ? "{" : ","}\n${inner}${JSON.stringify(k)}: ${text}`;
  }
  return out === "" ? null : `${out}\n${indent}}`;
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
    for (let i = 0; i < v.length; i++) {
      emit(i === 0 ? `\n${inner}` : `,\n${inner}`);
      const x = resolved(v[i], String(i));
      emitValue(skipped(x) ? null : x, inner, emit);
    }
    emit(`\n${indent}]`);
    return;
  }
  const flat = flatText(v as Record<string, unknown>, indent);
  if (flat !== null) {
    emit(flat);
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
