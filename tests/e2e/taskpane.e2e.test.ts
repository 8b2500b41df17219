/**
 * The built task pane in Debian's Chromium, driven by playwright-core, against the in-memory Excel
 * fake supplied by the test page: Insert sample, Check, Generate; the fake must receive the report
 * sheets and charts. Screenshots at 350 and 500 px go to artifacts/e2e/. Needs `npm run build`
 * first (npm test does it). Skipped without Chromium, except in CI (CDRP_REQUIRE_BROWSER=1).
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "fs";
import path from "path";
import type { Browser, Page } from "playwright-core";
import webpack from "webpack";
import { analyse, buildPlan, sampleWorkbook, snapshotOfData } from "../../src/workbook";
import { hasChromium, launchChromium } from "./browser";
import { serveHttps, StaticServer } from "./server";

/** The native charts the sample's report plans (trend, XmR and position charts, police incidents). */
function sampleChartCount(): number {
  const snapshot = snapshotOfData(sampleWorkbook());
  const plan = buildPlan(analyse(snapshot).model!, { sheetNames: [], reportSheets: [] });
  return plan.sheets.reduce((n, sh) => n + sh.charts.length, 0);
}

const root = path.join(__dirname, "..", "..");
const artifacts = path.join(root, "artifacts", "e2e");
const required = process.env.CDRP_REQUIRE_BROWSER === "1";
const run = hasChromium() || required ? describe : describe.skip;
if (!hasChromium() && !required)
  console.warn("taskpane.e2e.test.ts: SKIPPED: no Chromium at /usr/bin/chromium");

function buildHarness(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require("./webpack.e2e.config.js") as webpack.Configuration;
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else {
        copyFileSync(
          path.join(__dirname, "harness.html"),
          path.join(root, "dist-e2e", "harness.html")
        );
        resolve();
      }
    })
  );
}

/** Polls until `check` is true (Jest has no expect.poll). */
async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 20_000
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting until ${what}`);
}

interface FakeHandle {
  sheetNames(): string[];
  sheet(name: string): { charts(): unknown[] };
}

async function fakeState(page: Page): Promise<{ sheets: string[]; charts: number }> {
  return page.evaluate(() => {
    const fake = (window as unknown as { cdrpFake: FakeHandle }).cdrpFake;
    const sheets = fake.sheetNames();
    return {
      sheets,
      // Every sheet's charts: the report's priority sheet and its Domestic Abuse sheet both have some.
      charts: sheets.reduce((n, name) => n + fake.sheet(name).charts().length, 0),
    };
  });
}

run("the task pane in Chromium with the Excel fake", () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(path.join(root, "dist", "taskpane.js")))
      throw new Error("dist/taskpane.js is missing: run `npm run build` first");
    await buildHarness();
    server = await serveHttps([path.join(root, "dist-e2e"), path.join(root, "dist")]);
    browser = await launchChromium();
    mkdirSync(artifacts, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("inserts the sample, checks it and generates the report, usable at 350 px", async () => {
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width: 350, height: 900 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => {
      // A failed load is reported below with its address; the browser's own favicon probe is not ours.
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource"))
        errors.push(m.text());
    });
    page.on("response", (r) => {
      if (r.status() >= 400 && !r.url().endsWith("/favicon.ico"))
        errors.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${server.url}/harness.html`);

    // An empty workbook: the pane offers the sample.
    const insert = page.getByRole("button", { name: "Insert sample" });
    await insert.waitFor({ timeout: 20_000 });
    const firstRender = await page.evaluate(
      () => performance.getEntriesByName("cdrp-first-render")[0]?.startTime ?? null
    );
    expect(firstRender).not.toBeNull();
    expect(firstRender as number).toBeGreaterThan(0);
    // The 500 ms budget (DESIGN.md) is a figure to read, not a timed assertion that flakes under
    // load: it is printed and kept with the screenshots.
    writeFileSync(
      path.join(artifacts, "first-render.json"),
      JSON.stringify({ firstRenderMs: firstRender, budgetMs: 500 })
    );
    console.log(`task pane first render: ${Math.round(firstRender as number)} ms (budget 500 ms)`);
    await page.screenshot({ path: path.join(artifacts, "taskpane-350-empty.png"), fullPage: true });

    await insert.click();
    const generate = page.getByRole("button", { name: "Generate report" });
    await waitUntil("Generate report is enabled", () => generate.isEnabled());
    await waitUntil("the sample is in the workbook", async () =>
      (await fakeState(page)).sheets.includes("Monthly")
    );
    await page.getByText("Worse position").first().waitFor();
    await page.screenshot({
      path: path.join(artifacts, "taskpane-350-status.png"),
      fullPage: true,
    });

    await generate.click();
    await page.getByRole("button", { name: "Go to Summary" }).waitFor({ timeout: 30_000 });
    const state = await fakeState(page);
    expect(state.sheets).toEqual(
      expect.arrayContaining(["Summary", "Priority 1", "Domestic Abuse"])
    );
    expect(state.charts).toBe(sampleChartCount());

    // Readable at 350 px: nothing wider than the pane.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({
      path: path.join(artifacts, "taskpane-350-report.png"),
      fullPage: true,
    });
    await page.setViewportSize({ width: 500, height: 900 });
    await page.screenshot({
      path: path.join(artifacts, "taskpane-500-report.png"),
      fullPage: true,
    });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("shows the Priority areas in Status at 350 px, and writes their sheet's two charts", async () => {
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width: 350, height: 900 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${server.url}/harness.html?areas`);
    const heading = page.getByRole("heading", { name: "Priority areas", level: 3 });
    await heading.waitFor({ timeout: 20_000 });
    await heading.scrollIntoViewIfNeeded();
    const rising = await page.getByText(/^Rising areas: \d+ of 60 /).textContent();
    expect(rising).toMatch(/^Rising areas: \d+ of 60 \(Test District/);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(artifacts, "taskpane-350-areas.png"), fullPage: true });
    const generate = page.getByRole("button", { name: "Generate report" });
    await waitUntil("Generate report is enabled", () => generate.isEnabled());
    await generate.click();
    await page.getByRole("button", { name: "Go to Summary" }).waitFor({ timeout: 30_000 });
    const charts = await page.evaluate(() => {
      const fake = (window as unknown as { cdrpFake: FakeHandle }).cdrpFake;
      return fake.sheet("Priority areas").charts().length;
    });
    expect(charts).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("can be driven by keyboard alone", async () => {
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width: 350, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/harness.html`);
    await page.getByRole("button", { name: "Insert sample" }).waitFor({ timeout: 20_000 });
    // Tab to "Insert sample" and press Enter, then Tab to "Generate report" and press Enter.
    const focusOn = async (name: string) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press("Tab");
        const focused = await page.evaluate(
          () => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? ""
        );
        if (focused === name) return;
      }
      throw new Error(`could not reach "${name}" with Tab`);
    };
    await focusOn("Insert sample");
    await page.keyboard.press("Enter");
    const generate = page.getByRole("button", { name: "Generate report" });
    await waitUntil("Generate report is enabled", () => generate.isEnabled());
    await focusOn("Generate report");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Go to Summary" }).waitFor({ timeout: 30_000 });
    expect((await fakeState(page)).sheets).toContain("Summary");

    // Generating again replaces the report, which clears Excel's Undo: the pane asks first. Focus
    // stays in the dialog (Tab cycles inside it) and Enter on "Replace report" goes ahead.
    await focusOn("Generate report");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Replace the previous report?" });
    await dialog.waitFor({ timeout: 30_000 });
    await page.screenshot({
      path: path.join(artifacts, "taskpane-350-replace.png"),
      fullPage: true,
    });
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      const inside = await page.evaluate(
        () => document.activeElement?.closest("[role=dialog]") !== null
      );
      expect(inside).toBe(true);
    }
    await focusOn("Replace report");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached", timeout: 30_000 });
    await page.getByRole("button", { name: "Go to Summary" }).waitFor({ timeout: 30_000 });
    const after = await fakeState(page);
    expect(after.sheets.filter((n) => n === "Summary")).toHaveLength(1);
    expect(after.charts).toBe(sampleChartCount());
    await context.close();
  }, 120_000);
});
