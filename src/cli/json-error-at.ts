/**
 * Where a JSON text stops being JSON, as a line and column, so the message about a broken rules
 * file can point at the spot without repeating the parser's English. V8's `JSON.parse` reports a
 * position for some errors only (Node 20: "Unexpected token ','" has none), so the text is
 * scanned here by the JSON grammar (RFC 8259) until the first character that cannot continue it.
 */

/** Line and column (both from 1) of the first offending character, or null when `text` is valid JSON. */
export function jsonErrorAt(text: string): { line: number; column: number } | null {
  let i = 0;
  const n = text.length;
  const ws = (): void => {
    while (i < n && " \t\n\r".includes(text[i] ?? "")) i++;
  };
  const fail = (): never => {
    throw new StopAt(i);
  };
  const lit = (word: string): void => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const str = (): void => {
    i++; // the opening quote
    while (i < n) {
      const c = text[i] ?? "";
      if (c === '"') return void i++;
      if (c < " ") fail();
      if (c === "\\") {
        i++;
        const e = text[i] ?? "";
        if (e === "u") {
          for (let k = 1; k <= 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? "")) {
              i += k;
              fail();
            }
          }
          i += 5;
        } else if ('"\\/bfnrt'.includes(e) && e !== "") i++;
        else fail();
      } else i++;
    }
    fail();
  };
  const num = (): void => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m || m[0] === "-") fail();
    i += m?.[0].length ?? 0;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        str();
        ws();
        if (text[i] !== ":") fail();
        i++;
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else fail();
      }
    } else if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else fail();
      }
    } else if (c === '"') str();
    else if (c === "t") lit("true");
    else if (c === "f") lit("false");
    else if (c === "n") lit("null");
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) num();
    else fail();
  };
  try {
    value();
    ws();
    if (i < n) fail();
    return null;
  } catch (e) {
    // Nesting deeper than the stack allows: no place to show, the message still says "not JSON".
    if (e instanceof RangeError) return null;
    if (!(e instanceof StopAt)) throw e;
    const before = text.slice(0, Math.min(e.at, n)).split(/\r\n|\n|\r/);
    return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
  }
}

class StopAt {
  constructor(readonly at: number) {}
}
