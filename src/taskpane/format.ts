/**
 * Display wording for the task pane. Every number shown comes from the report model or the issue
 * list; this file only formats it (the words for statuses, bands and positions come from src/core).
 */
import {
  BAND_WORDS,
  Direction,
  Polarity,
  Rag,
  excelRound,
  formatCount,
  formatPercent,
  isImprovement,
  ordinal,
} from "../core";
import { Issue, sortIssues } from "../workbook/issues";
import type { MeasureResult, PeerResult } from "../workbook/model-types";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export interface IssueCounts {
  errors: number;
  warnings: number;
}

export function countIssues(issues: readonly Issue[]): IssueCounts {
  const errors = issues.filter((i) => i.severity === "error").length;
  return { errors, warnings: issues.length - errors };
}

/** "2 errors, 1 warning", "No errors, 3 warnings", "No problems found". */
export function countsPhrase({ errors, warnings }: IssueCounts): string {
  if (errors === 0 && warnings === 0) return "No problems found";
  const e = errors === 0 ? "No errors" : plural(errors, "error");
  const w = warnings === 0 ? "no warnings" : plural(warnings, "warning");
  return `${e}, ${w}`;
}

export interface SheetIssues {
  sheet: string;
  issues: Issue[];
  counts: IssueCounts;
}

/** Issues by sheet: sheets with errors first, and in each sheet errors first, then in cell order. */
export function groupBySheet(issues: readonly Issue[]): SheetIssues[] {
  const groups = new Map<string, Issue[]>();
  for (const issue of sortIssues(issues)) {
    const list = groups.get(issue.sheet);
    if (list) list.push(issue);
    else groups.set(issue.sheet, [issue]);
  }
  return [...groups].map(([sheet, list]) => ({ sheet, issues: list, counts: countIssues(list) }));
}

/** "Monthly!C7", or "'Domestic Abuse'!A1" where Excel would quote the sheet name. */
export function cellReference(sheet: string, cell: string): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return cell ? `${name}!${cell}` : name;
}

export const SEVERITY_WORDS: Record<Issue["severity"], string> = {
  error: "Error",
  warning: "Warning",
};

/** A measure's value as the report prints it: counts "2,879", rates "31.5%". */
export function formatValue(value: number | null, kind: MeasureResult["kind"]): string {
  if (value === null) return "n/a";
  return kind === "rate" ? formatPercent(value, 1) : formatCount(value);
}

function signed(rounded: number, text: string): string {
  if (rounded > 0) return `+${text}`;
  if (rounded < 0) return `-${text}`;
  return text;
}

/**
 * A change as the model states it: for counts a fraction ("+15%", whole percent), for rates a
 * difference of rates ("+3.5 percentage points"). Null when there is nothing to compare with.
 */
export function formatChange(change: number | null, kind: MeasureResult["kind"]): string | null {
  if (change === null) return null;
  if (kind === "rate") {
    const points = excelRound(change * 100, 1);
    return signed(points, `${Math.abs(points).toFixed(1)} percentage points`);
  }
  return signed(excelRound(change * 100, 0), formatPercent(Math.abs(change), 0));
}

/** "z = 1.42, not significant"; null when the change was not tested. */
export function significancePhrase(z: number | null, significant: boolean | null): string | null {
  if (z === null) return null;
  const rounded = excelRound(z, 2);
  const zText = signed(rounded, Math.abs(rounded).toFixed(2));
  const words = significant === null ? "" : significant ? ", significant" : ", not significant";
  return `z = ${zText}${words}`;
}

export interface Travel {
  arrow: "↑" | "↓" | "→";
  words: string;
  judgement: "better" | "worse" | null;
}

/** Direction of travel against the previous year, and whether that is better for this measure. */
export function travel(direction: Direction, polarity: Polarity, previousYear: string): Travel {
  const improvement = isImprovement(direction, polarity);
  const judgement = improvement === null ? null : improvement ? "better" : "worse";
  if (direction === "up") return { arrow: "↑", words: `Up on ${previousYear}`, judgement };
  if (direction === "down") return { arrow: "↓", words: `Down on ${previousYear}`, judgement };
  return { arrow: "→", words: `Level with ${previousYear}`, judgement };
}

/** "12th of 15", with "(was 3rd)" when the position moved. */
export function positionPhrase(peer: PeerResult): string {
  const now = `${ordinal(peer.position)} of ${peer.of}`;
  if (peer.previousPosition === null || peer.previousPosition === peer.position) return now;
  return `${now} (was ${ordinal(peer.previousPosition)})`;
}

export function bandWords(peer: PeerResult): string {
  return BAND_WORDS[peer.band];
}

export type BadgeColor = "success" | "warning" | "danger" | "informative";

/** The badge colour of a status; the badge always carries RAG_WORDS too, never colour alone. */
export const RAG_BADGE: Record<Rag, BadgeColor> = {
  green: "success",
  amber: "warning",
  red: "danger",
  "n/a": "informative",
};

export interface VariationView {
  /** The words of metrics.md, or why there is no chart. */
  words: string;
  /** Which icon: a dot for common cause, an arrow up or down for a special cause's side. */
  icon: "common" | "high" | "low" | "none";
  tone: "common" | "improving" | "concerning" | "none";
}

/** The latest month's variation (SPC) in words, with the icon and tone that go beside them. */
export function variationView(m: MeasureResult): VariationView {
  const spc = m.spc;
  if (spc === null) {
    const words =
      m.source === "monthly"
        ? `n/a: ${plural(m.spcMonths, "month")} of data, 12 needed`
        : "n/a: not monthly data";
    return { words, icon: "none", tone: "none" };
  }
  if (spc.variation === "common" || spc.side === null)
    return { words: spc.words, icon: "common", tone: "common" };
  return { words: spc.words, icon: spc.side, tone: spc.variation };
}
