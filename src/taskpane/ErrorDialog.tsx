import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { ReactElement } from "react";
import type { HostProblem } from "../excel/errors";

export interface ErrorDialogProps {
  /** The last problem; kept while the dialog closes so its text does not vanish mid-animation. */
  problem: HostProblem | null;
  open: boolean;
  onClose: () => void;
}

/** A modal dialog (focus trapped, Escape closes) with describeError's title and sentence. */
export function ErrorDialog({ problem, open, onClose }: ErrorDialogProps): ReactElement {
  return (
    <Dialog
      open={open}
      modalType="modal"
      onOpenChange={(_, data) => {
        if (!data.open) onClose();
      }}
    >
      <DialogSurface aria-describedby="cdrp-error-message">
        <DialogBody>
          <DialogTitle>{problem?.title ?? ""}</DialogTitle>
          <DialogContent id="cdrp-error-message">{problem?.message ?? ""}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
