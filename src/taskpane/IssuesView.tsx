import { Button, Text, mergeClasses } from "@fluentui/react-components";
import { useIssuesViewStyles as useStyles } from "./IssuesView.styles";
import { cellAddress, issueMessage, uiText, type Issue, type Lang } from "../core";

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
                    {addr ? (
                      <Button
                        appearance="subtle"
                        size="small"
                        className={s.row}
                        disabled={disabled}
                        aria-label={`${uiText(lang, "checkGoTo", { cell: addr })}: ${issueMessage(i, lang)}`}
                        onClick={() => onSelect(addr)}
                      >
                        <span className={s.cell}>{addr}</span>
                        <span className={s.message}>{issueMessage(i, lang)}</span>
                      </Button>
                    ) : (
                      <Text className={s.message}>{issueMessage(i, lang)}</Text>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
    </>
  );
}
