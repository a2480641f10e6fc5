import { useEffect, useState } from "react";
import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { cellAddress, issueMessage, severityName, type Lang } from "../core";
import { subscribe, type SessionEvent } from "../app/session";
import { selectCell } from "../excel/operations";

/** The issue list the ribbon opens when a command finds problems; a click selects the cell. */
export function IssuesView({ lang }: { lang: Lang }) {
  const [event, setEvent] = useState<SessionEvent | null>(null);
  useEffect(() => subscribe(setEvent), []);
  if (!event)
    return (
      <Text>
        {lang === "vi" ? "Chọn một lệnh EMU trên thanh công cụ." : "Choose an EMU command on the ribbon."}
      </Text>
    );
  if (event.error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{event.error}</MessageBarBody>
      </MessageBar>
    );
  }
  const issues = event.outcome?.issues ?? [];
  return (
    <ul>
      {issues.map((i, k) => (
        <li key={k}>
          <Button appearance="transparent" onClick={() => i.cell && void selectCell(cellAddress(i.cell))}>
            {severityName(i.severity, lang)} {i.cell ? cellAddress(i.cell) : ""}
          </Button>
          <Text>{issueMessage(i, lang)}</Text>
        </li>
      ))}
    </ul>
  );
}
