export { cleanText, collapseSpaces, isNfc } from "./clean-text";
export { compareVi, viCollator } from "./compare-vi";
export { foldKey } from "./fold-key";
export { detectLegacy, detectLegacyNfc, legacyToUnicode, unicodeToLegacy } from "./legacy";
export { formatNumber, isExcelError, parseNumber } from "./parse-number";
export type { ParsedNumber } from "./parse-number";
export { hasDiacritics, sameUnitName, unitKey, unitToneKey } from "./unit-key";
export { isViSyllable } from "./vi-syllable";
