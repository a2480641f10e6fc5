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

/** True when the bytes start with the compound-file signature. */
export function isCfb(bytes: Uint8Array): boolean {
  if (bytes.length < CFB_MAGIC.length) return false;
  return CFB_MAGIC.every((b, i) => bytes[i] === b);
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
export function cfbEntryNames(bytes: Uint8Array): string[] {
  if (!isCfb(bytes)) throw new CfbFormatError("corrupt", "not a compound file");
  if (bytes.length < 512) throw new CfbFormatError("truncated", "header cut short");
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number): number => dv.getUint32(at, true);
  const sectorShift = dv.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) {
    throw new CfbFormatError("corrupt", `unexpected sector shift ${sectorShift}`);
  }
  const sectorSize = 1 << sectorShift;
  const numFatSectors = u32(0x2c);
  const firstDirSector = u32(0x30);
  let difatSector = u32(0x44);
  const numDifatSectors = u32(0x48);
  // Any chain longer than the number of sectors the file could hold must be a loop.
  const maxSectors = Math.ceil(bytes.length / sectorSize) + 1;

  /** The file offset of sector `s`, once it is known to lie wholly inside the file. */
  const sectorAt = (s: number): number => {
    const off = (s + 1) * sectorSize;
    if (s >= 0xfffffffa || off + sectorSize > bytes.length) {
      throw new CfbFormatError("truncated", `sector ${s} lies beyond the end of the file`);
    }
    return off;
  };

  // The FAT's own sectors are listed in the header (first 109) and then in a DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_SLOTS && fatSectors.length < numFatSectors; i++) {
    const s = u32(0x4c + 4 * i);
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
      const s = u32(sec + 4 * i);
      if (s !== FREESECT) fatSectors.push(s);
    }
    difatSector = u32(sec + 4 * perDifat);
  }
  const fat: number[] = [];
  for (const s of fatSectors) {
    const sec = sectorAt(s);
    for (let i = 0; i < sectorSize; i += 4) fat.push(u32(sec + i));
  }

  const names: string[] = [];
  let s = firstDirSector;
  for (let n = 0; s !== ENDOFCHAIN; n++) {
    if (n > maxSectors) throw new CfbFormatError("corrupt", "directory chain loops");
    const sec = sectorAt(s);
    for (let off = sec; off + 128 <= sec + sectorSize; off += 128) {
      const nameLen = dv.getUint16(off + 64, true);
      const type = bytes[off + 66] ?? 0;
      // nameLen counts bytes including the UTF-16 terminator; at most 32 characters.
      if (!LIVE_TYPES.has(type) || nameLen < 2 || nameLen > 64) continue;
      names.push(utf16leName(dv, off, off + nameLen - 2));
    }
    const next = fat[s];
    if (next === undefined) throw new CfbFormatError("corrupt", `sector ${s} is not in the FAT`);
    s = next;
  }
  return names;
}

/** UTF-16LE code units from `start` to `end` as a string; an odd last byte is ignored. */
function utf16leName(dv: DataView, start: number, end: number): string {
  let name = "";
  for (let i = start; i + 1 < end; i += 2) name += String.fromCharCode(dv.getUint16(i, true));
  return name;
}
