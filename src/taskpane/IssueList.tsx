import { Button, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Warning16Filled } from "@fluentui/react-icons";
import { useState, type ReactElement } from "react";
import type { Issue } from "../workbook/issues";
import { cellReference, countsPhrase, groupBySheet, SEVERITY_WORDS, SheetIssues } from "./format";

/** Issues beyond this many on one sheet wait behind a "Show all" button, so the pane stays quick. */
export const SHOWN_PER_SHEET = 50;

const useStyles = makeStyles({
  groups: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  headingCounts: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  issue: {
    width: "100%",
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    justifyContent: "flex-start",
    textAlign: "left",
    rowGap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    fontWeight: tokens.fontWeightRegular,
    whiteSpace: "normal",
    overflowWrap: "anywhere",
  },
  head: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  severity: {
    display: "inline-flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  cell: { fontWeight: tokens.fontWeightSemibold },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  message: { display: "block" },
});

/** Severity in words and an icon (the icon is decoration; the word carries the meaning). */
export function Severity({ severity }: { severity: Issue["severity"] }): ReactElement {
  const styles = useStyles();
  const Icon = severity === "error" ? ErrorCircle16Filled : Warning16Filled;
  return (
    <span className={styles.severity}>
      <Icon aria-hidden="true" className={severity === "error" ? styles.error : styles.warning} />
      <span>{SEVERITY_WORDS[severity]}</span>
    </span>
  );
}

export interface IssueListProps {
  issues: readonly Issue[];
  /** Called with the issue and the button that was pressed (focus returns there on failure). */
  onSelect: (issue: Issue, button: HTMLElement) => void;
}

/** Issues grouped by sheet, each sheet under a heading with its counts; each issue a button. */
export function IssueList({ issues, onSelect }: IssueListProps): ReactElement | null {
  const styles = useStyles();
  const groups = groupBySheet(issues);
  if (groups.length === 0) return null;
  return (
    <div className={styles.groups}>
      {groups.map((group) => (
        <SheetGroup key={group.sheet} group={group} onSelect={onSelect} />
      ))}
    </div>
  );
}

function SheetGroup({
  group,
  onSelect,
}: {
  group: SheetIssues;
  onSelect: IssueListProps["onSelect"];
}): ReactElement {
  const styles = useStyles();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? group.issues : group.issues.slice(0, SHOWN_PER_SHEET);
  const hidden = group.issues.length - shown.length;
  return (
    <section>
      <Subtitle2 as="h3" className={styles.heading}>
        {group.sheet} <span className={styles.headingCounts}>({countsPhrase(group.counts)})</span>
      </Subtitle2>
      <ul className={styles.list}>
        {shown.map((issue, i) => (
          <li key={`${issue.cell}-${issue.code}-${i}`}>
            <Button
              appearance="subtle"
              className={styles.issue}
              onClick={(e) => onSelect(issue, e.currentTarget)}
            >
              <span className={styles.head}>
                <Severity severity={issue.severity} />{" "}
                <span className={styles.cell}>{cellReference(issue.sheet, issue.cell)}</span>{" "}
                <span className={styles.code}>{issue.code}</span>
              </span>{" "}
              <span className={styles.message}>{issue.message}</span>
            </Button>
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <Button appearance="transparent" onClick={() => setShowAll(true)}>
          {`Show ${hidden} more on ${group.sheet}`}
        </Button>
      )}
    </section>
  );
}
