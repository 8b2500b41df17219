/**
 * The test page's script: puts the in-memory Excel fake where Office.js would put Excel, a minimal
 * Office whose onReady says "Excel", then loads the production task pane bundle unchanged. This file
 * is built only for the browser test (tests/e2e/webpack.e2e.config.js), never into dist/.
 */
import { FakeExcel } from "../fake-excel";
import { gridAreas, sampleWithAreas } from "../support/areas";

interface HarnessWindow {
  Office?: unknown;
  cdrpFake?: FakeExcel;
}

// ?areas: the sample with the Priority areas tables (spec/areas.md); otherwise an empty workbook.
const withAreas = new URLSearchParams(window.location.search).has("areas");
const fake = new FakeExcel({ currentYear: 2010 }).seed(
  withAreas ? sampleWithAreas(gridAreas(60)) : [{ name: "Sheet1", rows: [] }]
);
fake.install();
const info = { host: "Excel", platform: "OfficeOnline" };
const w = window as unknown as HarnessWindow;
// Keep what fake.install() put there (Office.context.requirements, for isSetSupported): without it
// the pane would take this for an Excel with none of the newer sets.
w.Office = {
  ...(w.Office as object),
  onReady: (callback?: (i: typeof info) => void) => {
    callback?.(info);
    return Promise.resolve(info);
  },
};
w.cdrpFake = fake;

const script = document.createElement("script");
script.src = "/taskpane.js";
document.body.appendChild(script);
