import { makeStyles, tokens } from "@fluentui/react-components";

/** Theme tokens only, so the chart reads in Office's light and dark themes; every label 12 px. */
const text = { fontSize: "12px", fontFamily: tokens.fontFamilyBase };

export const useScoreChartStyles = makeStyles({
  figure: {
    margin: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  svg: { display: "block", maxWidth: "100%", overflow: "visible" },
  label: { ...text, fill: tokens.colorNeutralForeground1 },
  rank: { ...text, fill: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  tied: { fill: tokens.colorPaletteDarkOrangeForeground1 },
  award: { fill: tokens.colorPaletteMarigoldForeground1 },
  value: { ...text, fill: tokens.colorNeutralForeground2 },
  tick: { ...text, fill: tokens.colorNeutralForeground2 },
  cutLabel: { ...text, fill: tokens.colorNeutralForeground3, fontStyle: "italic" },
  cut: { stroke: tokens.colorNeutralForeground3, strokeWidth: 1 },
  axis: { stroke: tokens.colorNeutralForeground2, strokeWidth: 1 },
  zig: { stroke: tokens.colorNeutralForeground2, strokeWidth: 1.5, fill: "none" },
  self: { fill: tokens.colorPaletteBlueBorderActive },
  verified: { fill: tokens.colorPaletteDarkOrangeBorderActive },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
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
  cutKey: {
    display: "inline-block",
    width: "0",
    height: "10px",
    marginRight: "4px",
    verticalAlign: "middle",
    borderLeft: `1px dashed ${tokens.colorNeutralForeground3}`,
  },
});
