import { runExcel } from "./host";

/**
 * `valueTypes` of the ranges custom functions were handed, for telling a blank from a 0 on Excel
 * desktop (see src/functions/args.ts). Excel calls a function once per cell of a filled-down
 * column, so the requests of one moment are gathered into one Excel.run with one sync, and each
 * distinct address is read once.
 */

/** "Sheet 1!A1:B2" / "'Bảng điểm'!D7" → sheet (null when unqualified) and the local address. */
export function splitAddress(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

let gathering: { addresses: Set<string>; result: Promise<Map<string, string[][]>> } | null = null;

export function readValueTypes(addresses: readonly string[]): Promise<ReadonlyMap<string, string[][]>> {
  if (!gathering) {
    const batch = { addresses: new Set<string>(), result: Promise.resolve(new Map<string, string[][]>()) };
    batch.result = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => {
      gathering = null;
      return runExcel(async (context) => {
        const ranges = [...batch.addresses].map((address) => {
          const { sheet, local } = splitAddress(address);
          const ws =
            sheet === null
              ? context.workbook.worksheets.getActiveWorksheet()
              : context.workbook.worksheets.getItem(sheet);
          const range = ws.getRange(local);
          range.load("valueTypes");
          return { address, range };
        });
        await context.sync();
        return new Map(ranges.map(({ address, range }) => [address, range.valueTypes as string[][]]));
      });
    });
    gathering = batch;
  }
  for (const a of addresses) gathering.addresses.add(a);
  return gathering.result;
}
