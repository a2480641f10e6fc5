import { DEFAULT_NOTICE_FIELDS, type NoticeFields } from "./notice-fields";

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
