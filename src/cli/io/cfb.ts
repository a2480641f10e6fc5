/**
 * Just enough of the Compound File Binary format (MS-CFB, the "OLE" container) to list the
 * names in its directory. Two very different files share this container and the magic
 * D0 CF 11 E0: a legacy .xls (a "Workbook" or "Book" stream) and a password-protected .xlsx
 * (an "EncryptionInfo" + "EncryptedPackage" pair). Only the directory tells them apart, and
 * the user must be told different things (save as .xlsx vs. remove the password).
 */

/** The 8-byte signature every compound file starts with. */
export const CFB_MAGIC: readonly number[] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Thrown when a compound file cannot be walked; `problem` distinguishes cut-short from damaged. */
export class CfbFormatError extends Error {
  /** "truncated" when a sector lies past the end of the file, else "corrupt". */
  readonly problem: "truncated" | "corrupt";
  constructor(problem: "truncated" | "corrupt", message: string) {
    super(message);
    this.name = "CfbFormatError";
    this.problem = problem;
  }
}

/** True when the buffer starts with the compound-file signature. */
export function isCfb(buf: Uint8Array): boolean {
  if (buf.length < CFB_MAGIC.length) return false;
  return CFB_MAGIC.every((b, i) => buf[i] === b);
}

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const HEADER_DIFAT_SLOTS = 109;
/** Directory entry object types that name something real (storage, stream, root). */
const LIVE_TYPES = new Set([1, 2, 5]);

/**
 * The names of all live entries (storages and streams, plus the root) in a compound file's
 * directory, in directory order. Unallocated slots are skipped, so a name left behind in a
 * freed slot, or a name that merely appears inside some stream's data, does not count.
 * @throws CfbFormatError when the header, FAT or directory chain is out of bounds or loops.
 */
export function cfbEntryNames(buf: Buffer): string[] {
  if (!isCfb(buf)) throw new CfbFormatError("corrupt", "not a compound file");
  if (buf.length < 512) throw new CfbFormatError("truncated", "header cut short");
  const sectorShift = buf.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) {
    throw new CfbFormatError("corrupt", `unexpected sector shift ${sectorShift}`);
  }
  const sectorSize = 1 << sectorShift;
  const numFatSectors = buf.readUInt32LE(0x2c);
  const firstDirSector = buf.readUInt32LE(0x30);
  let difatSector = buf.readUInt32LE(0x44);
  const numDifatSectors = buf.readUInt32LE(0x48);
  // Any chain longer than the number of sectors the file could hold must be a loop.
  const maxSectors = Math.ceil(buf.length / sectorSize) + 1;

  const sectorAt = (s: number): Buffer => {
    const off = (s + 1) * sectorSize;
    if (s >= 0xfffffffa || off + sectorSize > buf.length) {
      throw new CfbFormatError("truncated", `sector ${s} lies beyond the end of the file`);
    }
    return buf.subarray(off, off + sectorSize);
  };

  // The FAT's own sectors are listed in the header (first 109) and then in a DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_SLOTS && fatSectors.length < numFatSectors; i++) {
    const s = buf.readUInt32LE(0x4c + 4 * i);
    if (s !== FREESECT) fatSectors.push(s);
  }
  const perDifat = sectorSize / 4 - 1;
  for (
    let n = 0;
    n < numDifatSectors && difatSector !== ENDOFCHAIN && fatSectors.length < numFatSectors;
    n++
  ) {
    if (n > maxSectors) throw new CfbFormatError("corrupt", "DIFAT chain loops");
    const sec = sectorAt(difatSector);
    for (let i = 0; i < perDifat && fatSectors.length < numFatSectors; i++) {
      const s = sec.readUInt32LE(4 * i);
      if (s !== FREESECT) fatSectors.push(s);
    }
    difatSector = sec.readUInt32LE(4 * perDifat);
  }
  const fat: number[] = [];
  for (const s of fatSectors) {
    const sec = sectorAt(s);
    for (let i = 0; i < sectorSize; i += 4) fat.push(sec.readUInt32LE(i));
  }

  const names: string[] = [];
  let s = firstDirSector;
  for (let n = 0; s !== ENDOFCHAIN; n++) {
    if (n > maxSectors) throw new CfbFormatError("corrupt", "directory chain loops");
    const sec = sectorAt(s);
    for (let off = 0; off + 128 <= sectorSize; off += 128) {
      const nameLen = sec.readUInt16LE(off + 64);
      const type = sec[off + 66] ?? 0;
      // nameLen counts bytes including the UTF-16 terminator; at most 32 characters.
      if (!LIVE_TYPES.has(type) || nameLen < 2 || nameLen > 64) continue;
      names.push(sec.toString("utf16le", off, off + nameLen - 2));
    }
    const next = fat[s];
    if (next === undefined) throw new CfbFormatError("corrupt", `sector ${s} is not in the FAT`);
    s = next;
  }
  return names;
}
