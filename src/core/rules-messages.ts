import type { z } from "zod";
import { rulesSchema } from "./rules-schema";
import type { Lang } from "./types";

/**
 * Rules problems in the user's words: every problem of a rules object (a JSON file given to the
 * CLI's --rules, the pane's Rules form) as one message naming the field, 1-based, in Vietnamese
 * or English ("Mức 2 – Từ điểm phải là một số."), never the schema's own text. The pane shows
 * each message on its field; the CLI lists them. One table serves both.
 *
 * Beyond the schema, two problems a form makes easy and the schema cannot see: a band whose
 * minimum is above the maximum score (no unit can reach it), and an award whose minimum class
 * is no longer among the bands (checked even while other fields are still wrong).
 */

/** One problem: the field's path ("bands.1.min", as the schema names it) and the message. */
export interface RulesProblem {
  readonly path: string;
  readonly message: string;
}

type Words = Readonly<Record<Lang, string>>;
type Kind = "number" | "positive" | "integer" | "nonNegative" | "share" | "empty" | "choice" | "invalid";

const FIELDS: Readonly<Record<string, Words>> = {
  maxScore: { vi: "Điểm tối đa", en: "Maximum score" },
  "bands.min": { vi: "Từ điểm", en: "From score" },
  "bands.label": { vi: "Xếp loại", en: "Class" },
  "awards.label": { vi: "Tên danh hiệu", en: "Award name" },
  "awards.count": { vi: "Số lượng", en: "Number" },
  "awards.share": { vi: "Số lượng (tỉ lệ)", en: "Number (share)" },
  "awards.minBand": { vi: "Xếp loại tối thiểu", en: "Lowest class" },
  "awards.allowVeto": { vi: "Cho đơn vị vi phạm", en: "Allow vetoed units" },
  vetoLabel: { vi: "Xếp loại khi vi phạm", en: "Class when vetoed" },
  tieBreak: { vi: "Tiêu chí tách đồng hạng", en: "Tie-break" },
  verifiedAboveSelf: { vi: "Điểm thẩm định cao hơn tự chấm", en: "Verified above self" },
  sheet: { vi: "Trang bảng điểm", en: "Score sheet" },
  name: { vi: "Tên bộ quy tắc", en: "Rules name" },
  vote: { vi: "Biểu quyết", en: "Vote" },
  "vote.share": { vi: "Biểu quyết – Tỷ lệ", en: "Vote – Share" },
  "vote.strict": { vi: "Biểu quyết – So sánh", en: "Vote – Comparison" },
  "vote.base": { vi: "Biểu quyết – Tính trên", en: "Vote – Of" },
};

const ITEMS: Readonly<Record<string, Words>> = {
  bands: { vi: "Mức", en: "Band" },
  awards: { vi: "Danh hiệu", en: "Award" },
  tieBreak: { vi: "Tiêu chí", en: "Criterion" },
};

const KINDS: Readonly<Record<Kind, Words>> = {
  number: { vi: "phải là một số", en: "must be a number" },
  positive: { vi: "phải là một số lớn hơn 0", en: "must be a number above 0" },
  integer: { vi: "phải là một số nguyên", en: "must be a whole number" },
  nonNegative: { vi: "không được âm", en: "cannot be negative" },
  share: { vi: "phải từ 0% đến 100%", en: "must be from 0% to 100%" },
  empty: { vi: "không được để trống", en: "cannot be empty" },
  choice: { vi: "không phải là một lựa chọn có sẵn", en: "is not one of the choices" },
  invalid: { vi: "không hợp lệ", en: "is not valid" },
};

const MSG = {
  noBands: {
    vi: "Cần ít nhất một mức xếp loại.",
    en: "At least one band is needed.",
  },
  duplicate: {
    vi: (b: string) => `${b} – Từ điểm trùng với một mức khác.`,
    en: (b: string) => `${b} – From score is the same as another band's.`,
  },
  unreachable: {
    vi: (b: string, min: number, max: number) =>
      `${b} – Từ điểm ${min} cao hơn điểm tối đa ${max}: không đơn vị nào đạt được.`,
    en: (b: string, min: number, max: number) =>
      `${b} – From score ${min} is above the maximum score ${max}: no unit can reach it.`,
  },
  countOrShare: {
    vi: (a: string) => `${a} – Số lượng phải là một số (ví dụ 2) hoặc một tỉ lệ (ví dụ 20%).`,
    en: (a: string) => `${a} – Number must be a count (e.g. 2) or a share (e.g. 20%).`,
  },
  voteShare: {
    vi: "Biểu quyết – Tỷ lệ phải là số trong (0, 1] hoặc phân số như 2/3.",
    en: "Vote – Share must be a number in (0, 1] or a fraction such as 2/3.",
  },
  unknownBand: {
    vi: (a: string, label: string) =>
      `${a} – Xếp loại tối thiểu “${label}” không còn trong các mức xếp loại.`,
    en: (a: string, label: string) => `${a} – The lowest class “${label}” is no longer one of the bands.`,
  },
} as const;

/** "Mức 2", "Danh hiệu 1", or the field's name; unknown parts of a path stay readable. */
function subject(path: readonly (string | number)[], lang: Lang): string {
  const [head, index, field] = path;
  const item = typeof head === "string" ? ITEMS[head] : undefined;
  if (item && typeof index === "number") {
    const name =
      field !== undefined ? (FIELDS[`${String(head)}.${String(field)}`]?.[lang] ?? String(field)) : "";
    return name ? `${item[lang]} ${index + 1} – ${name}` : `${item[lang]} ${index + 1}`;
  }
  const known = FIELDS[path.map(String).join(".")];
  if (known) return known[lang];
  const words = path.map((p) => (typeof p === "number" ? String(p + 1) : (FIELDS[p]?.[lang] ?? p)));
  return lang === "vi" ? `Mục “${words.join(" › ")}”` : `Field “${words.join(" › ")}”`;
}

function kindOf(issue: z.core.$ZodIssue): Kind {
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "int" ? "integer" : issue.expected === "string" ? "empty" : "number";
    case "too_small":
      if (issue.origin === "string") return "empty";
      if (issue.origin === "number") return issue.inclusive ? "nonNegative" : "positive";
      return "invalid";
    case "too_big":
      return issue.origin === "number" ? "share" : "invalid";
    case "invalid_value":
      return "choice";
    default:
      return "invalid";
  }
}

function numberAt(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/**
 * Every problem of a rules object, worded for users, one per field (the first for each field).
 * @example rulesProblems({ maxScore: 100, bands: [{ min: 90, label: "A" }, { min: "x", label: "B" }] }, "vi")[0]?.message //=> "Mức 2 – Từ điểm phải là một số."
 * @example rulesProblems({ maxScore: 100, bands: [{ min: 0, label: "A" }], vote: { share: "3/2" } }, "vi")[0]?.message //=> "Biểu quyết – Tỷ lệ phải là số trong (0, 1] hoặc phân số như 2/3."
 */
export function rulesProblems(input: unknown, lang: Lang): RulesProblem[] {
  const out = new Map<string, string>();
  const add = (path: readonly (string | number)[], message: string) => {
    const key = path.map(String).join(".");
    if (!out.has(key)) out.set(key, message);
  };
  const parsed = rulesSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      const [head, index, field] = path;
      if (path.length === 1 && head === "bands" && issue.code === "too_small") add(path, MSG.noBands[lang]);
      else if (head === "bands" && field === "min" && issue.code === "custom")
        add(path, MSG.duplicate[lang](subject(["bands", index as number], lang)));
      else if (
        head === "awards" &&
        typeof index === "number" &&
        field === "minBand" &&
        issue.code === "custom"
      )
        continue; // worded below, from the input itself
      else if (head === "awards" && typeof index === "number" && path.length === 2 && issue.code === "custom")
        add([...path, "count"], MSG.countOrShare[lang](subject(["awards", index], lang)));
      else if (head === "vote" && index === "share") add(path, MSG.voteShare[lang]);
      else add(path, `${subject(path, lang)} ${KINDS[kindOf(issue)][lang]}.`);
    }
  }
  // What a form makes easy and the schema does not say: unreachable bands, a lost minimum class.
  const o = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const bands = Array.isArray(o["bands"]) ? (o["bands"] as unknown[]) : [];
  const awards = Array.isArray(o["awards"]) ? (o["awards"] as unknown[]) : [];
  const max = numberAt(o["maxScore"]);
  const labels = new Set<string>();
  bands.forEach((b, i) => {
    const band = (typeof b === "object" && b !== null ? b : {}) as Record<string, unknown>;
    const min = numberAt(band["min"]);
    if (max !== null && max > 0 && min !== null && min > max)
      add(["bands", i, "min"], MSG.unreachable[lang](subject(["bands", i], lang), min, max));
    if (typeof band["label"] === "string") labels.add(band["label"].trim());
  });
  awards.forEach((a, i) => {
    const award = (typeof a === "object" && a !== null ? a : {}) as Record<string, unknown>;
    const minBand = award["minBand"];
    if (typeof minBand === "string" && minBand.trim() !== "" && !labels.has(minBand.trim()))
      add(["awards", i, "minBand"], MSG.unknownBand[lang](subject(["awards", i], lang), minBand.trim()));
  });
  return [...out].map(([path, message]) => ({ path, message }));
}
