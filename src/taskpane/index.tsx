/* global Office */
/**
 * The shared runtime's page bootstrap. The ribbon commands and custom functions must be ready
 * fast, so the pane's React UI (the bulk of the code) is fetched only when the pane is shown.
 */
let started = false;

async function showPane(): Promise<void> {
  if (started) return;
  started = true;
  // The rules schema's messages are not needed to show the pane: they come with the Rules step,
  // the first action, or rules found invalid (adapter.ts, lazy.tsx).
  const { mountPane } = await import(/* webpackChunkName: "pane" */ "./mount");
  const root = document.getElementById("root");
  if (root) mountPane(root);
}

function visible(): boolean {
  return document.visibilityState === "visible";
}

Office.onReady(() => {
  if (visible()) void showPane();
  document.addEventListener("visibilitychange", () => {
    if (visible()) void showPane();
  });
  // In a shared runtime the page keeps running when the pane closes and reopens.
  Office.addin?.onVisibilityModeChanged?.((args) => {
    if (args.visibilityMode === Office.VisibilityMode.taskpane) void showPane();
  });
});
