/**
 * The custom functions' metadata files, one per language, generated from the typed catalog
 * (src/functions/catalog.ts). The build (webpack.config.js) emits them; the manifest serves
 * `functions.vi.json` to vi-VN through a `bt:Override` on the metadata URL.
 *
 * It also checks the rules Excel applies when it registers the metadata, because Excel's only
 * report of a broken file is `#NAME?` in the user's cells.
 */
import * as languages from "hyperformula/commonjs/i18n/languages";
import { FUNCTIONS, functionsMetadata, type FnDef, type FnLang } from "../functions/catalog";

/** File name → language. The names are part of the manifest's contract. */
export const FUNCTIONS_JSON_FILES: Readonly<Record<string, FnLang>> = {
  "functions.json": "en",
  "functions.vi.json": "vi",
};

// Excel's rules for custom function metadata: ids and names start with a letter and use letters,
// digits, periods and underscores, at most 128 characters (names may use any Unicode letter).
const ID_RE = /^[A-Za-z][A-Za-z0-9._]{0,127}$/;
const NAME_RE = /^\p{L}[\p{L}\p{N}._]{0,127}$/u;

/**
 * Excel's built-in function names in every language HyperFormula translates (17 of Excel's
 * languages), plus the built-ins HyperFormula lacks (it has no RANK family). Microsoft's naming
 * guidelines for custom functions: a name must not match a built-in Excel function's in any language.
 */
const EXTRA_BUILT_INS = ["RANK", "RANK.EQ", "RANK.AVG", "PERCENTRANK", "PERCENTRANK.INC", "PERCENTRANK.EXC"];
export const BUILT_IN_NAMES: ReadonlySet<string> = new Set(
  [
    ...EXTRA_BUILT_INS,
    ...Object.values(languages as unknown as Record<string, { functions?: Record<string, string> }>).flatMap(
      (l) =>
        l && typeof l === "object" && l.functions
          ? [...Object.keys(l.functions), ...Object.values(l.functions)]
          : [],
    ),
  ].map((n) => n.toUpperCase()),
);

/**
 * Problems that would make Excel reject the metadata; empty when all is well.
 * @example metadataProblems() //=> []
 */
export function metadataProblems(fns: readonly FnDef[] = FUNCTIONS): string[] {
  const problems: string[] = [];
  const seen = { id: new Set<string>(), en: new Set<string>(), vi: new Set<string>() };
  for (const f of fns) {
    if (!ID_RE.test(f.id)) problems.push(`id "${f.id}" is not a valid custom function id`);
    if (seen.id.has(f.id.toUpperCase())) problems.push(`id "${f.id}" is used twice`);
    seen.id.add(f.id.toUpperCase());
    for (const lang of ["en", "vi"] as const) {
      const name = f.name[lang];
      if (!NAME_RE.test(name)) problems.push(`${f.id}: ${lang} name "${name}" is not a valid function name`);
      if (seen[lang].has(name.toUpperCase())) problems.push(`${f.id}: ${lang} name "${name}" is used twice`);
      if (BUILT_IN_NAMES.has(name.toUpperCase()))
        problems.push(`${f.id}: ${lang} name "${name}" is the name of a built-in Excel function`);
      seen[lang].add(name.toUpperCase());
      for (const p of f.parameters) {
        if (!p.name[lang] || !p.description[lang])
          problems.push(`${f.id}: a parameter lacks its ${lang} text`);
      }
    }
    const firstOptional = f.parameters.findIndex((p) => p.optional);
    if (firstOptional >= 0 && f.parameters.slice(firstOptional).some((p) => !p.optional)) {
      problems.push(`${f.id}: a required parameter follows an optional one`);
    }
  }
  return problems;
}

/**
 * The files to emit: name → JSON text. Throws (and so fails the build) when the catalog breaks
 * one of Excel's rules.
 * @example Object.keys(functionsJsonFiles()) //=> ["functions.json", "functions.vi.json"]
 */
export function functionsJsonFiles(): Record<string, string> {
  const problems = metadataProblems();
  if (problems.length > 0)
    throw new Error(`Custom function metadata is invalid:\n  ${problems.join("\n  ")}`);
  const out: Record<string, string> = {};
  for (const [file, lang] of Object.entries(FUNCTIONS_JSON_FILES)) {
    out[file] = `${JSON.stringify(functionsMetadata(lang), null, 2)}\n`;
  }
  return out;
}
