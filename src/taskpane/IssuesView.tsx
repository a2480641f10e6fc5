import { Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { cellAddress, issueMessage, uiText, type Issue, type Lang } from "../core";

const useStyles = makeStyles({
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
  cell: { minWidth: 0, paddingLeft: 0, paddingRight: 0, fontFamily: tokens.fontFamilyMonospace },
  message: { overflowWrap: "anywhere" },
});

/**
 * Every issue grouped by severity, errors first, each with its cell and message (the engine's
 * table, in the user's language); a click on the cell selects it in Excel.
 */
export function IssuesView({
  issues,
  lang,
  onSelect,
  disabled = false,
}: {
  issues: readonly Issue[];
  lang: Lang;
  onSelect: (address: string) => void;
  disabled?: boolean;
}) {
  const s = useStyles();
  const groups: ReadonlyArray<["error" | "warning", Issue[]]> = [
    ["error", issues.filter((i) => i.severity === "error")],
    ["warning", issues.filter((i) => i.severity === "warning")],
  ];
  return (
    <>
      {groups
        .filter(([, list]) => list.length > 0)
        .map(([sev, list]) => (
          <div key={sev} className={s.group} role="group" aria-labelledby={`issues-${sev}`}>
            <h3
              id={`issues-${sev}`}
              className={mergeClasses(s.heading, sev === "error" ? s.error : s.warning)}
            >
              {uiText(lang, sev === "error" ? "checkErrors" : "checkWarnings", { count: list.length })}
            </h3>
            <ul className={s.list} data-testid={`issues-${sev}`}>
              {list.map((i, k) => {
                const addr = i.cell ? cellAddress(i.cell) : null;
                return (
                  <li
                    key={k}
                    className={mergeClasses(s.item, sev === "error" ? s.itemError : s.itemWarning)}
                    data-code={i.code}
                  >
                    {addr && (
                      <Button
                        appearance="transparent"
                        size="small"
                        className={s.cell}
                        disabled={disabled}
                        aria-label={uiText(lang, "checkGoTo", { cell: addr })}
                        onClick={() => onSelect(addr)}
                      >
                        {addr}
                      </Button>
                    )}
                    <Text className={s.message}>{issueMessage(i, lang)}</Text>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
    </>
  );
}
