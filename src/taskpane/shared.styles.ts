import { makeStyles, tokens } from "@fluentui/react-components";

/** Layout shared by the steps: a narrow column (the task pane is 320–450 px wide). */
export const useStepStyles = makeStyles({
  step: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXL,
    minWidth: 0,
    // The pane is 320–450 px: inputs shrink with their column instead of pushing it wider
    // (Fluent's Input keeps the browser's ~20-character intrinsic width otherwise).
    "& .fui-Field": { minWidth: 0 },
    "& .fui-Input": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Input__input": { minWidth: 0, width: "100%" },
    "& .fui-Select": { minWidth: 0 },
    // A control reached with Tab is scrolled clear of the action bar pinned to the pane's bottom.
    "& input, & textarea, & select": { scrollMarginBottom: "112px" },
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: "center",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  sectionTitle: { fontWeight: tokens.fontWeightSemibold, margin: 0, fontSize: tokens.fontSizeBase300 },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    "& dt": { color: tokens.colorNeutralForeground3 },
    "& dd": { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

/** A data table in the narrow pane: it scrolls sideways in its own focusable region, never the pane. */
export const useDataTableStyles = makeStyles({
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
  /** Rows of controls (checkboxes, links) read best centred. */
  middle: { "& td": { verticalAlign: "middle" } },
});
