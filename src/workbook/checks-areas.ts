import { keyLabel, monthKeyOf, windowMonths } from "../core";
import { ALL_CRIME_ID, ASB_ID, AreaMonthRow, areaKey, areaKeys } from "./contract-areas";
import { ContractInput, NI32_ID, REFERRALS_ID } from "./contract";
import { Windows } from "./checks";
import { IssueList } from "./issues";

/**
 * Checks of the optional Areas and AreaMonthly tables (spec/areas.md): Monthly's codes where they
 * apply (duplicate rows, unknown measures, months after the period end; counts and dates are
 * checked as they are read) and an area code missing from Areas. Errors block the report as
 * Monthly's do; what only keeps the Priority areas sheet out is a warning saying so.
 */
export function checkAreas(input: ContractInput, w: Windows, issues: IssueList): void {
  const { areas, areaMonthly } = input;
  if (areas === null && areaMonthly === null) return;
  if (areas === null) {
    issues.error(
      "TABLE_MISSING",
      "Areas",
      "A1",
      `AreaMonthly counts areas, but the workbook has no table or sheet named "Areas" to name them. Add it with the columns Area code, Area name, Longitude, Latitude (cdrp import police-uk writes both).`
    );
    return;
  }
  if (areaMonthly === null) {
    issues.warning(
      "TABLE_MISSING",
      "AreaMonthly",
      "A1",
      `The workbook has an Areas table but no AreaMonthly table of their counts, so the report has no Priority areas sheet.`
    );
    return;
  }
  const named = new Map<string, string>();
  for (const a of areas) {
    const k = areaKey(a.code);
    const first = named.get(k);
    if (first)
      issues.error(
        "ROW_DUPLICATE",
        a.at.sheet,
        a.at.cell,
        `Areas: ${a.code} is listed twice (the other is ${first}); keep one row.`
      );
    else named.set(k, a.at.cell);
  }
  const known = new Set(
    input.measures.map((m) => m.id).filter((id) => id !== NI32_ID && id !== REFERRALS_ID)
  );
  // spec/areas.md: Monthly's measures, plus ALL_CRIME and ANTI_SOCIAL_BEHAVIOUR.
  known.add(ALL_CRIME_ID);
  known.add(ASB_ID);
  const listed = new Set(input.listedMeasures);
  const unknownArea = new Map<string, { row: AreaMonthRow; n: number }>();
  const unknownMeasure = new Map<string, { row: AreaMonthRow; n: number }>();
  // (area, measure, month) -> the row first seen: numbers, not strings, for a long table.
  const codeIds = new Map<string, number>();
  const measureIds = new Map<string, number>();
  const seen = new Map<number, AreaMonthRow>();
  const keyOf = areaKeys();
  const endMonth = monthKeyOf(input.settings.periodEnd);
  let after: { row: AreaMonthRow; n: number; first: number } | null = null;
  const present = new Set<number>();
  for (const r of areaMonthly) {
    const code = keyOf(r.area);
    if (!named.has(code)) {
      const u = unknownArea.get(code);
      if (u) u.n++;
      else unknownArea.set(code, { row: r, n: 1 });
    }
    if (!known.has(r.measure)) {
      // A listed measure left out for an error in its Measures row: that error is the one to fix.
      if (!listed.has(r.measure) || r.measure === NI32_ID || r.measure === REFERRALS_ID) {
        const u = unknownMeasure.get(r.measure);
        if (u) u.n++;
        else unknownMeasure.set(r.measure, { row: r, n: 1 });
      }
      continue;
    }
    let c = codeIds.get(code);
    if (c === undefined) codeIds.set(code, (c = codeIds.size));
    let m = measureIds.get(r.measure);
    if (m === undefined) measureIds.set(r.measure, (m = measureIds.size));
    // Up to 16,384 measures (cdrp reads at most 10,000); month keys (year x 12) under 131,072 hold
    // every date Excel has (to 9999).
    const key = (c * 16384 + m) * 131072 + r.month;
    const first = seen.get(key);
    if (first) {
      const at = r.view.at("Month");
      issues.error(
        "MONTH_DUPLICATE",
        at.sheet,
        at.cell,
        `AreaMonthly: ${r.area} has two ${r.measure} rows for ${keyLabel(r.month)} (the other is ${first.view.at("Month").cell}); keep one.`
      );
    } else seen.set(key, r);
    if (r.month > endMonth) {
      if (after) after.n++;
      else after = { row: r, n: 1, first: r.month };
    }
    if (r.measure === ALL_CRIME_ID) present.add(r.month);
  }
  for (const [code, u] of unknownArea)
    issues.error(
      "AREA_UNKNOWN",
      u.row.view.at("Area code").sheet,
      u.row.view.at("Area code").cell,
      `AreaMonthly: area ${code} (${u.n} row${u.n === 1 ? "" : "s"}) is not in the Areas table; add it there (code, name, longitude, latitude) or remove its rows.`
    );
  for (const [id, u] of unknownMeasure)
    issues.error(
      "MEASURE_UNKNOWN",
      u.row.view.at("Measure").sheet,
      u.row.view.at("Measure").cell,
      `AreaMonthly: measure ${id} (${u.n} row${u.n === 1 ? "" : "s"}) is not in the Measures table, nor ${ALL_CRIME_ID} or ${ASB_ID}.`
    );
  if (after)
    issues.warning(
      "MONTH_AFTER_PERIOD_END",
      after.row.view.at("Month").sheet,
      after.row.view.at("Month").cell,
      `AreaMonthly has ${after.n} row${after.n === 1 ? "" : "s"} for months after the period end (from ${keyLabel(after.first)}); they are not used.`
    );
  const header = input.tables.areaMonthly?.headerAt("Month") ?? {
    sheet: "AreaMonthly",
    cell: "A1",
  };
  if (present.size === 0) {
    issues.warning(
      "MEASURE_NO_DATA",
      header.sheet,
      header.cell,
      `AreaMonthly has no ${ALL_CRIME_ID} rows (every crime type but anti-social behaviour), which the Priority areas sheet ranks areas by; the report has no Priority areas sheet.`
    );
    return;
  }
  const missing = windowMonths(w.current).filter((k) => !present.has(k));
  if (missing.length > 0)
    issues.warning(
      "MONTH_MISSING",
      header.sheet,
      header.cell,
      `AreaMonthly has no ${ALL_CRIME_ID} rows for ${missing.map(keyLabel).join(", ")}, inside the months reported on (${keyLabel(w.current.start)} to ${keyLabel(w.current.end)}); the report has no Priority areas sheet until it does.`
    );
}
