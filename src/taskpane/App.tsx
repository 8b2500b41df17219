import { makeStyles, Text, Title2, tokens } from "@fluentui/react-components";
import { type ReactElement, useCallback, useEffect, useRef, useState } from "react";
import type { CheckResult } from "../excel/generate";
import { describeError, type HostProblem } from "../excel/errors";
import type { Issue } from "../workbook/issues";
import { Busy } from "./busy";
import { CheckSection } from "./CheckSection";
import { ErrorDialog } from "./ErrorDialog";
import { countIssues, countsPhrase } from "./format";
import type { PaneHost } from "./pane-host";
import { ReportOutcome, ReportSection } from "./ReportSection";
import { StatusSection } from "./StatusSection";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXL,
    padding: tokens.spacingHorizontalL,
    maxWidth: "100%",
    boxSizing: "border-box",
    overflowWrap: "anywhere",
  },
  heading: { margin: 0 },
  live: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
  },
});

function blockedBecause(check: CheckResult | null): string | null {
  if (check === null) return "Check the workbook first.";
  if (check.empty)
    return "Add the report's tables first: create the template or insert the sample.";
  if (!check.ok) return "Fix the errors listed under Check, then check again.";
  return null;
}

/**
 * The task pane: Check, Status, Report. It talks to Excel only through `host`; every failure is
 * shown in a dialog with what to do, and focus goes back to the button that started the action.
 */
export function App({ host }: { host: PaneHost }): ReactElement {
  const styles = useStyles();
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [outcome, setOutcome] = useState<ReportOutcome>(null);
  const [problem, setProblem] = useState<HostProblem | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const checkButtonRef = useRef<HTMLButtonElement>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);

  const fail = useCallback((e: unknown, from: HTMLElement | null) => {
    returnFocusTo.current = from;
    setProblem(describeError(e));
    setDialogOpen(true);
  }, []);

  const runCheck = useCallback(
    async (from: HTMLElement | null) => {
      setBusy("check");
      try {
        const r = await host.check();
        setCheck(r);
        setAnnouncement(
          r.empty
            ? "This workbook has no report data yet."
            : `Check finished: ${countsPhrase(countIssues(r.issues))}.`
        );
      } catch (e) {
        fail(e, from);
      } finally {
        setBusy(null);
      }
    },
    [host, fail]
  );

  useEffect(() => {
    performance.mark("cdrp-first-render");
    void runCheck(null);
  }, [runCheck]);

  const onInsert = async (kind: "template" | "sample", button: HTMLElement) => {
    setBusy(kind);
    try {
      await (kind === "sample" ? host.insertSample() : host.insertTemplate());
      setOutcome(null);
    } catch (e) {
      setBusy(null);
      fail(e, button);
      return;
    }
    await runCheck(checkButtonRef.current);
    checkButtonRef.current?.focus();
  };

  const onGenerate = async (button: HTMLElement) => {
    setBusy("generate");
    setOutcome(null);
    try {
      const r = await host.generate();
      if (r.status === "written") {
        setOutcome({ kind: "written", sheets: r.sheets });
        setCheck({ issues: r.issues, ok: true, model: r.model, empty: false });
        setAnnouncement(`Report written: ${r.sheets.join(", ")}.`);
      } else {
        const counts = countIssues(r.issues);
        setOutcome({ kind: "invalid", counts });
        setCheck({ issues: r.issues, ok: false, model: null, empty: false });
        setAnnouncement(`The report was not written: ${countsPhrase(counts)}.`);
      }
    } catch (e) {
      fail(e, button);
    } finally {
      setBusy(null);
    }
  };

  const goTo = async (sheet: string, cell: string, button: HTMLElement) => {
    try {
      await host.goTo(sheet, cell);
    } catch (e) {
      fail(e, button);
    }
  };

  return (
    <main className={styles.root}>
      <Title2 as="h1" className={styles.heading}>
        CDRP performance report
      </Title2>
      <CheckSection
        check={check}
        busy={busy}
        checkButtonRef={checkButtonRef}
        summaryRef={summaryRef}
        onCheck={(b) => void runCheck(b)}
        onSelectIssue={(issue: Issue, b) => void goTo(issue.sheet, issue.cell, b)}
        onInsert={(kind, b) => void onInsert(kind, b)}
      />
      {check?.model && <StatusSection model={check.model} />}
      <ReportSection
        busy={busy}
        blockedBecause={blockedBecause(check)}
        outcome={outcome}
        onGenerate={(b) => void onGenerate(b)}
        onGoTo={(sheet, b) => void goTo(sheet, "A1", b)}
      />
      <Text as="p" aria-live="polite" role="status" className={styles.live}>
        {announcement}
      </Text>
      <ErrorDialog
        problem={problem}
        open={dialogOpen}
        onClose={() => {
          setDialogOpen(false);
          returnFocusTo.current?.focus();
        }}
      />
    </main>
  );
}
