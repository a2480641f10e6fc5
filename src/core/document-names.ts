import { findMember, membersOf, type Member, type MemberList } from "./members";
import { foldKey } from "./text";
import type { Grid } from "./types";

/**
 * What every document EMU writes (the notice, the conference's minutes and proposal, the call,
 * the reminder, the pledge) takes from the cluster's member list (*Thành viên cụm*): each unit's
 * official name and the signer of the cluster head (Cụm trưởng). One place, so no document
 * names a member otherwise than the others.
 */

/** A document's signing block as its fields keep it: the authority lines and the signer's name. */
export interface SignerFields {
  readonly signerTitle: readonly string[];
  readonly signerName: string;
}

/**
 * Where the signer of a document came from: `typed` — the user's fields (they always win);
 * `members` — the Cụm trưởng's row of the member list (the fields' signer left blank);
 * `none` — neither names anyone (the fields' lines, a blank name for the pen).
 */
export type SignerSource = "typed" | "members" | "none";

export interface ResolvedSigner extends SignerFields {
  readonly source: SignerSource;
  /** The member whose signer it is (source `members`). */
  readonly member?: Member;
}

export interface DocumentNames {
  /** The workbook's member list, or null: then every name stays as its table writes it. */
  readonly list: MemberList | null;
  /** The member whose role is Cụm trưởng (the first such row), or null. */
  readonly head: Member | null;
  /**
   * A unit's name as documents print it: the member's full name when the name (full or short,
   * any spelling `findMember` takes — never another tone mark) is a member's, else the name as it is.
   */
  unitName(name: string): string;
  /** The signing block: the typed one when the fields name a signer, else the Cụm trưởng's. */
  signer(fields: SignerFields, issuingBody: string): ResolvedSigner;
  /**
   * Who chairs a meeting (the minutes' Chủ trì): the typed name when there is one, else the
   * Cụm trưởng's signer, described by the signer's title and the member's name ("Giám đốc Sở …,
   * Cụm trưởng") unless the user typed another description than the template's "Cụm trưởng".
   */
  chair(name: string, title: string): { name: string; title: string; source: SignerSource };
}

/** Offices whose running-text spelling EMU knows ("Phó Giám đốc"); others are kept as written. */
const OFFICES = ["Giám đốc", "Phó Giám đốc", "Chủ tịch", "Phó Chủ tịch", "Trưởng ban", "Phó Trưởng ban"];

/**
 * An office as running text writes it: "PHÓ GIÁM ĐỐC" → "Phó Giám đốc"; anything else (an unknown
 * office, or one with more words: "CHỦ TỊCH UBND THÀNH PHỐ SA ĐÉC") is kept as the list writes it,
 * never half re-cased.
 * @example officeCase("PHÓ GIÁM ĐỐC") //=> "Phó Giám đốc"
 */
export function officeCase(title: string): string {
  const t = title.trim().replace(/\s+/g, " ");
  return OFFICES.find((o) => foldKey(o) === foldKey(t) && o.length === t.length) ?? t;
}

/** The authority lines of every blank template: "TM. CỤM THI ĐUA" / "CỤM TRƯỞNG". */
const TEMPLATE_TITLE = ["TM. CỤM THI ĐUA", "CỤM TRƯỞNG"];

const upper = (s: string): string => s.trim().replace(/\s+/g, " ").toLocaleUpperCase("vi");

/**
 * The authority lines over the head's signer: the fields' lines ("TM. CỤM THI ĐUA" completed with
 * the cluster's name when it is still the template's), then the head's own title lines (GIÁM ĐỐC,
 * or KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC) unless the fields already say them — seed 003's shape
 * "TM. CỤM THI ĐUA SỐ 01 / CỤM TRƯỞNG / CHỦ TỊCH UBND THÀNH PHỐ SA ĐÉC".
 */
function headTitle(fields: readonly string[], head: Member, issuingBody: string): string[] {
  const lines = fields.map(upper).filter((x) => x !== "");
  const body = upper(issuingBody);
  const template = lines.length === 2 && lines.every((l, i) => l === TEMPLATE_TITLE[i]);
  if (template && body && !body.includes("…") && foldKey(body) !== foldKey("CỤM THI ĐUA"))
    lines[0] = `TM. ${body}`;
  const have = new Set(lines.map(foldKey));
  for (const t of head.signerTitle.map(upper)) if (t && !have.has(foldKey(t))) lines.push(t);
  return lines;
}

/**
 * The documents' view of a member list (null: no list, every name as it is, the typed signer).
 * @example documentNames(list).unitName("SỞ TTTT TỈNH HÀ GIANG") //=> "Sở Thông tin và Truyền thông tỉnh Hà Giang"
 * @example documentNames(list).signer({ signerTitle: ["TM. CỤM THI ĐUA", "CỤM TRƯỞNG"], signerName: "" }, "CỤM THI ĐUA SỐ 2").signerName //=> "Vũ Anh Dũng"
 */
export function documentNames(list: MemberList | null): DocumentNames {
  const head = list?.members.find((m) => m.role === "head") ?? null;
  return {
    list,
    head,
    unitName(name: string): string {
      const m = list ? findMember(list.members, name) : null;
      return m ? m.name : name;
    },
    signer(fields: SignerFields, issuingBody: string): ResolvedSigner {
      const typedTitle = fields.signerTitle.map((x) => x.trim()).filter((x) => x !== "");
      if (fields.signerName.trim() !== "")
        return { signerTitle: typedTitle, signerName: fields.signerName.trim(), source: "typed" };
      if (head && head.signer.trim() !== "")
        return {
          signerTitle: headTitle(typedTitle, head, issuingBody),
          signerName: head.signer.trim(),
          source: "members",
          member: head,
        };
      return { signerTitle: typedTitle, signerName: "", source: "none" };
    },
    chair(name: string, title: string) {
      if (name.trim() !== "") return { name: name.trim(), title: title.trim(), source: "typed" };
      if (!head || head.signer.trim() === "") return { name: "", title: title.trim(), source: "none" };
      const typed = title.trim();
      if (typed !== "" && foldKey(typed) !== foldKey("Cụm trưởng"))
        return { name: head.signer.trim(), title: typed, source: "members" };
      // The office is the last line of the title ("PHÓ GIÁM ĐỐC" of "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC").
      const office = head.signerTitle[head.signerTitle.length - 1] ?? "";
      const who = office ? `${officeCase(office)} ${head.name}` : head.name;
      return { name: head.signer.trim(), title: `${who}, Cụm trưởng`, source: "members" };
    },
  };
}

/**
 * The workbook's member list as documents use it (the sheet *Thành viên cụm*, else one found by
 * its headers), what the notice, the conference and the year's letters all call.
 * @example documentNamesOf(sheets).head?.signer //=> "Vũ Anh Dũng"
 */
export function documentNamesOf(
  sheets: readonly { name: string; grid: Grid; visible?: boolean }[],
): DocumentNames {
  return documentNames(membersOf(sheets).list);
}
