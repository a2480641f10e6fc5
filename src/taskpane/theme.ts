/** Relative luminance of "#rrggbb" (or "#rgb"); null when it is not a hex colour. */
function luminance(hex: string): number | null {
  let h = hex.trim().replace(/^#/, "");
  if (h.length === 3) h = [...h].map((c) => c + c).join("");
  if (!/^[0-9a-f]{6}$/i.test(h)) return null;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Dark when Office's body background is dark (Office.context.officeTheme), light otherwise.
 * @example isDarkOfficeTheme({ bodyBackgroundColor: "#262626" }) //=> true
 */
export function isDarkOfficeTheme(theme: { bodyBackgroundColor?: string } | undefined | null): boolean {
  const l = theme?.bodyBackgroundColor ? luminance(theme.bodyBackgroundColor) : null;
  return l !== null && l < 0.5;
}
