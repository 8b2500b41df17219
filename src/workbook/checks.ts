import {
  MonthWindow,
  ReportingWindow,
  keyLabel,
  windowMonths,
  reportingWindow,
  shiftBack,
  periodLabel,
  periodWindow,
  samePeriod,
  longDate,
  isoDate,
} from "../core";
import { ContractInput, NI32_ID, REFERRALS_ID, ReferralRow, MaracRow, PeriodRow } from "./contract";
import { IssueList } from "./issues";
import { checkAreas } from "./checks-areas";
import {
  isTotalArea,
  maracRowsFor,
  monthIndex,
  sameArea,
  selectPeriodRows,
  sumWindow,
} from "./select";
import { MIN_GROUP, serialToYmd } from "../core";

/** The three windows every measure is compared over. */
export interface Windows {
  reporting: ReportingWindow;
  current: MonthWindow;
  previous: MonthWindow;
  baseline: MonthWindow;
  yearsBack: number;
}

export function windowsFor(input: ContractInput): Windows {
  const s = input.settings;
  const reporting = reportingWindow(s.periodEnd, s.window, s.startMonth);
  const yearsBack = reporting.quarter.startYear - s.baselineStartYear;
  return {
    reporting,
    current: reporting.window,
    previous: shiftBack(reporting.window, 1),
    baseline: shiftBack(reporting.window, yearsBack),
    yearsBack,
  };
}

/** Cross-row checks of spec/workbook.md: windows, duplicates, missing months, peers, totals. */
export function checkContract(input: ContractInput, issues: IssueList): Windows {
  const s = input.settings;
  const w = windowsFor(input);
  const settingsAt = (name: string) => {
    const t = input.tables.settings;
    const row = t?.rows.find(
      (r) =>
        String(r.get("Setting") ?? "")
          .trim()
          .toLowerCase() === name
    );
    return row ? row.at("Value") : { sheet: "Settings", cell: "B1" };
  };
  if (!w.reporting.ended) {
    const at = settingsAt("period end");
    issues.error(
      "WINDOW_NOT_ENDED",
      at.sheet,
      at.cell,
      `The reporting window (${w.reporting.label}) runs to ${longDate(w.reporting.windowEnd)}, after the period end ${longDate(s.periodEnd)}: its data cannot be complete. Set Period end to ${isoDate(w.reporting.windowEnd)}, the last day of the quarter.`
    );
  }
  if (w.yearsBack < 1) {
    const at = settingsAt("baseline year");
    issues.error(
      "BASELINE_INVALID",
      at.sheet,
      at.cell,
      `The baseline year must be before the reporting year ${periodLabel({ kind: "year", startYear: w.reporting.quarter.startYear }, s.startMonth)}.`
    );
  }
  checkMonthly(input, w, issues);
  checkPeers(input, issues);
  if (input.marac) checkPeriodTable(input.marac, "MARAC", input, issues);
  if (input.referrals) checkPeriodTable(input.referrals, "Referrals", input, issues);
  checkReservedMeasures(input, w, issues);
  checkAreas(input, w, issues);
  return w;
}

function checkMonthly(input: ContractInput, w: Windows, issues: IssueList): void {
  const known = new Set(input.measures.map((m) => m.id));
  const listed = new Set(input.listedMeasures);
  const firstSeen = new Map<string, string>();
  for (const r of input.monthly) {
    // A listed measure left out for an error in its Measures row: that error is the one to fix.
    if (
      !known.has(r.measure) &&
      listed.has(r.measure) &&
      r.measure !== NI32_ID &&
      r.measure !== REFERRALS_ID
    )
      continue;
    if (!known.has(r.measure) || r.measure === NI32_ID || r.measure === REFERRALS_ID) {
      const why = known.has(r.measure)
        ? `takes its data from the ${r.measure === NI32_ID ? "MARAC" : "Referrals"} table, not Monthly`
        : "is not in the Measures table";
      issues.error(
        "MEASURE_UNKNOWN",
        r.measureAt.sheet,
        r.measureAt.cell,
        `Monthly: measure ${r.measure} ${why}.`
      );
      continue;
    }
    const key = `${r.measure}|${r.month}`;
    const first = firstSeen.get(key);
    if (first) {
      issues.error(
        "MONTH_DUPLICATE",
        r.at.sheet,
        r.at.cell,
        `Monthly: ${r.measure} has two rows for ${keyLabel(r.month)} (the other is ${first}); keep one.`
      );
    } else firstSeen.set(key, r.at.cell);
  }
  const index = monthIndex(input.monthly);
  // A Monthly table that could not be opened is already reported; its rows are not "missing".
  if (!input.tables.monthly) return;
  const monthlyHeader = input.tables.monthly.headerAt("Month");
  const unreadable = new Set(input.unreadableMonths);
  for (const m of input.measures) {
    if (m.id === NI32_ID || m.id === REFERRALS_ID) continue;
    const months = index.get(m.id);
    const windows: [string, MonthWindow][] = [
      ["current", w.current],
      ["previous", w.previous],
      ["baseline", w.baseline],
    ];
    for (const [name, win] of windows) {
      const sum = sumWindow(months, win);
      // A month whose row is there but whose count could not be read has its own error, at its cell.
      const present = (k: number) => unreadable.has(`${m.id}|${k}`);
      if (sum.total === null && windowMonths(win).some(present)) continue;
      if (sum.total === null) {
        if (name === "current") {
          issues.error(
            "MEASURE_NO_DATA",
            m.at.sheet,
            m.at.cell,
            `Measure ${m.id} has no Monthly rows for ${keyLabel(win.start)} to ${keyLabel(win.end)}, the months reported on.`
          );
        } else if (name === "baseline") {
          issues.warning(
            "BASELINE_NO_DATA",
            m.at.sheet,
            m.at.cell,
            `Measure ${m.id} has no Monthly rows for the baseline months ${keyLabel(win.start)} to ${keyLabel(win.end)}; its status will be n/a.`
          );
        } else if (w.yearsBack !== 1) {
          issues.warning(
            "PREVIOUS_NO_DATA",
            m.at.sheet,
            m.at.cell,
            `Measure ${m.id} has no Monthly rows for the same months of the previous year (${keyLabel(win.start)} to ${keyLabel(win.end)}); there will be no direction of travel.`
          );
        }
        continue;
      }
      for (const k of sum.missing.filter((k) => !present(k))) {
        issues.error(
          "MONTH_MISSING",
          monthlyHeader.sheet,
          monthlyHeader.cell,
          `Monthly: ${m.id} has no row for ${keyLabel(k)}, inside the ${name} window (${keyLabel(win.start)} to ${keyLabel(win.end)}). Add the month (0 if no crimes were recorded).`
        );
      }
    }
  }
}

function checkPeers(input: ContractInput, issues: IssueList): void {
  const s = input.settings;
  const known = new Set(input.measures.map((m) => m.id));
  const listed = new Set(input.listedMeasures);
  const endSerial = isoDate(s.periodEnd);
  const groups = new Map<string, typeof input.peers>();
  for (const r of input.peers) {
    if (!known.has(r.measure) && listed.has(r.measure)) continue;
    if (!known.has(r.measure)) {
      issues.error(
        "MEASURE_UNKNOWN",
        r.measureAt.sheet,
        r.measureAt.cell,
        `Peers: measure ${r.measure} is not in the Measures table.`
      );
      continue;
    }
    const key = `${r.measure}|${r.periodEnd}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const warnedAfter = new Set<string>();
  for (const rows of groups.values()) {
    const first = rows[0];
    if (!first) continue;
    const endLabel = longDateOfSerial(first.periodEnd);
    if (isoOfSerial(first.periodEnd) > endSerial) {
      if (!warnedAfter.has(first.measure)) {
        issues.warning(
          "PEER_AFTER_PERIOD_END",
          first.at.sheet,
          first.at.cell,
          `Peers: ${first.measure} has rates for a period ending ${endLabel}, after the report's period end; they are not used.`
        );
        warnedAfter.add(first.measure);
      }
      continue;
    }
    const own = rows.filter((r) => sameArea(r.partnership, s.partnership));
    // Members whose rate could not be read are in the group; their rate has its own error.
    const unread = input.unreadablePeers.filter(
      (u) => u.measure === first.measure && u.periodEnd === first.periodEnd
    );
    const ownUnread = unread.some((u) => sameArea(u.partnership, s.partnership));
    if (own.length === 0 && !ownUnread) {
      issues.error(
        "PEER_PARTNERSHIP_MISSING",
        first.at.sheet,
        first.at.cell,
        `Peers: the group for ${first.measure}, period ending ${endLabel}, does not include ${s.partnership} (the Partnership setting). Add its rate, or check the spelling.`
      );
    } else if (own.length > 1) {
      const second = own[1] as (typeof own)[number];
      issues.error(
        "PEER_PARTNERSHIP_DUPLICATE",
        second.at.sheet,
        second.at.cell,
        `Peers: ${s.partnership} appears ${own.length} times in the group for ${first.measure}, period ending ${endLabel}; it must appear once.`
      );
    }
    const names = new Map<string, string>();
    for (const r of rows) {
      const k = r.partnership.trim().toLowerCase();
      const prev = names.get(k);
      if (prev && !sameArea(r.partnership, s.partnership)) {
        issues.error(
          "ROW_DUPLICATE",
          r.at.sheet,
          r.at.cell,
          `Peers: ${r.partnership} appears twice in the group for ${first.measure}, period ending ${endLabel} (also ${prev}).`
        );
      }
      if (!prev) names.set(k, r.at.cell);
    }
    const members = rows.length + unread.length;
    if (members < MIN_GROUP) {
      issues.error(
        "PEER_GROUP_TOO_SMALL",
        first.at.sheet,
        first.at.cell,
        `Peers: the group for ${first.measure}, period ending ${endLabel}, has ${members} member${members === 1 ? "" : "s"}; a most similar group needs at least ${MIN_GROUP}.`
      );
    }
    if (s.bandMethod === "ci") {
      for (const r of own) {
        if (r.count === null || r.population === null || r.population <= 0) {
          // Name the cell to fill in: the Count when it is blank, else the Population.
          const at = r.count === null ? r.countAt : r.populationAt;
          const what =
            r.count === null
              ? r.population === null
                ? "Count and Population"
                : "Count"
              : r.population === null
                ? "Population"
                : "Population (a positive number)";
          issues.error(
            "PEER_COUNTS_MISSING",
            at.sheet,
            at.cell,
            `Peers: the "ci" band method needs ${s.partnership}'s ${what} for ${first.measure}, period ending ${endLabel}; add ${r.count === null && r.population === null ? "them" : "it"} or set Peer band method to sd.`
          );
        }
      }
    }
  }
}

function checkPeriodTable(
  rows: readonly (MaracRow | ReferralRow)[],
  table: "MARAC" | "Referrals",
  input: ContractInput,
  issues: IssueList
): void {
  const sm = input.settings.startMonth;
  const seen = new Map<string, PeriodRow>();
  for (const r of rows) {
    const key = `${r.area.trim().toLowerCase()}|${periodLabel(r.period, sm)}`;
    const prev = seen.get(key);
    if (prev) {
      issues.error(
        "ROW_DUPLICATE",
        r.at.sheet,
        r.at.cell,
        `${table}: ${r.area || "the area"} has two rows for ${r.label} (the other is ${prev.at.cell}); keep one.`
      );
    } else seen.set(key, r);
  }
  // A row whose period was read but whose values were not has its own error; sums over its period would be wrong.
  const unreadable =
    table === "MARAC" ? input.unreadablePeriods.marac : input.unreadablePeriods.referrals;
  const hasUnreadable = (win: MonthWindow) =>
    unreadable.some((u) => overlaps(periodWindow(u, sm), win));
  const value = (r: MaracRow | ReferralRow): [number, number] =>
    "referrals" in r ? [r.referrals, 0] : [r.cases, r.repeats];
  // A year's row must equal the sum of its four quarters, where all are given.
  for (const y of seen.values()) {
    if (y.period.kind !== "year") continue;
    const yw = periodWindow(y.period, sm);
    const quarters = [...seen.values()].filter(
      (q) =>
        q.period.kind === "quarter" &&
        sameArea(q.area, y.area) &&
        periodWindow(q.period, sm).start >= yw.start &&
        periodWindow(q.period, sm).end <= yw.end
    );
    if (quarters.length !== 4 || hasUnreadable(yw)) continue;
    const [ya, yb] = value(y as MaracRow | ReferralRow);
    const qa = quarters.reduce((s, q) => s + value(q as MaracRow | ReferralRow)[0], 0);
    const qb = quarters.reduce((s, q) => s + value(q as MaracRow | ReferralRow)[1], 0);
    if (ya !== qa || yb !== qb) {
      const what =
        table === "MARAC"
          ? `${ya} cases and ${yb} repeats, but its quarters add up to ${qa} and ${qb}`
          : `${ya}, but its quarters add up to ${qa}`;
      // The cell that disagrees: Cases (or Referrals), else MARAC's Repeat cases.
      const at = ya === qa && "repeatsAt" in y ? (y as MaracRow).repeatsAt : y.rowAt;
      issues.error(
        "YEAR_TOTAL_MISMATCH",
        at.sheet,
        at.cell,
        `${table}: ${y.area || "the"} ${y.label} total is ${what}.`
      );
    }
  }
  // A stated Total must equal the sum of the other areas of its period.
  if (table === "Referrals") {
    for (const t of seen.values()) {
      if (!isTotalArea(t.area)) continue;
      const others = [...seen.values()].filter(
        (r) => !isTotalArea(r.area) && samePeriod(r.period, t.period)
      );
      if (others.length === 0 || hasUnreadable(periodWindow(t.period, sm))) continue;
      const sum = others.reduce((s, r) => s + (r as ReferralRow).referrals, 0);
      const stated = (t as ReferralRow).referrals;
      if (sum !== stated) {
        issues.error(
          "TOTAL_MISMATCH",
          t.rowAt.sheet,
          t.rowAt.cell,
          `Referrals: the Total for ${t.label} is ${stated}, but the areas add up to ${sum}.`
        );
      }
    }
  }
}

function checkReservedMeasures(input: ContractInput, w: Windows, issues: IssueList): void {
  const s = input.settings;
  for (const m of input.measures) {
    if (m.id !== NI32_ID && m.id !== REFERRALS_ID) continue;
    // A MARAC or Referrals table that could not be opened is already reported.
    if ((m.id === NI32_ID ? input.marac : input.referrals) === null) continue;
    const rows: PeriodRow[] =
      m.id === NI32_ID
        ? maracRowsFor(input.marac ?? [], s.partnership)
        : (input.referrals ?? []).filter((r) => sameArea(r.area, s.partnership));
    const table = m.id === NI32_ID ? "MARAC" : "Referrals";
    const sel = selectPeriodRows(rows, w.current, s.startMonth);
    if (sel.complete) continue;
    // Rows of the window that are there but could not be read are reported at their cells, not as missing.
    const unreadable =
      m.id === NI32_ID ? input.unreadablePeriods.marac : input.unreadablePeriods.referrals;
    if (unreadable.some((u) => overlaps(periodWindow(u, s.startMonth), w.current))) continue;
    if (sel.partial) {
      issues.error(
        "PERIOD_MISSING",
        m.at.sheet,
        m.at.cell,
        `${table} has only some quarters of ${w.reporting.label}'s window (${keyLabel(w.current.start)} to ${keyLabel(w.current.end)}); add the missing quarters.`
      );
    } else {
      issues.error(
        "MEASURE_NO_DATA",
        m.at.sheet,
        m.at.cell,
        `Measure ${m.id}: the ${table} table has no rows${m.id === REFERRALS_ID ? ` for ${s.partnership}` : ""} covering ${keyLabel(w.current.start)} to ${keyLabel(w.current.end)}.`
      );
    }
  }
}

function overlaps(a: MonthWindow, b: MonthWindow): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function isoOfSerial(serial: number): string {
  return isoDate(serialToYmd(serial));
}
function longDateOfSerial(serial: number): string {
  return longDate(serialToYmd(serial));
}
