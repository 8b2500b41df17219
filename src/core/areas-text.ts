/**
 * The Priority areas sheet's sentences (spec/areas.md), from numbers only: how many areas are
 * rising, which they are, and which have the most crime. Names are said in full, so a reader never
 * needs the colour of a bubble or a bar to know which areas are meant.
 */
import { formatCount } from "./rounding";

/** "A", "A and B", "A, B and C", "A, B, C and 4 more". */
export function listNames(names: readonly string[], max = 8): string {
  if (names.length === 0) return "";
  if (names.length > max) return `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
  if (names.length === 1) return names[0] as string;
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1] as string}`;
}

export interface AreasTextInput {
  /** Areas with a count in the current window. */
  areas: number;
  /** Rising areas' names, most crime first. */
  rising: readonly string[];
  /** The areas with the most crime, most first, with their counts. */
  top: readonly { name: string; count: number }[];
  /** "Q4 2023-24" */
  windowPhrase: string;
  /** "the same months a year earlier (Q4 2022-23)"; null: no comparator window has every month. */
  comparatorPhrase: string | null;
}

function risingClause(i: AreasTextInput): string {
  if (i.comparatorPhrase === null)
    return `No comparator window has every month of data, so no area of the ${formatCount(i.areas)} can be tested for a rise.`;
  const n = i.rising.length;
  const test = "more crime than in";
  if (n === 0)
    return `None of the ${formatCount(i.areas)} areas has ${test} ${i.comparatorPhrase} beyond what chance would explain (z of 1.96 or more).`;
  return `${n === 1 ? "One" : formatCount(n)} of the ${formatCount(i.areas)} areas ${n === 1 ? "has" : "have"} ${test} ${i.comparatorPhrase} beyond what chance would explain (z of 1.96 or more): ${listNames(i.rising)}.`;
}

function topClause(i: AreasTextInput): string {
  if (i.top.length === 0) return "";
  const list = listNames(i.top.map((t) => `${t.name} (${formatCount(t.count)})`));
  return ` The most crime in ${i.windowPhrase}: ${list}.`;
}

/** Under the bar chart: how many areas are rising and which have the most crime. */
export function areasSentence(i: AreasTextInput): string {
  return `${risingClause(i)}${topClause(i)}`;
}

/** Under the map: what a bubble is, and the rising areas named (they are also the orange bubbles). */
export function areasMapSentence(i: AreasTextInput & { unplaced: readonly string[] }): string {
  const what = `Each bubble is an area at the mean point of its crimes, sized by its crime (all crime but anti-social behaviour) in ${i.windowPhrase}; a kilometre is the same length across and up.`;
  const rising =
    i.comparatorPhrase === null
      ? " No area can be tested for a rise."
      : i.rising.length === 0
        ? " No area is rising."
        : ` Rising areas are a separate series, in orange and labelled: ${listNames(i.rising)}.`;
  const unplaced =
    i.unplaced.length === 0
      ? ""
      : ` Not on the map (no row with a map point): ${listNames(i.unplaced)}.`;
  return `${what}${rising}${topClause(i)}${unplaced}`;
}

/** The task pane's line: "3 rising areas; most crime: A (120), B (98), C (75)." */
export function areasStatusText(
  rising: number,
  top: readonly { name: string; count: number }[]
): string {
  const r =
    rising === 0
      ? "No rising areas"
      : `${formatCount(rising)} rising area${rising === 1 ? "" : "s"}`;
  const t =
    top.length === 0
      ? ""
      : `; most crime: ${top.map((x) => `${x.name} (${formatCount(x.count)})`).join(", ")}`;
  return `${r}${t}.`;
}
