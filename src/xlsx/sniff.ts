/**
 * Decides, from a file's bytes rather than its extension, whether it is a readable .xlsx.
 * Users rename files freely ("bao-cao.xls" saved as CSV, an HTML export called .xls, an .xlsx
 * with a password), so the extension says little; each case gets its own error so the message
 * can say what to do.
 */
import { CfbFormatError, cfbEntryNames, isCfb } from "./cfb";
import type { FoundFormat, WorkbookReadError } from "./read-error";
import { parseAttrs, scanXml } from "./xml";
import {
  ZipFormatError,
  findEntry,
  latin1,
  openZip,
  readEntry,
  readEntryText,
  type ZipArchive,
  type ZipCodec,
} from "./zip";

/** Keeps a BOM, as Node's `Buffer#toString` does; `classifyOther` strips it itself. */
const UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** A zip that holds an Office Open XML workbook, and where its workbook part is. */
export interface OpenedWorkbook {
  readonly zip: ZipArchive;
  /** Part name of the workbook (normally "xl/workbook.xml"), as found via `_rels/.rels`. */
  readonly workbookPart: string;
}

/** The outcome of probing a file: an opened workbook or the reason it is not one. */
export type ProbeOutcome = { ok: true; workbook: OpenedWorkbook } | { ok: false; error: WorkbookReadError };

/** One `<Relationship>` of a .rels part, with its target resolved to a part name. */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Resolved part name without a leading slash; undefined for external targets. */
  readonly part: string | undefined;
}

/** The folder of a part name, with a trailing slash ("xl/workbook.xml" → "xl/"). */
function dirOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return slash < 0 ? "" : part.slice(0, slash + 1);
}

/**
 * Resolves a relationship target against the folder of its source part, as OPC defines:
 * relative targets are relative to the source, absolute ones ("/xl/…") to the package root.
 */
export function resolvePart(sourcePart: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(t);
  } catch {
    // A stray '%' is not an escape; keep the target as written.
  }
  t = t.replace(/\\/g, "/");
  const segs = t.startsWith("/") ? [] : dirOf(sourcePart).split("/").filter(Boolean);
  for (const s of t.split("/")) {
    if (s === "" || s === ".") continue;
    if (s === "..") segs.pop();
    else segs.push(s);
  }
  return segs.join("/");
}

/** The .rels part that describes a source part ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"). */
export function relsPartOf(sourcePart: string): string {
  const dir = dirOf(sourcePart);
  return `${dir}_rels/${sourcePart.slice(dir.length)}.rels`;
}

/**
 * Reads the relationships of a part; an absent .rels part simply means none.
 * @throws ZipFormatError when the .rels part is present but cannot be extracted.
 */
export function readRelationships(zip: ZipArchive, sourcePart: string): Relationship[] {
  const entry = findEntry(zip, relsPartOf(sourcePart));
  if (!entry) return [];
  const xml = readEntryText(zip, entry);
  const rels: Relationship[] = [];
  scanXml(xml, {
    open(name, attrs) {
      if (name !== "Relationship") return;
      const a = parseAttrs(attrs);
      const external = (a["TargetMode"] ?? "").toLowerCase() === "external";
      rels.push({
        id: a["Id"] ?? "",
        type: a["Type"] ?? "",
        part: external || a["Target"] === undefined ? undefined : resolvePart(sourcePart, a["Target"]),
      });
    },
    close() {},
    text() {},
  });
  return rels;
}

function fail(
  path: string,
  code: WorkbookReadError["code"],
  detail: string,
  format?: FoundFormat,
): ProbeOutcome {
  return { ok: false, error: format === undefined ? { code, path, detail } : { code, path, detail, format } };
}

/** Classifies bytes that are neither a zip nor a compound file. */
function classifyOther(buf: Uint8Array): { format: FoundFormat; detail: string } {
  // BIFF2–4 worksheets (Excel 2.x–4.x) are bare record streams starting with a BOF record.
  if (buf.length >= 4 && buf[0] === 0x09 && [0x00, 0x02, 0x04].includes(buf[1] ?? -1) && buf[3] === 0x00) {
    return { format: "xls", detail: "legacy Excel 2–4 BIFF worksheet; save it as .xlsx" };
  }
  const head = buf.subarray(0, 4096);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return { format: "text", detail: "UTF-16 text (e.g. 'Unicode text' or CSV), not a zip" };
  }
  if (head.includes(0))
    return { format: "other", detail: "binary data that is neither a zip nor an OLE file" };
  const text = UTF8.decode(head)
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (text.includes("urn:schemas-microsoft-com:office:spreadsheet")) {
    return { format: "xml2003", detail: "Excel 2003 XML Spreadsheet, not a zip" };
  }
  if (/^(<!doctype html|<html|<table|<meta|<head|<body|mime-version:)/.test(text) || text.includes("<html")) {
    return { format: "html", detail: "an HTML page (or MHTML), not a zip" };
  }
  return { format: "text", detail: "plain text (CSV/TXT?), not a zip" };
}

/** Explains a zip that holds no Office Open XML workbook part. */
function classifyZip(zip: ZipArchive): { format: FoundFormat; detail: string } {
  if (findEntry(zip, "xl/workbook.bin")) return { format: "xlsb", detail: "Excel binary workbook (.xlsb)" };
  const mimetype = findEntry(zip, "mimetype");
  if (mimetype) {
    try {
      const mime = latin1(readEntry(zip, mimetype));
      if (mime.includes("opendocument.spreadsheet")) return { format: "ods", detail: mime };
      return { format: "zip", detail: `OpenDocument file of type ${mime}` };
    } catch {
      // An unreadable mimetype entry just leaves the zip unexplained.
    }
  }
  if (findEntry(zip, "word/document.xml")) return { format: "zip", detail: "a Word document (.docx)" };
  if (findEntry(zip, "ppt/presentation.xml")) return { format: "zip", detail: "a PowerPoint file (.pptx)" };
  return { format: "zip", detail: "a zip archive without an Excel workbook inside" };
}

function mapZipError(path: string, err: unknown): ProbeOutcome {
  if (err instanceof ZipFormatError) {
    return fail(path, err.problem === "truncated" ? "truncated" : "unreadable", err.message);
  }
  return fail(path, "unreadable", err instanceof Error ? err.message : String(err));
}

/**
 * Decides whether `bytes` are an .xlsx EMU can read and, if so, opens the zip. Never throws
 * for a bad file: every problem becomes a `WorkbookReadError` (not-xlsx, truncated, encrypted,
 * unreadable) that calls the file `name`. `codec` is handed to the zip reader.
 */
export function probeWorkbookBytes(
  bytes: Uint8Array,
  name: string,
  codec: Partial<ZipCodec> = {},
): ProbeOutcome {
  if (bytes.length === 0) return fail(name, "truncated", "the file is empty (0 bytes)");

  if (isCfb(bytes)) {
    let names: string[];
    try {
      names = cfbEntryNames(bytes);
    } catch (err) {
      const problem = err instanceof CfbFormatError ? err.problem : "corrupt";
      return fail(name, problem === "truncated" ? "truncated" : "unreadable", (err as Error).message);
    }
    const has = (n: string): boolean => names.some((x) => x.toLowerCase() === n.toLowerCase());
    // Office puts an encrypted .xlsx inside an OLE file: EncryptionInfo describes the key,
    // EncryptedPackage holds the zip. Rights-managed files carry EncryptedPackage too.
    if (has("EncryptionInfo") || has("EncryptedPackage")) {
      return fail(name, "encrypted", "OLE container with an encrypted OOXML package (password-protected)");
    }
    if (has("Workbook") || has("Book")) {
      return fail(name, "not-xlsx", "the old Excel 97–2003 .xls format (OLE); save it as .xlsx", "xls");
    }
    return fail(
      name,
      "not-xlsx",
      `an OLE compound file without a workbook (${names.slice(0, 6).join(", ")})`,
      "ole",
    );
  }

  const isZip =
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && [3, 5, 7].includes(bytes[2] ?? 0);
  if (!isZip) {
    const { format, detail } = classifyOther(bytes);
    return fail(name, "not-xlsx", detail, format);
  }

  let zip: ZipArchive;
  try {
    zip = openZip(bytes, codec);
  } catch (err) {
    return mapZipError(name, err);
  }
  try {
    const officeDoc = readRelationships(zip, "").find((r) => r.type.endsWith("/officeDocument"));
    const candidates = [officeDoc?.part, "xl/workbook.xml"].filter((p): p is string => p !== undefined);
    const workbookPart = candidates.find((p) => p.toLowerCase().endsWith(".xml") && findEntry(zip, p));
    if (workbookPart === undefined) {
      const { format, detail } = classifyZip(zip);
      return fail(name, "not-xlsx", detail, format);
    }
    return { ok: true, workbook: { zip, workbookPart } };
  } catch (err) {
    return mapZipError(name, err);
  }
}
