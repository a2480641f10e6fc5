/* global Office */
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { langOf } from "../app/session";
import { App } from "./App";
import { excelAdapter, type Adapter } from "./adapter";
import { fluentTheme, isDarkOfficeTheme } from "./theme";

/**
 * Renders the pane into the page (called once, when the pane is first shown): Office's display
 * language (Vietnamese unless English) and theme (dark when its body background is dark).
 */
export function mountPane(root: HTMLElement, adapter: Adapter = excelAdapter()): void {
  const lang = langOf(Office.context.displayLanguage);
  const dark = isDarkOfficeTheme(Office.context.officeTheme);
  document.documentElement.lang = lang;
  createRoot(root).render(
    <FluentProvider theme={fluentTheme(dark)} style={{ minHeight: "100vh" }}>
      <App adapter={adapter} lang={lang} />
    </FluentProvider>,
  );
}
