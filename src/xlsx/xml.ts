/**
 * A small streaming-style XML scanner for the few SpreadsheetML parts the reader needs.
 * Spreadsheet XML is machine-written and flat, so a forward scan with callbacks is enough;
 * it avoids building a DOM or an object per node, which is what keeps big sheets fast.
 * Namespace prefixes are dropped (files written by the OpenXML SDK use `<x:c>` for `<c>`).
 */

/** Callbacks for the scanner. Text is passed as offsets so callers slice only what they keep. */
export interface XmlHandler {
  /** A start tag (or an empty-element tag, then `selfClosing` is true and no `close` follows). */
  open(localName: string, attrs: string, selfClosing: boolean): void;
  /** An end tag. */
  close(localName: string): void;
  /** Character data between tags, `xml.slice(start, end)`; `cdata` means no entity decoding applies. */
  text(start: number, end: number, cdata: boolean): void;
}

function localNameOf(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/**
 * Scans `xml` once from start to end, calling the handler for tags and text. Comments,
 * processing instructions and DOCTYPE are skipped. Malformed input never throws: an
 * unterminated construct simply ends the scan.
 */
export function scanXml(xml: string, h: XmlHandler): void {
  const n = xml.length;
  let pos = 0;
  while (pos < n) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) {
      h.text(pos, n, false);
      return;
    }
    if (lt > pos) h.text(pos, lt, false);
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 33 /* ! */) {
      if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) return;
        h.text(lt + 9, end, true);
        pos = end + 3;
      } else if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) return;
        pos = end + 3;
      } else {
        const end = xml.indexOf(">", lt);
        if (end < 0) return;
        pos = end + 1;
      }
      continue;
    }
    if (c1 === 63 /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) return;
      pos = end + 2;
      continue;
    }
    // Find the closing '>' outside quotes: attribute values may legally contain '>'.
    let i = lt + 1;
    let quote = 0;
    for (; i < n; i++) {
      const ch = xml.charCodeAt(i);
      if (quote !== 0) {
        if (ch === quote) quote = 0;
      } else if (ch === 34 || ch === 39) {
        quote = ch;
      } else if (ch === 62) {
        break;
      }
    }
    if (i >= n) return;
    const isClose = c1 === 47; /* / */
    const nameStart = isClose ? lt + 2 : lt + 1;
    let nameEnd = nameStart;
    for (; nameEnd < i; nameEnd++) {
      const ch = xml.charCodeAt(nameEnd);
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47) break;
    }
    const name = localNameOf(xml.slice(nameStart, nameEnd));
    if (isClose) {
      h.close(name);
    } else {
      const selfClosing = xml.charCodeAt(i - 1) === 47;
      h.open(name, xml.slice(nameEnd, selfClosing ? i - 1 : i), selfClosing);
    }
    pos = i + 1;
  }
}

const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Parses an attribute string into local name → decoded value. Prefixes are dropped, so
 * `r:id` is found as `id` (the relationship prefix is not always `r`).
 */
export function parseAttrs(attrs: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(attrs); m !== null; m = ATTR.exec(attrs)) {
    const raw = m[2] ?? m[3] ?? "";
    out[localNameOf(m[1] ?? "")] = decodeXmlText(raw).replace(/[\t\n]/g, " ");
  }
  return out;
}

/**
 * The value of one attribute by local name, or undefined. Cheaper than `parseAttrs` on the
 * hot path (every cell), where only `r` and `t` matter.
 */
export function attrValue(attrs: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = attrs.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = attrs.charCodeAt(at - 1);
    // Must start a name (after a space) or follow a prefix colon, and be followed by '='.
    if (at > 0 && before !== 32 && before !== 9 && before !== 10 && before !== 13 && before !== 58) continue;
    let k = from;
    while (k < attrs.length && attrs.charCodeAt(k) <= 32) k++;
    if (attrs.charCodeAt(k) !== 61 /* = */) continue;
    k++;
    while (k < attrs.length && attrs.charCodeAt(k) <= 32) k++;
    const q = attrs.charCodeAt(k);
    if (q !== 34 && q !== 39) return undefined;
    const end = attrs.indexOf(q === 34 ? '"' : "'", k + 1);
    if (end < 0) return undefined;
    const raw = attrs.slice(k + 1, end);
    return raw.indexOf("&") >= 0 ? decodeXmlText(raw) : raw;
  }
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes XML entities and normalises line ends (CRLF and CR become LF, as XML parsers must). */
export function decodeXmlText(s: string): string {
  let out = s;
  if (out.indexOf("&") >= 0) {
    out = out.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
      if (ref.charCodeAt(0) !== 35 /* # */) return NAMED[ref] ?? whole;
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  }
  if (out.indexOf("\r") >= 0) out = out.replace(/\r\n?/g, "\n");
  return out;
}

/**
 * Undoes SpreadsheetML's `_xHHHH_` escapes (how Excel stores control characters such as a
 * carriage return, `_x000D_`, and a literal `_x` sequence, `_x005F_x…`). One left-to-right
 * pass is exactly right: a decoded `_x005F_` is never re-read as the start of another escape.
 */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
