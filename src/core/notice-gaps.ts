import { DEFAULT_NOTICE_FIELDS, type NoticeFields } from "./notice-fields";
import type { Lang } from "./types";
import { uiText, type UiTextKey } from "./ui-text";

/**
 * The notice's fields still holding the template's placeholders or left empty where a printed
 * notice needs them (the parent body, the cluster's name, the place, who signs). The number and
 * the day are left blank on purpose (the văn thư fills them when the notice is registered).
 * @example noticeGaps(DEFAULT_NOTICE_FIELDS) //=> ["parentBody", "issuingBody", "place", "signerName"]
 */
export function noticeGaps(f: NoticeFields): (keyof NoticeFields)[] {
  const placeholder = (s: string) => s.trim() === "" || /…|\.\.\./.test(s);
  const gaps: (keyof NoticeFields)[] = [];
  if (placeholder(f.parentBody) || f.parentBody.trim() === DEFAULT_NOTICE_FIELDS.parentBody)
    gaps.push("parentBody");
  if (placeholder(f.issuingBody)) gaps.push("issuingBody");
  if (placeholder(f.place)) gaps.push("place");
  if (f.signerTitle.every((l) => l.trim() === "")) gaps.push("signerTitle");
  if (f.signerName.trim() === "") gaps.push("signerName");
  return gaps;
}

/** The labels of the fields a notice may lack, as the pane's form names them. */
export const NOTICE_GAP_LABELS: Readonly<Record<string, UiTextKey>> = {
  parentBody: "fieldParentBody",
  issuingBody: "fieldIssuingBody",
  place: "fieldPlace",
  signerTitle: "fieldSignerTitle",
  signerName: "fieldSignerName",
};

/**
 * What the pane shows and the CLI prints when a written notice still lacks fields: one sentence
 * naming them as the form does.
 * @example noticeGapsText(["issuingBody", "place"], "vi") //=> "Chưa sẵn sàng in: còn thiếu Cơ quan ban hành, Địa danh."
 */
export function noticeGapsText(gaps: readonly (keyof NoticeFields)[], lang: Lang): string {
  const fields = gaps.map((g) => uiText(lang, NOTICE_GAP_LABELS[g] ?? "fieldSubject")).join(", ");
  return uiText(lang, "noticeGaps", { fields });
}
