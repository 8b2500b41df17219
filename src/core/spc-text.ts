/**
 * The sentence under an XmR chart: the months, the mean and limits, the latest month's variation,
 * and every special-cause month by name, so colour is never the only signal on the chart.
 */
import { formatPercent } from "./rounding";
import { SpcResult, SpcRule, SpcSide, SpcVariation, spcReading } from "./spc";
import { Polarity } from "./status";

export interface SpcTextInput {
  label: string;
  /** Month names of the points, in order ("April 2008"). */
  months: readonly string[];
  result: SpcResult;
  polarity: Polarity;
  kind: "count" | "rate";
  /** The setting asked for this many baseline months (null: all). */
  baselineAsked: number | null;
}

const RULE_WORDS: Record<SpcRule, Record<SpcSide, string>> = {
  outside: { high: "above the upper limit", low: "below the lower limit" },
  trend: { high: "7 or more rising months in a row", low: "7 or more falling months in a row" },
  twoOfThree: {
    high: "2 of 3 months close to the upper limit",
    low: "2 of 3 months close to the lower limit",
  },
  shift: { high: "7 or more months above the mean", low: "7 or more months below the mean" },
};

/** "32.4" for counts, "31.5%" for rates. */
export function spcNumber(x: number, kind: "count" | "rate"): string {
  if (kind === "rate") return formatPercent(x, 1);
  const r = Math.round(x * 10) / 10;
  return (Object.is(r, -0) ? 0 : r).toFixed(1);
}

interface Group {
  reading: Exclude<SpcVariation, "common">;
  from: number;
  to: number;
  /** The rules that flag its months, with their sides, in metrics.md's order. */
  reasons: { rule: SpcRule; side: SpcSide }[];
}

const ORDER: readonly SpcRule[] = ["outside", "trend", "twoOfThree", "shift"];

/** Consecutive special-cause months read the same way (improving or concerning), as one group. */
export function spcGroups(result: SpcResult, polarity: Polarity): Group[] {
  const out: Group[] = [];
  result.signals.forEach((s, i) => {
    if (!s) return;
    const reading = spcReading(s.side, polarity);
    let g = out[out.length - 1];
    if (g && g.to === i - 1 && g.reading === reading) g.to = i;
    else out.push((g = { reading, from: i, to: i, reasons: [] }));
    if (!g.reasons.some((r) => r.rule === s.rule && r.side === s.side))
      g.reasons.push({ rule: s.rule, side: s.side });
  });
  for (const g of out) g.reasons.sort((a, b) => ORDER.indexOf(a.rule) - ORDER.indexOf(b.rule));
  return out;
}

function groupText(g: Group, months: readonly string[]): string {
  const why = g.reasons.map((r) => RULE_WORDS[r.rule][r.side]).join(", ");
  return g.from === g.to
    ? `${months[g.from]} (${why})`
    : `${months[g.from]} to ${months[g.to]} (${g.to - g.from + 1} months: ${why})`;
}

export function spcSentence(t: SpcTextInput): string {
  const { result, months } = t;
  const l = result.limits;
  const n = months.length;
  const num = (x: number) => spcNumber(x, t.kind);
  const basis =
    l.baselinePoints === n
      ? t.baselineAsked !== null && t.baselineAsked > n
        ? `all ${n} months (the settings ask for ${t.baselineAsked}, more than there are)`
        : `all ${n} months`
      : `the first ${l.baselinePoints} months, to ${months[l.baselinePoints - 1]}`;
  const head =
    `${t.label}, ${months[0]} to ${months[n - 1]}: mean ${num(l.mean)} a month, ` +
    `process limits ${num(l.lower)} to ${num(l.upper)}, set from ${basis}.`;
  const latest =
    result.variation === "common"
      ? `${months[n - 1]} shows common cause variation: no sign of a real change.`
      : `${months[n - 1]} shows special cause variation, ${result.variation} (${result.side}).`;
  const groups = spcGroups(result, t.polarity);
  const named = (reading: Group["reading"]) =>
    groups
      .filter((g) => g.reading === reading)
      .map((g) => groupText(g, months))
      .join("; ");
  const parts: string[] = [];
  const improving = named("improving");
  const concerning = named("concerning");
  if (improving) parts.push(`Improving special cause (blue): ${improving}.`);
  if (concerning) parts.push(`Concerning special cause (orange): ${concerning}.`);
  if (parts.length === 0) parts.push("No month shows special cause variation.");
  return [head, latest, ...parts].join(" ");
}
