/* global Office */
import { langOf, publish, type SessionEvent } from "../app/session";
import { hostErrorMessage } from "../excel/host";
import type { CommandDeps } from "./handlers";

/*
 * The ribbon's entry: only the handlers' association and, per button, where its code is. Every
 * command's code (reading and writing the workbook, the notice's layout and width table, the
 * conference, the forms) is a chunk fetched on the first click of its button, not loaded with
 * every workbook: the runtime's first load (custom functions + this file) stays small.
 */

/** The host's services a command needs, from the live Office context. */
const deps = (): CommandDeps => ({
  lang: () => langOf(Office.context.displayLanguage),
  showPane: () => Office.addin.showAsTaskpane(),
});

/**
 * Runs a ribbon command whose code is loaded on demand; event.completed() always, or Excel queues
 * every later click forever. The commands themselves never throw; a chunk that cannot be fetched
 * (the network dropped) is said in the pane like any host failure, not swallowed.
 */
function lazy(kind: SessionEvent["kind"], load: () => Promise<(deps: CommandDeps) => Promise<void>>) {
  return async (event: Office.AddinCommands.Event): Promise<void> => {
    const d = deps();
    try {
      let run: (deps: CommandDeps) => Promise<void>;
      try {
        run = await load();
      } catch (e) {
        publish({ kind, error: hostErrorMessage(e, d.lang()) });
        await d.showPane().catch(() => undefined);
        return;
      }
      await run(d);
    } finally {
      event.completed();
    }
  };
}

/** What each of the three ranking commands publishes (handlers.ts's COMMANDS says the same). */
const KINDS = { computeRanking: "compute", validateSheet: "validate", generateNotice: "notice" } as const;

/** Validate, Compute ranking, Generate notice: one chunk (the read, the engine's outputs, the writer). */
function handler(name: keyof typeof KINDS) {
  return lazy(KINDS[name], async () => {
    const { COMMANDS, runCommand } = await import(/* webpackChunkName: "ribbon-commands" */ "./handlers");
    const { kind, op } = COMMANDS[name];
    return (d) => runCommand(kind, op, d);
  });
}

const makeForms = lazy("forms", async () => {
  const { runFormsCommand } = await import(/* webpackChunkName: "forms-command" */ "./forms-command");
  return runFormsCommand;
});

const conferenceVote = lazy("conference", async () => {
  const { runConferenceCommand } = await import(
    /* webpackChunkName: "conference-command" */ "./conference-command"
  );
  return runConferenceCommand;
});

const makePledge = lazy("pledge", async () => {
  const { runPledgeCommand } = await import(/* webpackChunkName: "pledge-command" */ "./pledge-command");
  return runPledgeCommand;
});

// Associated at the top level of the module, as Microsoft's samples do, not inside Office.onReady:
// a handler registered only once onReady resolves misses the click that loaded the runtime, so the
// first click did nothing (office-js #5176). office.js is loaded by its own script tag before this
// bundle, so `Office.actions` exists here. A new button is one more line here.
Office.actions.associate("computeRanking", handler("computeRanking"));
Office.actions.associate("validateSheet", handler("validateSheet"));
Office.actions.associate("generateNotice", handler("generateNotice"));
Office.actions.associate("makeForms", makeForms);
Office.actions.associate("conferenceVote", conferenceVote);
Office.actions.associate("makePledge", makePledge);
