/* global Office */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme, type Theme } from "@fluentui/react-components";
import { langOf } from "../app/session";
import { uiTextReady } from "../core";
import { App } from "./App";
import { excelAdapter, type Adapter } from "./adapter";
import { isDarkOfficeTheme } from "./theme";

/**
 * Renders the pane into the page (called once, when the pane is first shown): Office's display
 * language (Vietnamese unless English) and theme (dark when its body background is dark). The
 * dark theme's colours are a chunk of their own, fetched only under a dark Office theme; so are
 * the English strings, fetched only under an English Office (the Vietnamese ones come with the
 * pane), and the first render waits for them: an English pane never shows Vietnamese first.
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
  if (!dark && lang === "vi") return render(webLightTheme);
  // Should a chunk not arrive, the pane is shown all the same: in the light theme, or with the
  // Vietnamese strings (the default language) when the English ones cannot be fetched.
  const strings = uiTextReady(lang).catch(() => undefined);
  const theme: Promise<Theme> = dark
    ? import(/* webpackChunkName: "theme-dark" */ "./theme-dark").then(
        (m) => m.webDarkTheme,
        () => webLightTheme,
      )
    : Promise.resolve(webLightTheme);
  void Promise.all([theme, strings]).then(([t]) => render(t));
}
