/* global Office */
import { langOf } from "../app/session";
import { COMMANDS, runCommand, type CommandDeps } from "./handlers";

/** The host's services a command needs, from the live Office context. */
const deps = (): CommandDeps => ({
  lang: () => langOf(Office.context.displayLanguage),
  showPane: () => Office.addin.showAsTaskpane(),
});

/** Runs a ribbon command; event.completed() always, or Excel queues every later click forever. */
function handler(name: keyof typeof COMMANDS) {
  return async (event: Office.AddinCommands.Event): Promise<void> => {
    try {
      const { kind, op } = COMMANDS[name];
      await runCommand(kind, op, deps());
    } finally {
      event.completed();
    }
  };
}

async function makeForms(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const { runFormsCommand } = await import(/* webpackChunkName: "forms-command" */ "./forms-command");
    await runFormsCommand(deps());
  } finally {
    event.completed();
  }
}

async function conferenceVote(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const { runConferenceCommand } = await import(
      /* webpackChunkName: "conference-command" */ "./conference-command"
    );
    await runConferenceCommand(deps());
  } finally {
    event.completed();
  }
}

// Associated at the top level of the module, as Microsoft's samples do, not inside Office.onReady:
// a handler registered only once onReady resolves misses the click that loaded the runtime, so the
// first click did nothing (office-js #5176). office.js is loaded by its own script tag before this
// bundle, so `Office.actions` exists here. A new button is one more line here.
Office.actions.associate("computeRanking", handler("computeRanking"));
Office.actions.associate("validateSheet", handler("validateSheet"));
Office.actions.associate("generateNotice", handler("generateNotice"));
Office.actions.associate("makeForms", makeForms);
Office.actions.associate("conferenceVote", conferenceVote);
