import {
  BandMethod,
  DEFAULT_TOLERANCE,
  MonthKey,
  PeriodRef,
  Polarity,
  Target,
  WINDOW_KINDS,
  WindowKind,
  Ymd,
  monthKeyOf,
  parsePeriodLabel,
  parsePolarity,
  parseYearLabel,
  yearLabel,
  TARGET_KINDS,
  TargetKind,
  impliedPolarity,
} from "../core";
import { Cell, WorkbookSnapshot, describeCell, isCellError } from "./snapshot";
import { IssueList } from "./issues";
import { CellReader, RowView, TableView, Where, blank, openTable, readDate } from "./tables";
import { AreaMonthRow, AreaRow, readAreaMonthly, readAreas } from "./contract-areas";

/** The workbook's contract, parsed and typed, every value with the address it came from. */
export interface Settings {
  partnership: string;
  periodEnd: Ymd;
  baselineStartYear: number;
  startMonth: number;
  window: WindowKind;
  bandMethod: BandMethod;
  tolerance: number;
  /** The first k months of each series set its SPC limits; null: all months. */
  spcBaselineMonths: number | null;
  /** Printed at the head and foot of every report page ("OFFICIAL-SENSITIVE"); null: none. */
  marking: string | null;
}

/** The longest protective marking a page's header takes (Excel allows 255 characters in all). */
export const MARKING_MAX = 80;

export const NI32_ID = "NI32";
export const REFERRALS_ID = "IDVAS_REFERRALS";
/** Police domestic abuse incidents: a Monthly measure reported on the Domestic Abuse sheet. */
export const DA_INCIDENTS_ID = "DA_INCIDENTS";

export interface MeasureDef {
  id: string;
  label: string;
  priority: string;
  polarity: Polarity;
  target: Target;
  tolerance: number;
  figure: string | null;
  at: Where;
}

export interface MonthlyRow {
  measure: string;
  month: MonthKey;
  count: number;
  at: Where; // the Month cell
  measureAt: Where;
}

export interface PeerRow {
  measure: string;
  periodEnd: number; // serial
  partnership: string;
  rate: number;
  count: number | null;
  population: number | null;
  at: Where; // the Partnership cell
  measureAt: Where;
  rateAt: Where;
  /** The Count and Population cells; the Rate cell where the table has no such column. */
  countAt: Where;
  populationAt: Where;
}

export interface PeriodRow {
  period: PeriodRef;
  label: string;
  area: string;
  at: Where; // the Period cell
  rowAt: Where; // the value cell
}

export interface MaracRow extends PeriodRow {
  cases: number;
  repeats: number;
  repeatsAt: Where;
}

export interface ReferralRow extends PeriodRow {
  referrals: number;
}

export interface ContractInput {
  settings: Settings;
  measures: MeasureDef[];
  /** Every well-formed id in the Measures table, including rows left out for errors already reported. */
  listedMeasures: string[];
  monthly: MonthlyRow[];
  /** Periods of MARAC and Referrals rows whose period was read but whose values were not (already reported). */
  unreadablePeriods: { marac: PeriodRef[]; referrals: PeriodRef[] };
  unreadablePeers: UnreadablePeer[];
  /** "MEASURE|monthKey" of Monthly rows whose measure and month were read but whose count was not (already reported). */
  unreadableMonths: string[];
  peers: PeerRow[];
  marac: MaracRow[] | null;
  referrals: ReferralRow[] | null;
  /** The optional Areas and AreaMonthly tables (spec/areas.md); null where the workbook has none. */
  areas: AreaRow[] | null;
  areaMonthly: AreaMonthRow[] | null;
  tables: {
    monthly: TableView | null;
    peers: TableView | null;
    marac: TableView | null;
    referrals: TableView | null;
    measures: TableView | null;
    settings: TableView | null;
    areas: TableView | null;
    areaMonthly: TableView | null;
  };
}

const SETTING_NAMES = [
  "partnership",
  "period end",
  "baseline year",
  "year start month",
  "window",
  "peer band method",
  "default tolerance",
  "spc baseline months",
  "protective marking",
];

function readSettings(table: TableView | null, issues: IssueList): Settings | null {
  if (!table) return null;
  const reader = new CellReader(issues);
  const byName = new Map<string, RowView>();
  for (const row of table.rows) {
    const name = reader.text(row, "Setting", true, "A setting");
    if (name === null) continue;
    const key = name.toLowerCase();
    if (!SETTING_NAMES.includes(key)) {
      const at = row.at("Setting");
      issues.warning(
        "SETTING_UNKNOWN",
        at.sheet,
        at.cell,
        `"${name}" is not a setting the report uses; it is ignored. Settings are: Partnership, Period end, Baseline year, Year start month, Window, Peer band method, Default tolerance, SPC baseline months, Protective marking.`
      );
      continue;
    }
    if (byName.has(key)) {
      const at = row.at("Setting");
      issues.error("SETTING_DUPLICATE", at.sheet, at.cell, `"${name}" is set twice; keep one row.`);
      continue;
    }
    byName.set(key, row);
  }
  const missing = (name: string) => {
    issues.error(
      "SETTING_MISSING",
      table.header.sheet,
      table.headerAt("Setting").cell,
      `Settings has no "${name}" row; add it (Setting "${name}" with its Value).`
    );
  };
  const value = (name: string): { v: Cell; at: Where } | null => {
    const row = byName.get(name.toLowerCase());
    if (!row) return null;
    return { v: row.get("Value"), at: row.at("Value") };
  };
  const invalid = (at: Where, message: string) =>
    issues.error("SETTING_INVALID", at.sheet, at.cell, message);
  const isBlank = (v: Cell) => v === null || (typeof v === "string" && v.trim() === "");

  // Year start month first: the baseline year's form depends on it.
  let startMonth = 4;
  const sm = value("Year start month");
  if (sm && !isBlank(sm.v)) {
    if (sm.v === 4 || sm.v === 1 || sm.v === "4" || sm.v === "1") startMonth = Number(sm.v);
    else
      invalid(
        sm.at,
        `Year start month must be 4 (financial years, April to March) or 1 (calendar years), not ${describeCell(sm.v)}.`
      );
  }

  let partnership: string | null = null;
  const p = value("Partnership");
  if (!p) missing("Partnership");
  else if (typeof p.v === "string" && p.v.trim() !== "") partnership = p.v.trim();
  else
    invalid(
      p.at,
      `Partnership must be the partnership's name as it appears in the Peers and Referrals tables, not ${describeCell(p.v)}.`
    );

  let periodEnd: Ymd | null = null;
  const pe = value("Period end");
  if (!pe) missing("Period end");
  else periodEnd = readDate(pe.v, pe.at, "Period end", issues)?.ymd ?? null;

  let baselineStartYear: number | null = null;
  const by = value("Baseline year");
  if (!by) missing("Baseline year");
  else {
    const text = typeof by.v === "number" ? String(by.v) : typeof by.v === "string" ? by.v : "";
    baselineStartYear = parseYearLabel(text, startMonth);
    if (baselineStartYear === null) {
      const example = startMonth === 1 ? "2008" : "2008-09";
      const asDate =
        typeof by.v === "number" && startMonth !== 1
          ? " If you typed a year like 2008-09, Excel may have turned it into a date: format the cell as Text and type it again."
          : "";
      issues.error(
        "BASELINE_INVALID",
        by.at.sheet,
        by.at.cell,
        `Baseline year must be a year like ${example}, not ${describeCell(by.v)}.${asDate}`
      );
    }
  }

  let window: WindowKind = "year to date";
  const w = value("Window");
  if (w && !isBlank(w.v)) {
    const t = typeof w.v === "string" ? w.v.trim().toLowerCase() : "";
    const found = WINDOW_KINDS.find((k) => k === t);
    if (found) window = found;
    else
      invalid(w.at, `Window must be one of: ${WINDOW_KINDS.join(", ")}; not ${describeCell(w.v)}.`);
  }

  let bandMethod: BandMethod = "sd";
  const bm = value("Peer band method");
  if (bm && !isBlank(bm.v)) {
    const t = typeof bm.v === "string" ? bm.v.trim().toLowerCase() : "";
    if (t === "sd" || t === "ci") bandMethod = t;
    else
      invalid(
        bm.at,
        `Peer band method must be "sd" (mean plus or minus one standard deviation) or "ci" (95% interval), not ${describeCell(bm.v)}.`
      );
  }

  let tolerance = DEFAULT_TOLERANCE;
  const tol = value("Default tolerance");
  if (tol && !isBlank(tol.v)) {
    if (typeof tol.v === "number" && tol.v >= 0 && tol.v < 1) tolerance = tol.v;
    else
      invalid(
        tol.at,
        `Default tolerance must be a fraction from 0 to under 1 (0.05 is 5%), not ${describeCell(tol.v)}.`
      );
  }

  let spcBaselineMonths: number | null = null;
  const spc = value("SPC baseline months");
  if (spc && !isBlank(spc.v)) {
    if (typeof spc.v === "number" && Number.isInteger(spc.v) && spc.v >= 12)
      spcBaselineMonths = spc.v;
    else
      invalid(
        spc.at,
        `SPC baseline months must be a whole number of at least 12 (the first months of each series set its control limits), or blank for all months; not ${describeCell(spc.v)}.`
      );
  }

  let marking: string | null = null;
  const pm = value("Protective marking");
  if (pm && !isBlank(pm.v)) {
    const text = typeof pm.v === "string" ? pm.v.replace(/\s+/g, " ").trim() : null;
    if (text !== null && text.length <= MARKING_MAX) marking = text;
    else
      invalid(
        pm.at,
        text === null
          ? `Protective marking must be text, such as OFFICIAL-SENSITIVE, or blank for none; not ${describeCell(pm.v)}.`
          : `Protective marking must be at most ${MARKING_MAX} characters (it is printed at the head and foot of every page); this one has ${text.length}.`
      );
  }

  if (partnership === null || periodEnd === null || baselineStartYear === null) return null;
  return {
    partnership,
    periodEnd,
    baselineStartYear,
    startMonth,
    window,
    bandMethod,
    tolerance,
    spcBaselineMonths,
    marking,
  };
}

const MEASURE_ID = /^[A-Za-z0-9_]+$/;

function parseTarget(
  row: RowView,
  reader: CellReader,
  issues: IssueList,
  id: string
): Target | null {
  const at = row.at("Target");
  const text = reader.text(row, "Target", true, `Measure ${id}`);
  if (text === null) return null;
  const kind = TARGET_KINDS.find((k) => k === text.toLowerCase().replace(/\s+/g, " "));
  if (!kind) {
    issues.error(
      "TARGET_INVALID",
      at.sheet,
      at.cell,
      `Measure ${id}: Target must be one of: ${TARGET_KINDS.join(", ")}; not "${text}".`
    );
    return null;
  }
  if (kind === "below baseline" || kind === "none") return { kind };
  const value = reader.number(row, "Target value", false, `Measure ${id}`, "TARGET_VALUE_INVALID");
  if (value === null) {
    const vAt = row.at("Target value");
    if (blank(row.get("Target value"))) {
      issues.error(
        "TARGET_VALUE_INVALID",
        vAt.sheet,
        vAt.cell,
        `Measure ${id}: the target "${kind}" needs a Target value (for example 0.28 for 28%, 0.5 for a 50% increase).`
      );
    }
    return null;
  }
  return kindWithValue(kind, value);
}

function kindWithValue(
  kind: Exclude<TargetKind, "below baseline" | "none">,
  value: number
): Target {
  if (kind === "increase on baseline") return { kind, fraction: value };
  return { kind, value };
}

function readMeasures(
  table: TableView | null,
  settings: Settings | null,
  issues: IssueList,
  listed: Set<string>
): MeasureDef[] {
  if (!table) return [];
  const reader = new CellReader(issues);
  const seen = new Set<string>();
  const out: MeasureDef[] = [];
  for (const row of table.rows) {
    const at = row.at("Measure");
    const id = reader.text(row, "Measure", true, "A measure");
    if (id === null) continue;
    if (!MEASURE_ID.test(id)) {
      issues.error(
        "MEASURE_ID_INVALID",
        at.sheet,
        at.cell,
        `"${id}" is not a measure id: use letters, digits and underscores only (for example DWELLING_BURGLARY).`
      );
      continue;
    }
    const upper = id.toUpperCase();
    listed.add(upper);
    if (seen.has(upper)) {
      issues.error(
        "MEASURE_DUPLICATE",
        at.sheet,
        at.cell,
        `Measure ${upper} is listed twice; keep one row.`
      );
      continue;
    }
    seen.add(upper);
    const label = reader.text(row, "Label", false, `Measure ${upper}`) ?? upper;
    const priority = reader.text(row, "Priority", false, `Measure ${upper}`) ?? "Other measures";
    const polText = reader.text(row, "Polarity", true, `Measure ${upper}`);
    const polarity = polText === null ? null : parsePolarity(polText);
    if (polText !== null && polarity === null) {
      const pAt = row.at("Polarity");
      issues.error(
        "POLARITY_INVALID",
        pAt.sheet,
        pAt.cell,
        `Measure ${upper}: Polarity must be "lower is better" or "higher is better", not "${polText}".`
      );
    }
    const target = parseTarget(row, reader, issues, upper);
    let tolerance = settings?.tolerance ?? DEFAULT_TOLERANCE;
    const tol = reader.number(row, "Tolerance", false, `Measure ${upper}`, "TOLERANCE_INVALID");
    if (tol !== null) {
      if (tol >= 0 && tol < 1) tolerance = tol;
      else {
        const tAt = row.at("Tolerance");
        issues.error(
          "TOLERANCE_INVALID",
          tAt.sheet,
          tAt.cell,
          `Measure ${upper}: Tolerance must be a fraction from 0 to under 1 (0.05 is 5%), not ${tol}.`
        );
      }
    }
    if (polarity !== null && target !== null) {
      const implied = impliedPolarity(target.kind);
      if (implied !== null && implied !== polarity) {
        const tAt = row.at("Target");
        issues.warning(
          "TARGET_POLARITY_MISMATCH",
          tAt.sheet,
          tAt.cell,
          `Measure ${upper}: the target "${target.kind}" suits a measure where ${implied} is better, but Polarity says ${polarity} is better. Status follows the target; check which is meant.`
        );
      }
    }
    const figure = reader.text(row, "Figure", false, `Measure ${upper}`);
    if (polarity === null || target === null) continue;
    out.push({ id: upper, label, priority, polarity, target, tolerance, figure, at });
  }
  return out;
}

function readMonthly(
  table: TableView | null,
  issues: IssueList,
  unreadable: Set<string>
): MonthlyRow[] {
  if (!table) return [];
  const reader = new CellReader(issues);
  const out: MonthlyRow[] = [];
  for (const row of table.rows) {
    const measure = reader.text(row, "Measure", true, "A Monthly row");
    const month = reader.date(row, "Month", `Monthly ${measure ?? "row"}`);
    const count = reader.count(
      row,
      "Count",
      `Monthly ${measure ?? "row"}${month ? ` ${month.ymd.year}-${String(month.ymd.month).padStart(2, "0")}` : ""}`
    );
    if (measure !== null && month !== null && count === null)
      unreadable.add(`${measure.toUpperCase()}|${monthKeyOf(month.ymd)}`);
    if (measure === null || month === null || count === null) continue;
    out.push({
      measure: measure.toUpperCase(),
      month: monthKeyOf(month.ymd),
      count,
      at: row.at("Month"),
      measureAt: row.at("Measure"),
    });
  }
  return out;
}

/** A Peers row whose member is known but whose rate could not be read (already reported at its cell). */
export interface UnreadablePeer {
  measure: string;
  periodEnd: number;
  partnership: string;
}

function readPeers(
  table: TableView | null,
  issues: IssueList,
  unreadable: UnreadablePeer[]
): PeerRow[] {
  if (!table) return [];
  const reader = new CellReader(issues);
  const out: PeerRow[] = [];
  for (const row of table.rows) {
    const measure = reader.text(row, "Measure", true, "A Peers row");
    const periodEnd = reader.date(row, "Period end", `Peers ${measure ?? "row"}`);
    const partnership = reader.text(row, "Partnership", true, `Peers ${measure ?? "row"}`);
    const rate = reader.number(
      row,
      "Rate",
      true,
      `Peers ${measure ?? "row"} ${partnership ?? ""}`.trim(),
      "PEER_RATE_INVALID"
    );
    if (
      (rate === null || rate <= 0) &&
      measure !== null &&
      periodEnd !== null &&
      partnership !== null
    ) {
      unreadable.push({ measure: measure.toUpperCase(), periodEnd: periodEnd.serial, partnership });
    }
    if (rate !== null && rate <= 0) {
      const at = row.at("Rate");
      issues.error(
        "PEER_RATE_INVALID",
        at.sheet,
        at.cell,
        `Peers: the rate of ${partnership ?? "this member"} is ${rate}; rates must be positive numbers (crimes per 1,000 people).`
      );
      continue;
    }
    // Count and Population are optional: a blank (or spaces-only) cell is no value, not a missing one.
    const count =
      row.has("Count") && !blank(row.get("Count"))
        ? reader.count(row, "Count", `Peers ${partnership ?? ""}`)
        : null;
    const population =
      row.has("Population") && !blank(row.get("Population"))
        ? reader.number(row, "Population", false, `Peers ${partnership ?? ""}`, "COUNT_NOT_NUMBER")
        : null;
    if (measure === null || periodEnd === null || partnership === null || rate === null) continue;
    out.push({
      measure: measure.toUpperCase(),
      periodEnd: periodEnd.serial,
      partnership,
      rate,
      count,
      population,
      at: row.at("Partnership"),
      measureAt: row.at("Measure"),
      rateAt: row.at("Rate"),
      countAt: row.has("Count") ? row.at("Count") : row.at("Rate"),
      populationAt: row.has("Population") ? row.at("Population") : row.at("Rate"),
    });
  }
  return out;
}

function readPeriod(
  row: RowView,
  reader: CellReader,
  issues: IssueList,
  startMonth: number,
  table: string
): { ref: PeriodRef; label: string } | null {
  const v = row.get("Period");
  if (isCellError(v)) {
    reader.text(row, "Period", true, table);
    return null;
  }
  const label =
    typeof v === "number" ? String(v) : reader.text(row, "Period", true, `A ${table} row`);
  if (label === null) return null;
  const ref = parsePeriodLabel(label, startMonth);
  if (ref === null) {
    const at = row.at("Period");
    const example = startMonth === 1 ? `"2020" or "Q1 2020"` : `"2009-10" or "Q1 2010-11"`;
    const asDate =
      typeof v === "number"
        ? ` Excel has turned what was typed into a date (${label}): format the Period column as Text, then type the period again.`
        : "";
    issues.error(
      "PERIOD_INVALID",
      at.sheet,
      at.cell,
      `${table}: "${label}" is not a period; write a year or a quarter, like ${example}.${asDate}`
    );
    return null;
  }
  return { ref, label: label.trim() };
}

function readMarac(
  table: TableView | null,
  settings: Settings | null,
  issues: IssueList,
  unreadable: PeriodRef[]
): MaracRow[] | null {
  if (!table) return null;
  const reader = new CellReader(issues);
  const out: MaracRow[] = [];
  for (const row of table.rows) {
    const period = readPeriod(row, reader, issues, settings?.startMonth ?? 4, "MARAC");
    const area = reader.text(row, "Area", false, "MARAC") ?? "";
    const cases = reader.count(row, "Cases", `MARAC ${period?.label ?? ""}`.trim());
    const repeats = reader.count(row, "Repeat cases", `MARAC ${period?.label ?? ""}`.trim());
    if (period !== null && (cases === null || repeats === null || repeats > cases))
      unreadable.push(period.ref);
    if (period === null || cases === null || repeats === null) continue;
    if (repeats > cases) {
      const at = row.at("Repeat cases");
      issues.error(
        "REPEATS_EXCEED_CASES",
        at.sheet,
        at.cell,
        `MARAC ${period.label}${area ? ` (${area})` : ""}: ${repeats} repeat cases is more than the ${cases} cases heard.`
      );
      continue;
    }
    out.push({
      period: period.ref,
      label: period.label,
      area,
      cases,
      repeats,
      at: row.at("Period"),
      rowAt: row.at("Cases"),
      repeatsAt: row.at("Repeat cases"),
    });
  }
  return out;
}

function readReferrals(
  table: TableView | null,
  settings: Settings | null,
  issues: IssueList,
  unreadable: PeriodRef[]
): ReferralRow[] | null {
  if (!table) return null;
  const reader = new CellReader(issues);
  const out: ReferralRow[] = [];
  for (const row of table.rows) {
    const period = readPeriod(row, reader, issues, settings?.startMonth ?? 4, "Referrals");
    const area = reader.text(row, "Area", true, "Referrals");
    const referrals = reader.count(
      row,
      "Referrals",
      `Referrals ${area ?? ""} ${period?.label ?? ""}`.trim()
    );
    if (period !== null && (area === null || referrals === null)) unreadable.push(period.ref);
    if (period === null || area === null || referrals === null) continue;
    out.push({
      period: period.ref,
      label: period.label,
      area,
      referrals,
      at: row.at("Period"),
      rowAt: row.at("Referrals"),
    });
  }
  return out;
}

/** Reads every contract table, reporting each cell that cannot be read. */
export function readContract(snapshot: WorkbookSnapshot, issues: IssueList): ContractInput | null {
  const settingsT = openTable(snapshot, "Settings", issues, true);
  const measuresT = openTable(snapshot, "Measures", issues, true);
  const settings = readSettings(settingsT, issues);
  const listed = new Set<string>();
  const measures = readMeasures(measuresT, settings, issues, listed);
  // Tables are required by the ids listed, so a measure left out for a bad cell does not hide a missing table.
  const needsMonthly =
    [...listed].some((id) => id !== NI32_ID && id !== REFERRALS_ID) || measuresT === null;
  const monthlyT = openTable(snapshot, "Monthly", issues, needsMonthly);
  const peersT = openTable(snapshot, "Peers", issues, false);
  const maracT = openTable(snapshot, "MARAC", issues, listed.has(NI32_ID));
  const referralsT = openTable(snapshot, "Referrals", issues, listed.has(REFERRALS_ID));
  const unreadable = new Set<string>();
  const monthly = readMonthly(monthlyT, issues, unreadable);
  const unreadablePeers: UnreadablePeer[] = [];
  const peers = readPeers(peersT, issues, unreadablePeers);
  const unreadablePeriods = { marac: [] as PeriodRef[], referrals: [] as PeriodRef[] };
  const marac = readMarac(maracT, settings, issues, unreadablePeriods.marac);
  const referrals = readReferrals(referralsT, settings, issues, unreadablePeriods.referrals);
  const areasT = openTable(snapshot, "Areas", issues, false);
  const areaMonthlyT = openTable(snapshot, "AreaMonthly", issues, false);
  const areas = readAreas(areasT, issues);
  const areaMonthly = readAreaMonthly(areaMonthlyT, issues);
  if (!settings) return null;
  return {
    settings,
    measures,
    listedMeasures: [...listed],
    monthly,
    unreadableMonths: [...unreadable],
    unreadablePeriods,
    unreadablePeers,
    peers,
    marac,
    referrals,
    areas,
    areaMonthly,
    tables: {
      monthly: monthlyT,
      peers: peersT,
      marac: maracT,
      referrals: referralsT,
      measures: measuresT,
      settings: settingsT,
      areas: areasT,
      areaMonthly: areaMonthlyT,
    },
  };
}

export function baselineLabel(s: Settings): string {
  return yearLabel(s.baselineStartYear, s.startMonth);
}
