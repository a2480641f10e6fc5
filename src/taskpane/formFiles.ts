import type { Lang, ReturnedForm } from "../core";

/** The files a user picked: those read as workbooks, and one line for each that could not be. */
export interface PickedForms {
  readonly forms: readonly ReturnedForm[];
  /** Each unreadable file's message, naming the file, in the pane's language. */
  readonly unreadable: readonly string[];
}

/** What the pane needs of a picked file (a DOM `File` has both). */
export type PickedFile = Pick<File, "name" | "arrayBuffer">;

/**
 * Reads returned forms from the files a user picked, with the same .xlsx reader the CLI uses, so
 * a CSV, an old .xls or a damaged download gets the same one-line explanation in both. The reader
 * is fetched as a chunk of its own the first time files are picked: most sessions never
 * consolidate forms, and the pane's first load stays small.
 */
export async function readFormFiles(files: readonly PickedFile[], lang: Lang): Promise<PickedForms> {
  const { readWorkbookBytes, readErrorMessage } = await import(
    /* webpackChunkName: "xlsx-reader" */ "../xlsx"
  );
  const forms: ReturnedForm[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    const read = readWorkbookBytes(new Uint8Array(await file.arrayBuffer()), file.name);
    if (read.ok) {
      // Indents come along: a returned form's criteria tree may live in Excel's indent levels.
      const sheets = read.sheets.map(({ name, grid, indents }) => ({ name, grid, indents }));
      forms.push({ source: file.name, sheets });
    } else {
      unreadable.push(readErrorMessage(read.error, lang));
    }
  }
  return { forms, unreadable };
}
