/**
 * `cdrp report --pdf`: the report's pages printed by LibreOffice. Each PDF page is the page the plan
 * made: as many pages as the plan's breaks make, every figure's caption, chart title and sentence on
 * the page the plan put them, partnership, quarter, marking and "Page N of M" on every page, and the
 * XmR charts' special-cause markers in colour. The demo's pages are kept in artifacts/report-pdf.
 * Without LibreOffice the command exits 2 with how to install it and writes nothing. The rendering
 * tests are skipped where LibreOffice is absent, except in CI (CDRP_REQUIRE_RENDER=1).
 */
import { execFileSync, spawnSync } from "child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import path from "path";
import { DataSheet, ReportPlan, sampleWorkbook } from "../../src/workbook";
import { writeDataWorkbook } from "../../src/xlsx";
import { findSoffice, pdfPathFor, pdfTimeoutMs } from "../../src/cli/pdf";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp";
import { figuresOf, pageOfRow, planOf } from "../support/report-shapes";
import { longLabelSample, tenTimesSample } from "../support/big-workbook";
import { countColour } from "../support/png";

const root = path.join(__dirname, "..", "..");
const hasTools = spawnSync("sh", ["-c", "(command -v soffice || command -v libreoffice) && command -v pdftoppm && command -v pdftotext"]).status === 0;
const required = process.env.CDRP_REQUIRE_RENDER === "1";
const renderTest = hasTools || required ? test : test.skip;
if (!hasTools && !required) console.warn("pdf.test.ts: SKIPPED the rendering tests: LibreOffice or poppler is not installed");

const { dir, cleanup } = tempDir("pdf");
afterAll(cleanup);
const file = (name: string) => path.join(dir, name);

async function input(name: string, data: DataSheet[]): Promise<string> {
  writeFileSync(file(name), await writeDataWorkbook(data));
  return file(name);
}

/** The PDF's pages as text, whitespace made single spaces. */
function pdfPages(pdf: string): string[] {
  const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const pages = text.split("\f").map((p) => p.replace(/\s+/g, " ").trim());
  if (pages[pages.length - 1] === "") pages.pop();
  return pages;
}

/** Each report sheet's first PDF page (0-based): sheets print in order, each its plan's pages. */
function firstPages(plan: ReportPlan): number[] {
  const out: number[] = [];
  let at = 0;
  for (const s of plan.sheets) {
    out.push(at);
    at += s.page.rowBreaks.length + 1;
  }
  return out;
}

/** Checks the PDF's pages against the plan: count, running heads, and every figure's page. */
function expectPagesAsPlanned(pdf: string, plan: ReportPlan): void {
  const pages = pdfPages(pdf);
  const total = plan.sheets.reduce((n, s) => n + s.page.rowBreaks.length + 1, 0);
  // LibreOffice made no page of its own: each page ends at a break of the plan.
  expect(pages.length).toBe(total);
  pages.forEach((text, i) => {
    for (const words of ["South Cambridgeshire", "Q1 2010-11", `Page ${i + 1} of ${total}`])
      expect({ page: i + 1, has: text.includes(words) ? words : `(missing) ${words}` }).toEqual({ page: i + 1, has: words });
    expect(text.split("OFFICIAL-SENSITIVE").length - 1).toBe(2); // head and foot
  });
  const starts = firstPages(plan);
  let figures = 0;
  plan.sheets.forEach((sheet, k) => {
    const pageOf = pageOfRow(sheet.page.rowBreaks);
    figuresOf(sheet).forEach((f, n) => {
      const chart = sheet.charts[n]!;
      const page = (starts[k] as number) + pageOf(f.captionRow);
      const sentence = String(sheet.cells.find((c) => c.row === f.sentenceRow && c.col === 0)!.value);
      const want = {
        caption: f.caption.slice(0, 40),
        title: chart.title.split(" ").slice(0, 3).join(" "),
        sentence: sentence.slice(0, 40),
      };
      const found = Object.fromEntries(
        Object.entries(want).map(([k2, v]) => [k2, (pages[page] ?? "").includes(v) ? v : `(not on page ${page + 1}) ${v}`])
      );
      expect(found).toEqual(want);
      figures++;
    });
  });
  expect(figures).toBe(plan.sheets.reduce((n, s) => n + s.charts.length, 0));
}


describe("the PDF step's parts", () => {
  it("finds soffice (or libreoffice) on the PATH, and nothing where there is none", () => {
    const bin = file("bin");
    mkdirSync(bin, { recursive: true });
    expect(findSoffice(bin)).toBeNull();
    writeFileSync(path.join(bin, "libreoffice"), "#!/bin/sh\n");
    chmodSync(path.join(bin, "libreoffice"), 0o755);
    expect(findSoffice(`${file("nowhere")}${path.delimiter}${bin}`)).toBe(path.join(bin, "libreoffice"));
    writeFileSync(path.join(bin, "soffice"), "#!/bin/sh\n");
    chmodSync(path.join(bin, "soffice"), 0o755);
    expect(findSoffice(bin)).toBe(path.join(bin, "soffice"));
  });

  it("puts the PDF beside the workbook and gives a big report more time", () => {
    expect(pdfPathFor(path.join("out", "q1-report.xlsx"))).toBe(path.join("out", "q1-report.pdf"));
    const sample = planOf(sampleWorkbook());
    const ten = planOf(tenTimesSample());
    expect(pdfTimeoutMs(ten, {})).toBeGreaterThan(pdfTimeoutMs(sample, {}));
    expect(pdfTimeoutMs(sample, { CDRP_PDF_TIMEOUT: "30" })).toBe(30_000);
  });
});

describe("cdrp report --pdf without LibreOffice", () => {
  it("exits 2 with a sentence saying how to install it, and writes nothing", async () => {
    const sample = await input("no-lo.xlsx", sampleWorkbook());
    const empty = file("empty-path");
    mkdirSync(empty, { recursive: true });
    const out = file("no-lo-report.xlsx");
    const r = spawnSync(process.execPath, [path.join(root, "bin", "cdrp.js"), "report", sample, "--out", out, "--pdf"], {
      encoding: "utf8",
      env: { ...process.env, PATH: empty },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("neither soffice nor libreoffice is on the PATH");
    expect(r.stderr).toContain("sudo apt-get install libreoffice-calc");
    expect(existsSync(out)).toBe(false);
    expect(existsSync(file("no-lo-report.pdf"))).toBe(false);
  });
});

describe("cdrp report --pdf with LibreOffice", () => {
  renderTest("prints the demo as planned: pages, running heads, figures, special-cause colours", async () => {
    const r = await runCli("demo", "--out-dir", file("demo"), "--pdf");
    expect(r.code).toBe(0);
    const pdf = file("demo/sample-report.pdf");
    expect(r.stdout).toContain(`Wrote ${pdf}`);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    const plan = planOf(sampleWorkbook());
    expectPagesAsPlanned(pdf, plan);
    // Only the report's sheets: no data sheet is printed.
    expect(pdfPages(pdf).join(" ")).not.toContain("About this sample");
    // The pages as pictures, kept for a person to look at (CI keeps artifacts/).
    const kept = path.join(root, "artifacts", "report-pdf");
    rmSync(kept, { recursive: true, force: true });
    mkdirSync(kept, { recursive: true });
    copyFileSync(pdf, path.join(kept, "sample-report.pdf"));
    execFileSync("pdftoppm", ["-png", "-r", "60", pdf, path.join(kept, "sample-report")]);
    const pngs = readdirSync(kept).filter((f) => f.endsWith(".png"));
    expect(pngs).toHaveLength(pdfPages(pdf).length);
    const pixels = (rgb: [number, number, number]) => pngs.reduce((n, f) => n + countColour(readFileSync(path.join(kept, f)), rgb), 0);
    expect(pixels([0x00, 0xb0, 0xf0])).toBeGreaterThan(50); // improving special cause: blue markers
    expect(pixels([0xe4, 0x6c, 0x0a])).toBeGreaterThan(50); // concerning special cause: orange markers
  }, 240_000);

  renderTest("prints a batch (--out-dir): ten times the sample and very long labels, each as planned", async () => {
    const ten = await input("ten.xlsx", tenTimesSample());
    const long = await input("long.xlsx", longLabelSample());
    const r = await runCli("report", ten, long, "--out-dir", file("batch"), "--pdf", "--json");
    expect(r.code).toBe(0);
    const reports = (JSON.parse(r.stdout) as { reports: { pdf: string | null }[] }).reports;
    expect(reports.map((x) => x.pdf)).toEqual([file("batch/ten-report.pdf"), file("batch/long-report.pdf")]);
    expectPagesAsPlanned(file("batch/ten-report.pdf"), planOf(tenTimesSample()));
    expectPagesAsPlanned(file("batch/long-report.pdf"), planOf(longLabelSample()));
  }, 600_000);
});
