/** @jest-environment jsdom */
/**
 * The pane's Status with the Priority areas (spec/areas.md): the number of rising areas and the
 * three with the most crime, in words (no colour), read from the model the check produced.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { analyse, snapshotOfData } from "../../src/workbook";
import { gridAreas, sampleWithAreas } from "../support/areas";
import { standInHost } from "./stand-in-host";

const a = analyse(snapshotOfData(sampleWithAreas(gridAreas(60))));
const model = a.model!;

async function renderPane() {
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={standInHost({ issues: a.issues, ok: true, model, empty: false })} />
      </FluentProvider>
    );
  });
}

describe("Status: Priority areas", () => {
  it("says how many areas are rising, names them, and lists the three with the most crime", async () => {
    await renderPane();
    const heading = await screen.findByRole("heading", { level: 3, name: "Priority areas" });
    const card = within(heading.parentElement as HTMLElement);
    const areas = model.areas!.areas;
    const rising = areas.filter((x) => x.allCrime.rising);
    expect(rising.length).toBeGreaterThan(5);
    expect(
      card.getByText(
        `Rising areas: ${rising.length} of ${areas.length} (${rising
          .slice(0, 5)
          .map((x) => x.name)
          .join(", ")} and ${rising.length - 5} more).`
      )
    ).toBeTruthy();
    const list = card.getByRole("list", { name: `Most crime in ${model.areas!.window.phrase}:` });
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent)).toEqual(
      areas.slice(0, 3).map((x) => `${x.name} (${x.allCrime.current})`)
    );
  });

  it("is absent for a workbook without the areas tables", async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App
          host={standInHost({
            issues: [],
            ok: true,
            model: { ...model, areas: null },
            empty: false,
          })}
        />
      </FluentProvider>
    );
    await screen.findByRole("heading", { name: "Status" });
    expect(screen.queryByRole("heading", { name: "Priority areas" })).toBeNull();
  });
});
