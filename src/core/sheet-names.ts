import type { Lang } from "./types";

/** The names of the sheets a ranking writes (placeSheet adds " (2)" … when taken). */
export const RESULTS_SHEET_BASE: Readonly<Record<Lang, string>> = {
  vi: "Kết quả xếp hạng",
  en: "Ranking results",
};
export const NOTICE_SHEET_BASE = "Thông báo kết quả";
