/**
 * The ribbon's handlers exist as soon as the commands bundle has run, before Office.onReady
 * resolves: Excel delivers the click that loaded the runtime right away, and a handler registered
 * later misses it (office-js #5176: "the first click does nothing").
 */
const associated = new Map<string, (event: { completed: () => void }) => Promise<void>>();

beforeAll(async () => {
  const office = {
    // An onReady that never resolves: nothing may wait for it.
    onReady: () => new Promise(() => undefined),
    actions: {
      associate: (name: string, fn: (event: { completed: () => void }) => Promise<void>) =>
        associated.set(name, fn),
    },
    context: { displayLanguage: "vi-VN" },
    addin: { showAsTaskpane: async () => undefined },
  };
  (globalThis as Record<string, unknown>).Office = office;
  await jest.isolateModulesAsync(async () => {
    await import("../../src/commands/index");
  });
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).Office;
});

it("associates every ribbon action at import, without waiting for Office.onReady", () => {
  expect([...associated.keys()].sort()).toEqual([
    "computeRanking",
    "generateNotice",
    "makeForms",
    "validateSheet",
  ]);
});

it("completes the event even when the command fails (no Excel here)", async () => {
  const completed = jest.fn();
  await associated.get("validateSheet")!({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
});
