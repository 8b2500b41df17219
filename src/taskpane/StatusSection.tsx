import {
  Badge,
  Caption1,
  Card,
  makeStyles,
  Subtitle2,
  Title3,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowCircleDown16Filled,
  ArrowCircleUp16Filled,
  Circle16Regular,
} from "@fluentui/react-icons";
import type { ReactElement, ReactNode } from "react";
import { RAG_WORDS } from "../core";
import type { MeasureResult, ReportModel } from "../workbook/model-types";
import {
  bandWords,
  formatChange,
  formatValue,
  positionPhrase,
  RAG_BADGE,
  significancePhrase,
  travel,
  variationView,
} from "./format";
import { AreasStatus } from "./AreasStatus";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  cards: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  card: { minWidth: 0, overflowWrap: "anywhere" },
  cardHeading: { margin: 0 },
  badge: {
    // Long status words ("No change or still some concern") wrap instead of overflowing at 350 px.
    height: "auto",
    minHeight: "20px",
    maxWidth: "100%",
    whiteSpace: "normal",
    textAlign: "left",
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  facts: { margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  fact: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  term: { color: tokens.colorNeutralForeground2, margin: 0, fontSize: tokens.fontSizeBase300 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  arrow: { fontWeight: tokens.fontWeightBold },
  variation: {
    display: "inline-flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
  },
  // Making Data Count's colours; the icon's shape (dot, arrow up, arrow down) and the words carry it too.
  common: { color: tokens.colorNeutralForeground3 },
  improving: { color: "#0078A8" },
  concerning: { color: "#B5500A" },
});

function Variation({ m }: { m: MeasureResult }): ReactElement {
  const styles = useStyles();
  const v = variationView(m);
  const Icon =
    v.icon === "high"
      ? ArrowCircleUp16Filled
      : v.icon === "low"
        ? ArrowCircleDown16Filled
        : v.icon === "common"
          ? Circle16Regular
          : null;
  const tone = v.tone === "none" ? undefined : styles[v.tone];
  return (
    <span className={styles.variation}>
      {Icon && <Icon aria-hidden="true" className={tone} />}
      {v.words}
    </span>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }): ReactElement {
  const styles = useStyles();
  return (
    <div className={styles.fact}>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{children}</dd>
    </div>
  );
}

function MeasureCard({ m, model }: { m: MeasureResult; model: ReportModel }): ReactElement {
  const styles = useStyles();
  const change = formatChange(m.changeVsBaseline, m.kind);
  const significance = significancePhrase(m.z, m.significant);
  const move =
    m.direction === null ? null : travel(m.direction, m.polarity, model.yearLabels.previous);
  return (
    <li>
      <Card className={styles.card} appearance="outline">
        <Subtitle2 as="h3" className={styles.cardHeading}>
          {m.label}
        </Subtitle2>
        <dl className={styles.facts}>
          <Fact term="Status">
            <Badge
              className={styles.badge}
              appearance="filled"
              color={RAG_BADGE[m.status]}
              shape="rounded"
            >
              {RAG_WORDS[m.status]}
            </Badge>
          </Fact>
          <Fact term="Current">{formatValue(m.current, m.kind)}</Fact>
          <Fact term={`Change vs ${model.yearLabels.baseline}`}>
            {change === null ? "n/a" : change}
            {significance !== null && ` (${significance})`}
          </Fact>
          <Fact term={`Direction vs ${model.yearLabels.previous}`}>
            {move === null ? (
              "n/a"
            ) : (
              <>
                <span className={styles.arrow} aria-hidden="true">
                  {move.arrow}
                </span>{" "}
                {move.words}
                {move.judgement !== null && `, ${move.judgement}`}
              </>
            )}
          </Fact>
          {m.peer !== null && (
            <Fact term="MSG position">
              {positionPhrase(m.peer)}, {bandWords(m.peer)}
            </Fact>
          )}
          <Fact term="Variation (SPC)">
            <Variation m={m} />
          </Fact>
          <Fact term="Target">{m.targetText}</Fact>
        </dl>
      </Card>
    </li>
  );
}

/** One card per measure: value, change, significance, status, MSG position, direction of travel. */
export function StatusSection({ model }: { model: ReportModel }): ReactElement {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="cdrp-status-heading">
      <Title3 as="h2" id="cdrp-status-heading" className={styles.heading}>
        Status
      </Title3>
      <Caption1 as="p">
        {model.partnership}, {model.period.label} ({model.window.kind})
      </Caption1>
      {model.areas && <AreasStatus areas={model.areas} />}
      <ul className={styles.cards} aria-label="Measures">
        {model.measures.map((m) => (
          <MeasureCard key={m.id} m={m} model={model} />
        ))}
      </ul>
    </section>
  );
}
