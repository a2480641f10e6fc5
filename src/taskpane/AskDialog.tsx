import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { uiText } from "../core";
import type { PaneState } from "./usePane";

/**
 * The pane's one modal question (discard a draft? replace a sheet the user edited?): the safe
 * answer first, Cancel always there, Escape cancels.
 */
export function AskDialog({ pane }: { pane: PaneState }) {
  const q = pane.question;
  return (
    <Dialog
      open={q !== null}
      modalType="alert"
      onOpenChange={(_, d) => {
        if (!d.open) pane.answer(null);
      }}
    >
      <DialogSurface aria-describedby="ask-body">
        <DialogBody>
          <DialogTitle>{q?.title}</DialogTitle>
          <DialogContent id="ask-body">{q?.body}</DialogContent>
          <DialogActions fluid position="start">
            {q?.choices.map((c) => (
              <Button
                key={c.value}
                appearance={c.primary ? "primary" : "secondary"}
                onClick={() => pane.answer(c.value)}
              >
                {c.label}
              </Button>
            ))}
            <Button appearance="subtle" onClick={() => pane.answer(null)}>
              {uiText(pane.lang, "askCancel")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
