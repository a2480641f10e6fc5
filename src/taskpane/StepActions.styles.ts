import { makeStyles, tokens } from "@fluentui/react-components";

export const useStepActionsStyles = makeStyles({
  // Pinned to the bottom of the pane while the step scrolls under it (Microsoft's task-pane
  // guidance: the primary action stays in reach; progress shows where the user is looking).
  bar: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    marginTop: "auto",
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    boxShadow: `0 -6px 8px -6px ${tokens.colorNeutralShadowKey}`,
  },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: "center",
    "& .fui-Button": { minWidth: 0, maxWidth: "100%" },
  },
  status: { minHeight: "16px", fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  success: { color: tokens.colorPaletteGreenForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
});
