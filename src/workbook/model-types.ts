import { Band, BandMethod, Direction, Polarity, Rag, WindowKind } from "../core";

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

export interface ReportModel {
  partnership: string;
  period: { label: string; start: string; end: string };
  window: { kind: WindowKind; phrase: string; months: number };
  yearLabels: { current: string; previous: string; baseline: string };
  measures: MeasureResult[];
  priorities: PriorityGroup[];
  ni32: Ni32Result | null;
  referrals: ReferralsResult | null;
  concerns: Concern[];
}
