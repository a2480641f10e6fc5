import type { Issue } from "./issues";
import { cleanText, collapseSpaces, detectLegacyNfc, legacyToUnicode } from "./text";
import type { CellRef } from "./types";

/**
 * Cleans a name the user typed and records what was wrong with its text: decomposed (NFD)
 * Unicode, or a legacy TCVN3/VNI encoding. Returns the text EMU shows: NFC, trimmed, and in
 * Unicode when a legacy encoding was recognised (the cell itself is never changed).
 * @example checkText("B¶o Th¾ng", cell, issues) //=> "Bảo Thắng" (and a legacy-encoding warning)
 */
export function checkText(raw: string, cell: CellRef, issues: Issue[]): string {
  // Normalise once (the comparison tells NFD apart); the rest works on NFC text.
  const nfc = raw.normalize("NFC");
  const cleaned = collapseSpaces(nfc);
  const encoding = detectLegacyNfc(cleaned);
  if (encoding !== null) {
    const suggestion = cleanText(legacyToUnicode(cleaned, encoding));
    issues.push({ code: "legacy-encoding", severity: "warning", cell, encoding, text: cleaned, suggestion });
    return suggestion;
  }
  if (nfc !== raw) issues.push({ code: "non-nfc", severity: "warning", cell, text: cleaned });
  return cleaned;
}
