/* global CustomFunctions, Office */
import { cellAddress, issueMessage, voteRuleOf, type CellValue, type Lang, type Rules } from "../core";
import { langOf } from "../app/session";
import { workbookRules } from "../excel/workbook-rules";
import { FnError, classify, rank, ranking, tally, validate, type Matrix, type Out } from "./functions";

/**
 * Registers the custom functions (namespace EMU). Each is three steps: coerce the arguments,
 * call the engine, turn an FnError into CustomFunctions.Error (#VALUE! with the engine's message).
 * Functions only read the workbook; writing belongs to the ribbon and the pane.
 */

function lang(): Lang {
  return langOf(typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined);
}

function toExcel(out: Out[][]): unknown[][] {
  return out.map((row) =>
    row.map((v) =>
      v instanceof FnError ? new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, v.message) : v,
    ),
  );
}

async function guard(fn: () => Promise<Out[][]> | Out[][]): Promise<unknown[][]> {
  try {
    return toExcel(await fn());
  } catch (e) {
    if (e instanceof FnError)
      throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, e.message);
    throw e;
  }
}

async function rules(l: Lang): Promise<Rules> {
  const r = await workbookRules();
  if (r.ok) return r.value;
  const first = r.issues[0];
  throw new FnError(
    first ? `${first.cell ? `${cellAddress(first.cell)}: ` : ""}${issueMessage(first, l)}` : "",
  );
}

// Optional parameters arrive as null (or undefined), never as TypeScript defaults.
const opt = (m: Matrix | null | undefined): Matrix | null => (m === null || m === undefined ? null : m);

CustomFunctions.associate("CLASSIFY", (score: CellValue[][], bands?: CellValue[][] | null) =>
  guard(async () => {
    const l = lang();
    const b = opt(bands);
    return classify(score, b ? null : await rules(l), b, l);
  }),
);
CustomFunctions.associate(
  "RANK",
  (score: CellValue[][], scores: CellValue[][], tiebreak?: CellValue[][] | null) =>
    guard(() => rank(score, scores, opt(tiebreak), lang())),
);
CustomFunctions.associate(
  "RANKING",
  (units: CellValue[][], self: CellValue[][], verified: CellValue[][], bands?: CellValue[][] | null) =>
    guard(async () => {
      const l = lang();
      return ranking(units, self, verified, await rules(l), opt(bands), l);
    }),
);
CustomFunctions.associate("VALIDATE", (scores: CellValue[][], max?: CellValue[][] | null) =>
  guard(async () => {
    const l = lang();
    const m = opt(max);
    return validate(scores, m ? null : await rules(l), m, l);
  }),
);
CustomFunctions.associate(
  "TALLY",
  (votes: CellValue[][], base: CellValue[][], share?: CellValue[][] | null, strict?: CellValue[][] | null) =>
    guard(async () => {
      const l = lang();
      // The workbook's vote rule only matters when share or strict is left out.
      const s = opt(share);
      const st = opt(strict);
      const rule = s && st ? { share: 0.5, strict: true } : voteRuleOf(await rules(l));
      return tally(votes, base, s, st, rule, l);
    }),
);
