import { makeStyles, tokens } from "@fluentui/react-components";

export const useResultsStepStyles = makeStyles({
  scroll: {
    overflowX: "auto",
    maxWidth: "100%",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      textAlign: "left",
      verticalAlign: "top",
    },
    "& th": {
      fontWeight: tokens.fontWeightSemibold,
      backgroundColor: tokens.colorNeutralBackground3,
      whiteSpace: "normal",
      verticalAlign: "bottom",
    },
  },
  // Headers still wrap: the table's "& th" rule is more specific.
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  unit: { minWidth: "7em" },
  sub: {
    display: "block",
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
  },
  award: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  block: { display: "block", marginLeft: 0, marginTop: "2px", whiteSpace: "normal" },
  negative: { color: tokens.colorPaletteRedForeground1 },
  tag: {
    display: "inline-block",
    marginLeft: tokens.spacingHorizontalXXS,
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase100,
    whiteSpace: "nowrap",
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground1,
  },
  deliberate: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
  },
});
