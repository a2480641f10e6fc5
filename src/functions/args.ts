import type { CellValue } from "../core";
import type { Matrix } from "./functions";

/**
 * What Excel hands a custom function, made plain before the engine sees it. Shared by every
 * function through `register` (src/functions/index.ts), so a new function gets the same blanks,
 * errors and host-failure handling without a line of its own.
 *
 * - An error cell arrives as a `CustomFunctions.Error`-like object `{ code: "#N/A" }` once the
 *   metadata sets `allowErrorForDataTypeAny` (docs: "Manually create JSON metadata for custom
 *   functions"); it becomes the error literal the engine already reports per cell ("cell-error").
 * - A blank cell arrives as `null` on the web but as `0` in Excel desktop builds (office-js #4702,
 *   #5262). Where a range argument holds a 0, the caller re-reads that range's `valueTypes`
 *   (its address comes from `invocation.parameterAddresses`) and a 0 whose type is "Empty" is a
 *   blank again. The web never pays that read: it sends no 0 for a blank.
 */

/** One delivered cell as the engine's CellValue. */
export function cellOf(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  const code = (v as { code?: unknown }).code;
  if (typeof code === "string" && code.startsWith("#")) return code;
  return String(v);
}

/** One argument as a matrix (a scalar becomes [[v]]); an omitted optional one is null. */
export function matrixOf(arg: unknown): Matrix | null {
  if (arg === null || arg === undefined) return null;
  if (Array.isArray(arg)) return arg.map((row) => (Array.isArray(row) ? row.map(cellOf) : [cellOf(row)]));
  return [[cellOf(arg)]];
}

const hasZero = (m: Matrix): boolean => m.some((row) => row.some((v) => v === 0));

/**
 * Ranges already made plain in this moment, by address: a filled-down column hands every cell
 * the same 10,000-cell range, which must not be walked 10,000 times. Emptied on the next
 * macrotask (one calculation), like the rank index.
 */
const plainByAddress = new Map<string, Promise<Matrix | null>>();
let clearing = false;
const MEMO_MIN_CELLS = 64;

function remember(address: string, value: Promise<Matrix | null>): void {
  plainByAddress.set(address, value);
  if (!clearing) {
    clearing = true;
    setTimeout(() => {
      plainByAddress.clear();
      clearing = false;
    }, 0);
  }
}

/** Reads `valueTypes` ("Empty", "Double", …) for each address, in one round trip. */
export type ValueTypesReader = (addresses: readonly string[]) => Promise<ReadonlyMap<string, string[][]>>;

/**
 * The arguments as the engine must see them: errors as literals, and a blank as a blank on every
 * host. `addresses` is `invocation.parameterAddresses` (undefined on a host that gave none; an
 * entry is empty for a literal argument, which cannot be blank).
 * @example await plainArgs([[[0], [915]]], ["Sheet1!D7:D8"], readTypes) //=> [[[null], [915]]] when D7 is empty
 */
export async function plainArgs(
  raw: readonly unknown[],
  addresses: readonly (string | null | undefined)[] | undefined,
  readTypes: ValueTypesReader,
): Promise<(Matrix | null)[]> {
  return Promise.all(
    raw.map((arg, k) => {
      const address = addresses?.[k];
      const big =
        Array.isArray(arg) && arg.length * ((arg[0] as unknown[] | undefined)?.length ?? 1) >= MEMO_MIN_CELLS;
      if (!address || !big) return plainArg(arg, address, readTypes);
      const known = plainByAddress.get(address);
      if (known) return known;
      const made = plainArg(arg, address, readTypes);
      remember(address, made);
      return made;
    }),
  );
}

async function plainArg(
  arg: unknown,
  address: string | null | undefined,
  readTypes: ValueTypesReader,
): Promise<Matrix | null> {
  const m = matrixOf(arg);
  if (!m || !address || !hasZero(m)) return m;
  const t = (await readTypes([address])).get(address);
  if (!t || t.length !== m.length || t.some((row, r) => row.length !== m[r]?.length)) return m;
  return m.map((row, r) => row.map((v, c) => (v === 0 && t[r]?.[c] === "Empty" ? null : v)));
}
