/**
 * A minimal, synchronous reader for the zip container of an .xlsx, built on node:zlib.
 * It exists (rather than going through exceljs) so the CLI can tell a truncated download from
 * a damaged file before any parsing starts, and so values can be read without exceljs's
 * per-cell object model, which is what makes a 100,000-row sheet slow.
 */
import * as zlib from "node:zlib";

/** Why a buffer could not be read as a zip: cut short, internally inconsistent, or a feature we do not read. */
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
  readonly buffer: Buffer;
  readonly entries: ReadonlyMap<string, ZipEntry>;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;

function u64(buf: Buffer, at: number): number {
  // Sizes in an .xlsx stay far below 2^53, so a plain number is exact.
  return Number(buf.readBigUInt64LE(at));
}

/** Finds the end-of-central-directory record; a zip that lost its tail has none. */
function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD) return i;
  }
  return -1;
}

/**
 * Reads the central directory of a zip held in memory.
 * @throws ZipFormatError when the zip is truncated, inconsistent or uses an unsupported feature.
 */
export function openZip(buf: Buffer): ZipArchive {
  if (buf.length < 22) throw new ZipFormatError("truncated", `only ${buf.length} bytes`);
  const eocd = findEocd(buf);
  if (eocd < 0) throw new ZipFormatError("truncated", "no end-of-central-directory record (file cut short)");

  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // Some writers always emit Zip64 records; the real values live in the Zip64 EOCD.
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== SIG_ZIP64_LOCATOR) {
      throw new ZipFormatError("corrupt", "Zip64 markers without a Zip64 locator");
    }
    const z = u64(buf, loc + 8);
    if (z + 56 > buf.length || buf.readUInt32LE(z) !== SIG_ZIP64_EOCD) {
      throw new ZipFormatError("corrupt", "bad Zip64 end-of-central-directory record");
    }
    count = u64(buf, z + 32);
    cdSize = u64(buf, z + 40);
    cdOffset = u64(buf, z + 48);
  }
  if (cdOffset + cdSize > buf.length) {
    throw new ZipFormatError("truncated", "central directory lies beyond the end of the file");
  }

  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CENTRAL) {
      throw new ZipFormatError("corrupt", `central directory entry ${i} is damaged`);
    }
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc32 = buf.readUInt32LE(p + 16);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    const nameBytes = buf.subarray(p + 46, p + 46 + nameLen);
    // Bit 11 marks UTF-8 names; otherwise CP437, which for OPC part names (ASCII) reads the same as latin1.
    const name = nameBytes.toString(flags & 0x800 ? "utf8" : "latin1");
    // Zip64 extra field: only the fields that overflowed are present, in this fixed order.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = buf.readUInt16LE(e);
      const size = buf.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + size) {
          uncompressedSize = u64(buf, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + size) {
          compressedSize = u64(buf, q);
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff && q + 8 <= e + 4 + size) {
          localHeaderOffset = u64(buf, q);
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
  return { buffer: buf, entries };
}

/** The entry of a part, looked up case-insensitively; undefined when absent. */
export function findEntry(zip: ZipArchive, partName: string): ZipEntry | undefined {
  return zip.entries.get(partName.replace(/^\/+/, "").toLowerCase());
}

/**
 * The uncompressed bytes of one entry.
 * @throws ZipFormatError when the data is cut short, damaged or compressed in a way we do not read.
 */
export function readEntry(zip: ZipArchive, entry: ZipEntry): Buffer {
  const buf = zip.buffer;
  const h = entry.localHeaderOffset;
  if (h + 30 > buf.length) throw new ZipFormatError("truncated", `${entry.name}: header beyond end of file`);
  if (buf.readUInt32LE(h) !== SIG_LOCAL)
    throw new ZipFormatError("corrupt", `${entry.name}: bad local header`);
  if (entry.flags & 0x1) throw new ZipFormatError("unsupported", `${entry.name}: zip-level encryption`);
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipFormatError("truncated", `${entry.name}: data beyond end of file`);
  const raw = buf.subarray(start, end);
  let data: Buffer;
  if (entry.method === 0) {
    data = raw;
  } else if (entry.method === 8) {
    try {
      data = zlib.inflateRawSync(raw);
    } catch (err) {
      throw new ZipFormatError("corrupt", `${entry.name}: ${(err as Error).message}`);
    }
  } else {
    throw new ZipFormatError("unsupported", `${entry.name}: compression method ${entry.method}`);
  }
  if (data.length !== entry.uncompressedSize || crc32(data) !== entry.crc32) {
    throw new ZipFormatError("corrupt", `${entry.name}: checksum mismatch (damaged data)`);
  }
  return data;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (zip's polynomial): node:zlib's native one where this Node has it (≥ 20.15), else the table. */
function crc32(data: Uint8Array): number {
  const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
  return typeof native === "function" ? native(data) >>> 0 : crc32Portable(data);
}

/** Table-driven CRC-32 for Node versions without `zlib.crc32`; exported so tests can check it. */
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
 * the XML spec allows and a few generators use).
 */
export function readEntryText(zip: ZipArchive, entry: ZipEntry): string {
  const data = readEntry(zip, entry);
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return data.subarray(2).toString("utf16le");
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) {
    const swapped = Buffer.from(data.subarray(2, 2 + ((data.length - 2) & ~1)));
    swapped.swap16();
    return swapped.toString("utf16le");
  }
  const text = data.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
