/**
 * Deterministic benchmark data: a cluster's summary sheet as staff keep it (title rows, then
 * `STT | Đơn vị | Điểm tự chấm | Điểm chấm thẩm định | Xếp loại`), with real Vietnamese unit
 * names made unique by numbering, and 1000-point integer scores bunched the way real scores are
 * (most units between 800 and 1000, so ties are everywhere).
 */
import { unitKey, type CellValue } from "../../src/core";

/** mulberry32: small, fast, seeded. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = ["Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hồ Chí Minh"];
const PROVINCES = [
  ...CITIES,
  "Hà Giang",
  "Cao Bằng",
  "Bắc Kạn",
  "Tuyên Quang",
  "Lào Cai",
  "Điện Biên",
  "Lai Châu",
  "Sơn La",
  "Yên Bái",
  "Hòa Bình",
  "Thái Nguyên",
  "Lạng Sơn",
  "Quảng Ninh",
  "Bắc Giang",
  "Phú Thọ",
  "Vĩnh Phúc",
  "Bắc Ninh",
  "Hải Dương",
  "Hưng Yên",
  "Thái Bình",
  "Hà Nam",
  "Nam Định",
  "Ninh Bình",
  "Thanh Hóa",
  "Nghệ An",
  "Hà Tĩnh",
  "Quảng Bình",
  "Quảng Trị",
  "Thừa Thiên Huế",
  "Quảng Nam",
  "Quảng Ngãi",
  "Bình Định",
  "Phú Yên",
  "Khánh Hòa",
  "Ninh Thuận",
  "Bình Thuận",
  "Kon Tum",
  "Gia Lai",
  "Đắk Lắk",
  "Đắk Nông",
  "Lâm Đồng",
  "Bình Phước",
  "Tây Ninh",
  "Bình Dương",
  "Đồng Nai",
  "Bà Rịa - Vũng Tàu",
  "Long An",
  "Tiền Giang",
  "Bến Tre",
  "Trà Vinh",
  "Vĩnh Long",
  "Đồng Tháp",
  "An Giang",
  "Kiên Giang",
  "Hậu Giang",
  "Sóc Trăng",
  "Bạc Liêu",
  "Cà Mau",
];
/** [level, name]: real district-level units, names unique across the list. */
const DISTRICTS: readonly (readonly [string, string])[] = [
  ["huyện", "Mường Nhé"],
  ["huyện", "Điện Biên Đông"],
  ["huyện", "Tủa Chùa"],
  ["huyện", "Mường Chà"],
  ["huyện", "Bảo Thắng"],
  ["huyện", "Bát Xát"],
  ["thị xã", "Sa Pa"],
  ["huyện", "Bảo Lạc"],
  ["huyện", "Hà Quảng"],
  ["huyện", "Trùng Khánh"],
  ["huyện", "Ba Bể"],
  ["huyện", "Chợ Đồn"],
  ["huyện", "Na Hang"],
  ["huyện", "Lâm Bình"],
  ["huyện", "Mộc Châu"],
  ["huyện", "Thuận Châu"],
  ["huyện", "Văn Chấn"],
  ["huyện", "Mai Châu"],
  ["huyện", "Đại Từ"],
  ["huyện", "Định Hóa"],
  ["huyện", "Cao Lộc"],
  ["huyện", "Tràng Định"],
  ["huyện", "Vân Đồn"],
  ["huyện", "Cô Tô"],
  ["huyện", "Lục Ngạn"],
  ["huyện", "Yên Thế"],
  ["huyện", "Thanh Sơn"],
  ["huyện", "Tam Đảo"],
  ["huyện", "Gia Bình"],
  ["huyện", "Ninh Giang"],
  ["huyện", "Văn Lâm"],
  ["huyện", "Kiến Xương"],
  ["huyện", "Lý Nhân"],
  ["huyện", "Hải Hậu"],
  ["huyện", "Kim Sơn"],
  ["huyện", "Nga Sơn"],
  ["huyện", "Quỳnh Lưu"],
  ["huyện", "Kỳ Anh"],
  ["huyện", "Bố Trạch"],
  ["huyện", "Hướng Hóa"],
  ["huyện", "Phú Vang"],
  ["huyện", "Duy Xuyên"],
  ["huyện", "Lý Sơn"],
  ["huyện", "Hoài Nhơn"],
  ["huyện", "Tuy An"],
  ["huyện", "Vạn Ninh"],
  ["huyện", "Ninh Hải"],
  ["huyện", "Tuy Phong"],
  ["huyện", "Đắk Glei"],
  ["huyện", "Chư Păh"],
  ["huyện", "Krông Bông"],
  ["huyện", "Đắk Mil"],
  ["huyện", "Di Linh"],
  ["huyện", "Bù Đăng"],
  ["huyện", "Gò Dầu"],
  ["huyện", "Dầu Tiếng"],
  ["huyện", "Vĩnh Cửu"],
  ["huyện", "Côn Đảo"],
  ["huyện", "Cần Giuộc"],
  ["huyện", "Cái Bè"],
  ["huyện", "Mỏ Cày Nam"],
  ["huyện", "Cầu Kè"],
  ["huyện", "Trà Ôn"],
  ["huyện", "Tháp Mười"],
  ["huyện", "Tịnh Biên"],
  ["huyện", "Phú Quốc"],
  ["huyện", "Phụng Hiệp"],
  ["huyện", "Mỹ Xuyên"],
  ["huyện", "Hồng Dân"],
  ["huyện", "Năm Căn"],
  ["huyện", "Ngọc Hiển"],
  ["thị xã", "Sơn Tây"],
  ["thị xã", "Quảng Yên"],
  ["thị xã", "Hương Thủy"],
  ["thị xã", "Ninh Hòa"],
  ["thành phố", "Điện Biên Phủ"],
  ["thành phố", "Cao Bằng"],
  ["thành phố", "Móng Cái"],
  ["thành phố", "Hội An"],
  ["thành phố", "Tuy Hòa"],
  ["thành phố", "Bảo Lộc"],
  ["quận", "Hoàn Kiếm"],
  ["quận", "Ba Đình"],
  ["quận", "Hải Châu"],
  ["quận", "Ninh Kiều"],
  ["quận", "Lê Chân"],
];
const DEPARTMENTS = [
  "Tài chính",
  "Kế hoạch và Đầu tư",
  "Tư pháp",
  "Nội vụ",
  "Xây dựng",
  "Giao thông vận tải",
  "Y tế",
  "Giáo dục và Đào tạo",
  "Công Thương",
  "Nông nghiệp và Phát triển nông thôn",
  "Tài nguyên và Môi trường",
  "Lao động - Thương binh và Xã hội",
  "Văn hóa, Thể thao và Du lịch",
  "Khoa học và Công nghệ",
  "Thông tin và Truyền thông",
  "Ngoại vụ",
];
const OFFICES = [
  "Tài chính - Kế hoạch",
  "Nội vụ",
  "Tư pháp",
  "Giáo dục và Đào tạo",
  "Văn hóa và Thông tin",
  "Y tế",
  "Tài nguyên và Môi trường",
  "Lao động - Thương binh và Xã hội",
  "Kinh tế và Hạ tầng",
  "Nông nghiệp và Phát triển nông thôn",
];
/** Numbered units, as they really exist ("Trường THCS số 2", "Đội Quản lý thị trường số 5"). */
const NUMBERED: readonly ((k: number, d: readonly [string, string], p: string) => string)[] = [
  (k, [lv, d]) => `Trường Tiểu học số ${k} ${lv} ${d}`,
  (k, [lv, d]) => `Trường THCS số ${k} ${lv} ${d}`,
  (k, _d, p) => `Đội Quản lý thị trường số ${k} ${CITIES.includes(p) ? "thành phố" : "tỉnh"} ${p}`,
  (k, [lv, d]) => `Trạm Y tế số ${k} ${lv} ${d}`,
];

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

/** A standard normal deviate (Box–Muller). */
function gauss(rnd: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

export interface BenchUnit {
  readonly name: string;
  readonly self: number;
  readonly verified: number;
}

/**
 * n units with unique names (unique under the engine's own name matching, `unitKey`) and scores.
 * Self-scores ~ N(880, 60) clamped to 0..1000 with a 3 % tail spread over 0..800; inspectors
 * keep 45 % of self-scores and lower the rest by up to ~60 points (never raise them).
 */
export function generateUnits(n: number, seed = 2024): BenchUnit[] {
  const rnd = prng(seed);
  const keys = new Set<string>();
  const counters = new Map<string, number>();
  const units: BenchUnit[] = [];
  while (units.length < n) {
    const province = pick(rnd, PROVINCES);
    const district = pick(rnd, DISTRICTS);
    const t = rnd();
    let name: string;
    if (t < 0.3) {
      name = `Sở ${pick(rnd, DEPARTMENTS)} ${CITIES.includes(province) ? "thành phố" : "tỉnh"} ${province}`;
    } else if (t < 0.4) {
      name = `UBND ${district[0]} ${district[1]}`;
    } else if (t < 0.7) {
      name = `Phòng ${pick(rnd, OFFICES)} ${district[0]} ${district[1]}`;
    } else {
      name = "";
    }
    if (name === "" || keys.has(unitKey(name))) {
      const kind = Math.floor(rnd() * NUMBERED.length);
      // The counter follows what the name shows: the district, or the province for kind 2.
      const place = kind === 2 ? `${kind}|${province}` : `${kind}|${district[0]} ${district[1]}`;
      const k = (counters.get(place) ?? 0) + 1;
      counters.set(place, k);
      name = (NUMBERED[kind] as (typeof NUMBERED)[number])(k, district, province);
      if (keys.has(unitKey(name))) continue;
    }
    keys.add(unitKey(name));
    const self =
      rnd() < 0.03 ? Math.floor(rnd() * 800) : Math.max(0, Math.min(1000, Math.round(880 + 60 * gauss(rnd))));
    const verified = rnd() < 0.45 ? self : Math.max(0, self - Math.round(Math.abs(gauss(rnd)) * 30));
    units.push({ name, self, verified });
  }
  return units;
}

export const SHEET_NAME = "Tổng hợp điểm";
export const HEADER = ["STT", "Đơn vị", "Điểm tự chấm", "Điểm chấm thẩm định", "Xếp loại"] as const;
/** Rows above the header: the letter's title block. */
export const TITLE_ROWS = 4;

/** The summary sheet as a grid (title rows, header, one row per unit, Xếp loại left blank). */
export function summaryGrid(units: readonly BenchUnit[]): CellValue[][] {
  const grid: CellValue[][] = [
    ["CỤM THI ĐUA SỐ 2", null, null, null, null],
    ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2024", null, null, null, null],
    ["(Kèm theo Biên bản họp Cụm thi đua ngày 15/12/2024)", null, null, null, null],
    [null, null, null, null, null],
    [...HEADER],
  ];
  units.forEach((u, i) => grid.push([i + 1, u.name, u.self, u.verified, ""]));
  return grid;
}

/** Merged title cells, as the sheet has them. */
export const TITLE_MERGES = ["A1:E1", "A2:E2", "A3:E3"];
