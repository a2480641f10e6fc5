import { jsonErrorAt } from "../../src/cli/json-error-at";

describe("jsonErrorAt: where a text stops being JSON", () => {
  it.each([
    ['{"a": 1}', null],
    [' [1, -2.5e3, "x\\u00e0", true, false, null, {}] ', null],
    ["", { line: 1, column: 1 }],
    ["{,}", { line: 1, column: 2 }],
    ['{"a": 1,}', { line: 1, column: 9 }],
    ["[1,, 2]", { line: 1, column: 4 }],
    ['{"a":\n  tru}', { line: 2, column: 6 }],
    ["{'a': 1}", { line: 1, column: 2 }],
    ['{"a": 01}', { line: 1, column: 8 }],
    ['"\\q"', { line: 1, column: 3 }],
    ['"\\u12G4"', { line: 1, column: 6 }],
    ["[1] 2", { line: 1, column: 5 }],
    ['{"a": "unterminated', { line: 1, column: 20 }],
    ["\r\n\r\n  x", { line: 3, column: 3 }],
  ])("%j", (text, at) => {
    expect(jsonErrorAt(text)).toEqual(at);
    // It agrees with the platform's parser on what is JSON at all.
    let valid = true;
    try {
      JSON.parse(text);
    } catch {
      valid = false;
    }
    expect(at === null).toBe(valid);
  });
});
