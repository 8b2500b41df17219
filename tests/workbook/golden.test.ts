/** Golden files: the sample's report model, its summary JSON and its report plan. */
import { analyse, buildPlan, sampleWorkbook, snapshotOfData, summaryJson } from "../../src/workbook";
import { expectGolden } from "../support/golden";

const snapshot = snapshotOfData(sampleWorkbook());
const { model } = analyse(snapshot);

describe("golden output of the sample", () => {
  it("report model", () => {
    expectGolden("sample-model", model);
  });
  it("summary JSON (cdrp report --json)", () => {
    const plan = buildPlan(model!, { sheetNames: snapshot.sheetNames, reportSheets: [] });
    expectGolden("sample-summary", summaryJson(model!, plan.sheets.map((s) => s.name)));
  });
  it("report plan (cells, formats, merges, charts)", () => {
    expectGolden("sample-plan", buildPlan(model!, { sheetNames: snapshot.sheetNames, reportSheets: [] }));
  });
});
