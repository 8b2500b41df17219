import { promises as fs } from "fs";
import path from "path";
import { parseArgs } from "util";
import { AreaError } from "../workbook/geography";
import {
  AreaListError,
  ConflictingFilesError,
  ImportWarning,
  MergeError,
  PeerWindow,
  PoliceFileError,
  PoliceImport,
  PoliceTally,
  buildPoliceImport,
  importWorkbook,
  mergeImport,
  monthText,
  peerGroupCsv,
  populationCsv,
  readPoliceCsv,
  skippedWarning,
} from "../workbook/import";
import {
  WorkbookReadError,
  appendDataSheets,
  readWorkbook,
  writeDataWorkbook,
  writeImportEdits,
} from "../xlsx";
import { readInput, sameFile, writeAtomic } from "./files";
import { loadGeography } from "./geography";
import { sourcesOf } from "./police-sources";

/** The command line's output streams (main.ts's Io). */
export interface ImportIo {
  out: (text: string) => void;
  err: (text: string) => void;
  progress: (text: string) => void;
}

export const IMPORT_HELP = `cdrp import police-uk <file.csv | folder | download.zip>... --partnership <district or CSP>
     [--peers <peers.csv>] [--population <population.csv>] [--peer-window quarter | rolling 12 months]
     [--into <workbook.xlsx>] --out <workbook.xlsx> [--json]

Turns police.uk street-level crime downloads (data.police.uk, the zip of YYYY-MM/YYYY-MM-<force>-street.csv
or its CSVs) into a quarter's workbook: the partnership's monthly counts per crime type, counted from
its own force's files (the ONS lookup of districts, CSPs and forces ships with cdrp), and with --peers
(a CSV with a Partnership column) its most similar group's rates per 1,000 people for each quarter
end, on the ONS mid-year population estimates unless --population (a CSV of Area,Population) gives
others. The partnership and peers are districts or Community Safety Partnerships, spelt as you like
(Bristol, "Bristol, City of", King's Lynn & West Norfolk). Everything is read on this machine.
--into merges into an existing workbook (imported months replace the same measure and month; every
other part of it is copied byte for byte) and writes the result to --out; the --into file itself is
never written.

Exit codes: 0 written (warnings allowed); 1 the partnership or a peer names no district or CSP (the
closest names are listed), or cannot be counted from these files (its force sent no file, or its
files name none of its LSOAs), said in a sentence; 2 a file is not in police.uk's format (file and
line named), two files hold different rows for one force and month, or the command is wrong; then
nothing is written.`;

const OK = 0;
const NOT_FOUND = 1;
const BAD = 2;

class ImportUsageError extends Error {}

/** "--peer-window rolling 12 months" typed without quotes is three words: joined back into one. */
function joinPeerWindow(argv: string[]): string[] {
  const out = [...argv];
  const i = out.findIndex((a) => a === "--peer-window");
  if (
    i >= 0 &&
    /^rolling$/i.test(out[i + 1] ?? "") &&
    out[i + 2] === "12" &&
    /^months?$/i.test(out[i + 3] ?? "")
  ) {
    out.splice(i + 1, 3, "rolling 12 months");
  }
  return out;
}

function peerWindowOf(text: string | undefined): PeerWindow {
  if (text === undefined) return "quarter";
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[-_\s]+/g, " ");
  if (t === "quarter") return "quarter";
  if (t === "rolling 12 months" || t === "rolling 12 month" || t === "rolling")
    return "rolling 12 months";
  throw new ImportUsageError(`--peer-window is "quarter" or "rolling 12 months", not "${text}".`);
}

async function readText(file: string, what: string): Promise<string> {
  try {
    return await fs.readFile(file, "utf8");
  } catch {
    throw new AreaListError(
      file,
      `the ${what} file cannot be read (no such file, or no permission).`
    );
  }
}

/** A sentence ends with a full stop, whatever the text before it ended with. */
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

function monthsText(months: readonly number[]): string {
  if (months.length === 0) return "no months";
  const first = monthText(months[0] as number);
  const last = monthText(months[months.length - 1] as number);
  return `${months.length} month${months.length === 1 ? "" : "s"}, ${first}${months.length > 1 ? ` to ${last}` : ""}`;
}

/** `leftOut`: months the written workbook leaves out of Monthly (a new workbook's partial windows). */
function summaryText(imp: PoliceImport, out: string, leftOut: readonly number[]): string {
  const lines: string[] = [];
  const kind =
    imp.kind === "csp" && imp.districts.length > 0 ? `CSP of ${imp.districts.join(", ")}; ` : "";
  lines.push(`${imp.partnership} (${kind}${imp.force}): files of ${monthsText(imp.months)}`);
  const written = [...new Set(imp.monthly.map((r) => r.month))]
    .filter((k) => !leftOut.includes(k))
    .sort((a, b) => a - b);
  lines.push(`Monthly rows for ${monthsText(written)}`);
  lines.push(
    `Rows read: ${imp.rows.toLocaleString("en-GB")}; rows with no location: ${imp.noLocation.toLocaleString("en-GB")}`
  );
  lines.push(`${imp.partnership}'s rows per crime type (from ${imp.force}'s files):`);
  const w = Math.max(...imp.measures.map((m) => m.label.length), 10);
  for (const m of imp.measures)
    lines.push(`  ${m.label.padEnd(w)}  ${m.rows.toLocaleString("en-GB").padStart(8)}`);
  if (imp.peers.length > 0)
    lines.push(`Peers rows: ${imp.peers.length} (populations: ${imp.populationNote ?? "none"})`);
  if (imp.areas.length > 0) {
    const rows = imp.areaMonthly.filter((r) => !leftOut.includes(r.month)).length;
    lines.push(
      `Areas: ${imp.areas.length.toLocaleString("en-GB")} LSOAs; AreaMonthly rows: ${rows.toLocaleString("en-GB")}`
    );
  }
  if (imp.periodEnd)
    lines.push(
      `Settings: Period end ${imp.periodEnd.year}-${String(imp.periodEnd.month).padStart(2, "0")}-${String(imp.periodEnd.day).padStart(2, "0")}, Window ${imp.window}`
    );
  lines.push(`Wrote ${out}`);
  return lines.join("\n");
}

/** `cdrp import police-uk ...`: returns the exit code; nothing is written unless all is well. */
export async function importCommand(argv: string[], io: ImportIo): Promise<number> {
  let json = false;
  let skipped: ImportWarning | null = null;
  try {
    const { values, positionals } = parseArgs({
      args: joinPeerWindow(argv),
      allowPositionals: true,
      strict: true,
      options: {
        partnership: { type: "string" },
        peers: { type: "string" },
        population: { type: "string" },
        "peer-window": { type: "string" },
        into: { type: "string" },
        out: { type: "string", short: "o" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    json = values.json === true;
    const [kind, ...inputs] = positionals;
    if (values.help || kind === undefined) {
      io.out(IMPORT_HELP);
      return values.help ? OK : BAD;
    }
    if (kind !== "police-uk")
      throw new ImportUsageError(
        `cdrp import knows one source: police-uk (not "${kind}").\n\n${IMPORT_HELP}`
      );
    if (inputs.length === 0)
      throw new ImportUsageError(
        `Give the police.uk files: a CSV, a folder or the downloaded zip.\n\n${IMPORT_HELP}`
      );
    if (!values.partnership)
      throw new ImportUsageError(
        "Give the partnership: --partnership <district or CSP> (South Cambridgeshire, Western Suffolk)."
      );
    if (!values.out)
      throw new ImportUsageError("Give the workbook to write: --out <workbook.xlsx>.");
    const out = values.out;
    const peerWindow = peerWindowOf(values["peer-window"]);
    for (const f of [...inputs, values.into, values.peers, values.population]) {
      if (f !== undefined && (await sameFile(f, out)))
        throw new ImportUsageError(
          `The output ${out} is one of the inputs; inputs are never overwritten. Choose another --out.`
        );
    }
    const geo = loadGeography();
    // A name that is no district or CSP is said before any file is read.
    geo.resolve(values.partnership);
    const peers = values.peers
      ? peerGroupCsv(await readText(values.peers, "peer group"), values.peers)
      : null;
    const population = values.population
      ? populationCsv(await readText(values.population, "population"), values.population)
      : null;

    const tally = new PoliceTally();
    const notRead: string[] = [];
    for (const input of inputs) {
      const s = await sourcesOf(input);
      notRead.push(...s.skipped);
      skipped = skippedWarning(notRead);
      for (const source of s.sources) {
        io.progress(`Reading ${source.path}…`);
        await readPoliceCsv(source, tally);
      }
    }
    if (tally.files.length === 0)
      throw new PoliceFileError(
        inputs[0] as string,
        1,
        "no street-level crime CSV files were found in it."
      );
    const imp = buildPoliceImport(tally, geo, {
      partnership: values.partnership,
      peers,
      population,
      peerWindow,
    });
    if (skipped) imp.warnings.unshift(skipped);
    let bytes: Buffer;
    if (values.into) {
      const into = values.into;
      // The bounded reader refuses what is not a workbook (or too large) before anything is loaded.
      const buffer = await readInput(into);
      const loaded = await readWorkbook(buffer, path.basename(into));
      const plan = mergeImport(loaded.snapshot, imp);
      imp.warnings.push(...plan.warnings);
      bytes = await writeImportEdits(buffer, plan.edits);
    } else {
      imp.warnings.push(...imp.settingsWarnings);
      // Areas and AreaMonthly go in by the package writer: AreaMonthly can be very long.
      const sheets = importWorkbook(imp);
      const large = (s: { name: string }) => s.name === "Areas" || s.name === "AreaMonthly";
      bytes = await writeDataWorkbook(sheets.filter((s) => !large(s)));
      bytes = await appendDataSheets(bytes, sheets.filter(large));
    }
    await writeAtomic(out, bytes);
    if (json) {
      io.out(
        JSON.stringify(
          {
            partnership: imp.partnership,
            force: imp.force,
            months: imp.months.map(monthText),
            rows: imp.rows,
            noLocation: imp.noLocation,
            measures: imp.measures.map((m) => ({ measure: m.id, label: m.label, rows: m.rows })),
            areas: imp.areas.length,
            warnings: imp.warnings,
            out,
          },
          null,
          2
        )
      );
    } else {
      io.out(summaryText(imp, out, values.into ? [] : imp.leftOut));
      for (const w of imp.warnings) io.err(`warning ${w.code}: ${w.message}`);
    }
    return OK;
  } catch (e) {
    // What was not read can explain what went wrong ("Norwich: no Norfolk files"): said once here.
    const also = skipped ? ` ${skipped.message}` : "";
    if (e instanceof AreaError) {
      if (json)
        io.out(
          JSON.stringify(
            {
              error: `${e.message}${also}`,
              code: e.code,
              partnership: e.typed,
              districts: e.nearest,
            },
            null,
            2
          )
        );
      io.err(`${sentence(e.message)}${also} Nothing was written.`);
      return NOT_FOUND;
    }
    if (
      e instanceof PoliceFileError ||
      e instanceof ConflictingFilesError ||
      e instanceof AreaListError ||
      e instanceof MergeError ||
      e instanceof WorkbookReadError ||
      e instanceof ImportUsageError
    ) {
      const message = sentence(e.message);
      if (json) io.out(JSON.stringify({ error: message }, null, 2));
      const nothing =
        e instanceof ImportUsageError || /Nothing was written\.$/.test(message)
          ? ""
          : " Nothing was written.";
      io.err(`${message}${also}${nothing}`);
      return BAD;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.err(`cdrp import failed: ${message}`);
    return BAD;
  }
}
