import { makeStyles, tokens } from "@fluentui/react-components";

export const useAppStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    boxSizing: "border-box",
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    minWidth: 0,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalS,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  tabs: {
    display: "flex",
    flexWrap: "wrap",
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`,
  },
  status: { minHeight: "20px" },
  mark: { color: tokens.colorPaletteMarigoldForeground1 },
  markError: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  markDone: { color: tokens.colorPaletteGreenForeground1 },
  footer: { display: "flex", justifyContent: "flex-end", paddingBottom: tokens.spacingVerticalL },
});
