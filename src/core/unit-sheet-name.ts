/**
 * A unit's sheet name within Excel's limits (31 characters, none of : \ / ? * [ ], no apostrophe
 * at either end, unique without regard to case) that a person still recognises: cut at 31
 * characters, "Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế" became "Sở Thông tin và
 * Truyền thông tỉ". The full name stays inside the sheet (its "Đơn vị:" line).
 */

const LIMIT = 31;

/** A phrase as a whole-word, case-insensitive pattern (`\\b` knows no Vietnamese letters). */
const phrase = (body: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "giu");

/** The usual administrative abbreviations (as the units write them in their own letters). */
const ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [phrase("thông\\s+tin\\s*(?:và|&)\\s*truyền\\s+thông"), "TT&TT"],
  [phrase("(?:ủy|uỷ|ủ)\\s+ban\\s+nhân\\s+dân"), "UBND"],
  [phrase("văn\\s+h(?:óa|oá),?\\s*thể\\s+thao\\s*(?:và|&)\\s*du\\s+lịch"), "VH,TT&DL"],
  [phrase("khoa\\s+học\\s*(?:và|&)\\s*công\\s+nghệ"), "KH&CN"],
  [phrase("kế\\s+hoạch\\s*(?:và|&)\\s*đầu\\s+tư"), "KH&ĐT"],
  [phrase("tài\\s+nguyên\\s*(?:và|&)\\s*môi\\s+trường"), "TN&MT"],
  [phrase("giáo\\s+dục\\s*(?:và|&)\\s*đào\\s+tạo"), "GD&ĐT"],
  [phrase("lao\\s+động,?\\s*thương\\s+binh\\s*(?:và|&)\\s*xã\\s+hội"), "LĐ-TB&XH"],
  [phrase("nông\\s+nghiệp\\s*(?:và|&)\\s*phát\\s+triển\\s+nông\\s+thôn"), "NN&PTNT"],
  [phrase("nông\\s+nghiệp\\s*(?:và|&)\\s*môi\\s+trường"), "NN&MT"],
  [phrase("giao\\s+thông\\s+vận\\s+tải"), "GTVT"],
  [phrase("thành\\s+phố"), "TP"],
];

const spaced = (s: string): string => s.replace(/\s+/g, " ").trim();

/** Without Excel's forbidden characters and the apostrophes it refuses at either end. */
function clean(s: string): string {
  return spaced(s.normalize("NFC").replace(/[:\\/?*[\]]/g, " "))
    .replace(/^'+|'+$/g, "")
    .trim();
}

/** The name shortened the way staff shorten it, step by step until it fits. */
function shorten(name: string, limit: number): string {
  if (name.length <= limit) return name;
  let s = name;
  for (const [re, abbr] of ABBREVIATIONS) s = s.replace(re, abbr);
  // "tỉnh" only introduces the place after a department (Sở TT&TT tỉnh Huế = Sở TT&TT Huế);
  // after UBND it is the level of government and stays.
  s = spaced(s.replace(/(?<!UBND\s)(?<![\p{L}\p{N}])tỉnh\s+/giu, ""));
  if (s.length <= limit) return s;
  s = spaced(s.replace(/^sở\s+/iu, ""));
  if (s.length <= limit) return s;
  return cutAtWord(s, limit);
}

/** At most `limit` characters, ending at a whole word with "…". */
function cutAtWord(s: string, limit: number): string {
  if (s.length <= limit) return s;
  const room = s.slice(0, limit - 1);
  const space = room.lastIndexOf(" ");
  const head = (space > 0 ? room.slice(0, space) : room).replace(/[\s,;:&-]+$/u, "");
  return `${head}…`;
}

/**
 * A sheet name for a unit: its short name from the member list when given, else its name, cleaned
 * of what Excel forbids and, when longer than 31 characters, shortened readably (the usual
 * abbreviations — TT&TT, UBND, TP … —, "tỉnh" and then "Sở" dropped, at last cut at a word with
 * "…"); then made unique among `taken` with " (2)", " (3)" … kept inside the limit.
 * @example unitSheetName("Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế") //=> "Sở TT&TT Thừa Thiên Huế"
 * @example unitSheetName("Sở A", ["Sở A"]) //=> "Sở A (2)"
 */
export function unitSheetName(unit: string, taken: readonly string[] = [], short?: string): string {
  const given = clean(short ?? "") || clean(unit);
  const base = clean(shorten(given, LIMIT)) || "Đơn vị";
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const n = `${clean(shorten(given, LIMIT - suffix.length)) || "Đơn vị"}${suffix}`;
    if (!lower.has(n.toLowerCase())) return n;
  }
}
