import { makeStyles, tokens } from "@fluentui/react-components";

export const useTableStepStyles = makeStyles({
  roles: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  role: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "end",
  },
  field: { minWidth: 0 },
  select: { minWidth: 0, width: "100%" },
  selectInner: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
  headerRow: { maxWidth: "8em" },
});
