import { Body1, makeStyles, Title2, tokens } from "@fluentui/react-components";
import type { ReactElement } from "react";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

/** Placeholder pane: the validate / status / generate pane replaces it. */
export function App(): ReactElement {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">CDRP performance report</Title2>
      <Body1 as="p">
        This pane is being built. Soon it will check this quarter&apos;s sheets and write the report
        into the workbook.
      </Body1>
    </main>
  );
}
