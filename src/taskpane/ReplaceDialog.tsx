import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState, type ReactElement } from "react";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  paragraph: { margin: 0 },
  // At 350 px the two buttons stack rather than squeeze.
  actions: { flexWrap: "wrap" },
});

export interface ReplaceDialogProps {
  /** The previous report's sheets; null when the dialog is closed. */
  replace: string[] | null;
  onReplace: (remember: boolean) => void;
  onCancel: () => void;
}

/**
 * Asked before a previous report is replaced: deleting its sheets is an operation Excel cannot undo
 * for an add-in on any platform, and such an operation clears the person's Undo history
 * (office-js-docs-pr docs/excel/excel-add-ins-undo-capabilities.md, "Unsupported APIs").
 * A modal dialog: focus is trapped inside and Escape cancels.
 */
export function ReplaceDialog({ replace, onReplace, onCancel }: ReplaceDialogProps): ReactElement {
  const styles = useStyles();
  const [remember, setRemember] = useState(false);
  const sheets = (replace ?? []).map((s) => `"${s}"`).join(", ");
  const cancel = () => {
    setRemember(false);
    onCancel();
  };
  return (
    <Dialog
      open={replace !== null}
      modalType="modal"
      onOpenChange={(_, data) => {
        if (!data.open) cancel();
      }}
    >
      <DialogSurface aria-describedby="cdrp-replace-message">
        <DialogBody>
          <DialogTitle>Replace the previous report?</DialogTitle>
          <DialogContent className={styles.content}>
            <div id="cdrp-replace-message" className={styles.content}>
              <p className={styles.paragraph}>
                Generating again deletes the previous report&apos;s sheets ({sheets}) and writes new
                ones. Your data sheets are not changed.
              </p>
              <p className={styles.paragraph}>
                Excel cannot undo deleting sheets for an add-in, so this also clears Excel&apos;s
                Undo history: changes you made before cannot be undone afterwards.
              </p>
            </div>
            <Checkbox
              checked={remember}
              onChange={(_, data) => setRemember(data.checked === true)}
              label="Don't ask again on this computer"
            />
          </DialogContent>
          <DialogActions className={styles.actions}>
            <Button
              appearance="primary"
              onClick={() => {
                setRemember(false);
                onReplace(remember);
              }}
            >
              Replace report
            </Button>
            <Button onClick={cancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
