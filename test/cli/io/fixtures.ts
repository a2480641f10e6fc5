/**
 * Byte-level fixtures for the workbook I/O tests: a stored-zip writer (to hand-write
 * SpreadsheetML the way other producers do), a Compound File (OLE) builder (for legacy .xls
 * and password-protected .xlsx containers), and a notice-like SheetModel.
 */
import type { CellModel, CellStyle, MergeModel, SheetModel } from "../../../src/core/sheet-model";

const CRC_TABLE: Uint32Array = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 as zip uses it. */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A zip with the given files, stored (no compression), UTF-8 names. With `zip64`, sizes and
 * offsets are written the way always-Zip64 writers do: 0xFFFFFFFF markers in the central
 * directory with the real values in a Zip64 extra field, and a Zip64 end record + locator.
 */
export function buildZip(
  files: readonly { name: string; data: string | Uint8Array }[],
  zip64 = false,
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, "utf8");
    const data = typeof f.data === "string" ? Buffer.from(f.data, "utf8") : Buffer.from(f.data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const extra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(data.length), 4);
      extra.writeBigUInt64LE(BigInt(data.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(zip64 ? 0xffffffff : data.length, 20);
    central.writeUInt32LE(zip64 ? 0xffffffff : data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name, extra);
    offset += local.length + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(zip64 ? 0xffff : files.length, 8);
  eocd.writeUInt16LE(zip64 ? 0xffff : files.length, 10);
  eocd.writeUInt32LE(zip64 ? 0xffffffff : cd.length, 12);
  eocd.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  if (!zip64) return Buffer.concat([...locals, cd, eocd]);
  const z64 = Buffer.alloc(56);
  z64.writeUInt32LE(0x06064b50, 0);
  z64.writeBigUInt64LE(44n, 4);
  z64.writeUInt16LE(45, 12);
  z64.writeUInt16LE(45, 14);
  z64.writeBigUInt64LE(BigInt(files.length), 24);
  z64.writeBigUInt64LE(BigInt(files.length), 32);
  z64.writeBigUInt64LE(BigInt(cd.length), 40);
  z64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([...locals, cd, z64, locator, eocd]);
}

/** One entry of a compound file to build. */
export interface CfbStream {
  readonly name: string;
  /** Stream content; padded to 4096 bytes so it lives in regular sectors, not the mini stream. */
  readonly data?: Uint8Array;
}

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;
const SECTOR = 512;

/**
 * A version-3 compound file (512-byte sectors) with the given streams under the root, laid
 * out as sector 0 = FAT, then the directory, then each stream's data. `freed` adds
 * unallocated directory slots that still hold a name, as a file with deleted streams does.
 */
export function buildCfb(streams: readonly CfbStream[], freed: readonly string[] = []): Buffer {
  const entries = 1 + streams.length + freed.length;
  const dirSectors = Math.ceil(entries / (SECTOR / 128));
  const dataSectors = streams.map((s) => Math.max(8, Math.ceil((s.data?.length ?? 0) / SECTOR)));
  const total = 1 + dirSectors + dataSectors.reduce((a, b) => a + b, 0);
  if (total > SECTOR / 4) throw new Error("fixture too big for one FAT sector");

  const fat = new Array<number>(SECTOR / 4).fill(FREESECT);
  fat[0] = FATSECT;
  for (let i = 0; i < dirSectors; i++) fat[1 + i] = i === dirSectors - 1 ? ENDOFCHAIN : 2 + i;
  const starts: number[] = [];
  let next = 1 + dirSectors;
  for (const n of dataSectors) {
    starts.push(next);
    for (let i = 0; i < n; i++) fat[next + i] = i === n - 1 ? ENDOFCHAIN : next + i + 1;
    next += n;
  }

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18); // minor version
  header.writeUInt16LE(0x0003, 0x1a); // major version 3
  header.writeUInt16LE(0xfffe, 0x1c); // byte order
  header.writeUInt16LE(9, 0x1e); // sector shift: 512
  header.writeUInt16LE(6, 0x20); // mini sector shift: 64
  header.writeUInt32LE(1, 0x2c); // number of FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38); // mini stream cutoff
  header.writeUInt32LE(ENDOFCHAIN, 0x3c); // first mini FAT sector
  header.writeUInt32LE(0, 0x40);
  header.writeUInt32LE(ENDOFCHAIN, 0x44); // first DIFAT sector
  header.writeUInt32LE(0, 0x48);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREESECT, 0x4c + 4 * i);

  const fatSector = Buffer.alloc(SECTOR);
  fat.forEach((v, i) => fatSector.writeUInt32LE(v >>> 0, 4 * i));

  const dir = Buffer.alloc(dirSectors * SECTOR);
  const writeEntry = (
    index: number,
    name: string,
    type: number,
    right: number,
    child: number,
    start: number,
    size: number,
  ): void => {
    const o = index * 128;
    const n = Buffer.from(`${name}\u0000`, "utf16le");
    n.copy(dir, o);
    dir.writeUInt16LE(n.length, o + 64);
    dir[o + 66] = type;
    dir[o + 67] = 1; // black
    dir.writeUInt32LE(NOSTREAM, o + 68); // left sibling
    dir.writeUInt32LE(right, o + 72);
    dir.writeUInt32LE(child, o + 76);
    dir.writeUInt32LE(start, o + 116);
    dir.writeUInt32LE(size, o + 120);
  };
  // Unused slots must read as empty (type 0, no siblings).
  for (let i = 0; i < dirSectors * 4; i++) {
    dir.writeUInt32LE(NOSTREAM, i * 128 + 68);
    dir.writeUInt32LE(NOSTREAM, i * 128 + 72);
    dir.writeUInt32LE(NOSTREAM, i * 128 + 76);
  }
  writeEntry(0, "Root Entry", 5, NOSTREAM, streams.length > 0 ? 1 : NOSTREAM, ENDOFCHAIN, 0);
  streams.forEach((s, i) => {
    const right = i + 1 < streams.length ? i + 2 : NOSTREAM;
    writeEntry(
      1 + i,
      s.name,
      2,
      right,
      NOSTREAM,
      starts[i] ?? ENDOFCHAIN,
      Math.max(4096, s.data?.length ?? 0),
    );
  });
  freed.forEach((name, i) => {
    // A freed slot keeps its old name bytes but its type is 0 (unallocated).
    writeEntry(1 + streams.length + i, name, 0, NOSTREAM, NOSTREAM, 0, 0);
  });

  const data = streams.map((s, i) => {
    const b = Buffer.alloc((dataSectors[i] ?? 8) * SECTOR);
    if (s.data) Buffer.from(s.data).copy(b);
    return b;
  });
  return Buffer.concat([header, fatSector, dir, ...data]);
}

const NOTICE_STYLES: Record<string, CellStyle> = {
  parent: { font: { size: 12 }, align: "center" },
  issuer: { font: { size: 12, bold: true }, align: "center", bottomRule: true },
  nation: { font: { size: 12, bold: true }, align: "center" },
  motto: { font: { size: 13, bold: true }, align: "center", bottomRule: true },
  date: { font: { size: 13, italic: true }, align: "center" },
  title: { font: { size: 14, bold: true }, align: "center", wrap: true },
  body: { font: { size: 13 }, align: "justify", wrap: true, valign: "top" },
  th: {
    font: { size: 13, bold: true },
    align: "center",
    valign: "middle",
    wrap: true,
    border: true,
    fill: "D9E1F2",
  },
  td: { font: { size: 13 }, border: true, valign: "middle", wrap: true },
  tdNum: { font: { size: 13 }, border: true, align: "center", numberFormat: "0" },
  recipients: { font: { size: 12, bold: true, italic: true } },
  small: { font: { size: 11 } },
  signer: { font: { size: 13, bold: true }, align: "center" },
};

/**
 * A notice like seed 000 (header block, "Kính gửi", a 12-unit score table, recipients and
 * signature), on A4 portrait with Nghị định 30 margins, fitted to one page wide.
 */
export function noticeModel(name = "Thông báo"): SheetModel {
  const cells: CellModel[] = [];
  const merges: MergeModel[] = [];
  const put = (row: number, col: number, value: CellModel["value"], style?: string): void => {
    cells.push(style === undefined ? { row, col, value } : { row, col, value, style });
  };
  const span = (row: number, c1: number, c2: number, value: string, style: string): void => {
    put(row, c1, value, style);
    merges.push({ r1: row, c1, r2: row, c2 });
  };
  span(0, 0, 1, "CỤM THI ĐUA SỐ 2", "parent");
  span(0, 2, 4, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "nation");
  span(1, 0, 1, "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "issuer");
  span(1, 2, 4, "Độc lập - Tự do - Hạnh phúc", "motto");
  span(2, 0, 1, "Số:      /CTĐ2", "parent");
  span(2, 2, 4, "Lào Cai, ngày      tháng 12 năm 2022", "date");
  span(4, 0, 4, "THÔNG BÁO\nKết quả chấm điểm thi đua năm 2022", "title");
  span(6, 0, 4, "Kính gửi: Các đơn vị thành viên Cụm thi đua số 2.", "body");
  const header = ["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định", "Xếp loại"];
  header.forEach((h, c) => put(8, c, h, "th"));
  const units = [
    "Sở TT&TT Điện Biên",
    "Sở TT&TT Hà Giang",
    "Sở TT&TT Lai Châu",
    "Sở TT&TT Lạng Sơn",
    "Sở TT&TT Lào Cai",
    "Sở TT&TT Sơn La",
    "Sở TT&TT Tuyên Quang",
    "Sở TT&TT Yên Bái",
    "Sở TT&TT Cao Bằng",
    "Sở TT&TT Bắc Kạn",
    "Sở TT&TT Thái Nguyên",
    "Sở TT&TT Phú Thọ",
  ];
  units.forEach((u, i) => {
    const r = 9 + i;
    put(r, 0, i + 1, "tdNum");
    put(r, 1, u, "td");
    put(r, 2, 995 - i * 5, "tdNum");
    put(r, 3, 980 - i * 5, "tdNum");
    put(r, 4, "Xuất sắc", "td");
  });
  const end = 9 + units.length;
  span(
    end + 1,
    0,
    4,
    "Cụm thi đua số 2 thông báo để các đơn vị biết, làm căn cứ đề nghị khen thưởng./.",
    "body",
  );
  put(end + 3, 0, "Nơi nhận:", "recipients");
  put(end + 4, 0, "- Như trên;", "small");
  put(end + 5, 0, "- Lưu: VT, CTĐ2.", "small");
  span(end + 3, 3, 4, "TM. CỤM THI ĐUA SỐ 2", "signer");
  span(end + 4, 3, 4, "CỤM TRƯỞNG", "signer");
  span(end + 9, 3, 4, "Nguyễn Văn A", "signer");
  return {
    name,
    columnWidths: [6, 34, 12, 14, 14],
    rowHeights: { 4: 40, 8: 36 },
    cells,
    merges,
    styles: NOTICE_STYLES,
    page: {
      paper: "A4",
      orientation: "portrait",
      marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
      fitToWidth: true,
      printTitleRows: { from: 8, to: 8 },
      printArea: { r1: 0, c1: 0, r2: end + 9, c2: 4 },
      centerHorizontally: true,
    },
    defaultFont: { name: "Times New Roman", size: 13 },
    showGridLines: false,
    freezeRows: 9,
  };
}

/**
 * The parts of a minimal one-sheet .xlsx ("Trang 1") around the given worksheet XML, for
 * building packages byte by byte with `buildZip`.
 */
export function minimalXlsxParts(
  sheetXml: string | Uint8Array,
  sharedStringsXml?: string,
): { name: string; data: string | Uint8Array }[] {
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const parts: { name: string; data: string | Uint8Array }[] = [
    {
      name: "_rels/.rels",
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data: `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="Trang 1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    { name: "xl/worksheets/sheet1.xml", data: sheetXml },
  ];
  if (sharedStringsXml !== undefined) parts.push({ name: "xl/sharedStrings.xml", data: sharedStringsXml });
  return parts;
}
