import {
  AreaComparatorKind,
  Band,
  BandMethod,
  Direction,
  Polarity,
  Rag,
  SpcRule,
  SpcSide,
  SpcVariation,
  WindowKind,
} from "../core";

/** Everything the report says, computed once; hosts and the plan only lay it out. */
export interface PeerMember {
  name: string;
  rate: number;
  position: number;
  isPartnership: boolean;
}

export interface PeerResult {
  periodEnd: string; // ISO date of the group's window end
  method: BandMethod;
  position: number;
  of: number;
  band: Band;
  mean: number;
  sd: number | null;
  previousPosition: number | null;
  previousBand: Band | null;
  members: PeerMember[]; // best first
  sentence: string;
}

export interface TrendSeries {
  label: string; // "2010-11"
  role: "current" | "previous" | "baseline";
  values: (number | null)[]; // one per month of the year, year-start month first
}

/** A measure's XmR chart over its months to the period end (metrics.md, SPC). */
export interface SpcModel {
  months: string[]; // "Apr 2008"
  values: number[];
  baselinePoints: number;
  mean: number;
  lower: number;
  upper: number;
  /** One per month: null is common cause. */
  points: ({ rule: SpcRule; side: SpcSide; reading: Exclude<SpcVariation, "common"> } | null)[];
  variation: SpcVariation;
  side: SpcSide | null;
  rule: SpcRule | null;
  words: string; // "Common cause", "Special cause: improving low"
  sentence: string;
}

export interface MeasureResult {
  id: string;
  label: string;
  priority: string;
  kind: "count" | "rate";
  source: "monthly" | "marac" | "referrals";
  polarity: Polarity;
  targetText: string;
  figure: string | null; // "1.1" for the trend chart (monthly measures)
  positionFigure: string | null; // "1.2" for the position chart
  current: number | null;
  previous: number | null;
  baseline: number | null;
  /** Fractions for counts; for rates, differences in rate (0.035 = 3.5 percentage points). */
  changeVsPrevious: number | null;
  changeVsBaseline: number | null;
  z: number | null;
  significant: boolean | null;
  status: Rag;
  direction: Direction | null;
  peer: PeerResult | null;
  narrative: string;
  trend: { months: string[]; series: TrendSeries[] } | null;
  /** The XmR chart; null with fewer than 12 consecutive months to the period end, or no Monthly data. */
  spc: SpcModel | null;
  /** Consecutive months of Monthly data to the period end (0 for MARAC and Referrals measures). */
  spcMonths: number;
  /** "1.1a": the XmR chart's figure, beside the trend figure it continues. */
  spcFigure: string | null;
  /** Where the measure is reported: a priority sheet, or the Domestic Abuse sheet (DA_INCIDENTS). */
  placement: "priority" | "domestic";
}

export interface PeriodFigure {
  label: string;
  cases: number;
  repeats: number;
  rate: number;
}

export interface Ni32Result {
  period: string;
  cases: number;
  repeats: number;
  rate: number;
  target: number | null;
  status: Rag;
  sentence: string;
  history: PeriodFigure[]; // every period of the MARAC table, in time order
  area: string; // whose rows were used: the partnership, "Total", the one area given, or "All areas"
}

export interface ReferralShare {
  period: string;
  partnership: number;
  total: number;
  share: number;
  sentence: string;
}

export interface ReferralsResult extends ReferralShare {
  previousYear: ReferralShare | null;
  table: {
    periods: string[];
    areas: { name: string; values: (number | null)[]; isPartnership: boolean; isTotal: boolean }[];
    totalIsStated: boolean;
    /** The partnership's share of each period's total. */
    shares: (number | null)[];
  };
}

export interface Concern {
  id: string;
  label: string;
  status: Rag;
  sentence: string;
}

export interface PriorityGroup {
  name: string; // "1 Reducing Serious Acquisitive Crime"
  number: string | null; // "1"
  title: string; // "Reducing Serious Acquisitive Crime"
  measures: string[];
}

/** One measure of one area on the Priority areas sheet (spec/areas.md). */
export interface AreaMeasure {
  current: number | null;
  comparator: number | null;
  change: number | null;
  z: number | null;
  rising: boolean;
  /** The XmR reading of the area's monthly series to the period end; null under 12 months. */
  spc: {
    points: number;
    mean: number;
    lower: number;
    upper: number;
    variation: SpcVariation;
    side: SpcSide | null;
    words: string;
  } | null;
  /** The latest month is a concerning special cause. */
  concerning: boolean;
}

export interface AreaResult {
  code: string;
  name: string;
  longitude: number | null;
  latitude: number | null;
  /** 1 = the most crime (ALL_CRIME) in the current window; ties by area code. */
  rank: number;
  allCrime: AreaMeasure;
  /** Null when AreaMonthly has no anti-social behaviour at all. */
  asb: AreaMeasure | null;
  /** Among the ten areas with the most crime in the current window. */
  top: boolean;
  /** The flags in words, in the order of AREA_FLAGS. */
  flags: string[];
}

export interface AreasModel {
  /** The current window (the Settings window ending at the period end), as YYYY-MM. */
  window: { start: string; end: string; phrase: string };
  comparator: { kind: AreaComparatorKind; start: string; end: string; phrase: string } | null;
  /** Most crime first, then by code. */
  areas: AreaResult[];
  hasAsb: boolean;
  /** Areas in the bar chart: up to 20 with a count in the current window. */
  chartAreas: number;
  figures: { bar: string; map: string };
  sentences: { intro: string; bar: string; map: string };
  /** For the pane's Status: the rising areas' names, the three with the most crime, in a line. */
  status: { rising: string[]; top: { name: string; count: number }[]; text: string };
}

export interface ReportModel {
  partnership: string;
  /** The protective marking printed on every page (Settings "Protective marking"); null: none. */
  marking: string | null;
  period: { label: string; start: string; end: string };
  window: { kind: WindowKind; phrase: string; months: number };
  yearLabels: { current: string; previous: string; baseline: string };
  measures: MeasureResult[];
  priorities: PriorityGroup[];
  ni32: Ni32Result | null;
  referrals: ReferralsResult | null;
  concerns: Concern[];
  /** The Priority areas sheet (spec/areas.md); null without Areas and AreaMonthly. */
  areas: AreasModel | null;
}

/** A measure's figures before the report places it: numbering, SPC and placement come after. */
export type MeasureFigures = Omit<
  MeasureResult,
  "figure" | "positionFigure" | "spc" | "spcMonths" | "spcFigure" | "placement"
>;
