import { ReportModel } from "./model-types";
import { allocateName } from "./plan-sheet";
import { PlanSheet, ReportPlan } from "./plan-types";
import { summarySheet } from "./plan-summary";
import { prioritySheet } from "./plan-priority";
import { domesticSheet } from "./plan-domestic";
import { areasSheet } from "./plan-areas";

export interface PlanContext {
  /** Every sheet in the workbook now. */
  sheetNames: readonly string[];
  /** Sheets an earlier run generated: they will be replaced, so their names are free. */
  reportSheets: readonly string[];
}

/**
 * The report plan for a model. Report sheets take their usual names unless a user's own sheet has
 * the name; then they take "Summary (2)" and so on. User sheets are never named here, never replaced.
 */
export function buildPlan(model: ReportModel, ctx: PlanContext): ReportPlan {
  const replaced = new Set(ctx.reportSheets.map((n) => n.toLowerCase()));
  const taken = new Set(ctx.sheetNames.map((n) => n.toLowerCase()).filter((n) => !replaced.has(n)));
  const sheets: PlanSheet[] = [summarySheet(model, allocateName("Summary", taken))];
  for (const group of model.priorities) {
    const hasCharts = group.measures.some((id) => {
      const m = model.measures.find((x) => x.id === id);
      return m?.trend && m.placement === "priority";
    });
    if (!hasCharts) continue;
    const sheet = prioritySheet(
      model,
      group,
      allocateName(group.number ? `Priority ${group.number}` : group.title, taken)
    );
    if (sheet) sheets.push(sheet);
  }
  if (model.areas)
    sheets.push(areasSheet(model, model.areas, allocateName("Priority areas", taken)));
  const domestic =
    model.ni32 || model.referrals || model.measures.some((m) => m.placement === "domestic")
      ? domesticSheet(model, allocateName("Domestic Abuse", taken))
      : null;
  if (domestic) sheets.push(domestic);
  return { sheets };
}
