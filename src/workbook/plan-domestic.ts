import { RAG_WORDS, countNoun } from "../core";
import { MeasureResult, ReportModel } from "./model-types";
import { noSpcText } from "./model-spc";
import { spcChart } from "./plan-spc";
import { SheetBuilder } from "./plan-sheet";
import { PlanSheet } from "./plan-types";
import { reportHeads } from "./plan-page";
import { FORMATS, HEADER, RAG_STYLE } from "./plan-summary";

/** The Domestic Abuse sheet: the MARAC table with NI 32 against its target, and IDVAS referrals by area. */
export function domesticSheet(model: ReportModel, name: string): PlanSheet | null {
  const { ni32, referrals } = model;
  const incidents = model.measures.find((m) => m.placement === "domestic") ?? null;
  if (!ni32 && !referrals && !incidents) return null;
  // Printed: the text's columns A..G, and the tables' period columns where they need more.
  const tableCols = Math.max(ni32?.history.length ?? 0, referrals?.table.periods.length ?? 0);
  const lastCol = Math.min(LAST_TABLE_COL, Math.max(TEXT_COLS, tableCols));
  const b = new SheetBuilder(name, "domestic", { orientation: "portrait", lastCol }).widths([
    44, 14, 14, 14, 14, 14, 14, 14, 14, 4, 12, 10, 10, 19, 19, 24, 24,
  ]);
  const title = ni32 || referrals ? "Domestic Abuse: MARAC and IDVAS" : "Domestic Abuse";
  b.text(0, 0, TEXT_COLS, title, { bold: true, size: 16, color: "1F4E79", wrap: true }, 0);
  b.text(
    1,
    0,
    TEXT_COLS,
    `${model.partnership}, ${model.period.label}.`,
    {
      italic: true,
      wrap: true,
    },
    0
  );
  let r = 3;
  if (ni32) {
    const top = r;
    b.set(r, 0, "Multi-Agency Risk Assessment Conference (MARAC)", undefined, SECTION);
    b.height(r, 18);
    r++;
    b.set(r, 0, ni32.area, undefined, HEADER).fit(r, 0, 0, ni32.area, HEADER);
    ni32.history.forEach((h, i) =>
      b.set(r, 1 + i, h.label, undefined, { ...HEADER, align: "center" })
    );
    b.set(r + 1, 0, "Number of MARAC cases");
    b.set(r + 2, 0, "Repeat cases");
    const rateLabel = "NI 32 – Rate of repeat victimisation of MARAC cases";
    b.set(r + 3, 0, rateLabel, undefined, WRAP).fit(r + 3, 0, 0, rateLabel, WRAP);
    ni32.history.forEach((h, i) => {
      b.set(r + 1, 1 + i, h.cases, FORMATS.count);
      b.set(r + 2, 1 + i, h.repeats, FORMATS.count);
      b.set(
        r + 3,
        1 + i,
        h.rate,
        FORMATS.rate,
        h.label === ni32.period ? { bold: true } : undefined
      );
    });
    r += 5;
    if (ni32.target !== null) {
      b.set(r, 0, "Target: repeat rate no higher than", undefined, { bold: true });
      b.set(r, 1, ni32.target, FORMATS.rate);
      b.set(r, 2, RAG_WORDS[ni32.status], undefined, {
        ...RAG_STYLE[ni32.status],
        wrap: true,
      }).merge(r, 2, 4);
      r++;
    }
    b.paragraph(r, ni32.sentence, TEXT_COLS, 36).keep(top, r, "table");
    r += 3;
  }
  if (referrals) {
    const t = referrals.table;
    const top = r;
    b.set(
      r,
      0,
      "Independent Domestic Violence Advocacy Service (IDVAS) referrals",
      undefined,
      SECTION
    );
    b.height(r, 18);
    r++;
    b.set(r, 0, "CDRP", undefined, HEADER);
    t.periods.forEach((p, i) => b.set(r, 1 + i, p, undefined, { ...HEADER, align: "center" }));
    for (const area of t.areas) {
      r++;
      const style = area.isPartnership
        ? { bold: true }
        : area.isTotal
          ? { italic: true }
          : undefined;
      b.set(r, 0, area.name, undefined, { ...style, wrap: true }).fit(r, 0, 0, area.name, {
        ...style,
        wrap: true,
      });
      area.values.forEach((v, i) => b.set(r, 1 + i, v, FORMATS.count, style));
    }
    r++;
    b.set(r, 0, `${model.partnership} share of referrals`, undefined, { bold: true });
    t.shares.forEach((s, i) => b.set(r, 1 + i, s, FORMATS.share, { bold: true }));
    r += 2;
    for (const sentence of [referrals.sentence, referrals.previousYear?.sentence]) {
      if (!sentence) continue;
      b.paragraph(r, sentence, TEXT_COLS, 0);
      r++;
    }
    b.keep(top, r - 1, "table");
    r += 2;
  }
  if (incidents) policeIncidents(b, incidents, model, r);
  return b.finish(reportHeads(model));
}

const INCIDENT_ROWS = 18;
const INCIDENT_DATA_COL = 10; // beyond the printed columns
/** Text runs across columns A..G; tables of many periods print up to column I. */
const TEXT_COLS = 6;
const LAST_TABLE_COL = 8;
const SECTION = { bold: true, size: 13 } as const;
const WRAP = { wrap: true } as const;

/** "Police incident data", as the reference report ends its Domestic Abuse section: the XmR chart of DA_INCIDENTS. */
function policeIncidents(b: SheetBuilder, m: MeasureResult, model: ReportModel, top: number): void {
  b.set(top, 0, "Police incident data", undefined, SECTION);
  b.height(top, 18);
  const spc = m.spc;
  const end = spc ? spc.months[spc.months.length - 1] : model.period.end;
  b.paragraph(
    top + 1,
    `The chart below shows the number of ${countNoun(m.label)} per month within the district up to ${end}, with the mean and process limits of its control chart.`,
    TEXT_COLS,
    30
  );
  if (!spc) {
    b.paragraph(top + 2, noSpcText(m.label, m.spcMonths), TEXT_COLS, 0, { italic: true });
    b.keep(top, top + 2, "text");
    return;
  }
  const chartTop = top + 2;
  b.chart(
    spcChart(b, spc, {
      title: `${m.label} per month, mean and process limits`,
      valueName: m.label,
      dataTop: chartTop,
      dataCol: INCIDENT_DATA_COL,
      from: { row: chartTop, col: 0 },
      to: { row: chartTop + INCIDENT_ROWS, col: TEXT_COLS + 1 },
      valueAxisTitle: "Incidents",
    })
  );
  const sentenceRow = chartTop + INCIDENT_ROWS + 1;
  b.paragraph(sentenceRow, spc.sentence, TEXT_COLS, 64).keep(top, sentenceRow, "figure");
}
