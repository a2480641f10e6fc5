import { makeStyles, tokens } from "@fluentui/react-components";

export const useResultsStepStyles = makeStyles({
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
  veto: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorPaletteRedForeground2,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "normal",
  },
  deliberate: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
  },
});
