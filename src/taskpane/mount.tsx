/* global Office */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { IssuesView } from "./IssuesView";
import { langOf } from "../app/session";

/** Renders the pane into the page (called once, when the pane is first shown). */
export function mountPane(root: HTMLElement): void {
  const lang = langOf(Office.context.displayLanguage);
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <IssuesView lang={lang} />
    </FluentProvider>,
  );
}
