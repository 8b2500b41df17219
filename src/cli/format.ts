import { BAND_WORDS, RAG_WORDS, excelRound, formatPercent, ordinal } from "../core";
import { Issue, ReportModel } from "../workbook";

/** Human-readable output of the command line (the --json forms are in main.ts). */
export function formatIssues(issues: readonly Issue[], fileName: string): string {
  if (issues.length === 0) return `${fileName}: no problems found.`;
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  const lines = issues.map(
    (i) =>
      `${i.severity === "error" ? "error  " : "warning"}  ${i.sheet}!${i.cell}  ${i.code}  ${i.message}`
  );
  lines.push(
    `${fileName}: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}.`
  );
  return lines.join("\n");
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

const num = (v: number | null, kind: "count" | "rate") =>
  v === null ? "n/a" : kind === "rate" ? formatPercent(v, 1) : String(excelRound(v));

/** The summary table printed after a report. */
export function formatSummary(model: ReportModel, sheets: readonly string[]): string {
  const out: string[] = [];
  out.push(
    `${model.partnership} Performance Summary, ${model.period.label} (${model.window.phrase})`
  );
  out.push("");
  out.push(
    [
      pad("Measure", 44),
      pad("Current", 8, true),
      pad("Prev", 7, true),
      pad("Base", 7, true),
      pad("vs base", 9, true),
      pad("z", 6, true),
      "  " + pad("Status", 42),
      "MSG",
    ].join(" ")
  );
  for (const m of model.measures) {
    const change =
      m.changeVsBaseline === null
        ? "n/a"
        : m.kind === "rate"
          ? `${m.changeVsBaseline >= 0 ? "+" : ""}${(m.changeVsBaseline * 100).toFixed(1)} pts`
          : `${m.changeVsBaseline >= 0 ? "+" : ""}${formatPercent(m.changeVsBaseline)}`;
    const z =
      m.z === null ? "" : `${m.z >= 0 ? "+" : ""}${m.z.toFixed(2)}${m.significant ? "*" : ""}`;
    const peer = m.peer
      ? `${ordinal(m.peer.position)} of ${m.peer.of}, ${BAND_WORDS[m.peer.band].toLowerCase()}`
      : "";
    out.push(
      [
        pad(m.label.slice(0, 44), 44),
        pad(num(m.current, m.kind), 8, true),
        pad(num(m.previous, m.kind), 7, true),
        pad(num(m.baseline, m.kind), 7, true),
        pad(change, 9, true),
        pad(z, 6, true),
        "  " + pad(`${RAG_WORDS[m.status]} (${m.status})`, 42),
        peer,
      ].join(" ")
    );
  }
  out.push("");
  out.push("* significant change (|z| >= 1.96)");
  if (model.ni32) {
    const t =
      model.ni32.target === null
        ? ""
        : `, target no higher than ${formatPercent(model.ni32.target)}`;
    out.push(
      `NI 32: ${model.ni32.repeats} of ${model.ni32.cases} MARAC cases were repeats = ${formatPercent(model.ni32.rate, 1)}${t}: ${RAG_WORDS[model.ni32.status]} (${model.ni32.status})`
    );
  }
  if (model.referrals) out.push(model.referrals.sentence);
  if (model.concerns.length > 0) {
    out.push("");
    out.push("Areas for concern:");
    for (const c of model.concerns) out.push(`- ${c.label} (${c.status}): ${c.sentence}`);
  }
  out.push("");
  out.push(`Report sheets: ${sheets.join(", ")}`);
  return out.join("\n");
}

/**
 * Text as it may reach a terminal: control characters (escape sequences, carriage returns) and
 * bidirectional overrides from cell text are shown as \uXXXX, never acted on. Tabs and newlines
 * stay. Inside JSON strings the escape means the same character, so --json output stays exact.
 */
export function terminalSafe(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}
