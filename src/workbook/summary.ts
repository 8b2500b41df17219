import { Band, Direction, Rag } from "../core";
import { AreaMeasure, ReportModel } from "./model-types";

/** An XmR reading in report --json, a measure's or an area's: its figures, without the words. */
type SpcJson = Omit<NonNullable<AreaMeasure["spc"]>, "words">;

/** An area's measure in report --json: the model's figures, and its SPC reading. */
type AreaMeasureJson = Pick<AreaMeasure, "current" | "comparator" | "change" | "z" | "rising"> & {
  spc: SpcJson | null;
};

const areaMeasureJson = (m: AreaMeasure): AreaMeasureJson => ({
  current: m.current,
  comparator: m.comparator,
  change: m.change,
  z: m.z,
  rising: m.rising,
  spc: m.spc
    ? {
        points: m.spc.points,
        mean: m.spc.mean,
        lower: m.spc.lower,
        upper: m.spc.upper,
        variation: m.spc.variation,
        side: m.spc.side,
      }
    : null,
});

/** The summary `cdrp report --json` prints (spec/workbook.md): numbers unrounded, null for no data. */
export interface SummaryJson {
  partnership: string;
  period: { label: string; start: string; end: string };
  measures: {
    measure: string;
    label: string;
    current: number | null;
    previous: number | null;
    baseline: number | null;
    changeVsPrevious: number | null;
    changeVsBaseline: number | null;
    z: number | null;
    status: Rag;
    direction: Direction | null;
    peer: {
      position: number;
      of: number;
      band: Band;
      mean: number;
      previousPosition: number | null;
    } | null;
    spc: SpcJson | null;
    narrative: string;
  }[];
  ni32: {
    period: string;
    cases: number;
    repeats: number;
    rate: number;
    target: number | null;
    status: Rag;
  } | null;
  referrals: { period: string; partnership: number; total: number; share: number } | null;
  /** The Priority areas sheet's windows (spec/areas.md); null without Areas and AreaMonthly. */
  areasWindow: {
    current: { start: string; end: string };
    comparator: { kind: string; start: string; end: string } | null;
  } | null;
  /** Every area with its figures and flags, most crime first; null without the tables. */
  areas:
    | {
        code: string;
        name: string;
        longitude: number | null;
        latitude: number | null;
        rank: number;
        allCrime: AreaMeasureJson;
        antiSocialBehaviour: AreaMeasureJson | null;
        flags: string[];
      }[]
    | null;
  sheets: string[];
}

export function summaryJson(model: ReportModel, sheets: readonly string[]): SummaryJson {
  return {
    partnership: model.partnership,
    period: { ...model.period },
    measures: model.measures.map((m) => ({
      measure: m.id,
      label: m.label,
      current: m.current,
      previous: m.previous,
      baseline: m.baseline,
      changeVsPrevious: m.changeVsPrevious,
      changeVsBaseline: m.changeVsBaseline,
      z: m.z,
      status: m.status,
      direction: m.direction,
      peer: m.peer
        ? {
            position: m.peer.position,
            of: m.peer.of,
            band: m.peer.band,
            mean: m.peer.mean,
            previousPosition: m.peer.previousPosition,
          }
        : null,
      spc: m.spc
        ? {
            points: m.spc.values.length,
            mean: m.spc.mean,
            lower: m.spc.lower,
            upper: m.spc.upper,
            variation: m.spc.variation,
            side: m.spc.side,
          }
        : null,
      narrative: m.narrative,
    })),
    ni32: model.ni32
      ? {
          period: model.ni32.period,
          cases: model.ni32.cases,
          repeats: model.ni32.repeats,
          rate: model.ni32.rate,
          target: model.ni32.target,
          status: model.ni32.status,
        }
      : null,
    referrals: model.referrals
      ? {
          period: model.referrals.period,
          partnership: model.referrals.partnership,
          total: model.referrals.total,
          share: model.referrals.share,
        }
      : null,
    areasWindow: model.areas
      ? {
          current: { start: model.areas.window.start, end: model.areas.window.end },
          comparator: model.areas.comparator
            ? {
                kind: model.areas.comparator.kind,
                start: model.areas.comparator.start,
                end: model.areas.comparator.end,
              }
            : null,
        }
      : null,
    areas:
      model.areas?.areas.map((a) => ({
        code: a.code,
        name: a.name,
        longitude: a.longitude,
        latitude: a.latitude,
        rank: a.rank,
        allCrime: areaMeasureJson(a.allCrime),
        antiSocialBehaviour: a.asb ? areaMeasureJson(a.asb) : null,
        flags: [...a.flags],
      })) ?? null,
    sheets: [...sheets],
  };
}
