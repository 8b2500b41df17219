import {
  Analysis,
  Issue,
  ReportModel,
  ReportPlan,
  analyse,
  buildPlan,
  validate,
} from "../workbook";
import {
  HostCapabilities,
  capabilityLimits,
  detectCapabilities,
  keepsUndo,
  mapLimits,
} from "./capabilities";
import { HostError } from "./errors";
import { readWorkbook } from "./read";
import { renderReport } from "./render";

export interface CheckResult {
  issues: Issue[];
  ok: boolean;
  /** The model when there are no errors, so the pane can show every measure's status. */
  model: ReportModel | null;
  empty: boolean; // no contract table at all: the pane offers the template and the sample
}

/** Check: reads the workbook (2 syncs) and validates it. Changes nothing. */
export async function checkWorkbook(ctx: Excel.RequestContext): Promise<CheckResult> {
  const info = await readWorkbook(ctx);
  const empty = info.snapshot.tables.length === 0 && info.snapshot.sheets.length === 0;
  if (empty) return { issues: validate(info.snapshot).issues, ok: false, model: null, empty };
  const a: Analysis = analyse(info.snapshot);
  return { issues: a.issues, ok: a.ok && a.model !== null, model: a.model, empty };
}

export type GenerateResult =
  | {
      status: "written";
      sheets: string[];
      model: ReportModel;
      issues: Issue[];
      plan: ReportPlan;
      syncs: number;
      /** The estimate of each write request, each an upper bound of what was sent. */
      requestEstimates: number[];
      /** What this Excel could not do, in sentences for the pane (empty on current Excel). */
      notes?: string[];
    }
  | { status: "invalid"; issues: Issue[] }
  /**
   * Writing would clear Excel's Undo history: a previous report is there and replacing it deletes
   * sheets ("replace"), or this Excel keeps no Undo across an add-in's changes ("no-undo"). Nothing
   * was written; the pane asks, then generates again with `undoLossConfirmed`.
   */
  | { status: "confirm"; reason: "replace" | "no-undo"; replace: string[] };

export interface GenerateOptions {
  /** The person agreed that generating clears Excel's Undo history. */
  undoLossConfirmed?: boolean;
}

/**
 * Generate: read (2 syncs), validate, model and plan in memory, then write (1 sync for an ordinary
 * workbook, more when the writes pass 4 MB; 1 more for the first typed write of a session, which
 * goes alone: see WriteBatch). With validation errors nothing is written. Protection is checked
 * before the first write, and whatever would clear Excel's Undo history waits for
 * `undoLossConfirmed`.
 */
export async function generateReport(
  ctx: Excel.RequestContext,
  caps: HostCapabilities = detectCapabilities(),
  options: GenerateOptions = {}
): Promise<GenerateResult> {
  const info = await readWorkbook(ctx);
  const a = analyse(info.snapshot);
  if (!a.model) return { status: "invalid", issues: a.issues };
  if (info.structureProtected) {
    throw new HostError({
      code: "AccessDenied",
      title: "The workbook's structure is protected",
      message:
        "The report needs to add sheets. Unprotect the workbook (Review > Protect Workbook), generate the report, then protect it again.",
    });
  }
  const locked = info.snapshot.reportSheets.filter((n) => info.protectedSheets.has(n));
  if (locked.length > 0) {
    throw new HostError({
      code: "AccessDenied",
      title: "A report sheet is protected",
      message: `The previous report's sheet${locked.length > 1 ? "s" : ""} ${locked.map((n) => `"${n}"`).join(", ")} ${locked.length > 1 ? "are" : "is"} protected, so ${locked.length > 1 ? "they" : "it"} cannot be replaced. Unprotect ${locked.length > 1 ? "them" : "it"} (Review > Unprotect Sheet) and try again.`,
    });
  }
  const replace = info.snapshot.reportSheets;
  if (options.undoLossConfirmed !== true && (replace.length > 0 || !keepsUndo(caps)))
    return {
      status: "confirm",
      reason: replace.length > 0 ? "replace" : "no-undo",
      replace: [...replace],
    };
  const plan = buildPlan(a.model, {
    sheetNames: info.snapshot.sheetNames,
    reportSheets: info.snapshot.reportSheets,
  });
  const r = await renderReport(ctx, plan, info.snapshot.sheetNames, replace, caps, info.veryHidden);
  return {
    status: "written",
    sheets: r.sheets,
    model: a.model,
    issues: a.issues,
    plan,
    syncs: info.readSyncs + r.writeSyncs,
    requestEstimates: r.requestEstimates,
    notes: [
      ...capabilityLimits(caps, "generate"),
      ...(plan.sheets.some((s) => s.charts.some((c) => c.map)) ? mapLimits(caps) : []),
    ],
  };
}
