import { makeStyles, tokens } from "@fluentui/react-components";

export const useIssuesViewStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  itemError: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  itemWarning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  message: { overflowWrap: "anywhere" },
  /** The whole row is the button: a click anywhere on it selects the cell. */
  row: {
    width: "100%",
    maxWidth: "none",
    minWidth: 0,
    height: "auto",
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    justifyContent: "flex-start",
    textAlign: "left",
    rowGap: tokens.spacingVerticalXXS,
    paddingLeft: 0,
    paddingRight: 0,
    fontWeight: tokens.fontWeightRegular,
  },
});
