import { DEFAULT_NOTICE_FIELDS, type NoticeFields } from "./notice-fields";
import { unitKey } from "./text";

/**
 * What belongs to the bundled sample (seed 000: Cụm thi đua số 2, 2022) and nowhere else: its
 * example text may be offered on the sample, never as filler on a user's workbook.
 */

/** Seed 000's seven members, as the bundled sample's score table names them. */
export const SEED_000_UNITS: readonly string[] = [
  "Sở TT&TT Điện Biên",
  "Sở TT&TT Cao Bằng",
  "Sở TT&TT Lạng Sơn",
  "Sở TT&TT Lào Cai",
  "Sở TT&TT Lai Châu",
  "Sở TT&TT Hà Giang",
  "Sở TT&TT Sơn La",
];

/**
 * True when a score table's units are exactly seed 000's (any order, any spelling of the same
 * unit): the bundled sample, whose notice example may be offered.
 * @example isBundledSample(["Sở TT&TT Sơn La", …the other six]) //=> true
 */
export function isBundledSample(units: readonly string[]): boolean {
  const want = new Set(SEED_000_UNITS.map(unitKey));
  const have = new Set(units.map(unitKey));
  return have.size === want.size && [...have].every((k) => want.has(k));
}

/**
 * The notice fields the pane's form starts from: the workbook's own when it has them; else the
 * neutral template with the cluster's name left empty (the placeholder warning then lists it),
 * so nobody's notice starts with another cluster's name or a "CỤM THI ĐUA SỐ …" filler.
 * @example noticeFormFields(DEFAULT_NOTICE_FIELDS, false).issuingBody //=> ""
 */
export function noticeFormFields(fields: NoticeFields, saved: boolean): NoticeFields {
  if (saved || fields.issuingBody !== DEFAULT_NOTICE_FIELDS.issuingBody) return fields;
  return { ...fields, issuingBody: "" };
}
