/**
 * A stand-in for the `Office` global in the browser preview (office.js cannot run outside an
 * Office host): onReady resolves at once, the display language and theme come from the URL
 * (?lang=en, ?theme=dark), and ribbon handlers registered with actions.associate are kept so
 * the preview's own buttons can play the ribbon.
 */
export interface FakeOffice {
  readonly handlers: Map<string, (event: { completed(): void }) => unknown>;
  /** Runs a ribbon command as Excel would; resolves when the handler called completed(). */
  press(name: string): Promise<void>;
}

const LIGHT = {
  bodyBackgroundColor: "#FFFFFF",
  bodyForegroundColor: "#000000",
  controlBackgroundColor: "#FFFFFF",
  controlForegroundColor: "#000000",
};
const DARK = {
  bodyBackgroundColor: "#292929",
  bodyForegroundColor: "#FFFFFF",
  controlBackgroundColor: "#1F1F1F",
  controlForegroundColor: "#FFFFFF",
};

export function installFakeOffice(opts: {
  lang: "vi" | "en";
  dark: boolean;
  onShowPane?: () => void;
}): FakeOffice {
  const handlers = new Map<string, (event: { completed(): void }) => unknown>();
  const info = { host: "Excel", platform: "OfficeOnline" };
  const office = {
    onReady(cb?: (i: typeof info) => void) {
      cb?.(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: opts.lang === "en" ? "en-US" : "vi-VN",
      officeTheme: opts.dark ? DARK : LIGHT,
      requirements: { isSetSupported: () => true },
    },
    addin: {
      showAsTaskpane: async () => opts.onShowPane?.(),
      hide: async () => undefined,
      onVisibilityModeChanged: async () => async () => undefined,
    },
    actions: {
      associate(name: string, handler: (event: { completed(): void }) => unknown) {
        handlers.set(name, handler);
      },
    },
    VisibilityMode: { hidden: "Hidden", taskpane: "Taskpane" },
    HostType: { Excel: "Excel" },
  };
  (globalThis as Record<string, unknown>).Office = office;
  return {
    handlers,
    press(name: string) {
      const h = handlers.get(name);
      if (!h) return Promise.reject(new Error(`no ribbon handler ${name}`));
      return new Promise<void>((resolve) => {
        void h({ completed: () => resolve() });
      });
    },
  };
}
