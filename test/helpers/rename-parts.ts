/**
 * Moves the parts of a real .xlsx to other names, the way some generators lay out a package
 * (OOXML lets a part have any name: what makes it a worksheet is the relationship pointing at
 * it, not its file name). Rewrites `_rels/.rels`, the workbook's relationships, the moved
 * parts' own `.rels` (their targets re-expressed from the new place) and `[Content_Types].xml`,
 * so Excel and LibreOffice still open the result. Used by the scripts that make fixtures, not
 * by EMU: it is written separately from the writer's normalisation on purpose, so a test does
 * not check that code against itself.
 */
import { unzipSync, zipSync, type Zippable } from "fflate";

/** How to lay out the package. */
export interface PartLayout {
  /** A new name for the workbook part (e.g. "xl/book.xml"); left out, it stays where it is. */
  readonly workbook?: string;
  /** The new name of the worksheet at position `index` (0-based, the workbook's sheet order). */
  readonly sheet: (index: number, oldName: string) => string;
  /** Write relationship targets as absolute part names ("/xl/ws/a.xml") instead of relative. */
  readonly absoluteTargets?: boolean;
}

const dirOf = (p: string): string => (p.includes("/") ? p.slice(0, p.lastIndexOf("/") + 1) : "");
const relsOf = (p: string): string => `${dirOf(p)}_rels/${p.slice(dirOf(p).length)}.rels`;

function resolve(source: string, target: string): string {
  const segs = target.startsWith("/") ? [] : dirOf(source).split("/").filter(Boolean);
  for (const s of target.split("/")) {
    if (s === "" || s === ".") continue;
    if (s === "..") segs.pop();
    else segs.push(s);
  }
  return segs.join("/");
}

function relative(fromPart: string, to: string): string {
  const from = dirOf(fromPart).split("/").filter(Boolean);
  const parts = to.split("/");
  let i = 0;
  while (i < from.length && i < parts.length - 1 && from[i] === parts[i]) i++;
  return [...from.slice(i).map(() => ".."), ...parts.slice(i)].join("/");
}

const text = (b: Uint8Array | undefined): string => new TextDecoder().decode(b ?? new Uint8Array());
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Rewrites every internal `Target` of a .rels text, from `oldSource` to `newSource`. */
function retarget(
  rels: string,
  oldSource: string,
  newSource: string,
  moved: ReadonlyMap<string, string>,
  absolute: boolean,
): string {
  return rels.replace(/<Relationship\b[^>]*>/g, (tag) => {
    if (/TargetMode="External"/i.test(tag)) return tag;
    return tag.replace(/Target="([^"]*)"/, (_m, t: string) => {
      const part = resolve(oldSource, t);
      const now = moved.get(part) ?? part;
      return `Target="${absolute ? `/${now}` : relative(newSource, now)}"`;
    });
  });
}

/**
 * Returns the package `xlsx` with its workbook and worksheet parts renamed as `layout` says.
 * @example renameParts(bytes, { sheet: (i) => `xl/ws/Sheet_${"ABC"[i]}.xml`, absoluteTargets: true })
 */
export function renameParts(xlsx: Uint8Array, layout: PartLayout): Uint8Array {
  const files = unzipSync(xlsx);
  const rootRels = text(files["_rels/.rels"]);
  const officeDoc = /<Relationship\b[^>]*officeDocument"[^>]*>/.exec(rootRels)?.[0] ?? "";
  const wbPart = resolve("", /Target="([^"]*)"/.exec(officeDoc)?.[1] ?? "xl/workbook.xml");
  const wbRels = text(files[relsOf(wbPart)]);
  const wbXml = text(files[wbPart]);

  // Worksheets in the workbook's sheet order (the order of <sheet r:id>), not the rels order.
  const relTarget = new Map<string, string>();
  for (const tag of wbRels.match(/<Relationship\b[^>]*>/g) ?? []) {
    if (!/\/worksheet"/.test(tag)) continue;
    const id = /Id="([^"]*)"/.exec(tag)?.[1] ?? "";
    relTarget.set(id, resolve(wbPart, /Target="([^"]*)"/.exec(tag)?.[1] ?? ""));
  }
  const moved = new Map<string, string>();
  if (layout.workbook !== undefined) moved.set(wbPart, layout.workbook);
  let index = 0;
  for (const m of wbXml.matchAll(/<sheet\b[^>]*\br:id="([^"]*)"/g)) {
    const old = relTarget.get(m[1] ?? "");
    if (old !== undefined) moved.set(old, layout.sheet(index++, old));
  }

  const absolute = layout.absoluteTargets === true;
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(files)) out[name] = data;
  const newWb = moved.get(wbPart) ?? wbPart;
  // Read every moved part first, then delete, then write: two parts may swap names.
  const payload = [...moved].map(([from, to]) => ({
    from,
    to,
    data: files[from],
    rels: files[relsOf(from)] === undefined ? undefined : text(files[relsOf(from)]),
  }));
  for (const p of payload) {
    delete out[p.from];
    delete out[relsOf(p.from)];
  }
  for (const p of payload) {
    if (p.data === undefined) throw new Error(`renameParts: no part ${p.from}`);
    out[p.to] = p.data;
    if (p.rels !== undefined) out[relsOf(p.to)] = bytes(retarget(p.rels, p.from, p.to, moved, absolute));
  }
  if (!moved.has(wbPart)) out[relsOf(wbPart)] = bytes(retarget(wbRels, wbPart, wbPart, moved, absolute));
  out["_rels/.rels"] = bytes(
    rootRels.replace(
      officeDoc,
      officeDoc.replace(/Target="[^"]*"/, `Target="${absolute ? "/" : ""}${newWb}"`),
    ),
  );
  let types = text(files["[Content_Types].xml"]);
  for (const [from, to] of moved) {
    types = types.replace(
      new RegExp(`PartName="/${from.replace(/[.[\]]/g, "\\$&")}"`, "i"),
      `PartName="/${to}"`,
    );
  }
  out["[Content_Types].xml"] = bytes(types);

  // Fixed dates keep the fixture's bytes stable between runs.
  const mtime = new Date("2022-12-01T00:00:00Z");
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(out)) zippable[name] = [data, { mtime }];
  return zipSync(zippable, { level: 6 });
}
