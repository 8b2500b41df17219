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

/** Why generating would clear Undo: a previous report to delete, or an Excel without Undo for add-ins. */
export interface UndoLoss {
  reason: "replace" | "no-undo";
  /** The previous report's sheets (none for "no-undo" on a first report). */
  sheets: string[];
}

export interface ReplaceDialogProps {
  /** What would be lost; null when the dialog is closed. */
  loss: UndoLoss | null;
  onReplace: (remember: boolean) => void;
  onCancel: () => void;
}

/**
 * Asked before generating clears the person's Undo history (office-js-docs-pr
 * docs/excel/excel-add-ins-undo-capabilities.md): replacing a previous report deletes its sheets,
 * which Excel cannot undo for an add-in on any platform ("Unsupported APIs"), and an Excel before
 * ExcelApi 1.20 keeps no Undo across an add-in's changes at all. A modal dialog: focus is trapped
 * inside and Escape cancels.
 */
export function ReplaceDialog({ loss, onReplace, onCancel }: ReplaceDialogProps): ReactElement {
  const styles = useStyles();
  const [remember, setRemember] = useState(false);
  const sheets = (loss?.sheets ?? []).map((s) => `"${s}"`).join(", ");
  const replacing = loss?.reason !== "no-undo";
  const cancel = () => {
    setRemember(false);
    onCancel();
  };
  return (
    <Dialog
      open={loss !== null}
      modalType="modal"
      onOpenChange={(_, data) => {
        if (!data.open) cancel();
      }}
    >
      <DialogSurface aria-describedby="cdrp-replace-message">
        <DialogBody>
          <DialogTitle>
            {replacing ? "Replace the previous report?" : "Clear Excel's Undo history?"}
          </DialogTitle>
          <DialogContent className={styles.content}>
            <div id="cdrp-replace-message" className={styles.content}>
              {replacing ? (
                <>
                  <p className={styles.paragraph}>
                    Generating again deletes the previous report&apos;s sheets ({sheets}) and writes
                    new ones. Your data sheets are not changed.
                  </p>
                  <p className={styles.paragraph}>
                    Excel cannot undo deleting sheets for an add-in, so this also clears
                    Excel&apos;s Undo history: changes you made before cannot be undone afterwards.
                  </p>
                </>
              ) : (
                <>
                  <p className={styles.paragraph}>
                    This version of Excel keeps no Undo history across an add-in&apos;s changes, so
                    writing the report clears it: changes you made before cannot be undone
                    afterwards. Your data sheets are not changed.
                  </p>
                  <p className={styles.paragraph}>
                    Excel for Microsoft 365 (Version 2509 or later) and Excel on the web keep it.
                  </p>
                </>
              )}
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
              {replacing ? "Replace report" : "Generate report"}
            </Button>
            <Button onClick={cancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
