import { makeStyles, tokens } from "@fluentui/react-components";

export const useScoreChartStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  svg: { width: "100%", height: "auto", display: "block" },
  label: { fill: tokens.colorNeutralForeground1, fontSize: "11px", fontFamily: tokens.fontFamilyBase },
  value: { fill: tokens.colorNeutralForeground2, fontSize: "10px", fontFamily: tokens.fontFamilyBase },
  self: { fill: tokens.colorPaletteBlueBorderActive },
  verified: { fill: tokens.colorPaletteDarkOrangeBorderActive },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
  },
  swatch: {
    display: "inline-block",
    width: "10px",
    height: "10px",
    marginRight: "4px",
    verticalAlign: "middle",
  },
  swatchSelf: { backgroundColor: tokens.colorPaletteBlueBorderActive },
  swatchVerified: { backgroundColor: tokens.colorPaletteDarkOrangeBorderActive },
  caption: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});
