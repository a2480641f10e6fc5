// The pane's strings as the add-in's build ships them (src/dev/ui-text-loader.cjs): the module
// webpack gets in place of src/core/ui-text.ts, run here the way the browser runs it, against the
// source the CLI and core read. The pane must say exactly what the CLI says, in both languages.
import { createRequire } from "node:module";
import { join } from "node:path";
import { runInThisContext } from "node:vm";
import { transformSync } from "esbuild";
import { UI_TEXT, uiText, type UiTextKey } from "../../src/core/ui-text";
import type { Lang } from "../../src/core/types";

const requireHere = createRequire(__filename);
const loader = requireHere("../../src/dev/ui-text-loader.cjs") as (this: {
  resourcePath: string;
  resourceQuery: string;
}) => string;
const SOURCE = join(__dirname, "..", "..", "src", "core", "ui-text.ts");

const load = (query: string): string => loader.call({ resourcePath: SOURCE, resourceQuery: query });

interface SplitModule {
  uiText: (lang: Lang, key: UiTextKey, vars?: Record<string, string | number>) => string;
  uiTextReady: (lang: Lang) => Promise<void>;
  UI_TEXT: Record<string, { vi: string; en: string }>;
}

/** Runs an ES module's text as CommonJS; `modules` answers its imports (the English chunk). */
function run(code: string, modules: Record<string, unknown> = {}): Record<string, unknown> {
  const { code: cjs } = transformSync(code, {
    loader: "js",
    format: "cjs",
    target: "node20",
    supported: { "dynamic-import": false },
  });
  const module = { exports: {} as Record<string, unknown> };
  const req = (id: string): unknown => {
    if (id in modules) return modules[id];
    throw new Error(`unexpected import ${id}`);
  };
  const fn = runInThisContext(`(function (exports, require, module) {${cjs}\n})`) as (
    e: unknown,
    r: typeof req,
    m: typeof module,
  ) => void;
  fn(module.exports, req, module);
  return module.exports;
}

const mainText = load("");
const englishText = load("?lang=en");
let fetches = 0;
const english = run(englishText);
/** A fresh instance of the pane's module, as a new page load would have it. */
const paneModule = (): SplitModule =>
  run(mainText, {
    get "./ui-text.ts?lang=en"() {
      fetches += 1;
      return english;
    },
  }) as unknown as SplitModule;

/** Values for every placeholder a text has, and one it has not (left as written). */
function varsFor(key: UiTextKey): Record<string, string | number> {
  const names = new Set([...`${UI_TEXT[key].vi}${UI_TEXT[key].en}`.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
  return Object.fromEntries([...names].map((n, i) => [n, i % 2 === 0 ? `«${n}»` : i]));
}

const KEYS = Object.keys(UI_TEXT) as UiTextKey[];

describe("ui-text-loader: the pane's strings, one language per download", () => {
  it("ships the Vietnamese texts with the pane and the English ones apart", () => {
    // The module's only string data: the Vietnamese table (key → text), and the English array.
    const tables = [...mainText.matchAll(/^const VI = (\{.*\});$/gm)].map((m) => m[1]!);
    expect(tables).toHaveLength(1);
    const vi = JSON.parse(tables[0]!) as Record<string, string>;
    const en = JSON.parse(englishText.replace(/^export default /, "").replace(/;\s*$/, "")) as string[];
    expect(vi).toEqual(Object.fromEntries(KEYS.map((k) => [k, UI_TEXT[k].vi])));
    expect(en).toEqual(KEYS.map((k) => UI_TEXT[k].en));
    // No English text in the pane's module but for the keys (the table's JSON, once).
    expect(mainText.replace(tables[0]!, "")).not.toMatch(/Emulation|Dismiss|Next step/);
    expect(englishText).not.toMatch(/Bảng điểm|Kiểm tra/);
  });

  it("says in Vietnamese exactly what the source says, with no fetch", () => {
    fetches = 0;
    const pane = paneModule();
    for (const key of KEYS) {
      expect(pane.uiText("vi", key)).toBe(uiText("vi", key));
      expect(pane.uiText("vi", key, varsFor(key))).toBe(uiText("vi", key, varsFor(key)));
    }
    return pane.uiTextReady("vi").then(() => expect(fetches).toBe(0));
  });

  it("says in English exactly what the source says once uiTextReady('en') resolves, fetched once", async () => {
    fetches = 0;
    const pane = paneModule();
    await Promise.all([pane.uiTextReady("en"), pane.uiTextReady("en")]);
    await pane.uiTextReady("en");
    expect(fetches).toBe(1);
    for (const key of KEYS) {
      for (const lang of ["vi", "en"] as const) {
        expect([key, lang, pane.uiText(lang, key)]).toEqual([key, lang, uiText(lang, key)]);
        const vars = varsFor(key);
        expect([key, lang, pane.uiText(lang, key, vars)]).toEqual([key, lang, uiText(lang, key, vars)]);
      }
    }
    expect(pane.uiText("en", "checkErrors")).toBe("Errors ({count})");
    expect(JSON.parse(JSON.stringify(pane.UI_TEXT))).toEqual(JSON.parse(JSON.stringify(UI_TEXT)));
  });

  it("fetches the English texts again after a failed fetch", async () => {
    let fail = true;
    const pane = run(mainText, {
      get "./ui-text.ts?lang=en"() {
        if (fail) throw new Error("network");
        return english;
      },
    }) as unknown as SplitModule;
    await expect(pane.uiTextReady("en")).rejects.toThrow("network");
    // Meanwhile (the pane is shown all the same, mount.tsx) the default language is said.
    expect(pane.uiText("en", "stepTable")).toBe(UI_TEXT.stepTable.vi);
    fail = false;
    await pane.uiTextReady("en");
    expect(pane.uiText("en", "stepTable")).toBe(UI_TEXT.stepTable.en);
  });
});
