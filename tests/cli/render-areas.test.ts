/**
 * The Priority areas sheet as a reader sees it: LibreOffice prints the sheet alone (the report's
 * own writer, through reportOnlyWorkbook), the pages carry its text and the map's labels, and the
 * map really draws its rising areas in orange. Once from a real import (the police.uk excerpt of
 * 2024) and once from the sample with areas built to rise. PNGs are kept in artifacts/areas/.
 * Skipped where LibreOffice is absent, except in CI (CDRP_REQUIRE_RENDER=1).
 */
import { execFileSync, spawnSync } from "child_process";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import path from "path";
import { DataSheet, ReportPlan, analyse, buildPlan, snapshotOfData } from "../../src/workbook";
import { readWorkbook, reportOnlyWorkbook } from "../../src/xlsx";
import { gridAreas, sampleWithAreas } from "../support/areas";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp";
import { countColour } from "../support/png";

const hasTools =
  spawnSync("sh", ["-c", "command -v libreoffice && command -v pdftoppm && command -v pdftotext"])
    .status === 0;
const required = process.env.CDRP_REQUIRE_RENDER === "1";
const renderTest = hasTools || required ? test : test.skip;
if (!hasTools && !required)
  console.warn(
    "render-areas.test.ts: SKIPPED: libreoffice, pdftoppm or pdftotext is not installed"
  );

const artifacts = path.join(__dirname, "..", "..", "artifacts", "areas");
const SCRIPT = path.join(__dirname, "..", "..", "scripts", "render-xlsx.sh");
const Y2024 = path.join(__dirname, "..", "fixtures", "police-uk", "2024-01-to-04.zip");


/** The plan of the Priority areas sheet alone. */
function areasPlan(data: DataSheet[] | ReturnType<typeof snapshotOfData>): ReportPlan {
  const snapshot = Array.isArray(data) ? snapshotOfData(data) : data;
  const a = analyse(snapshot);
  if (!a.model) throw new Error(a.issues.map((i) => i.message).join("\n"));
  const plan = buildPlan(a.model, { sheetNames: snapshot.sheetNames, reportSheets: [] });
  return { sheets: plan.sheets.filter((s) => s.role === "areas") };
}

/** Prints the plan's sheets with LibreOffice; returns the text and the page PNGs (kept as `name`). */
async function render(plan: ReportPlan, dir: string, name: string) {
  const xlsx = path.join(dir, `${name}.xlsx`);
  writeFileSync(xlsx, await reportOnlyWorkbook(plan));
  const pdf = execFileSync("bash", [SCRIPT, xlsx, path.join(dir, name)], {
    encoding: "utf8",
    timeout: 170_000,
  })
    .trim()
    .split("\n")
    .pop() as string;
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  // Pages at a size a person can read, kept for looking at.
  mkdirSync(artifacts, { recursive: true });
  for (const f of readdirSync(artifacts))
    if (f.startsWith(`${name}-`) || f === `${name}.pdf`) rmSync(path.join(artifacts, f));
  execFileSync("pdftoppm", ["-r", "80", "-png", pdf, path.join(artifacts, name)]);
  copyFileSync(pdf, path.join(artifacts, `${name}.pdf`));
  const pngs = readdirSync(artifacts)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"))
    .map((f) => readFileSync(path.join(artifacts, f)));
  return { text, pngs };
}

describe("the Priority areas sheet printed by LibreOffice", () => {
  renderTest(
    "from the sample with areas built to rise: the rising areas are orange bubbles, named on the map",
    async () => {
      const { dir, cleanup } = tempDir("render-areas");
      try {
        const data = sampleWithAreas(gridAreas(60));
        const plan = areasPlan(data);
        const sheet = plan.sheets[0]!;
        const { text, pngs } = await render(plan, dir, "areas-rising");
        const flat = text.replace(/\s+/g, " ");
        expect(flat).toContain("Priority areas: where crime is rising");
        expect(flat).toMatch(/Figure \d+\.1: The 20 areas with the most crime/);
        expect(flat).toMatch(/Figure \d+\.2: Map of the areas/);
        // Labels on the map name the rising areas (the first of them, most crime first).
        const model = analyse(snapshotOfData(data)).model!;
        const rising = model.areas!.areas.filter((a) => a.allCrime.rising);
        expect(rising.length).toBeGreaterThan(0);
        expect(flat).toContain(rising[0]!.name);
        expect(flat).toContain(`${rising[0]!.name} (rising)`); // the bar chart's label, in words
        const orange = pngs.reduce((n, p) => n + countColour(p, [0xe4, 0x6c, 0x0a]), 0);
        expect(orange).toBeGreaterThan(200);
        expect(sheet.charts.map((c) => c.kind)).toEqual(["areas", "map"]);
      } finally {
        cleanup();
      }
    },
    180_000
  );

  renderTest(
    "from a real import (South Cambridgeshire, police.uk 2024 excerpt): the map and its labels draw",
    async () => {
      const { dir, cleanup } = tempDir("render-areas-real");
      try {
        const out = path.join(dir, "south-cambs.xlsx");
        const r = await runCli(
          "import",
          "police-uk",
          Y2024,
          "--partnership",
          "South Cambridgeshire",
          "--out",
          out
        );
        expect(r.code).toBe(0);
        const { snapshot } = await readWorkbook(readFileSync(out), "south-cambs.xlsx");
        const plan = areasPlan(snapshot);
        const { text, pngs } = await render(plan, dir, "areas-real-south-cambs");
        const flat = text.replace(/\s+/g, " ");
        expect(flat).toContain("Priority areas: where crime is rising");
        expect(flat).toContain("No comparator window has every month of data");
        expect(flat).toContain("Longitude");
        // The not-rising bubbles' outline blue draws.
        const blue = pngs.reduce((n, p) => n + countColour(p, [0x5b, 0x9b, 0xd5]), 0);
        expect(blue).toBeGreaterThan(200);
      } finally {
        cleanup();
      }
    },
    180_000
  );
});
