// The metadata files the build emits (functions.json, functions.vi.json), generated here the way
// webpack.config.js generates them, without running webpack.
import { FUNCTIONS } from "../../src/functions/catalog";
import { FUNCTIONS_JSON_FILES, functionsJsonFiles, metadataProblems } from "../../src/dev/functions-json";

interface Param {
  name: string;
  description: string;
  type: string;
  dimensionality: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: Param[];
  result: { type: string; dimensionality: string };
}

const files = functionsJsonFiles();
const parse = (file: string): Fn[] => (JSON.parse(files[file]!) as { functions: Fn[] }).functions;
const en = parse("functions.json");
const vi = parse("functions.vi.json");

describe("functions.json and functions.vi.json", () => {
  it("are the two files the manifest names", () => {
    expect(Object.keys(files).sort()).toEqual(["functions.json", "functions.vi.json"]);
    expect(FUNCTIONS_JSON_FILES).toEqual({ "functions.json": "en", "functions.vi.json": "vi" });
  });

  it("list the same functions under the same ids, in the same order", () => {
    expect(en.map((f) => f.id)).toEqual(["CLASSIFY", "RANKOF", "RANKING", "VALIDATE", "TALLY"]);
    expect(vi.map((f) => f.id)).toEqual(en.map((f) => f.id));
  });

  it("localise the names, the help texts and the parameter names", () => {
    expect(en.map((f) => f.name)).toEqual(["CLASSIFY", "RANKOF", "RANKING", "VALIDATE", "TALLY"]);
    expect(vi.map((f) => f.name)).toEqual(["XEPLOAI", "XEPHANG", "BANGXEPHANG", "KIEMTRA", "BINHXET"]);
    en.forEach((f, i) => {
      const v = vi[i]!;
      expect(v.description).not.toBe(f.description);
      expect(v.parameters.map((p) => p.description)).not.toEqual(f.parameters.map((p) => p.description));
    });
    expect(vi[0]!.parameters.map((p) => p.name)).toEqual(["diem", "cac_muc"]);
  });

  it("keep the shapes identical across languages (a formula must mean the same in both)", () => {
    const shape = (f: Fn) => ({
      params: f.parameters.map((p) => [p.type, p.dimensionality, p.optional ?? false]),
      result: f.result,
    });
    expect(vi.map(shape)).toEqual(en.map(shape));
  });

  it("come from the catalog, field for field", () => {
    expect(en.length).toBe(FUNCTIONS.length);
    expect(en[1]!.parameters[2]).toEqual({
      name: FUNCTIONS[1]!.parameters[2]!.name.en,
      description: FUNCTIONS[1]!.parameters[2]!.description.en,
      type: "any",
      dimensionality: "matrix",
      optional: true,
    });
  });

  it("carry only the keys Excel's metadata schema knows, and no namespace", () => {
    const keys = new Set(["id", "name", "description", "helpUrl", "parameters", "result", "options"]);
    for (const f of [...en, ...vi]) for (const k of Object.keys(f)) expect(keys.has(k)).toBe(true);
    expect(files["functions.json"]).not.toMatch(/namespace/i);
  });

  it("pass Excel's registration rules (ids, names, optional parameters last)", () => {
    expect(metadataProblems()).toEqual([]);
  });

  it("reports what Excel would reject", () => {
    const ok = FUNCTIONS[0]!;
    expect(metadataProblems([{ ...ok, id: "2CLASSIFY" }])).toEqual([
      'id "2CLASSIFY" is not a valid custom function id',
    ]);
    expect(metadataProblems([{ ...ok, name: { en: "CLASSIFY", vi: "XẾP LOẠI" } }])).toEqual([
      'CLASSIFY: vi name "XẾP LOẠI" is not a valid function name',
    ]);
    expect(metadataProblems([{ ...ok, parameters: [...ok.parameters].reverse() }])).toEqual([
      "CLASSIFY: a required parameter follows an optional one",
    ]);
    expect(metadataProblems([ok, ok])).toEqual([
      'id "CLASSIFY" is used twice',
      'CLASSIFY: en name "CLASSIFY" is used twice',
      'CLASSIFY: vi name "XEPLOAI" is used twice',
    ]);
  });

  it("are pretty JSON ending in a newline, so a diff of dist/ reads well", () => {
    for (const text of Object.values(files)) {
      expect(text.endsWith("}\n")).toBe(true);
      expect(text).toContain('\n  "functions": [');
    }
  });
});

describe("names Excel forbids", () => {
  it("refuses a custom function named like a built-in Excel function in any language (RANK was one)", () => {
    const ok = FUNCTIONS[0]!;
    expect(metadataProblems([{ ...ok, id: "RANK", name: { en: "RANK", vi: "XEPHANG" } }])).toEqual([
      'RANK: en name "RANK" is the name of a built-in Excel function',
    ]);
    // German Excel's SUMME, French Excel's SOMME: any language counts.
    expect(metadataProblems([{ ...ok, name: { en: "SUMME", vi: "SOMME" } }])).toHaveLength(2);
  });
});

describe("the host settings every function gets", () => {
  it("errors reach the functions, and every function learns its ranges' addresses", () => {
    const meta = JSON.parse(files["functions.json"]!) as {
      allowErrorForDataTypeAny?: boolean;
      functions: { options?: { requiresParameterAddresses?: boolean } }[];
    };
    expect(meta.allowErrorForDataTypeAny).toBe(true);
    for (const f of meta.functions) expect(f.options?.requiresParameterAddresses).toBe(true);
  });
});
