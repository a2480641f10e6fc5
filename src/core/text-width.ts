import { FONT_CHARS, FONT_WIDTHS } from "./font-widths";

/** A face of Times New Roman. */
export interface FontFace {
  readonly bold?: boolean;
  readonly italic?: boolean;
}

type FaceKey = keyof typeof FONT_WIDTHS;

const INDEX: ReadonlyMap<string, number> = new Map([...FONT_CHARS].map((ch, i) => [ch, i]));

function faceKey(face: FontFace): FaceKey {
  return face.bold ? (face.italic ? "boldItalic" : "bold") : face.italic ? "italic" : "regular";
}

/**
 * The printed width of a text in Times New Roman, in points, from the measured width table
 * (`font-widths.ts`). Text is taken NFC; a character outside the table counts as a wide "M"
 * (never under-estimate: a clipped line is worse than a blank one).
 * @example textWidthPt("0", 10) //=> 5
 */
export function textWidthPt(text: string, sizePt: number, face: FontFace = {}): number {
  const widths = FONT_WIDTHS[faceKey(face)];
  const wide = widths[INDEX.get("M") ?? 0] ?? 1000;
  let units = 0;
  for (const ch of text.normalize("NFC")) {
    const i = INDEX.get(ch);
    units += i === undefined ? wide : (widths[i] ?? wide);
  }
  return (units * sizePt) / 1000;
}

/**
 * Splits a text into the lines a word-wrapping renderer prints in a box `widthPt` wide: greedy,
 * breaking at spaces (and at "\n"), a word longer than the box broken where it overflows.
 * @example wrapText("Căn cứ Quyết định", 40, 13).length //=> 2
 */
export function wrapText(text: string, widthPt: number, sizePt: number, face: FontFace = {}): string[] {
  const lines: string[] = [];
  const space = textWidthPt(" ", sizePt, face);
  for (const para of text.normalize("NFC").split("\n")) {
    let line = "";
    let w = 0;
    for (const word of para.split(" ")) {
      const ww = textWidthPt(word, sizePt, face);
      if (line !== "" && w + space + ww > widthPt) {
        lines.push(line);
        line = "";
        w = 0;
      }
      if (line === "" && ww > widthPt) {
        // A word wider than the box: break it by characters.
        let part = "";
        for (const ch of word) {
          if (part !== "" && textWidthPt(part + ch, sizePt, face) > widthPt) {
            lines.push(part);
            part = "";
          }
          part += ch;
        }
        line = part;
        w = textWidthPt(part, sizePt, face);
        continue;
      }
      line = line === "" ? word : `${line} ${word}`;
      w = line === word ? ww : w + space + ww;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * How many lines a text takes in a box `widthPt` wide.
 * @example countLines("Sở TT&TT Điện Biên", 200, 13) //=> 1
 */
export function countLines(text: string, widthPt: number, sizePt: number, face: FontFace = {}): number {
  return wrapText(text, widthPt, sizePt, face).length;
}
