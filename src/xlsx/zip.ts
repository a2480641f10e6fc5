/**
 * A minimal, synchronous reader for the zip container of an .xlsx, on plain `Uint8Array`s so
 * the same code runs in Node and in the task pane's browser. It exists (rather than going
 * through exceljs) so a truncated download can be told from a damaged file before any parsing
 * starts, and so values can be read without exceljs's per-cell object model, which is what
 * makes a 100,000-row sheet slow.
 *
 * Inflating and checksumming are the only heavy steps, so they come as a `ZipCodec`: fflate
 * and a table CRC by default (portable), Node's native zlib where the caller has it (the CLI).
 */
import { inflateSync } from "fflate";

/** Why bytes could not be read as a zip: cut short, internally inconsistent, or a feature we do not read. */
export type ZipProblem = "truncated" | "corrupt" | "unsupported";

/** Thrown by the zip reader; `problem` lets the caller pick the user-facing error code. */
export class ZipFormatError extends Error {
  /** The kind of problem, for mapping to a user-facing error code. */
  readonly problem: ZipProblem;
  constructor(problem: ZipProblem, message: string) {
    super(message);
    this.name = "ZipFormatError";
    this.problem = problem;
  }
}

/**
 * The two byte-crunching steps of extraction. Both must behave like their zlib namesakes:
 * `inflateRaw` expands raw DEFLATE data (no zlib or gzip wrapper) and throws on bad data;
 * `crc32` is zip's CRC-32 (compared as an unsigned 32-bit number, so a signed result will do).
 */
export interface ZipCodec {
  readonly inflateRaw: (data: Uint8Array) => Uint8Array;
  readonly crc32: (data: Uint8Array) => number;
}

/** One file inside the zip, as the central directory describes it. */
export interface ZipEntry {
  /** The entry name exactly as stored (e.g. "xl/workbook.xml"). */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  /** CRC-32 of the uncompressed data, checked on extraction: inflate alone misses some damage. */
  readonly crc32: number;
}

/** An opened zip: entries by lower-cased name, because OPC part names are case-insensitive. */
export interface ZipArchive {
  /** The whole file, the very object given to `openZip` (a Node Buffer stays a Buffer). */
  readonly bytes: Uint8Array;
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /** How this archive's entries are inflated and checked. */
  readonly codec: ZipCodec;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;

/**
 * Decoders that keep a byte-order mark, as Node's `Buffer#toString` does; `readEntryText`
 * strips it where a part may start with one.
 */
const UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });
const UTF16LE = new TextDecoder("utf-16le", { ignoreBOM: true });

/** A little-endian reader over the bytes; out-of-range reads throw RangeError, as Buffer's do. */
function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(dv: DataView, at: number): number {
  // Sizes in an .xlsx stay far below 2^53, so a plain number is exact.
  return dv.getUint32(at, true) + dv.getUint32(at + 4, true) * 0x1_0000_0000;
}

/**
 * ISO-8859-1, one char per byte. Written out because `TextDecoder("latin1")` is really
 * windows-1252 (the Encoding Standard maps the label so), which differs in 0x80–0x9F.
 */
export function latin1(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x2000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
  }
  return s;
}

/** Finds the end-of-central-directory record; a zip that lost its tail has none. */
function findEocd(dv: DataView): number {
  const min = Math.max(0, dv.byteLength - 22 - 0xffff);
  for (let i = dv.byteLength - 22; i >= min; i--) {
    if (dv.getUint32(i, true) === SIG_EOCD) return i;
  }
  return -1;
}

/** Inflates with fflate (pure JS, works anywhere) and checks with the table CRC. */
const PORTABLE_CODEC: ZipCodec = { inflateRaw: (data) => inflateSync(data), crc32: crc32Portable };

/**
 * Reads the central directory of a zip held in memory. `codec` replaces either step of
 * extraction; whatever it leaves out is done portably.
 * @throws ZipFormatError when the zip is truncated, inconsistent or uses an unsupported feature.
 */
export function openZip(bytes: Uint8Array, codec: Partial<ZipCodec> = {}): ZipArchive {
  if (bytes.length < 22) throw new ZipFormatError("truncated", `only ${bytes.length} bytes`);
  const dv = viewOf(bytes);
  const eocd = findEocd(dv);
  if (eocd < 0) throw new ZipFormatError("truncated", "no end-of-central-directory record (file cut short)");

  let count = dv.getUint16(eocd + 10, true);
  let cdSize = dv.getUint32(eocd + 12, true);
  let cdOffset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // Some writers always emit Zip64 records; the real values live in the Zip64 EOCD.
    const loc = eocd - 20;
    if (loc < 0 || dv.getUint32(loc, true) !== SIG_ZIP64_LOCATOR) {
      throw new ZipFormatError("corrupt", "Zip64 markers without a Zip64 locator");
    }
    const z = u64(dv, loc + 8);
    if (z + 56 > bytes.length || dv.getUint32(z, true) !== SIG_ZIP64_EOCD) {
      throw new ZipFormatError("corrupt", "bad Zip64 end-of-central-directory record");
    }
    count = u64(dv, z + 32);
    cdSize = u64(dv, z + 40);
    cdOffset = u64(dv, z + 48);
  }
  if (cdOffset + cdSize > bytes.length) {
    throw new ZipFormatError("truncated", "central directory lies beyond the end of the file");
  }

  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== SIG_CENTRAL) {
      throw new ZipFormatError("corrupt", `central directory entry ${i} is damaged`);
    }
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const crc32 = dv.getUint32(p + 16, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let uncompressedSize = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    let localHeaderOffset = dv.getUint32(p + 42, true);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    // Bit 11 marks UTF-8 names; otherwise CP437, which for OPC part names (ASCII) reads the same as latin1.
    const name = flags & 0x800 ? UTF8.decode(nameBytes) : latin1(nameBytes);
    // Zip64 extra field: only the fields that overflowed are present, in this fixed order.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = dv.getUint16(e, true);
      const size = dv.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + size) {
          uncompressedSize = u64(dv, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + size) {
          compressedSize = u64(dv, q);
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff && q + 8 <= e + 4 + size) {
          localHeaderOffset = u64(dv, q);
        }
      }
      e += 4 + size;
    }
    entries.set(name.replace(/^\/+/, "").toLowerCase(), {
      name,
      method,
      flags,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      crc32,
    });
    p = extraEnd + commentLen;
  }
  return {
    bytes,
    entries,
    codec: {
      inflateRaw: codec.inflateRaw ?? PORTABLE_CODEC.inflateRaw,
      crc32: codec.crc32 ?? PORTABLE_CODEC.crc32,
    },
  };
}

/** The entry of a part, looked up case-insensitively; undefined when absent. */
export function findEntry(zip: ZipArchive, partName: string): ZipEntry | undefined {
  return zip.entries.get(partName.replace(/^\/+/, "").toLowerCase());
}

/**
 * The uncompressed bytes of one entry.
 * @throws ZipFormatError when the data is cut short, damaged or compressed in a way we do not read.
 */
export function readEntry(zip: ZipArchive, entry: ZipEntry): Uint8Array {
  const bytes = zip.bytes;
  const dv = viewOf(bytes);
  const h = entry.localHeaderOffset;
  if (h + 30 > bytes.length)
    throw new ZipFormatError("truncated", `${entry.name}: header beyond end of file`);
  if (dv.getUint32(h, true) !== SIG_LOCAL)
    throw new ZipFormatError("corrupt", `${entry.name}: bad local header`);
  if (entry.flags & 0x1) throw new ZipFormatError("unsupported", `${entry.name}: zip-level encryption`);
  const start = h + 30 + dv.getUint16(h + 26, true) + dv.getUint16(h + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipFormatError("truncated", `${entry.name}: data beyond end of file`);
  const raw = bytes.subarray(start, end);
  let data: Uint8Array;
  if (entry.method === 0) {
    data = raw;
  } else if (entry.method === 8) {
    try {
      data = zip.codec.inflateRaw(raw);
    } catch (err) {
      throw new ZipFormatError(
        "corrupt",
        `${entry.name}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  } else {
    throw new ZipFormatError("unsupported", `${entry.name}: compression method ${entry.method}`);
  }
  if (data.length !== entry.uncompressedSize || zip.codec.crc32(data) >>> 0 !== entry.crc32) {
    throw new ZipFormatError("corrupt", `${entry.name}: checksum mismatch (damaged data)`);
  }
  return data;
}

let crcTable: Uint32Array | undefined;

/** Table-driven CRC-32 (zip's polynomial), for where no native one is at hand. */
export function crc32Portable(data: Uint8Array): number {
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = (crcTable[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * The text of an XML part, decoded from UTF-8 (or UTF-16 when it starts with a BOM, which
 * the XML spec allows and a few generators use). A trailing odd byte of UTF-16 is dropped.
 */
export function readEntryText(zip: ZipArchive, entry: ZipEntry): string {
  const data = readEntry(zip, entry);
  const utf16End = 2 + ((data.length - 2) & ~1);
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe)
    return UTF16LE.decode(data.subarray(2, utf16End));
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) {
    // Big-endian: swap each pair in a copy, since a stored entry is a view of the caller's bytes
    // (and a Buffer's `slice` would be a view too).
    const swapped = new Uint8Array(data.subarray(2, utf16End));
    for (let i = 0; i + 1 < swapped.length; i += 2) {
      const b = swapped[i] ?? 0;
      swapped[i] = swapped[i + 1] ?? 0;
      swapped[i + 1] = b;
    }
    return UTF16LE.decode(swapped);
  }
  const text = UTF8.decode(data);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
