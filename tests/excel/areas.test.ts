/**
 * The Priority areas sheet through the Office.js host (spec/areas.md), against the in-memory Excel
 * fake under every platform profile: the bar chart and the bubble-chart map as the plan describes
 * them, within the sync and request budgets, and a sentence where an Excel lacks a set the map uses.
 */
import { FakeExcel } from "../fake-excel";
import { ALL_PROFILES, PlatformProfile, isSetSupported } from "../fake-excel/profiles";
import { MAX_REQUEST_BYTES, generateReport } from "../../src/excel";
import { PlanChart, analyse, buildPlan, snapshotOfData } from "../../src/workbook";
import { gridAreas, sampleWithAreas } from "../support/areas";

const SHEETS = sampleWithAreas(gridAreas(60));

/** The plan the host should render, worked out from the same workbook. */
function plannedCharts(): PlanChart[] {
  const a = analyse(snapshotOfData(SHEETS));
  if (!a.model) throw new Error("the test workbook does not validate");
  const plan = buildPlan(a.model, { sheetNames: SHEETS.map((s) => s.name), reportSheets: [] });
  return plan.sheets.find((s) => s.name === "Priority areas")?.charts ?? [];
}

/** "'Priority areas'!$U$30" from a sheet-local "U30". */
const absolute = (sheet: string, cell: string) =>
  `'${sheet}'!${cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")}`;

describe.each(ALL_PROFILES.map((p) => [p.id, p] as const))(
  "on %s",
  (_id, profile: PlatformProfile) => {
    let restore: (() => void) | null = null;
    afterEach(() => restore?.());

    it("writes the sheet's bar chart and map within 4 syncs, every request under 4 MB", async () => {
      const fake = new FakeExcel({ currentYear: 2010, profile }).seed(SHEETS);
      restore = fake.install();
      // Where Excel clears Undo (no ExcelApi 1.20) the pane asks first: the person has agreed here.
      const r = await generateReport(fake.context, undefined, { undoLossConfirmed: true });
      expect(r.status).toBe("written");
      expect(fake.syncCount).toBeLessThanOrEqual(4);
      expect(fake.maxRequestBytes).toBeLessThan(MAX_REQUEST_BYTES);
      expect(fake.sheetNames()).toContain("Priority areas");
      const planned = plannedCharts();
      const charts = fake.sheet("Priority areas").charts();
      expect(charts).toHaveLength(2);
      const [bars, map] = charts;

      const plannedBars = planned.find((c) => c.kind === "areas") as PlanChart;
      expect(bars?.series.map((s) => s.chartType)).toEqual(["BarClustered", "BarClustered"]);
      expect(bars?.series[0]?.values).toBe(`'Priority areas'!${plannedBars.series[0]?.values}`);
      expect(Object.keys(bars?.series[0]?.pointColors ?? {}).map(Number)).toEqual(
        plannedBars.series[0]?.points?.map((p) => p.index)
      );

      const plannedMap = planned.find((c) => c.kind === "map") as PlanChart;
      const m = plannedMap.map!;
      expect(map?.type).toBe("Bubble");
      expect(map?.from).toBe("A" + String(plannedMap.from.row + 1));
      expect([map?.width, map?.height]).toEqual([m.width, m.height]);
      expect(map?.categoryAxis).toMatchObject({
        minimum: m.x.min,
        maximum: m.x.max,
        title: "Longitude",
      });
      expect(map?.valueAxis).toMatchObject({
        minimum: m.y.min,
        maximum: m.y.max,
        title: "Latitude",
      });
      expect(map?.series.map((s) => [s.name, s.chartType])).toEqual(
        plannedMap.series.map((s) => [s.name, "Bubble"])
      );
      map?.series.forEach((s, i) => {
        const p = plannedMap.series[i]!;
        expect([s.xValues, s.values, s.sizes]).toEqual(
          [p.xValues, p.values, p.sizes].map((x) => `'Priority areas'!${x}`)
        );
        expect(s.fill).toBe(`#${p.color}`);
      });

      const has18 = isSetSupported(profile, "ExcelApi", "1.8");
      const has19 = isSetSupported(profile, "ExcelApi", "1.9");
      if (has18) {
        // The plot area's inside box: the plan's fractions of the chart's size, in points.
        expect(map?.plotArea).toEqual({
          insideLeft: m.plot.x * m.width,
          insideTop: m.plot.y * m.height,
          insideWidth: m.plot.w * m.width,
          insideHeight: m.plot.h * m.height,
        });
        // Every rising area's bubble is labelled with its name's cell.
        const rising = map?.series.find((s) => s.name === "Rising areas");
        const planRising = plannedMap.series.find((s) => s.name === "Rising areas")!;
        const top = Number(planRising.labels!.split(":")[0]!.replace(/^[A-Z]+/, ""));
        const col = planRising.labels!.replace(/\d.*$/, "");
        const count = Object.keys(rising?.labels ?? {}).length;
        expect(count).toBe(
          Number(planRising.values.split(":")[1]!.replace(/^[A-Z]+/, "")) - top + 1
        );
        expect(rising?.labels?.[0]).toBe(`=${absolute("Priority areas", `${col}${top}`)}`);
        expect(r.status === "written" && r.notes?.some((n) => n.includes("plot area"))).toBe(false);
      } else {
        expect(map?.plotArea).toBeUndefined();
        expect(map?.series.every((s) => s.labels === undefined)).toBe(true);
        expect(
          r.status === "written" && r.notes?.some((n) => n.includes("Priority areas map"))
        ).toBe(true);
      }
      expect(map?.series.every((s) => s.bubbleScale === (has19 ? m.bubbleScale : undefined))).toBe(
        true
      );
      expect(fake.formulaLog).toEqual([]);
    });
  }
);
