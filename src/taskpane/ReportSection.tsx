import {
  Body1,
  Button,
  makeStyles,
  Spinner,
  Title3,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import type { ReactElement } from "react";
import { BUSY_LABELS, Busy } from "./busy";
import { countsPhrase, IssueCounts } from "./format";

export type ReportOutcome =
  | { kind: "written"; sheets: string[]; notes?: string[] }
  | { kind: "invalid"; counts: IssueCounts }
  | null;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  paragraph: { margin: 0 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
  },
  sheets: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  goTo: { alignSelf: "flex-start" },
});

export interface ReportSectionProps {
  busy: Busy | null;
  /** Why the report cannot be generated now, or null when it can. */
  blockedBecause: string | null;
  outcome: ReportOutcome;
  onGenerate: (button: HTMLElement) => void;
  onGoTo: (sheet: string, button: HTMLElement) => void;
}

/** Report: the Generate button, its progress, then the sheets written and a way to them. */
export function ReportSection(props: ReportSectionProps): ReactElement {
  const { busy, blockedBecause, outcome, onGenerate, onGoTo } = props;
  const styles = useStyles();
  const restoreTarget = useRestoreFocusTarget();
  const first = outcome?.kind === "written" ? outcome.sheets[0] : undefined;
  return (
    <section className={styles.section} aria-labelledby="cdrp-report-heading">
      <Title3 as="h2" id="cdrp-report-heading" className={styles.heading}>
        Report
      </Title3>
      <Body1 as="p" className={styles.paragraph}>
        Writes the Summary, one sheet per priority with its charts, and the Domestic Abuse sheet
        into this workbook. Generating again replaces only the report&apos;s own sheets.
      </Body1>
      <div className={styles.actions}>
        <Button
          {...restoreTarget}
          appearance="primary"
          disabledFocusable={busy !== null || blockedBecause !== null}
          aria-describedby={blockedBecause !== null ? "cdrp-generate-blocked" : undefined}
          onClick={(e) => onGenerate(e.currentTarget)}
        >
          Generate report
        </Button>
        {busy === "generate" && <Spinner size="tiny" label={BUSY_LABELS.generate} />}
      </div>
      {blockedBecause !== null && (
        <Body1 as="p" className={styles.paragraph} id="cdrp-generate-blocked">
          {blockedBecause}
        </Body1>
      )}
      {outcome?.kind === "invalid" && (
        <Body1 as="p" className={styles.paragraph}>
          The report was not written: the workbook has {countsPhrase(outcome.counts).toLowerCase()}.
          The problems are listed under Check.
        </Body1>
      )}
      {outcome?.kind === "written" && (
        <>
          <Body1 as="p" className={styles.paragraph} id="cdrp-sheets-written">
            Report written to {outcome.sheets.length} sheet{outcome.sheets.length === 1 ? "" : "s"}:
          </Body1>
          <ul className={styles.sheets} aria-labelledby="cdrp-sheets-written">
            {outcome.sheets.map((s) => (
              <li key={s}>
                <Body1>{s}</Body1>
              </li>
            ))}
          </ul>
          {(outcome.notes ?? []).map((note) => (
            <Body1 as="p" className={styles.paragraph} key={note}>
              {note}
            </Body1>
          ))}
          {first !== undefined && (
            <Button className={styles.goTo} onClick={(e) => onGoTo(first, e.currentTarget)}>
              {`Go to ${first}`}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
