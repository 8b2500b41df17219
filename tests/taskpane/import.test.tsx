/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import JSZip from "jszip";
import type { CheckResult } from "../../src/excel";
import { App } from "../../src/taskpane/App";
import type { ImportHost } from "../../src/taskpane/import-host";
import type { PaneHost } from "../../src/taskpane/pane-host";
import type { PoliceImport } from "../../src/workbook/import";
import { Row, policeCsv } from "../support/police-csv";

const EMPTY: CheckResult = { issues: [], ok: false, model: null, empty: true };
const FORCE = "Norfolk Constabulary";

function paneHost(calls: string[]): PaneHost {
  return {
    check: jest.fn(async () => {
      calls.push("check");
      return EMPTY;
    }),
    generate: jest.fn(),
    insertTemplate: jest.fn(async () => []),
    insertSample: jest.fn(async () => []),
    goTo: jest.fn(async () => undefined),
  };
}

function importHost(calls: string[], imported: PoliceImport[]): ImportHost {
  return {
    listSheets: jest.fn(async () => ["Settings", "MSG", "Populations"]),
    readSheet: jest.fn(async (sheet: string) =>
      sheet === "MSG"
        ? [["Partnership"], ["Norwich"], ["Breckland"]]
        : [
            ["Area", "Population"],
            ["King's Lynn and West Norfolk", 151000],
            ["Norwich", 144000],
            ["Breckland", 140000],
          ]
    ),
    importPoliceUk: jest.fn(async (imp: PoliceImport) => {
      calls.push("import");
      imported.push(imp);
      return { tables: ["Settings", "Measures", "Monthly", "Peers"], warnings: [], syncs: 3 };
    }),
  };
}

const rows = (m: string): Row[] =>
  ["King's Lynn and West Norfolk", "Norwich", "Breckland"].flatMap((d, i) =>
    Array.from({ length: i + 1 }, () => ({
      month: m,
      force: FORCE,
      lsoa: `${d} 003C`,
      type: "Burglary",
    }))
  );

describe("Import police.uk data", () => {
  beforeAll(() => {
    // jsdom has no TextDecoder (every browser the pane runs in has): Node's is the same API.
    if (typeof TextDecoder === "undefined")
      (globalThis as { TextDecoder: unknown }).TextDecoder =
        jest.requireActual<typeof import("util")>("util").TextDecoder;
    if (!performance.mark) (performance as { mark: unknown }).mark = () => undefined;
  });

  it("reads a zip in the pane, offers the districts found, merges, then checks again", async () => {
    const zip = new JSZip();
    for (const m of ["2024-01", "2024-02", "2024-03"])
      zip.file(`${m}/${m}-norfolk-street.csv`, policeCsv(rows(m), { crlf: true, bom: true }));
    const bytes = await zip.generateAsync({ type: "arraybuffer" });
    const file = new File([bytes], "download.zip", { type: "application/zip" });
    const calls: string[] = [];
    const imported: PoliceImport[] = [];
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={paneHost(calls)} importHost={importHost(calls, imported)} />
      </FluentProvider>
    );
    await waitFor(() => expect(calls).toEqual(["check"]));
    const input = screen.getByLabelText("Files (.csv or .zip)");
    fireEvent.change(input, { target: { files: [file] } });
    const partnership = (await screen.findByRole("combobox", {
      name: "Partnership",
    })) as HTMLSelectElement;
    expect(screen.getByText(/18 rows, 3 months \(2024-01 to 2024-03\), 3 districts/)).toBeTruthy();
    expect([...partnership.options].map((o) => o.value)).toEqual([
      "Breckland",
      "King's Lynn and West Norfolk",
      "Norwich",
    ]);
    fireEvent.change(partnership, { target: { value: "King's Lynn and West Norfolk" } });
    fireEvent.change(screen.getByRole("combobox", { name: /Peer group/ }), {
      target: { value: "MSG" },
    });
    fireEvent.change(screen.getByRole("combobox", { name: /Population/ }), {
      target: { value: "Populations" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Import into this workbook" }));
    await waitFor(() => expect(calls).toEqual(["check", "import", "check"]));
    const imp = imported[0] as PoliceImport;
    expect(imp.partnership).toBe("King's Lynn and West Norfolk");
    expect(imp.monthly.map((r) => r.count)).toEqual([1, 1, 1]);
    expect(imp.peers.map((p) => [p.partnership, p.count])).toEqual([
      ["King's Lynn and West Norfolk", 3],
      ["Norwich", 6],
      ["Breckland", 9],
    ]);
    // Shown in the section and announced in the live region.
    const said = await screen.findAllByText(
      /Imported King's Lynn and West Norfolk's 3 monthly counts and 3 peer rates/
    );
    expect(said.length).toBe(2);
  });

  it("applies the command line's rules and says its sentences: own force, duplicates, ONS populations, names", async () => {
    // Norfolk's files, the same month again as a loose CSV, BTP rows naming Norwich, an outcomes file.
    const zip = new JSZip();
    for (const m of ["2024-01", "2024-02", "2024-03"]) {
      zip.file(`${m}/${m}-norfolk-street.csv`, policeCsv(rows(m)));
      zip.file(
        `${m}/${m}-btp-street.csv`,
        policeCsv([
          { month: m, force: "British Transport Police", lsoa: "Norwich 001A", type: "Burglary" },
        ])
      );
      zip.file(`${m}/${m}-norfolk-outcomes.csv`, "Crime ID,Month\n");
    }
    const bytes = await zip.generateAsync({ type: "arraybuffer" });
    const files = [
      new File([bytes], "download.zip", { type: "application/zip" }),
      new File([policeCsv(rows("2024-01"))], "2024-01-norfolk-street.csv"),
    ];
    const calls: string[] = [];
    const imported: PoliceImport[] = [];
    const host = importHost(calls, imported);
    host.readSheet = jest.fn(async (sheet: string) =>
      sheet === "MSG"
        ? [["Partnership"], ["Breckland"], ["Coventry"], ["Kings Lynn & West Norfolk"]]
        : [["Partnership"], ["Norwhich"]]
    );
    host.listSheets = jest.fn(async () => ["MSG", "Typo"]);
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={paneHost(calls)} importHost={host} />
      </FluentProvider>
    );
    await waitFor(() => expect(calls).toEqual(["check"]));
    fireEvent.change(screen.getByLabelText("Files (.csv or .zip)"), { target: { files } });
    const partnership = (await screen.findByRole("combobox", {
      name: "Partnership",
    })) as HTMLSelectElement;
    // Rows of the same force-month read twice count once: 6 rows a month, 3 months, BTP's 3.
    expect(screen.getByText(/^21 rows, 3 months/)).toBeTruthy();
    fireEvent.change(partnership, { target: { value: "Norwich" } });
    fireEvent.change(screen.getByRole("combobox", { name: /Peer group/ }), {
      target: { value: "Typo" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Import into this workbook" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(
      'Peer group: "Norwhich" is not a district or Community Safety Partnership'
    );
    expect(alert.textContent).toContain("Closest: Norwich");
    expect(calls).toEqual(["check"]);
    fireEvent.change(screen.getByRole("combobox", { name: /Peer group/ }), {
      target: { value: "MSG" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Import into this workbook" }));
    await waitFor(() => expect(calls).toEqual(["check", "import", "check"]));
    const imp = imported[0] as PoliceImport;
    // Norwich from Norfolk's files only (2 rows a month), never BTP's.
    expect(imp.monthly.map((r) => r.count)).toEqual([2, 2, 2]);
    // No population sheet: ONS mid-year estimates; Coventry (no West Midlands files) has no rate.
    expect(new Set(imp.peers.map((p) => p.partnership))).toEqual(
      new Set(["Norwich", "Breckland", "King's Lynn and West Norfolk"])
    );
    const codes = imp.warnings.map((w) => w.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        "FILES_SKIPPED",
        "DUPLICATE_FILES",
        "OTHER_FORCE_ROWS",
        "PEER_FORCE_ABSENT",
      ])
    );
    expect(imp.warnings.find((w) => w.code === "PEER_FORCE_ABSENT")?.message).toContain(
      "Coventry is policed by West Midlands Police"
    );
    expect(imp.warnings.filter((w) => w.code === "NO_LOCATION").length).toBeLessThanOrEqual(1);
    expect(await screen.findByText(/norfolk-outcomes\.csv/)).toBeTruthy();
  });

  it("names the file and line of a bad file and imports nothing", async () => {
    const calls: string[] = [];
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={paneHost(calls)} importHost={importHost(calls, [])} />
      </FluentProvider>
    );
    const bad = new File([policeCsv(rows("2024-01")) + "x,y\n"], "2024-01-norfolk-street.csv");
    fireEvent.change(screen.getByLabelText("Files (.csv or .zip)"), { target: { files: [bad] } });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("2024-01-norfolk-street.csv, line 8");
    expect(screen.queryByRole("button", { name: "Import into this workbook" })).toBeNull();
  });
});
