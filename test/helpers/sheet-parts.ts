/**
 * Reads what a person sees of each sheet straight from a package's XML, to compare an original
 * workbook with EMU's copy: cell values and formulas, the style facets that show (font, number
 * format, fill, borders, alignment), merges, column widths, and the page setup (paper,
 * orientation, fit to page, margins, centring, print area and titles). It follows the
 * relationships (so any part name works) and shares nothing with the writer (exceljs) or the
 * copy check, so a test that compares two of these snapshots checks the copy independently.
 */
import { unzipSync } from "fflate";
import { attrValue, decodeXmlText, parseAttrs, scanXml } from "../../src/xlsx/xml";

/** What one sheet shows, in comparable form. */
export interface SheetSnapshot {
  readonly name: string;
  readonly state: string;
  /** "B4" → "v=…|f=…|style" for every cell that holds a value, a formula or a non-default style. */
  readonly cells: Record<string, string>;
  readonly merges: string[];
  readonly cols: string[];
  readonly page: Record<string, string>;
}

const dirOf = (p: string): string => (p.includes("/") ? p.slice(0, p.lastIndexOf("/") + 1) : "");
function resolve(source: string, target: string): string {
  const segs = target.startsWith("/") ? [] : dirOf(source).split("/").filter(Boolean);
  for (const s of target.split("/")) {
    if (s === "" || s === ".") continue;
    if (s === "..") segs.pop();
    else segs.push(s);
  }
  return segs.join("/");
}
const relsOf = (p: string): string => `${dirOf(p)}_rels/${p.slice(dirOf(p).length)}.rels`;

/** Elements as { tag, attrs, text } in document order (flat; enough for these parts). */
function elements(xml: string): { tag: string; a: Record<string, string>; text: string; depth: number }[] {
  const out: { tag: string; a: Record<string, string>; text: string; depth: number }[] = [];
  const stack: number[] = [];
  scanXml(xml, {
    open(tag, attrs, selfClosing) {
      out.push({ tag, a: parseAttrs(attrs), text: "", depth: stack.length });
      if (!selfClosing) stack.push(out.length - 1);
    },
    close() {
      stack.pop();
    },
    text(start, end, cdata) {
      const i = stack[stack.length - 1];
      const el = i === undefined ? undefined : out[i];
      if (el) el.text += cdata ? xml.slice(start, end) : decodeXmlText(xml.slice(start, end));
    },
  });
  return out;
}

/** Excel's built-in number formats that writers name either by id or by code. */
const BUILTIN_FMT: Record<string, string> = {
  "0": "General",
  "1": "0",
  "2": "0.00",
  "3": "#,##0",
  "4": "#,##0.00",
  "9": "0%",
  "10": "0.00%",
  "11": "0.00E+00",
  "14": "mm-dd-yy",
  "49": "@",
};

const num = (s: string | undefined, d: number): string => String(s === undefined ? d : Number(s));
const flag = (a: Record<string, string> | undefined): boolean =>
  a !== undefined && a["val"] !== "0" && a["val"] !== "false";

/** Every cellXfs entry rendered as the facets a person sees. */
function styleTable(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const els = elements(xml);
  const numFmts = new Map<string, string>();
  const fonts: string[] = [];
  const fills: string[] = [];
  const borders: string[] = [];
  const xfs: string[] = [];
  let section = "";
  let cur: Record<string, Record<string, string>> = {};
  let curXf: Record<string, string> | undefined;
  const flushFont = (): void => {
    const f = cur;
    fonts.push(
      [
        f["name"]?.["val"] ?? "",
        num(f["sz"]?.["val"], 11),
        flag(f["b"]) ? "b" : "",
        flag(f["i"]) ? "i" : "",
        f["u"] ? (f["u"]["val"] ?? "single") : "",
        f["color"]?.["rgb"] ?? (f["color"]?.["theme"] ? `t${f["color"]["theme"]}` : ""),
      ].join(","),
    );
  };
  const flushXf = (align: Record<string, string> | undefined): void => {
    if (!curXf) return;
    const x = curXf;
    const fmt = x["numFmtId"] ?? "0";
    xfs.push(
      [
        `font=${fonts[Number(x["fontId"] ?? 0)] ?? ""}`,
        `fmt=${numFmts.get(fmt) ?? BUILTIN_FMT[fmt] ?? `#${fmt}`}`,
        `fill=${fills[Number(x["fillId"] ?? 0)] ?? ""}`,
        `border=${borders[Number(x["borderId"] ?? 0)] ?? ""}`,
        `align=${align?.["horizontal"] === "general" ? "" : (align?.["horizontal"] ?? "")}/${align?.["vertical"] ?? ""}/${flag(align === undefined ? undefined : { val: align["wrapText"] ?? "0" }) ? "wrap" : ""}/${align?.["indent"] ?? "0"}`,
      ].join(" "),
    );
    curXf = undefined;
  };
  let pendingAlign: Record<string, string> | undefined;
  let fill: string[] = [];
  let border: string[] = [];
  const closeSection = (): void => {
    if (section === "fonts" && cur["__open"]) flushFont();
    if (section === "fills" && fill.length > 0) fills.push(fill.join(","));
    if (section === "borders" && border.length > 0) borders.push(border.join(","));
    if (section === "cellXfs") flushXf(pendingAlign);
    cur = {};
    fill = [];
    border = [];
  };
  for (const e of els) {
    if (
      ["numFmts", "fonts", "fills", "borders", "cellXfs", "cellStyleXfs", "dxfs", "cellStyles"].includes(
        e.tag,
      )
    ) {
      closeSection();
      section = e.tag;
      continue;
    }
    if (section === "numFmts" && e.tag === "numFmt")
      numFmts.set(e.a["numFmtId"] ?? "", e.a["formatCode"] ?? "");
    if (section === "fonts") {
      if (e.tag === "font") {
        if (cur["__open"]) flushFont();
        cur = { __open: {} };
      } else cur[e.tag] = e.a;
    }
    if (section === "fills") {
      if (e.tag === "fill") {
        if (fill.length > 0) fills.push(fill.join(","));
        fill = ["-"];
      } else if (e.tag === "patternFill") fill.push(e.a["patternType"] ?? "none");
      else if (e.tag === "fgColor") fill.push(e.a["rgb"] ?? `t${e.a["theme"] ?? ""}`);
    }
    if (section === "borders") {
      if (e.tag === "border") {
        if (border.length > 0) borders.push(border.join(","));
        border = ["-"];
      } else if (["left", "right", "top", "bottom"].includes(e.tag) && e.a["style"]) {
        border.push(`${e.tag}:${e.a["style"]}`);
      }
    }
    if (section === "cellXfs") {
      if (e.tag === "xf") {
        flushXf(pendingAlign);
        curXf = e.a;
        pendingAlign = undefined;
      } else if (e.tag === "alignment") pendingAlign = e.a;
    }
  }
  closeSection();
  return xfs;
}

/** Reads every sheet (worksheets only; chart sheets are listed by name with no cells). */
export function snapshotSheets(xlsx: Uint8Array): SheetSnapshot[] {
  const raw = unzipSync(xlsx);
  const files = new Map<string, Uint8Array>();
  for (const [k, v] of Object.entries(raw)) files.set(k.replace(/^\/+/, "").toLowerCase(), v);
  const text = (p: string): string | undefined => {
    const b = files.get(p.toLowerCase());
    return b === undefined ? undefined : new TextDecoder().decode(b);
  };
  const rels = (p: string): Map<string, { type: string; part: string }> => {
    const m = new Map<string, { type: string; part: string }>();
    for (const e of elements(text(relsOf(p)) ?? "")) {
      if (e.tag === "Relationship" && e.a["TargetMode"] !== "External")
        m.set(e.a["Id"] ?? "", { type: e.a["Type"] ?? "", part: resolve(p, e.a["Target"] ?? "") });
    }
    return m;
  };
  const root = [...rels("").values()].find((r) => r.type.endsWith("/officeDocument"));
  const wbPart = root?.part ?? "xl/workbook.xml";
  const wbRels = rels(wbPart);
  const partOf = (suffix: string): string | undefined =>
    [...wbRels.values()].find((r) => r.type.endsWith(suffix))?.part;
  const sst: string[] = [];
  {
    let cur: string | undefined;
    let inRph = false;
    const x = text(partOf("/sharedStrings") ?? "") ?? "";
    scanXml(x, {
      open(tag, _a, self) {
        if (tag === "si") cur = "";
        if (tag === "rPh" && !self) inRph = true;
      },
      close(tag) {
        if (tag === "si" && cur !== undefined) sst.push(cur);
        if (tag === "rPh") inRph = false;
      },
      text(s, e, cdata) {
        if (cur !== undefined && !inRph) cur += cdata ? x.slice(s, e) : decodeXmlText(x.slice(s, e));
      },
    });
  }
  const xfs = styleTable(text(partOf("/styles") ?? ""));
  const defaultXf = xfs[0] ?? "";

  const wbEls = elements(text(wbPart) ?? "");
  const sheetEls = wbEls.filter((e) => e.tag === "sheet");
  const defined = wbEls.filter((e) => e.tag === "definedName");
  return sheetEls.map((s, index) => {
    const name = s.a["name"] ?? "";
    const rid = Object.entries(s.a).find(([k]) => k === "id" || k.endsWith(":id"))?.[1] ?? "";
    const rel = wbRels.get(rid);
    const page: Record<string, string> = {};
    const cells: Record<string, string> = {};
    const merges: string[] = [];
    const cols: string[] = [];
    for (const d of defined) {
      if (d.a["localSheetId"] !== String(index)) continue;
      // The same range, whoever wrote it: quotes and $ signs vary between writers.
      page[d.a["name"] ?? ""] = d.text
        .replace(/\$/g, "")
        .replace(/^'?.*?'?!/, "")
        .replace(/,'?.*?'?!/g, ",");
    }
    const xml = rel !== undefined && rel.type.endsWith("/worksheet") ? text(rel.part) : undefined;
    if (xml === undefined)
      return { name, state: s.a["state"] ?? "visible", cells, merges, cols, page: { kind: rel?.type ?? "" } };
    const els = elements(xml);
    const shared = new Map<string, string>();
    let cell:
      | { r: string; t: string; s: string; v?: string; f?: string; fa?: Record<string, string>; is: string }
      | undefined;
    const flush = (): void => {
      if (!cell) return;
      const c = cell;
      cell = undefined;
      let v = c.v ?? "";
      if (c.t === "s") v = sst[Number(v)] ?? `?${v}`;
      else if (c.t === "inlineStr") v = c.is;
      else if ((c.t === "n" || c.t === "") && v !== "") v = String(Number(v));
      else if (c.t === "b") v = v === "1" || v === "true" ? "TRUE" : "FALSE";
      let f = c.f ?? "";
      if (c.fa?.["t"] === "shared") {
        const si = c.fa["si"] ?? "";
        if (f !== "") shared.set(si, `${f}@${c.r}`);
        f = `shared:${shared.get(si) ?? `?${si}`}`;
      }
      const style = xfs[Number(c.s || 0)] ?? "";
      if (v === "" && f === "" && style === defaultXf) return;
      cells[c.r] = `v=${v}|f=${f}|${style}`;
    };
    for (const e of els) {
      switch (e.tag) {
        case "c":
          flush();
          cell = { r: e.a["r"] ?? "", t: e.a["t"] ?? "", s: e.a["s"] ?? "0", is: "" };
          break;
        case "v":
          if (cell) cell.v = e.text;
          break;
        case "f":
          if (cell) {
            cell.f = e.text;
            cell.fa = e.a;
          }
          break;
        case "t":
          if (cell) cell.is += e.text;
          break;
        case "row":
          flush();
          break;
        case "mergeCell":
          flush();
          merges.push(e.a["ref"] ?? "");
          break;
        case "col":
          flush();
          if (e.a["width"] !== undefined)
            cols.push(
              `${e.a["min"]}-${e.a["max"]}:${Number(e.a["width"]).toFixed(2)}:${e.a["hidden"] === "1" || e.a["hidden"] === "true" ? "hidden" : ""}`,
            );
          break;
        case "pageSetup":
          flush();
          page["paperSize"] = e.a["paperSize"] ?? "1";
          page["orientation"] = e.a["orientation"] ?? "default";
          page["fitToWidth"] = e.a["fitToWidth"] ?? "1";
          page["fitToHeight"] = e.a["fitToHeight"] ?? "1";
          page["scale"] = e.a["scale"] ?? "100";
          break;
        case "pageSetUpPr":
          page["fitToPage"] = String(e.a["fitToPage"] === "1" || e.a["fitToPage"] === "true");
          break;
        case "pageMargins":
          flush();
          for (const k of ["left", "right", "top", "bottom", "header", "footer"])
            page[`margin.${k}`] = Number(e.a[k] ?? 0).toFixed(4);
          break;
        case "printOptions":
          flush();
          page["horizontalCentered"] = String(
            e.a["horizontalCentered"] === "1" || e.a["horizontalCentered"] === "true",
          );
          break;
        default:
          break;
      }
    }
    flush();
    page["fitToPage"] ??= "false";
    page["horizontalCentered"] ??= "false";
    merges.sort();
    return { name, state: s.a["state"] ?? "visible", cells, merges, cols, page };
  });
}

/** The value of one attribute in a raw tag, for tests that look at a part directly. */
export { attrValue };
