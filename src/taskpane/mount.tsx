/* global Office */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme, type Theme } from "@fluentui/react-components";
import { langOf } from "../app/session";
import { App } from "./App";
import { excelAdapter, type Adapter } from "./adapter";
import { isDarkOfficeTheme } from "./theme";

/**
 * Renders the pane into the page (called once, when the pane is first shown): Office's display
 * language (Vietnamese unless English) and theme (dark when its body background is dark). The
 * dark theme's colours are a chunk of their own, fetched only under a dark Office theme.
 */
export function mountPane(root: HTMLElement, adapter: Adapter = excelAdapter()): void {
  const lang = langOf(Office.context.displayLanguage);
  const dark = isDarkOfficeTheme(Office.context.officeTheme);
  document.documentElement.lang = lang;
  const render = (theme: Theme) =>
    createRoot(root).render(
      <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
        <App adapter={adapter} lang={lang} />
      </FluentProvider>,
    );
  if (!dark) return render(webLightTheme);
  // Should the chunk not arrive, the pane is shown all the same, in the light theme.
  void import(/* webpackChunkName: "theme-dark" */ "./theme-dark").then(
    (m) => render(m.webDarkTheme),
    () => render(webLightTheme),
  );
}
