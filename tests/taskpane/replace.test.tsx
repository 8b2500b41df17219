/** @jest-environment jsdom */
/**
 * Replacing a previous report clears Excel's Undo history (Worksheet.delete has no undo on any
 * platform: excel-add-ins-undo-capabilities.md), so the pane asks first, by keyboard as by mouse,
 * and remembers "Don't ask again" on this computer only.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { forgetReplaceWithoutAsking, replaceWithoutAsking } from "../../src/taskpane/preferences";
import { press } from "./keyboard";
import { checkOk, standInHost, StandInHost, written } from "./stand-in-host";

const PREVIOUS = ["Summary", "Priority 1", "Domestic Abuse"];

async function renderPane(host: StandInHost) {
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={host} />
      </FluentProvider>
    );
  });
  await screen.findByText("No problems found");
}

/** A host with a previous report: generate asks unless told the person agreed. */
function hostWithReport(): StandInHost {
  const host = standInHost(checkOk);
  host.generate.mockImplementation(async (options) =>
    options?.undoLossConfirmed === true
      ? written
      : { status: "confirm", reason: "replace", replace: PREVIOUS }
  );
  return host;
}

const button = (name: string) => screen.getByRole("button", { name });

beforeEach(() => forgetReplaceWithoutAsking());

describe("replacing a previous report", () => {
  it("asks first, says Undo history will be cleared, and writes only after Replace report", async () => {
    const host = hostWithReport();
    await renderPane(host);
    fireEvent.click(button("Generate report"));
    const dialog = await screen.findByRole("dialog", { name: "Replace the previous report?" });
    expect(host.generate).toHaveBeenCalledTimes(1);
    expect(host.generate).toHaveBeenLastCalledWith({ undoLossConfirmed: false });
    expect(dialog.textContent).toContain('"Summary", "Priority 1", "Domestic Abuse"');
    expect(dialog.textContent).toMatch(/clears Excel's Undo history/);
    fireEvent.click(within(dialog).getByRole("button", { name: "Replace report", hidden: true }));
    await screen.findByRole("list", { name: /Report written to 4 sheets/ });
    expect(host.generate).toHaveBeenLastCalledWith({ undoLossConfirmed: true });
    expect(replaceWithoutAsking()).toBe(false);
  });

  it("Cancel (or Escape) writes nothing, says so, and returns focus to Generate report", async () => {
    const host = hostWithReport();
    await renderPane(host);
    const generate = button("Generate report");
    generate.focus();
    press("Enter");
    const dialog = await screen.findByRole("dialog");
    fireEvent.keyDown(document.activeElement ?? dialog, { key: "Escape", code: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(host.generate).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("status").textContent).toBe(
      "The previous report was kept; nothing was written."
    );
    await waitFor(() => expect(document.activeElement).toBe(generate));
  });

  it("works from the keyboard alone, and remembers Don't ask again", async () => {
    const host = hostWithReport();
    await renderPane(host);
    button("Generate report").focus();
    press("Enter");
    const dialog = await screen.findByRole("dialog");
    // Focus starts inside the dialog, and its choice and both buttons take keyboard focus.
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    // Every control in it takes keyboard focus. (Not tabOrder(): in jsdom, tabster sometimes leaves
    // a surface opened after an earlier test's dialog marked aria-hidden; a browser does not.)
    const inside = () =>
      Array.from(dialog.querySelectorAll<HTMLElement>("button, input")).filter(
        (el) => el.tabIndex >= 0 && !el.hasAttribute("data-tabster-dummy")
      );
    expect(inside().map((el) => el.getAttribute("type") === "checkbox" || el.textContent)).toEqual([
      true,
      "Replace report",
      "Cancel",
    ]);
    const checkbox = inside()[0] as HTMLInputElement;
    checkbox.focus();
    fireEvent.click(checkbox); // Space on a focused checkbox
    expect(checkbox.checked).toBe(true);
    const replace = inside()[1] as HTMLElement;
    replace.focus();
    press("Enter");
    await screen.findByRole("list", { name: /Report written to 4 sheets/ });
    expect(replaceWithoutAsking()).toBe(true);

    // Next time: no question, written straight away.
    host.generate.mockClear();
    fireEvent.click(button("Generate report"));
    await waitFor(() => expect(host.generate).toHaveBeenCalledWith({ undoLossConfirmed: true }));
    expect(host.generate).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("on an Excel that keeps no Undo for add-ins, asks before the first report too", async () => {
    const host = standInHost(checkOk);
    host.generate.mockImplementation(async (options) =>
      options?.undoLossConfirmed === true
        ? written
        : { status: "confirm", reason: "no-undo", replace: [] }
    );
    await renderPane(host);
    fireEvent.click(button("Generate report"));
    const dialog = await screen.findByRole("dialog", { name: "Clear Excel's Undo history?" });
    expect(dialog.textContent).toMatch(/keeps no Undo history across an add-in's changes/);
    fireEvent.click(within(dialog).getByRole("button", { name: "Generate report", hidden: true }));
    await screen.findByRole("list", { name: /Report written to 4 sheets/ });
    expect(host.generate).toHaveBeenLastCalledWith({ undoLossConfirmed: true });
  });
});
