import { createReadStream, promises as fs } from "fs";
import path from "path";
import { parseArgs } from "util";
import {
  AreaListError,
  CsvSource,
  MergeError,
  PartnershipNotFoundError,
  PeerWindow,
  PoliceFileError,
  PoliceImport,
  PoliceTally,
  buildPoliceImport,
  importWorkbook,
  mergeImport,
  monthText,
  peerGroupCsv,
  pickCsvFiles,
  populationCsv,
  readPoliceCsv,
  zipSources,
} from "../workbook/import";
import { WorkbookReadError, readWorkbook, writeDataWorkbook, writeImportEdits } from "../xlsx";
import { readInput, sameFile, writeAtomic } from "./files";

/** The command line's output streams (main.ts's Io). */
export interface ImportIo {
  out: (text: string) => void;
  err: (text: string) => void;
  progress: (text: string) => void;
}

export const IMPORT_HELP = `cdrp import police-uk <file.csv | folder | download.zip>... --partnership <district>
     [--peers <peers.csv>] [--population <population.csv>] [--peer-window quarter | rolling 12 months]
     [--into <workbook.xlsx>] --out <workbook.xlsx> [--json]

Turns police.uk street-level crime downloads (data.police.uk, the zip of YYYY-MM/YYYY-MM-<force>-street.csv
or its CSVs) into a quarter's workbook: the partnership's monthly counts per crime type and, with
--peers (a CSV with a Partnership column) and --population (a CSV of Area,Population), its most
similar group's rates per 1,000 people for each quarter end. Everything is read on this machine.
--into merges into an existing workbook (imported months replace the same measure and month) and
writes the result to --out; the --into file itself is never written.

Exit codes: 0 written (warnings allowed), 1 the partnership is in no file (the districts found are
listed, closest first), 2 a file is not in police.uk's format (file and line named) or the command
is wrong; then nothing is written.`;

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

function fileSource(file: string, shown: string): CsvSource {
  return {
    path: shown,
    read: (onBytes) =>
      new Promise<void>((resolve, reject) => {
        const stream = createReadStream(file, { highWaterMark: 1 << 20 });
        stream.on("data", (chunk) => {
          try {
            onBytes(chunk as Buffer);
          } catch (e) {
            stream.destroy();
            reject(e);
          }
        });
        stream.on("error", reject);
        stream.on("end", resolve);
      }),
  };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

export async function sourcesOf(
  input: string
): Promise<{ sources: CsvSource[]; skipped: string[] }> {
  let stat;
  try {
    stat = await fs.stat(input);
  } catch {
    throw new PoliceFileError(input, 1, "there is no such file or folder.");
  }
  if (stat.isDirectory()) {
    const all = await walk(input);
    const { files, skipped } = pickCsvFiles(all);
    // Zips inside a folder are read too (a folder of monthly downloads).
    const zips = skipped.filter((f) => /\.zip$/i.test(f));
    const sources = files.map((f) => fileSource(f, f));
    for (const z of zips) sources.push(...(await sourcesOf(z)).sources);
    return { sources, skipped: skipped.filter((f) => !zips.includes(f)) };
  }
  const head = Buffer.alloc(4);
  const fh = await fs.open(input, "r");
  try {
    await fh.read(head, 0, 4, 0);
  } finally {
    await fh.close();
  }
  if (head.readUInt32LE(0) === 0x04034b50) return zipSources(await fs.readFile(input), input);
  return { sources: [fileSource(input, input)], skipped: [] };
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

function summaryText(imp: PoliceImport, out: string): string {
  const lines: string[] = [];
  const months = imp.months;
  lines.push(
    `${imp.partnership} (${imp.force ?? "force unknown"}): ${months.length} month${months.length === 1 ? "" : "s"}, ${months.length > 0 ? `${monthText(months[0] as number)} to ${monthText(months[months.length - 1] as number)}` : "none"}`
  );
  lines.push(
    `Rows read: ${imp.rows.toLocaleString("en-GB")}; rows with no location: ${imp.noLocation.toLocaleString("en-GB")}`
  );
  lines.push(`${imp.partnership}'s rows per crime type:`);
  const w = Math.max(...imp.measures.map((m) => m.label.length), 10);
  for (const m of imp.measures) lines.push(`  ${m.label.padEnd(w)}  ${String(m.rows).padStart(8)}`);
  if (imp.peers.length > 0) lines.push(`Peers rows: ${imp.peers.length}`);
  lines.push(`Wrote ${out}`);
  return lines.join("\n");
}

/** `cdrp import police-uk ...`: returns the exit code; nothing is written unless all is well. */
export async function importCommand(argv: string[], io: ImportIo): Promise<number> {
  let json = false;
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
        "Give the partnership: --partnership <district>, as police.uk names it (South Cambridgeshire)."
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
    const peers = values.peers
      ? peerGroupCsv(await readText(values.peers, "peer group"), values.peers)
      : null;
    const population = values.population
      ? populationCsv(await readText(values.population, "population"), values.population)
      : null;

    const tally = new PoliceTally();
    const skipped: string[] = [];
    for (const input of inputs) {
      const s = await sourcesOf(input);
      skipped.push(...s.skipped);
      for (const source of s.sources) {
        io.progress(`Reading ${source.path}…`);
        await readPoliceCsv(source, tally);
      }
    }
    if (tally.files.length === 0)
      throw new PoliceFileError(inputs[0] as string, 1, "no CSV files were found in it.");
    const imp = buildPoliceImport(tally, {
      partnership: values.partnership,
      peers,
      population,
      peerWindow,
    });
    if (skipped.length > 0) {
      imp.warnings.push({
        code: "FILES_SKIPPED",
        message: `${skipped.length} file${skipped.length === 1 ? " is" : "s are"} not street-level crime and ${skipped.length === 1 ? "was" : "were"} not read: ${skipped.slice(0, 5).join(", ")}${skipped.length > 5 ? ", …" : ""}.`,
      });
    }
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
      bytes = await writeDataWorkbook(importWorkbook(imp));
    }
    await writeAtomic(out, bytes);
    if (json) {
      io.out(
        JSON.stringify(
          {
            partnership: imp.partnership,
            months: imp.months.map(monthText),
            rows: imp.rows,
            noLocation: imp.noLocation,
            measures: imp.measures.map((m) => ({ measure: m.id, label: m.label, rows: m.rows })),
            warnings: imp.warnings,
            out,
          },
          null,
          2
        )
      );
    } else {
      io.out(summaryText(imp, out));
      for (const w of imp.warnings) io.err(`warning ${w.code}: ${w.message}`);
    }
    return OK;
  } catch (e) {
    if (e instanceof PartnershipNotFoundError) {
      if (json)
        io.out(
          JSON.stringify(
            { error: e.message, partnership: e.partnership, districts: e.nearest },
            null,
            2
          )
        );
      io.err(e.message);
      return NOT_FOUND;
    }
    if (
      e instanceof PoliceFileError ||
      e instanceof AreaListError ||
      e instanceof MergeError ||
      e instanceof WorkbookReadError ||
      e instanceof ImportUsageError
    ) {
      if (json) io.out(JSON.stringify({ error: e.message }, null, 2));
      io.err(`${e.message}${e instanceof PoliceFileError ? " Nothing was written." : ""}`);
      return BAD;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.err(`cdrp import failed: ${message}`);
    return BAD;
  }
}
