import {
  Body1,
  Button,
  Field,
  makeStyles,
  Select,
  Spinner,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { useId, useState, type ReactElement } from "react";
import { a1, type Cell } from "../workbook";
// The import's modules one by one: the package index would also load JSZip (see police-files.ts).
import { AreaListError, peerGroupFrom, populationFrom } from "../workbook/import/area-lists";
import { monthText } from "../workbook/import/police-format";
import { AreaError } from "../workbook/geography";
import { SliceForces, countableAreas } from "../workbook/import/police-areas";
import { PeerWindow, buildPoliceImport } from "../workbook/import/police-import";
import { PoliceFileError } from "../workbook/import/police-reader";
import { ConflictingFilesError, type PoliceTally } from "../workbook/import/police-tally";
import { skippedWarning } from "../workbook/import/sources";
import { paneGeography } from "./geography";
import { BUSY_LABELS, Busy } from "./busy";
import type { ImportHost } from "./import-host";
import { readPoliceFiles } from "./police-files";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  paragraph: { margin: 0 },
  file: { maxWidth: "100%" },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
  },
  error: { margin: 0, color: tokens.colorPaletteRedForeground1 },
});

interface Read {
  tally: PoliceTally;
  /** The districts and CSPs these files can count (their own force's files name them). */
  districts: string[];
  sheets: string[];
  skipped: string[];
}

export interface ImportSectionProps {
  host: ImportHost;
  busy: Busy | null;
  /** Runs one action at a time (the App's lock), showing `kind` as busy. */
  exclusive: (kind: Busy, action: () => Promise<void>) => Promise<void>;
  /** After a merge: the App checks the workbook again and announces `message` first. */
  onImported: (message: string) => Promise<void>;
  /** An Excel failure: the App's error dialog, focus back to `trigger`. */
  onFail: (e: unknown, trigger: HTMLElement | null) => void;
}

const NONE = "";
const sheetCells = (sheet: string) => (row: number, col: number) => `${sheet}!${a1(row, col)}`;

/**
 * Import police.uk data: the files are read here in the pane (nothing is uploaded), the partnership
 * picked from the districts found, and the same merge as `cdrp import police-uk --into` is written
 * into the open workbook; then the check runs again.
 */
export function ImportSection(props: ImportSectionProps): ReactElement {
  const { host, busy, exclusive, onImported, onFail } = props;
  const styles = useStyles();
  const fileId = useId();
  const [read, setRead] = useState<Read | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [partnership, setPartnership] = useState(NONE);
  const [peerSheet, setPeerSheet] = useState(NONE);
  const [popSheet, setPopSheet] = useState(NONE);
  const [peerWindow, setPeerWindow] = useState<PeerWindow>("quarter");
  const [done, setDone] = useState<string | null>(null);

  const onFiles = async (files: File[]) => {
    setRead(null);
    setProblem(null);
    setDone(null);
    if (files.length === 0) return;
    try {
      setReading("Reading the files…");
      const r = await readPoliceFiles(files, (p) => setReading(`Reading ${p}…`));
      const districts = countableAreas(new SliceForces(r.tally, paneGeography()));
      const sheets = await host.listSheets();
      setRead({ tally: r.tally, districts, sheets, skipped: r.skipped });
      setPartnership(districts[0] ?? NONE);
    } catch (e) {
      if (e instanceof PoliceFileError) setProblem(`${e.message} Nothing was imported.`);
      else if (e instanceof ConflictingFilesError) setProblem(e.message);
      else onFail(e, null);
    } finally {
      setReading(null);
    }
  };

  const onImport = (button: HTMLElement) =>
    exclusive("import", async () => {
      if (!read || partnership === NONE) return;
      setProblem(null);
      try {
        const cells = async (sheet: string): Promise<Cell[][] | null> =>
          sheet === NONE ? null : host.readSheet(sheet);
        const peerCells = await cells(peerSheet);
        const popCells = await cells(popSheet);
        const imp = buildPoliceImport(read.tally, paneGeography(), {
          partnership,
          peers: peerCells ? peerGroupFrom(peerCells, sheetCells(peerSheet)) : null,
          population: popCells ? populationFrom(popCells, sheetCells(popSheet)) : null,
          peerWindow,
        });
        const skipped = skippedWarning(read.skipped);
        if (skipped) imp.warnings.unshift(skipped);
        const r = await host.importPoliceUk(imp);
        const warnings = imp.warnings.length + r.warnings.length;
        const message = `Imported ${imp.partnership}'s ${imp.monthly.length} monthly counts${imp.peers.length > 0 ? ` and ${imp.peers.length} peer rates` : ""} into ${r.tables.join(", ") || "no table (nothing changed)"}${warnings > 0 ? `, with ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}.`;
        setDone([message, ...[...imp.warnings, ...r.warnings].map((w) => w.message)].join("\n"));
        await onImported(`${message} `);
      } catch (e) {
        // The command line's sentences (exit 1 there): the name, the force, the files.
        if (e instanceof AreaListError) setProblem(e.message);
        else if (e instanceof AreaError)
          setProblem(
            `${e.message}${read.skipped.length > 0 ? ` ${skippedWarning(read.skipped)?.message ?? ""}` : ""} Nothing was imported.`
          );
        else onFail(e, button);
      }
    });

  const months = read?.tally.sortedMonths() ?? [];
  const disabled = busy !== null || reading !== null;
  return (
    <section className={styles.section} aria-labelledby="cdrp-import-heading">
      <Title3 as="h2" id="cdrp-import-heading" className={styles.heading}>
        Import police.uk data
      </Title3>
      <Body1 as="p" className={styles.paragraph}>
        Choose the street-level crime CSVs or the zip downloaded from data.police.uk. They are read
        here, on this computer; nothing is uploaded.
      </Body1>
      <label htmlFor={fileId}>
        <Body1>Files (.csv or .zip)</Body1>
      </label>
      <input
        id={fileId}
        className={styles.file}
        type="file"
        multiple
        accept=".csv,.zip,text/csv,application/zip"
        disabled={disabled}
        onChange={(e) => void onFiles(Array.from(e.currentTarget.files ?? []))}
      />
      {reading !== null && <Spinner size="tiny" label={reading} />}
      {problem !== null && (
        <Body1 as="p" role="alert" className={styles.error}>
          {problem}
        </Body1>
      )}
      {read && (
        <>
          <Body1 as="p" className={styles.paragraph}>
            {`${read.tally.rows.toLocaleString("en-GB")} rows, ${months.length} month${months.length === 1 ? "" : "s"}${months.length > 0 ? ` (${monthText(months[0] as number)} to ${monthText(months[months.length - 1] as number)})` : ""}, ${read.districts.length} districts and CSPs their own force's files count; ${read.tally.noLocationTotal().toLocaleString("en-GB")} rows with no location${read.skipped.length > 0 ? `; ${read.skipped.length} other files skipped` : ""}.`}
          </Body1>
          <Field label="Partnership">
            <Select value={partnership} onChange={(_, d) => setPartnership(d.value)}>
              {read.districts.map((d) => (
                <option key={d}>{d}</option>
              ))}
            </Select>
          </Field>
          <Field label="Peer group (a sheet with a Partnership column)">
            <Select value={peerSheet} onChange={(_, d) => setPeerSheet(d.value)}>
              <option value={NONE}>None: no peer rates</option>
              {read.sheets.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </Select>
          </Field>
          <Field label="Population (a sheet with Area and Population columns)">
            <Select value={popSheet} onChange={(_, d) => setPopSheet(d.value)}>
              <option value={NONE}>None</option>
              {read.sheets.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </Select>
          </Field>
          <Field label="Peer window">
            <Select value={peerWindow} onChange={(_, d) => setPeerWindow(d.value as PeerWindow)}>
              <option value="quarter">Quarter</option>
              <option value="rolling 12 months">Rolling 12 months</option>
            </Select>
          </Field>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabledFocusable={disabled || partnership === NONE}
              onClick={(e) => void onImport(e.currentTarget)}
            >
              Import into this workbook
            </Button>
            {busy === "import" && <Spinner size="tiny" label={BUSY_LABELS.import} />}
          </div>
        </>
      )}
      {done !== null && (
        <Body1 as="p" className={styles.paragraph} style={{ whiteSpace: "pre-line" }}>
          {done}
        </Body1>
      )}
    </section>
  );
}
