import { changeText, roundedPercentChange } from "./change";
import { formatCount, formatPercent } from "./rounding";
import { Band, BAND_WORDS, movementOf, movementPhrase, ordinal } from "./peers";
import { Polarity, Rag } from "./status";

/**
 * Sentences in the report's voice, built from numbers only. Every figure in a sentence is computed
 * here from the same values the tables show, so text and tables cannot disagree.
 */

const UNCOUNTABLE = new Set([
  "damage",
  "disorder",
  "violence",
  "behaviour",
  "abuse",
  "crime",
  "offending",
  "harm",
  "trafficking",
]);
const HEAD_BREAKERS = new Set(["of", "from", "in", "with", "against", "to", "by", "on"]);

function pluralWord(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

/**
 * What the report counts, in the plural: "Dwelling Burglary" -> "dwelling burglaries",
 * "Theft of Vehicles" -> "thefts of vehicles". Mass nouns become "criminal damage offences".
 */
export function countNoun(label: string): string {
  // Acronyms (IDVAS, ASB) keep their capitals; other words are lower-cased as in running text.
  const words = label
    .trim()
    .split(/\s+/)
    .filter((w) => w !== "")
    .map((w) => (/^[A-Z0-9]{2,}$/.test(w) ? w : w.toLowerCase()));
  if (words.length === 0) return "offences";
  const breakAt = words.findIndex((w, i) => i > 0 && HEAD_BREAKERS.has(w));
  const headIndex = breakAt > 0 ? breakAt - 1 : words.length - 1;
  const head = words[headIndex] as string;
  if (UNCOUNTABLE.has(head)) return `${words.join(" ")} offences`;
  if (/[^s]s$/.test(head) || /^[A-Z0-9]{2,}$/.test(head)) return words.join(" ");
  words[headIndex] = pluralWord(head);
  return words.join(" ");
}

export interface MeasureSentenceInput {
  windowPhrase: string; // "the first three months of 2010-11"
  label: string; // "Dwelling Burglary"
  polarity: Polarity;
  current: number;
  previous: number | null;
  baseline: number | null;
  baselineLabel: string; // "2008-09"
}

type Way = "higher" | "lower" | "same";

function way(current: number, comparator: number): Way {
  return current === comparator ? "same" : current > comparator ? "higher" : "lower";
}

function isBad(w: Way, polarity: Polarity): boolean {
  return w !== "same" && (w === "higher") === (polarity === "lower");
}

function previousClause(current: number, previous: number, withPercent: boolean): string {
  const w = way(current, previous);
  if (w === "same") return "the same as for the same period the previous year";
  if (!withPercent || previous === 0) return `${w} than for the same period the previous year`;
  const pct = Math.abs(roundedPercentChange(current, previous));
  return `${pct === 0 ? "less than 1%" : `${pct}%`} ${w} than for the same period the previous year`;
}

function baselineClause(current: number, baseline: number, label: string): string {
  if (baseline === 0) return `${current === 0 ? "the same as" : "higher than"} for ${label} (0)`;
  return changeText(current, baseline, label);
}

/**
 * "During the first three months of 2010-11 numbers of recorded dwelling burglaries (105) are lower
 * than for the same period the previous year but still 15% higher than for 2008-09 (91)."
 * Where both comparisons point the same way the previous-year clause carries its percentage too;
 * where they differ, "but still" introduces a baseline that is worse, "but remain" one that is better.
 */
export function measureSentence(i: MeasureSentenceInput): string {
  const subject = `During ${i.windowPhrase} numbers of recorded ${countNoun(i.label)} (${formatCount(i.current)})`;
  const parts: string[] = [];
  if (i.previous !== null && i.baseline !== null) {
    const wp = way(i.current, i.previous);
    const wb = way(i.current, i.baseline);
    const agree = wp === wb || wp === "same" || wb === "same";
    parts.push(previousClause(i.current, i.previous, agree));
    const connector = agree ? "and" : isBad(wb, i.polarity) ? "but still" : "but remain";
    parts.push(`${connector} ${baselineClause(i.current, i.baseline, i.baselineLabel)}`);
  } else if (i.previous !== null) {
    parts.push(previousClause(i.current, i.previous, true));
  } else if (i.baseline !== null) {
    parts.push(baselineClause(i.current, i.baseline, i.baselineLabel));
  } else {
    return `${subject}; there is no earlier year to compare with.`;
  }
  return `${subject} are ${parts.join(" ")}.`;
}

export interface PeerSentenceInput {
  partnership: string;
  position: number;
  of: number;
  previousPosition: number | null;
  band: Band;
  previousBand: Band | null;
  pastPhrase: string; // "the past three months"
}

function bandClause(band: Band, previous: Band | null): string {
  const words = BAND_WORDS[band].toLowerCase();
  if (previous === null) return `is ${words}`;
  return previous === band ? `remains ${words}` : `is now ${words}`;
}

/**
 * "South Cambridgeshire remains in 12th position when compared to most similar group members in the
 * past three months and remains worse than average."
 * "South Cambridgeshire has slipped from 3rd to 4th position, but remains better than average when
 * compared to most similar group members."
 */
export function peerSentence(i: PeerSentenceInput): string {
  const band = bandClause(i.band, i.previousBand);
  const move = movementOf(i.previousPosition, i.position);
  const compared = "when compared to most similar group members";
  if (move === "new") {
    return `${i.partnership} is in ${ordinal(i.position)} position of ${i.of} ${compared} in ${i.pastPhrase} and ${band}.`;
  }
  if (move === "remains") {
    return `${i.partnership} ${movementPhrase(i.previousPosition, i.position)} position ${compared} in ${i.pastPhrase} and ${band}.`;
  }
  const contrast = move === "slipped" ? i.band !== "worse" : i.band === "worse";
  return `${i.partnership} has ${movementPhrase(i.previousPosition, i.position)} position${contrast ? ", but" : " and"} ${band} ${compared}.`;
}

export interface TargetSentenceInput {
  label: string; // "NI 32"
  periodLabel: string; // "Q1 2010-11"
  rate: number;
  target: number;
  status: Rag;
  repeats: number;
  cases: number;
}

/** "The target for NI 32 is that the repeat rate should not be higher than 28%. The target has not been achieved in Q1 2010-11 (31.5%: 46 of 146 MARAC cases were repeats)." */
export function ni32Sentence(i: TargetSentenceInput): string {
  const achieved = i.status === "green" ? "has been achieved" : "has not been achieved";
  return (
    `The target for ${i.label} is that the repeat rate should not be higher than ${formatPercent(i.target, 1).replace(/\.0%$/, "%")}. ` +
    `The target ${achieved} in ${i.periodLabel} (${formatPercent(i.rate, 1)}: ${formatCount(i.repeats)} of ${formatCount(i.cases)} MARAC cases were repeats).`
  );
}

/** "During Q1 2010-11 South Cambridgeshire accounted for 12% of the referrals to the IDVAS." */
export function shareSentence(
  partnership: string,
  periodLabel: string,
  share: number,
  isWholeYear: boolean
): string {
  const when = isWholeYear ? `For the entire year ${periodLabel}` : `During ${periodLabel}`;
  return `${when} ${partnership} accounted for ${formatPercent(share)} of the referrals to the IDVAS.`;
}
