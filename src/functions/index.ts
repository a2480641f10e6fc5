/* global CustomFunctions, Office */
import { cellAddress, issueMessage, voteRuleOf, type Lang, type Rules } from "../core";
import { langOf } from "../app/session";
import { hostErrorMessage } from "../excel/host";
import { readValueTypes } from "../excel/value-types";
import { workbookRules } from "../excel/workbook-rules";
import { plainArgs } from "./args";
import { FnError, classify, rank, ranking, tally, validate, type Matrix, type Out } from "./functions";

/**
 * Registers the custom functions (namespace EMU). `register` owns everything Excel does to the
 * arguments and with failures, once for every function: errors and desktop blanks made plain
 * (src/functions/args.ts), an FnError turned into CustomFunctions.Error (#VALUE! with the engine's
 * message), and a host failure (cell-edit mode past its retries, a lost connection) into #VALUE!
 * with EMU's Vietnamese/English explanation instead of a bare #VALUE!.
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

async function rules(l: Lang): Promise<Rules> {
  const r = await workbookRules();
  if (r.ok) return r.value;
  const first = r.issues[0];
  throw new FnError(
    first ? `${first.cell ? `${cellAddress(first.cell)}: ` : ""}${issueMessage(first, l)}` : "",
  );
}

interface Call {
  /** The arguments, plain; an omitted optional one is null. */
  readonly args: (Matrix | null)[];
  readonly lang: Lang;
  /** The address of argument k ("" for a literal), for caching per range. */
  readonly address: (k: number) => string;
}

/**
 * Associates `id` (catalog.ts) with an implementation taking `arity` arguments. Excel passes the
 * declared parameters, then the invocation (the metadata asks for parameter addresses).
 */
export function register(id: string, arity: number, impl: (call: Call) => Promise<Out[][]> | Out[][]): void {
  CustomFunctions.associate(id, async (...raw: unknown[]) => {
    const l = lang();
    try {
      const invocation = (raw[arity] ?? {}) as CustomFunctions.Invocation;
      const addresses = invocation.parameterAddresses;
      const args = await plainArgs(raw.slice(0, arity), addresses, readValueTypes);
      return toExcel(await impl({ args, lang: l, address: (k) => addresses?.[k] ?? "" }));
    } catch (e) {
      const message = e instanceof FnError ? e.message : hostErrorMessage(e, l);
      throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
    }
  });
}

const req = (m: Matrix | null): Matrix => m ?? [[null]];

register("CLASSIFY", 2, async ({ args: [score, bands], lang: l }) =>
  classify(req(score ?? null), bands ? null : await rules(l), bands ?? null, l),
);
register("RANKOF", 3, ({ args: [score, scores, tiebreak], lang: l, address }) => {
  const key = address(1) ? `${address(1)}|${address(2)}` : undefined;
  return rank(req(score ?? null), req(scores ?? null), tiebreak ?? null, l, key);
});
register("RANKING", 4, async ({ args: [units, self, verified, bands], lang: l }) =>
  ranking(req(units ?? null), req(self ?? null), req(verified ?? null), await rules(l), bands ?? null, l),
);
register("VALIDATE", 2, async ({ args: [scores, max], lang: l }) =>
  validate(req(scores ?? null), max ? null : await rules(l), max ?? null, l),
);
register("TALLY", 4, async ({ args: [votes, base, share, strict], lang: l }) => {
  // The workbook's vote rule only matters when share or strict is left out.
  const rule = share && strict ? { share: 0.5, strict: true } : voteRuleOf(await rules(l));
  return tally(req(votes ?? null), req(base ?? null), share ?? null, strict ?? null, rule, l);
});
