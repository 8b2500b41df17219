/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { CheckResult, GenerateResult } from "../../src/excel";
import { HostError } from "../../src/excel/errors";
import { App } from "../../src/taskpane/App";
import type { PaneHost } from "../../src/taskpane/pane-host";
import { analyse, buildPlan, Issue, sampleWorkbook, snapshotOfData } from "../../src/workbook";

const snapshot = snapshotOfData(sampleWorkbook());
const model = analyse(snapshot).model!;
const plan = buildPlan(model, { sheetNames: snapshot.sheetNames, reportSheets: [] });
const OK: CheckResult = { issues: [], ok: true, model, empty: false };
const BAD_ISSUES: Issue[] = [
  {
    severity: "error",
    code: "COUNT_NOT_NUMBER",
    sheet: "Monthly",
    cell: "C7",
    message: 'Monthly DWELLING_BURGLARY: Count must be a number, but is the text "thirty".',
  },
  {
    severity: "error",
    code: "MONTH_DUPLICATE",
    sheet: "Monthly",
    cell: "B9",
    message: "Monthly: DWELLING_BURGLARY has two rows for May 2010.",
  },
  {
    severity: "warning",
    code: "SETTING_UNKNOWN",
    sheet: "Settings",
    cell: "A9",
    message: '"Colour" is not a setting the report uses.',
  },
];
const BAD: CheckResult = { issues: BAD_ISSUES, ok: false, model: null, empty: false };
const EMPTY: CheckResult = { issues: [], ok: false, model: null, empty: true };
const WRITTEN: GenerateResult = {
  status: "written",
  sheets: ["Summary", "Priority 1", "Domestic Abuse"],
  model,
  issues: [],
  plan,
  syncs: 3,
  requestEstimates: [1000],
};

function stubHost(
  checks: CheckResult[],
  overrides: Partial<PaneHost> = {}
): PaneHost & { calls: string[] } {
  const calls: string[] = [];
  let i = 0;
  return {
    calls,
    check: jest.fn(async () => {
      calls.push("check");
      return checks[Math.min(i++, checks.length - 1)] as CheckResult;
    }),
    generate: jest.fn(async () => WRITTEN),
    insertTemplate: jest.fn(async () => ["Settings"]),
    insertSample: jest.fn(async () => {
      calls.push("insertSample");
      return ["Settings"];
    }),
    goTo: jest.fn(async () => undefined),
    ...overrides,
  };
}

function renderApp(host: PaneHost) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>
  );
}

describe("the task pane", () => {
  beforeAll(() => {
    // jsdom has no performance.mark in some versions; the pane marks its first render.
    if (!performance.mark) (performance as { mark: unknown }).mark = () => undefined;
  });

  it("checks on open and lists issues by sheet with counts; selecting one goes to its cell", async () => {
    const host = stubHost([BAD]);
    renderApp(host);
    await screen.findByText("2 errors, 1 warning");
    expect(screen.getByRole("heading", { name: /Monthly/ }).textContent).toContain("2 errors");
    expect(screen.getByRole("heading", { name: /Settings/ }).textContent).toContain("1 warning");
    const issue = screen.getByRole("button", { name: /Monthly!C7/ });
    fireEvent.click(issue);
    await waitFor(() => expect(host.goTo).toHaveBeenCalledWith("Monthly", "C7"));
    const warning = screen.getByRole("button", { name: /Settings!A9/ });
    expect(warning.textContent).toContain("Warning");
    expect(
      screen.getByRole("button", { name: "Generate report" }).getAttribute("aria-disabled")
    ).toBe("true");
  });

  it("shows every measure's status in words and enables Generate after a clean check", async () => {
    const host = stubHost([OK]);
    renderApp(host);
    await screen.findByText("No problems found");
    const burglary = screen
      .getByRole("heading", { name: "Dwelling Burglary" })
      .closest("li") as HTMLElement;
    expect(burglary.textContent).toContain("Worse position");
    expect(burglary.textContent).toContain("12th of 15");
    expect(burglary.textContent).toContain("not significant");
    expect(burglary.textContent).toContain("Variation (SPC)Common cause");
    const vehicles = screen
      .getByRole("heading", { name: "Theft of Vehicles" })
      .closest("li") as HTMLElement;
    expect(vehicles.textContent).toContain("Special cause: improving low");
    // The icon is there for the eye, hidden from screen readers: the words carry the meaning.
    const icon = vehicles.querySelector("svg[aria-hidden='true']");
    expect(icon).not.toBeNull();
    const ni32 = screen.getByRole("heading", { name: /NI 32/ }).closest("li") as HTMLElement;
    expect(ni32.textContent).toContain("n/a: not monthly data");
    const generate = screen.getByRole("button", { name: "Generate report" });
    expect(generate.getAttribute("aria-disabled")).not.toBe("true");
    fireEvent.click(generate);
    const goTo = await screen.findByRole("button", { name: "Go to Summary" });
    expect(screen.getByText("Priority 1")).toBeTruthy();
    fireEvent.click(goTo);
    await waitFor(() => expect(host.goTo).toHaveBeenCalledWith("Summary", "A1"));
  });

  it("offers the template and the sample in an empty workbook, and checks again after inserting", async () => {
    const host = stubHost([EMPTY, OK]);
    renderApp(host);
    const insert = await screen.findByRole("button", { name: "Insert sample" });
    expect(screen.getByRole("button", { name: "Create template" })).toBeTruthy();
    fireEvent.click(insert);
    await screen.findByText("No problems found");
    expect(host.calls).toEqual(["check", "insertSample", "check"]);
  });

  it("shows a failure in a dialog with what to do, and returns focus to the button", async () => {
    const host = stubHost([OK], {
      generate: jest.fn(async () => {
        throw new HostError({
          code: "AccessDenied",
          title: "A report sheet is protected",
          message:
            'The previous report\'s sheet "Summary" is protected. Unprotect it and try again.',
        });
      }),
    });
    renderApp(host);
    await screen.findByText("No problems found");
    const generate = screen.getByRole("button", { name: "Generate report" });
    generate.focus();
    fireEvent.click(generate);
    const dialog = await screen.findByRole("dialog");
    expect(dialog.textContent).toContain("A report sheet is protected");
    expect(dialog.textContent).toContain("Unprotect it");
    // Within the dialog, and counting elements jsdom may still think hidden: on a loaded machine the
    // Close button was sometimes not yet "accessible" to the query while the dialog opened.
    const close = within(dialog).getByRole("button", { name: "Close", hidden: true });
    await act(async () => {
      fireEvent.click(close);
    });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(generate));
  });

  it("shows Excel's own errors as sentences too", async () => {
    const host = stubHost([OK], {
      check: jest.fn(async () => {
        throw Object.assign(new Error("cell edit"), { code: "InvalidOperationInCellEditMode" });
      }),
    });
    renderApp(host);
    const dialog = await screen.findByRole("dialog");
    expect(dialog.textContent).toContain("Excel is editing a cell");
    expect(dialog.textContent).toContain("press Enter or Esc");
  });
});
