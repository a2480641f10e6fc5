import { makeStyles, tokens } from "@fluentui/react-components";

export const useNoticeStepStyles = makeStyles({
  pair: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(6em, 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    // A hint under one field must not squeeze its neighbours' inputs: tops aligned.
    alignItems: "start",
  },
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});
