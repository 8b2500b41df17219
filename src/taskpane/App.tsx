import { Divider, makeStyles, Title2, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactElement } from "react";
import { describeError, type HostProblem } from "../excel/errors";
import type { CheckResult } from "../excel/generate";
import type { Issue } from "../workbook/issues";
import type { Busy } from "./busy";
import { CheckSection } from "./CheckSection";
import { ErrorDialog } from "./ErrorDialog";
import type { ImportHost } from "./import-host";
import { countIssues, countsPhrase } from "./format";
import type { PaneHost } from "./pane-host";
import { rememberReplaceWithoutAsking, replaceWithoutAsking } from "./preferences";
import { ReplaceDialog, UndoLoss } from "./ReplaceDialog";
import { ReportOutcome, ReportSection } from "./ReportSection";
import { StatusSection } from "./StatusSection";

// The import (papaparse, the tally) is loaded only when a host offers it, after the first render.
const ImportSection = lazy(() =>
  import("./ImportSection").then((m) => ({ default: m.ImportSection }))
);

/** The mark a browser test reads to measure the time to first render (budget: 500 ms). */
export const FIRST_RENDER_MARK = "cdrp-first-render";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    maxWidth: "100%",
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    overflowWrap: "anywhere",
  },
  title: { margin: 0 },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0, 0, 0, 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

function checkAnnouncement(r: CheckResult): string {
  if (r.empty)
    return "This workbook has no report data yet: create the template or insert the sample.";
  const counts = countIssues(r.issues);
  const next = counts.errors > 0 ? " The report cannot be written until the errors are fixed." : "";
  return `Check finished: ${countsPhrase(counts).toLowerCase()}.${next}`;
}

function blockedBecause(check: CheckResult | null): string | null {
  if (check === null) return "Check the workbook first.";
  if (check.empty) return "Add the data first: create the template or insert the sample.";
  if (!check.ok) return "Fix the errors listed under Check, then check the workbook again.";
  return null;
}

export interface AppProps {
  host: PaneHost;
  /** The police.uk import; without it the pane has no Import section. */
  importHost?: ImportHost;
}

/** The task pane: check the workbook, show every measure's status, write the report. */
export function App({ host, importHost }: AppProps): ReactElement {
  const styles = useStyles();
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [outcome, setOutcome] = useState<ReportOutcome>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [problem, setProblem] = useState<HostProblem | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  /** Generating waits for the person's yes: it would clear Excel's Undo history. */
  const [replacing, setReplacing] = useState<{ loss: UndoLoss; trigger: HTMLElement } | null>(null);
  const busyNow = useRef(false);
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const checkButton = useRef<HTMLButtonElement>(null);
  const summary = useRef<HTMLParagraphElement>(null);
  const focusSummaryAfterCheck = useRef(false);
  const checkedOnOpen = useRef(false);

  // A repeated message gets a trailing no-break space so screen readers announce it again.
  const announce = useCallback(
    (text: string) => setAnnouncement((prev) => (prev === text ? `${text}\u00a0` : text)),
    []
  );

  const fail = useCallback((e: unknown, trigger: HTMLElement | null) => {
    returnFocusTo.current = trigger ?? checkButton.current;
    setProblem(describeError(e));
    setDialogOpen(true);
  }, []);

  /** Runs one action at a time; the buttons are also disabled while busy. */
  const exclusive = useCallback(async (kind: Busy, action: () => Promise<void>) => {
    if (busyNow.current) return;
    busyNow.current = true;
    setBusy(kind);
    try {
      await action();
    } finally {
      busyNow.current = false;
      setBusy(null);
    }
  }, []);

  const runCheck = useCallback(
    async (trigger: HTMLElement | null, prefix = "") => {
      setBusy("check");
      try {
        const r = await host.check();
        setCheck(r);
        announce(prefix + checkAnnouncement(r));
      } catch (e) {
        focusSummaryAfterCheck.current = false;
        fail(e, trigger);
      }
    },
    [host, announce, fail]
  );

  const onCheck = (button: HTMLElement | null) => exclusive("check", () => runCheck(button));

  const onInsert = (kind: "template" | "sample", button: HTMLElement) =>
    exclusive(kind, async () => {
      let added: string[];
      try {
        added = await (kind === "template" ? host.insertTemplate() : host.insertSample());
      } catch (e) {
        fail(e, button);
        return;
      }
      // The offer disappears once the workbook has data: move focus to the new summary line.
      focusSummaryAfterCheck.current = true;
      const what = kind === "template" ? "Template" : "Sample";
      const sheets = added.length > 0 ? ` (${added.join(", ")})` : "";
      await runCheck(checkButton.current, `${what} sheets added${sheets}. `);
    });

  const generate = (button: HTMLElement, undoLossConfirmed: boolean) =>
    exclusive("generate", async () => {
      setOutcome(null);
      try {
        const r = await host.generate({ undoLossConfirmed });
        if (r.status === "confirm") {
          setReplacing({ loss: { reason: r.reason, sheets: r.replace }, trigger: button });
        } else if (r.status === "invalid") {
          const counts = countIssues(r.issues);
          setCheck({ issues: r.issues, ok: false, model: null, empty: false });
          setOutcome({ kind: "invalid", counts });
          announce(
            `The report was not written: ${countsPhrase(counts).toLowerCase()}. The problems are listed under Check.`
          );
        } else {
          setCheck({ issues: r.issues, ok: true, model: r.model, empty: false });
          setOutcome({ kind: "written", sheets: r.sheets, notes: r.notes });
          const n = r.sheets.length;
          announce(
            `Report written to ${n} sheet${n === 1 ? "" : "s"}${n > 0 ? `, starting with ${r.sheets[0]}` : ""}.`
          );
        }
      } catch (e) {
        fail(e, button);
      }
    });

  const onGenerate = (button: HTMLElement) => generate(button, replaceWithoutAsking());

  const closeReplace = (replace: boolean, remember: boolean) => {
    const asked = replacing;
    setReplacing(null);
    if (!asked) return;
    returnFocusTo.current = asked.trigger;
    if (!replace) {
      announce(
        asked.loss.reason === "replace"
          ? "The previous report was kept; nothing was written."
          : "Nothing was written."
      );
      return;
    }
    if (remember) rememberReplaceWithoutAsking();
    void generate(asked.trigger, true);
  };

  const goTo = async (sheet: string, cell: string, button: HTMLElement) => {
    try {
      await host.goTo(sheet, cell);
    } catch (e) {
      fail(e, button);
    }
  };

  const onSelectIssue = (issue: Issue, button: HTMLElement) =>
    void goTo(issue.sheet, issue.cell, button);

  // First render, for the browser test that measures it; then the check, once, on open.
  useEffect(() => {
    if (typeof performance !== "undefined" && typeof performance.mark === "function") {
      performance.mark(FIRST_RENDER_MARK);
    }
    if (checkedOnOpen.current) return;
    checkedOnOpen.current = true;
    void exclusive("check", () => runCheck(null));
  }, [exclusive, runCheck]);

  useEffect(() => {
    if (check !== null && busy === null && focusSummaryAfterCheck.current) {
      focusSummaryAfterCheck.current = false;
      summary.current?.focus();
    }
  }, [check, busy]);

  // Focus goes back to the button that started the failed action (or Check if it has gone).
  useEffect(() => {
    if (dialogOpen || replacing !== null || returnFocusTo.current === null) return;
    const target = returnFocusTo.current;
    returnFocusTo.current = null;
    (target.isConnected ? target : checkButton.current)?.focus();
  }, [dialogOpen, replacing]);

  return (
    <main className={styles.root}>
      <Title2 as="h1" className={styles.title}>
        CDRP performance report
      </Title2>
      <CheckSection
        check={check}
        busy={busy}
        checkButtonRef={checkButton}
        summaryRef={summary}
        onCheck={(button) => void onCheck(button)}
        onSelectIssue={onSelectIssue}
        onInsert={(kind, button) => void onInsert(kind, button)}
      />
      {check?.model && (
        <>
          <Divider />
          <StatusSection model={check.model} />
        </>
      )}
      <Divider />
      <ReportSection
        busy={busy}
        blockedBecause={blockedBecause(check)}
        outcome={outcome}
        onGenerate={(button) => void onGenerate(button)}
        onGoTo={(sheet, button) => void goTo(sheet, "A1", button)}
      />
      {importHost && (
        <>
          <Divider />
          <Suspense fallback={null}>
            <ImportSection
              host={importHost}
              busy={busy}
              exclusive={exclusive}
              onImported={(message) => runCheck(checkButton.current, message)}
              onFail={fail}
            />
          </Suspense>
        </>
      )}
      <div role="status" aria-live="polite" className={styles.visuallyHidden}>
        {announcement}
      </div>
      <ErrorDialog problem={problem} open={dialogOpen} onClose={() => setDialogOpen(false)} />
      {replacing && (
        // Mounted only while asking, so the error dialog is the only other modal the pane has.
        <ReplaceDialog
          loss={replacing.loss}
          onReplace={(remember) => closeReplace(true, remember)}
          onCancel={() => closeReplace(false, false)}
        />
      )}
    </main>
  );
}
