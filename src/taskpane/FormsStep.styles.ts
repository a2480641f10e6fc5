import { makeStyles, tokens } from "@fluentui/react-components";

export const useFormsStepStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  // The file input is driven by its button; hidden, it is out of the tab order and the tree.
  fileInput: { display: "none" },
  tick: { width: "1%", textAlign: "center" },
  // Sheet names make long addresses: they wrap anywhere rather than widen the pane.
  cell: {
    minWidth: 0,
    height: "auto",
    paddingLeft: 0,
    paddingRight: 0,
    fontFamily: tokens.fontFamilyMonospace,
    textAlign: "left",
    overflowWrap: "anywhere",
    whiteSpace: "normal",
  },
  num: { fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
});
