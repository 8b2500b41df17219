import { SCALING_ALLOWANCE, WELL_UNDER_A_SECOND_MS } from "./budgets";
import { BenchRun, SectionRun } from "./report";
import { Column, formatCount, formatMb, formatMs, formatRate, textTable } from "./text-table";
import { CountFigure, ScalingFigure, TimedFigure } from "./types";

/** The readable report printed by default. */

const FIGURE_COLUMNS: Column[] = [
  { header: "Figure" },
  { header: "Size", align: "right" },
  { header: "" },
  { header: "Median", align: "right" },
  { header: "Min", align: "right" },
  { header: "Max", align: "right" },
  { header: "Runs", align: "right" },
  { header: "Throughput", align: "right" },
  { header: "Budget" },
];

const MEMORY_COLUMNS: Column[] = [
  { header: "Heap before", align: "right" },
  { header: "Heap after", align: "right" },
  { header: "Rss before", align: "right" },
  { header: "Peak rss", align: "right" },
];

function budgetCell(f: TimedFigure): string {
  if (f.budgetMs === null) return "";
  return `< ${f.budgetMs} ms  ${f.overBudget ? "OVER BUDGET" : "ok"}`;
}

function figureRow(f: TimedFigure, withMemory: boolean): string[] {
  const row = [
    f.label,
    formatCount(f.n),
    f.unit,
    formatMs(f.medianMs),
    formatMs(f.minMs),
    formatMs(f.maxMs),
    f.callsPerRun > 1 ? `${f.runs}x${f.callsPerRun}` : String(f.runs),
    `${formatRate(f.perSecond)}/s`,
    budgetCell(f),
  ];
  if (!withMemory) return row;
  const m = f.memory;
  const mem = m
    ? [m.heapBeforeMb, m.heapAfterMb, m.rssBeforeMb, m.peakRssMb].map(formatMb)
    : ["", "", "", ""];
  return [...row.slice(0, -1), ...mem, row[row.length - 1] as string];
}

function figuresTable(figures: readonly TimedFigure[]): string {
  const withMemory = figures.some((f) => f.memory !== null);
  const columns = withMemory
    ? [
        ...FIGURE_COLUMNS.slice(0, -1),
        ...MEMORY_COLUMNS,
        FIGURE_COLUMNS[FIGURE_COLUMNS.length - 1] as Column,
      ]
    : FIGURE_COLUMNS;
  const table = textTable(
    columns,
    figures.map((f) => figureRow(f, withMemory))
  );
  const notes = figures.filter((f) => f.note).map((f) => `  ${f.key}: ${f.note}`);
  return [table, ...notes].join("\n");
}

function scalingTable(scaling: readonly ScalingFigure[]): string {
  const columns: Column[] = [
    { header: "Scaling" },
    { header: "n -> N", align: "right" },
    { header: "" },
    { header: "Time ratio", align: "right" },
    { header: "Allowed", align: "right" },
    { header: "Verdict" },
  ];
  const rows = scaling.map((s) => [
    s.label,
    `${formatCount(s.nSmall)} -> ${formatCount(s.nLarge)}`,
    s.unit,
    s.ratio.toFixed(2),
    s.allowedRatio.toFixed(2),
    s.verdict === "within n log n" ? "within n log n" : "GROWS FASTER THAN n log n",
  ]);
  return textTable(columns, rows);
}

function countsTable(counts: readonly CountFigure[]): string {
  const columns: Column[] = [
    { header: "Count" },
    { header: "Value", align: "right" },
    { header: "" },
    { header: "Budget" },
  ];
  const rows = counts.map((c) => [
    c.label,
    formatCount(c.value),
    c.unit,
    c.budget === null
      ? ""
      : `<= ${formatCount(c.budget)}${c.overBudget ? "  OVER BUDGET" : "  ok"}`,
  ]);
  return textTable(columns, rows);
}

function sectionText(s: SectionRun): string {
  const parts = [s.title];
  if (s.error) parts.push(`  FAILED: ${s.error}`);
  if (s.result.figures.length > 0) parts.push(figuresTable(s.result.figures));
  if (s.result.counts.length > 0) parts.push(countsTable(s.result.counts));
  if (s.result.scaling.length > 0) parts.push(scalingTable(s.result.scaling));
  for (const note of s.result.notes) parts.push(`  Note: ${note}`);
  return parts.join("\n\n");
}

export function textReport(run: BenchRun): string {
  const m = run.meta;
  const header = [
    `CDRP bench: node ${m.node}, ${m.cpus} CPUs (${m.cpuModel}), ${m.platform}; ${m.totalSeconds.toFixed(1)} s in all`,
    `Load average (1, 5, 15 min) at the start ${m.loadAverage.start.map((x) => x.toFixed(2)).join(", ")}, at the end ${m.loadAverage.end.map((x) => x.toFixed(2)).join(", ")}: anything above 0 is other work sharing the ${m.cpus} CPUs.`,
    "Time per call: median of the timed runs after a warm-up (runs x calls per run for fast calls).",
    `Budgets are printed, never asserted; "well under a second" (DESIGN.md) is read as ${WELL_UNDER_A_SECOND_MS} ms.`,
    `Scaling: time ratio from n to N against (N/n) * log(N)/log(n) * ${SCALING_ALLOWANCE} (10 * log(10n)/log(n) * ${SCALING_ALLOWANCE} for N = 10n).`,
    "Memory: heapUsed after a forced GC before the call, heapUsed sampled right after it (before GC),",
    "the process's rss before it and its peak rss polled every millisecond while it ran; largest over the runs.",
  ];
  const s = run.summary;
  const verdict = [
    `Over budget: ${s.overBudget.length === 0 ? "none" : s.overBudget.join(", ")}`,
    `Faster than n log n: ${s.fasterThanNLogN.length === 0 ? "none" : s.fasterThanNLogN.join(", ")}`,
  ];
  if (s.failed.length > 0) verdict.push(`Failed sections: ${s.failed.join(", ")}`);
  return (
    [header.join("\n"), ...run.sections.map(sectionText), verdict.join("\n")].join("\n\n") + "\n"
  );
}
