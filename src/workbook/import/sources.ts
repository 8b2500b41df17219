import { isStreetFile } from "./police-format";
import { PoliceCsvReader, Utf8Chunks } from "./police-reader";
import { ImportWarning, PoliceTally } from "./police-tally";

/** A CSV to read: its path (for messages and the month in its name) and its bytes, chunk by chunk. */
export interface CsvSource {
  path: string;
  /** Calls `onBytes` with each chunk in order and resolves at the end of the file. */
  read(onBytes: (bytes: Uint8Array) => void): Promise<void>;
}

/** Reads one police.uk CSV into the tally, streamed: only a chunk and a partial row are held. */
export async function readPoliceCsv(source: CsvSource, tally: PoliceTally): Promise<void> {
  tally.beginFile(source.path);
  const reader = new PoliceCsvReader(source.path, tally.row);
  const utf8 = new Utf8Chunks();
  await source.read((bytes) => reader.push(utf8.decode(bytes)));
  reader.push(utf8.flush());
  reader.end();
  tally.endFile();
}

/** Of a folder's or a zip's files: the street-level CSVs, else every CSV; the rest are skipped. */
export function pickCsvFiles(paths: readonly string[]): { files: string[]; skipped: string[] } {
  const csv = paths.filter((p) => /\.csv$/i.test(p));
  const street = csv.filter(isStreetFile);
  const files = (street.length > 0 ? street : csv).sort();
  const chosen = new Set(files);
  return { files, skipped: paths.filter((p) => !chosen.has(p) && !p.endsWith("/")).sort() };
}

/** The files of the inputs that were not read: named once, whatever the outcome. */
export function skippedWarning(skipped: readonly string[]): ImportWarning | null {
  if (skipped.length === 0) return null;
  const shown = skipped.slice(0, 6).join(", ");
  return {
    code: "FILES_SKIPPED",
    message: `${skipped.length} file${skipped.length === 1 ? " is" : "s are"} not street-level crime (by name or header) and ${skipped.length === 1 ? "was" : "were"} not read: ${shown}${skipped.length > 6 ? `, and ${skipped.length - 6} more` : ""}.`,
  };
}
