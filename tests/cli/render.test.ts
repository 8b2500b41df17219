/**
 * The demo report as a reader sees it: LibreOffice renders the report to PDF, the pages carry the
 * report's text, and the chart pages hold the charts' colours (the charts really draw). Skipped
 * where LibreOffice is absent, except in CI (CDRP_REQUIRE_RENDER=1), which installs it.
 */
import { execFileSync, spawnSync } from "child_process";
import { readFileSync, readdirSync } from "fs";
import path from "path";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp";
import { countColour } from "../support/png";

const hasTools = spawnSync("sh", ["-c", "command -v libreoffice && command -v pdftoppm && command -v pdftotext"]).status === 0;
const required = process.env.CDRP_REQUIRE_RENDER === "1";
const renderTest = hasTools || required ? test : test.skip;
if (!hasTools && !required) console.warn("render.test.ts: SKIPPED: libreoffice, pdftoppm or pdftotext is not installed");


describe("the demo report rendered by LibreOffice", () => {
  renderTest("has the summary, the figures with drawn charts, and the Domestic Abuse tables", async () => {
    const { dir, cleanup } = tempDir("render");
    try {
      expect((await runCli("demo", "--out-dir", dir)).code).toBe(0);
      const script = path.join(__dirname, "..", "..", "scripts", "render-xlsx.sh");
      const pdf = execFileSync("bash", [script, path.join(dir, "sample-report.xlsx"), path.join(dir, "render")], { encoding: "utf8", timeout: 170_000 }).trim().split("\n").pop() as string;
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      for (const phrase of [
        "South Cambridgeshire Performance Summary, Q1 2010-11",
        "Worse position",
        "Figure 1.1: Dwelling Burglary",
        "Figure 2.4: Theft from Vehicles",
        "Domestic Abuse: MARAC and IDVAS",
        "accounted for 12% of the referrals to the IDVAS",
        // SPC: an XmR figure per measure, the Variation column, the police incident chart.
        "Figure 1.1a: Dwelling Burglary – variation over time (XmR chart)",
        "Figure 2.3a: Theft from Vehicles",
        "Special cause: improving low",
        "Police incident data",
        "Police domestic abuse incidents per month, mean and process limits",
      ]) {
        expect(text).toContain(phrase);
      }
      const pngs = readdirSync(path.join(dir, "render")).filter((f) => f.endsWith(".png"));
      const total = (rgb: [number, number, number]) => pngs.reduce((s, f) => s + countColour(readFileSync(path.join(dir, "render", f)), rgb), 0);
      expect(total([0xc5, 0x5a, 0x11])).toBeGreaterThan(50); // the partnership's highlighted bars
      expect(total([0x9d, 0xc3, 0xe6])).toBeGreaterThan(500); // the other MSG members' bars
      expect(total([0x1f, 0x4e, 0x79])).toBeGreaterThan(200); // the current year's line (and headers)
      expect(total([0x7f, 0x7f, 0x7f])).toBeGreaterThan(200); // the XmR charts' monthly values
      expect(total([0xa6, 0xa6, 0xa6])).toBeGreaterThan(200); // their dashed process limits
    } finally {
      cleanup();
    }
  }, 180_000);
});
