import { Card, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactElement } from "react";
import type { AreasModel } from "../workbook/model-types";

const useStyles = makeStyles({
  card: { minWidth: 0, overflowWrap: "anywhere" },
  heading: { margin: 0 },
  text: { margin: 0, fontSize: tokens.fontSizeBase300 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, fontSize: tokens.fontSizeBase300 },
});

/**
 * The Priority areas line of the Status section (spec/areas.md): how many areas are rising (named)
 * and the three with the most crime, in words; the sheet holds the rest.
 */
export function AreasStatus({ areas }: { areas: AreasModel }): ReactElement {
  const styles = useStyles();
  const { rising, top } = areas.status;
  const tested = areas.comparator !== null;
  return (
    <Card className={styles.card} appearance="outline" aria-labelledby="cdrp-areas-heading">
      <Subtitle2 as="h3" id="cdrp-areas-heading" className={styles.heading}>
        Priority areas
      </Subtitle2>
      <p className={styles.text}>
        {!tested
          ? "Rising areas: not tested (no comparator window has every month)."
          : rising.length === 0
            ? `Rising areas: none of ${areas.areas.length}.`
            : `Rising areas: ${rising.length} of ${areas.areas.length} (${rising.slice(0, 5).join(", ")}${rising.length > 5 ? ` and ${rising.length - 5} more` : ""}).`}
      </p>
      {top.length > 0 && (
        <>
          <p className={styles.text} id="cdrp-areas-top">
            Most crime in {areas.window.phrase}:
          </p>
          <ol className={styles.list} aria-labelledby="cdrp-areas-top">
            {top.map((t) => (
              <li key={t.name}>
                {t.name} ({t.count.toLocaleString("en-GB")})
              </li>
            ))}
          </ol>
        </>
      )}
    </Card>
  );
}
