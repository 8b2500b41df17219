import {
  Body1,
  Button,
  makeStyles,
  Spinner,
  Title3,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import {
  CheckmarkCircle16Filled,
  ErrorCircle16Filled,
  Warning16Filled,
} from "@fluentui/react-icons";
import type { ReactElement, Ref } from "react";
import type { CheckResult } from "../excel/generate";
import { TABLE_NAMES } from "../workbook/tables";
import type { Issue } from "../workbook/issues";
import { countIssues, countsPhrase } from "./format";
import { IssueList } from "./IssueList";
import { BUSY_LABELS, Busy } from "./busy";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  subheading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
  },
  summary: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  error: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0 },
  ok: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  offer: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  choice: { display: "flex", flexDirection: "column", alignItems: "flex-start", rowGap: "4px" },
  paragraph: { margin: 0 },
});

export interface CheckSectionProps {
  check: CheckResult | null;
  busy: Busy | null;
  checkButtonRef: Ref<HTMLButtonElement>;
  summaryRef: Ref<HTMLParagraphElement>;
  onCheck: (button: HTMLElement) => void;
  onSelectIssue: (issue: Issue, button: HTMLElement) => void;
  onInsert: (kind: "template" | "sample", button: HTMLElement) => void;
}

function Summary({
  check,
  summaryRef,
}: {
  check: CheckResult;
  summaryRef: Ref<HTMLParagraphElement>;
}): ReactElement {
  const styles = useStyles();
  const counts = countIssues(check.issues);
  const [Icon, tone] =
    counts.errors > 0
      ? [ErrorCircle16Filled, styles.error]
      : counts.warnings > 0
        ? [Warning16Filled, styles.warning]
        : [CheckmarkCircle16Filled, styles.ok];
  const advice =
    counts.errors > 0
      ? "Fix the errors, then check again. Select a problem to go to its cell."
      : counts.warnings > 0
        ? "The report can be written. Select a warning to go to its cell."
        : "The report can be written.";
  return (
    <>
      <p className={styles.summary} ref={summaryRef} tabIndex={-1} id="cdrp-check-summary">
        <Icon aria-hidden="true" className={tone} />
        {countsPhrase(counts)}
      </p>
      <Body1 as="p" className={styles.paragraph}>
        {advice}
      </Body1>
    </>
  );
}

function EmptyOffer({
  busy,
  summaryRef,
  onInsert,
}: Pick<CheckSectionProps, "busy" | "summaryRef" | "onInsert">): ReactElement {
  const styles = useStyles();
  const restoreTarget = useRestoreFocusTarget();
  return (
    <div className={styles.offer}>
      <h3 className={styles.subheading} ref={summaryRef} tabIndex={-1}>
        This workbook has no report data yet
      </h3>
      <div className={styles.choice}>
        <Button
          {...restoreTarget}
          disabledFocusable={busy !== null}
          aria-describedby="cdrp-template-help"
          onClick={(e) => onInsert("template", e.currentTarget)}
        >
          Create template
        </Button>
        <Body1 as="p" className={styles.paragraph} id="cdrp-template-help">
          Adds the sheets the report reads ({TABLE_NAMES.join(", ")}) as empty tables with their
          headers, ready for this quarter&apos;s figures.
        </Body1>
      </div>
      <div className={styles.choice}>
        <Button
          {...restoreTarget}
          disabledFocusable={busy !== null}
          aria-describedby="cdrp-sample-help"
          onClick={(e) => onInsert("sample", e.currentTarget)}
        >
          Insert sample
        </Button>
        <Body1 as="p" className={styles.paragraph} id="cdrp-sample-help">
          Adds the same sheets filled with a sample partnership&apos;s figures (South
          Cambridgeshire, Q1 2010-11), so you can see the whole report before entering your own.
        </Body1>
      </div>
    </div>
  );
}

/** Check: the button, progress, the summary line, and the issues by sheet (or the empty offer). */
export function CheckSection(props: CheckSectionProps): ReactElement {
  const { check, busy, checkButtonRef, summaryRef, onCheck, onSelectIssue, onInsert } = props;
  const styles = useStyles();
  const restoreTarget = useRestoreFocusTarget();
  const inSection = busy === "check" || busy === "template" || busy === "sample";
  return (
    <section className={styles.section} aria-labelledby="cdrp-check-heading">
      <Title3 as="h2" id="cdrp-check-heading" className={styles.heading}>
        Check
      </Title3>
      <div className={styles.actions}>
        <Button
          {...restoreTarget}
          ref={checkButtonRef}
          disabledFocusable={busy !== null}
          onClick={(e) => onCheck(e.currentTarget)}
        >
          Check workbook
        </Button>
        {inSection && <Spinner size="tiny" label={BUSY_LABELS[busy]} />}
      </div>
      {check === null ? (
        busy === null && (
          <Body1 as="p" className={styles.paragraph}>
            Not checked yet.
          </Body1>
        )
      ) : check.empty ? (
        <EmptyOffer busy={busy} summaryRef={summaryRef} onInsert={onInsert} />
      ) : (
        <>
          <Summary check={check} summaryRef={summaryRef} />
          <IssueList issues={check.issues} onSelect={onSelectIssue} />
        </>
      )}
    </section>
  );
}
