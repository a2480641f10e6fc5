import { makeStyles, tokens } from "@fluentui/react-components";

export const useRulesStepStyles = makeStyles({
  row: {
    display: "grid",
    gridTemplateColumns: "6em minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "end",
  },
  award: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 5.5em",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "end",
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke2}`,
  },
  wide: { gridColumn: "1 / -1" },
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});
