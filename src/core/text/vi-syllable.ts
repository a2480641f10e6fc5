const TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";
const ACUTE = "\u0301";
const DOT_BELOW = "\u0323";

const INITIALS = ["", ..."b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x".split(" ")];
// "k" closes Central Highlands names such as Đắk Lắk; like the other stops it takes only sắc or nặng.
const FINALS = ["", ..."c ch k m n ng nh p t".split(" ")];
const STOPS = new Set(["c", "ch", "k", "p", "t"]);

/** Vowel groups that end the syllable ("mai") and those that need a final consonant ("tiên"). */
const OPEN = new Set(
  "ai ao au ay âu ây eo êu ia iu oi ôi ơi ui ưa ưi ưu ua uơ iêu yêu oai oao oay oeo uây uôi uya uyu ươi ươu".split(
    " ",
  ),
);
const CLOSED = new Set("ă â iê yê oă oo uâ uô ươ uyê".split(" "));
const EITHER = new Set("a e ê i o ô ơ u ư y oa oe uê uy".split(" "));

/**
 * True when a word is a well-formed Vietnamese syllable: initial consonant, vowel group and final
 * consonant that Vietnamese spelling allows together, with at most one tone, placed on a vowel,
 * and only sắc or nặng before a stop ("việt", never "viềt"). Used to tell real Vietnamese from
 * mis-decoded text, so it errs on the strict side.
 * @example isViSyllable("Thắng") //=> true
 * @example isViSyllable("café") //=> false
 */
export function isViSyllable(word: string): boolean {
  const split = splitTone(word.toLowerCase());
  if (!split) return false;
  const { base, tone, toneAt } = split;
  return INITIALS.some(
    (initial) =>
      base.startsWith(initial) &&
      FINALS.some((final) => {
        const vowels = base.slice(initial.length, base.length - final.length);
        return base.endsWith(final) && fits(initial, vowels, final, tone, toneAt - initial.length);
      }),
  );
}

/** The word without its tone, the tone mark ("" for none) and the index of the letter carrying it. */
function splitTone(word: string): { base: string; tone: string; toneAt: number } | null {
  let base = "";
  let tone = "";
  let toneAt = -1;
  let letters = 0;
  let lastLetter = "";
  for (const ch of word.normalize("NFD")) {
    if (!TONE_MARKS.includes(ch)) {
      base += ch;
      if (!/\p{M}/u.test(ch)) {
        lastLetter = ch;
        letters++;
      }
    } else if (tone || !"aeiouy".includes(lastLetter)) {
      return null;
    } else {
      tone = ch;
      toneAt = letters - 1;
    }
  }
  base = base.normalize("NFC");
  return /^[a-zăâđêôơư]+$/.test(base) ? { base, tone, toneAt } : null;
}

/**
 * Where a vowel group may carry its tone: on the (last) vowel with a hat, horn or breve; else on
 * the last vowel before a final consonant, the middle of three, the first of two ("mái"), or
 * either of "oa", "oe", "uy", where old and new spelling differ ("hòa", "hoà").
 */
function tonePositions(vowels: string, final: string): number[] {
  const marked = Math.max(...[...vowels].map((v, i) => ("ăâêôơư".includes(v) ? i : -1)));
  if (marked >= 0) return [marked];
  if (final !== "") return [vowels.length - 1];
  if (vowels.length === 3) return [1];
  return ["oa", "oe", "uy"].includes(vowels) ? [0, 1] : [0];
}

function fits(initial: string, vowels: string, final: string, tone: string, toneAt: number): boolean {
  const standsAlone = OPEN.has(vowels) || EITHER.has(vowels);
  const takesFinal = CLOSED.has(vowels) || EITHER.has(vowels);
  if (final === "" ? !standsAlone : !takesFinal) return false;
  if (tone !== "" && !tonePositions(vowels, final).includes(toneAt)) return false;
  if (STOPS.has(final) && tone !== ACUTE && tone !== DOT_BELOW) return false;
  if ((final === "ch" || final === "nh") && !/[aêiy]$/.test(vowels)) return false;
  if ((final === "c" || final === "ng") && /^[iyêơ]$/.test(vowels)) return false;
  const front = /^[eêiy]/.test(vowels);
  // "k" stays unchecked: place names keep it before any vowel (Kon Tum, Bắc Kạn).
  if (initial === "gh" || initial === "ngh") return front;
  if (["c", "ng"].includes(initial)) return !front;
  if (initial === "g") return !/^[eê]/.test(vowels);
  return true;
}
