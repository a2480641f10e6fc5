/**
 * Gives exceljs a package laid out the way it expects, so the copy keeps every sheet.
 *
 * OOXML finds a worksheet through the workbook's relationships, so its part may have any name
 * (`xl/worksheets/data1.xml`, `xl/ws/Sheet_A.xml`, an absolute target "/xl/…", a workbook part
 * that is not `xl/workbook.xml`): Excel and LibreOffice open such files, and some generators
 * write them. exceljs 4 does not follow the relationships: it recognises parts by fixed names
 * (`xl/workbook.xml`, `xl/worksheets/sheet<N>.xml`, `xl/styles.xml`, `xl/sharedStrings.xml`,
 * `xl/theme/<name>.xml`) and silently leaves out any sheet it does not recognise. Before
 * exceljs reads the input, the parts it would miss are moved to those names, with every
 * relationship re-pointed (the moved parts' own `.rels` too, their targets re-expressed from
 * the new place). `[Content_Types].xml` is left as it is: exceljs does not read it and writes
 * its own.
 *
 * exceljs also reads many xsd:boolean attributes as true only when written "1", while the
 * schema allows "true" too and LibreOffice always writes "true"/"false": a LibreOffice-saved
 * sheet's "fit to page", horizontal centring or a workbook's 1904 date system would be lost in
 * the copy. The workbook, worksheet and styles parts get those attributes as "1"/"0".
 */
import { zipSync, type Zippable } from "fflate";
import { readRelationships, relsPartOf, resolvePart, type OpenedWorkbook } from "../../xlsx/sniff";
import { readEntry, type ZipArchive } from "../../xlsx/zip";

const CANONICAL_WORKBOOK = "xl/workbook.xml";
const CANONICAL_SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
const CANONICAL_THEME = /^xl\/theme\/[a-zA-Z0-9]+\.xml$/;

/** Attributes whose value is text, never an xsd:boolean: a sheet named "true" stays so. */
const TEXT_ATTRIBUTES: ReadonlySet<string> = new Set([
  "name",
  "formatCode",
  "display",
  "tooltip",
  "location",
  "prompt",
  "error",
  "promptTitle",
  "errorTitle",
  "ref",
  "sqref",
  "id",
  "uniqueName",
  "caption",
  "text",
  "comment",
  "description",
  "help",
  "statusBar",
  "customMenu",
  "function",
]);

/** Rewrites xsd:boolean attributes written "true"/"false" as "1"/"0", which exceljs understands. */
function numericBooleans(xml: string): string {
  if (!/=\s*["'](?:true|false)["']/.test(xml)) return xml;
  return xml.replace(/<(?![!?/])([\w.:-]+)([^<>]*)>/g, (tag, qname: string, attrs: string) => {
    // A font's <name val="…"/> is text, whatever it says.
    if (qname.replace(/^.*:/, "") === "name") return tag;
    if (!/["'](?:true|false)["']/.test(attrs)) return tag;
    const fixed = attrs.replace(
      /(\s)([\w.:-]+)(\s*=\s*)(["'])(true|false)\4/g,
      (m, sp: string, attr: string, eq: string, q: string, v: string) =>
        TEXT_ATTRIBUTES.has(attr.replace(/^.*:/, ""))
          ? m
          : `${sp}${attr}${eq}${q}${v === "true" ? "1" : "0"}${q}`,
    );
    return `<${qname}${fixed}>`;
  });
}

/** The package as exceljs should read it, and how many parts had to move for it. */
export interface CanonicalPackage {
  readonly bytes: Uint8Array;
  /** Old part name (lower case) → new part name, for every part moved. */
  readonly moved: ReadonlyMap<string, string>;
  /** Whether anything changed; false means `bytes` are the input's own. */
  readonly changed: boolean;
}

/** The name stored in the zip for a part (OPC names are case-insensitive; zips are not). */
function storedName(zip: ZipArchive, part: string): string | undefined {
  return zip.entries.get(part.toLowerCase())?.name.replace(/^\/+/, "");
}

/** A relative reference from the folder of `fromPart` to `toPart` ("xl/workbook.xml" → "worksheets/sheet1.xml"). */
function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

const decode = (b: Uint8Array): string => new TextDecoder("utf-8").decode(b);
const encode = (s: string): Uint8Array => new TextEncoder().encode(s);

/**
 * Re-points the internal targets of a `.rels` text whose source part moved from `oldSource` to
 * `newSource`, following `moved` for targets that moved too. External targets stay as written.
 */
function retarget(
  relsXml: string,
  oldSource: string,
  newSource: string,
  moved: ReadonlyMap<string, string>,
): string {
  return relsXml.replace(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g, (tag) => {
    if (/\bTargetMode\s*=\s*["']External["']/i.test(tag)) return tag;
    return tag.replace(/\bTarget\s*=\s*(["'])(.*?)\1/, (_m, q: string, target: string) => {
      const part = resolvePart(oldSource, target.replace(/&amp;/g, "&"));
      const now = moved.get(part.toLowerCase()) ?? part;
      return `Target=${q}${relativeTarget(newSource, now).replace(/&/g, "&amp;")}${q}`;
    });
  });
}

/** Picks where each part exceljs would miss must go; empty when the package is already canonical. */
function planMoves(wb: OpenedWorkbook): Map<string, string> {
  const { zip, workbookPart } = wb;
  const moves = new Map<string, string>();
  const wbStored = storedName(zip, workbookPart) ?? workbookPart;
  if (wbStored !== CANONICAL_WORKBOOK) moves.set(workbookPart.toLowerCase(), CANONICAL_WORKBOOK);

  const rels = readRelationships(zip, workbookPart).filter((r) => r.part !== undefined);
  const sheets = rels.filter((r) => r.type.endsWith("/worksheet"));
  const sheetNames = sheets.map((r) => storedName(zip, r.part ?? "") ?? "");
  const sheetsCanonical =
    sheetNames.every((n) => CANONICAL_SHEET.test(n)) && new Set(sheetNames).size === sheetNames.length;
  if (!sheetsCanonical) {
    // Move every worksheet, so no new name can land on one still waiting to move.
    const movingAway = new Set(sheets.map((r) => (r.part ?? "").toLowerCase()));
    const taken = (name: string): boolean =>
      (zip.entries.has(name.toLowerCase()) && !movingAway.has(name.toLowerCase())) ||
      [...moves.values()].some((v) => v.toLowerCase() === name.toLowerCase());
    let n = 1;
    for (const r of sheets) {
      const key = (r.part ?? "").toLowerCase();
      if (moves.has(key)) continue; // the same part twice: one move is enough
      while (taken(`xl/worksheets/sheet${n}.xml`)) n++;
      moves.set(key, `xl/worksheets/sheet${n}.xml`);
      n++;
    }
  }
  const single = (suffix: string, canonical: string, ok: (s: string) => boolean): void => {
    const r = rels.find((x) => x.type.endsWith(suffix));
    if (r?.part === undefined || !zip.entries.has(r.part.toLowerCase())) return;
    const stored = storedName(zip, r.part) ?? "";
    if (ok(stored) || moves.has(r.part.toLowerCase())) return;
    if (zip.entries.has(canonical.toLowerCase())) return; // occupied by some other part: leave it
    moves.set(r.part.toLowerCase(), canonical);
  };
  single("/styles", "xl/styles.xml", (s) => s === "xl/styles.xml");
  single("/sharedStrings", "xl/sharedStrings.xml", (s) => s === "xl/sharedStrings.xml");
  single("/theme", "xl/theme/theme1.xml", (s) => CANONICAL_THEME.test(s));
  return moves;
}

/**
 * The workbook's package with every part exceljs reads by name moved to that name and its
 * boolean attributes as "1"/"0", or the input's own bytes when nothing needs to change (the
 * usual case for files Excel and exceljs write).
 * @throws ZipFormatError when an entry cannot be extracted (the caller reports the file as unreadable).
 */
export function canonicalPackage(wb: OpenedWorkbook): CanonicalPackage {
  const moves = planMoves(wb);
  const { zip, workbookPart } = wb;
  const rels = readRelationships(zip, workbookPart);
  // The parts whose boolean attributes exceljs reads: the workbook, its worksheets, its styles.
  const xmlParts = new Set(
    [workbookPart, ...rels.filter((r) => /\/(worksheet|styles)$/.test(r.type)).map((r) => r.part ?? "")].map(
      (p) => p.toLowerCase(),
    ),
  );

  const movedRels = new Map<string, { from: string; to: string }>();
  for (const [key, to] of moves) {
    const from = storedName(zip, key) ?? key;
    movedRels.set(relsPartOf(from).toLowerCase(), { from, to });
  }
  const wbRelsKey = relsPartOf(workbookPart).toLowerCase();

  let changed = moves.size > 0;
  const files: Zippable = {};
  for (const [key, entry] of zip.entries) {
    if (entry.name.endsWith("/")) continue; // folder entries carry nothing
    let data = readEntry(zip, entry);
    const name = entry.name.replace(/^\/+/, "");
    if (xmlParts.has(key)) {
      const xml = decode(data);
      const fixed = numericBooleans(xml);
      if (fixed !== xml) {
        data = encode(fixed);
        changed = true;
      }
    }
    const target = moves.get(key);
    const movedRel = movedRels.get(key);
    if (target !== undefined) {
      files[target] = data;
    } else if (movedRel !== undefined) {
      files[relsPartOf(movedRel.to)] = encode(retarget(decode(data), movedRel.from, movedRel.to, moves));
    } else if (moves.size > 0 && key === wbRelsKey) {
      files[name] = encode(retarget(decode(data), workbookPart, workbookPart, moves));
    } else if (moves.size > 0 && key === "_rels/.rels") {
      files[name] = encode(retarget(decode(data), "", "", moves));
    } else {
      files[name] = data;
    }
  }
  if (!changed) return { bytes: zip.bytes, moved: moves, changed };
  // Stored, not deflated: exceljs reads it once, in memory.
  return { bytes: zipSync(files, { level: 0 }), moved: moves, changed };
}
