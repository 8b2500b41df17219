import JSZip from "jszip";
import { isStreetFile } from "./police-format";
import { PoliceCsvReader, PoliceFileError, Utf8Chunks } from "./police-reader";
import { PoliceTally } from "./police-tally";

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

/** JSZip streams an entry's inflated bytes; its typings omit internalStream, which this names. */
interface EntryStream {
  on(event: "data", cb: (chunk: Uint8Array) => void): EntryStream;
  on(event: "end", cb: () => void): EntryStream;
  on(event: "error", cb: (e: Error) => void): EntryStream;
  resume(): EntryStream;
  pause(): EntryStream;
}

/**
 * The CSVs inside a police.uk download (YYYY-MM/YYYY-MM-<force>-street.csv). The zip's directory
 * is read whole (JSZip holds the compressed bytes), but each entry is inflated as a stream, so the
 * uncompressed CSVs are never held whole. Works the same in Node and in the task pane.
 */
export async function zipSources(
  data: Uint8Array | ArrayBuffer | Blob,
  zipName: string
): Promise<{ sources: CsvSource[]; skipped: string[] }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (e) {
    throw new PoliceFileError(
      zipName,
      1,
      `not a zip file that can be read (${e instanceof Error ? e.message : String(e)}).`
    );
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  const { files, skipped } = pickCsvFiles(entries.map((f) => f.name));
  const sources = files.map(
    (name): CsvSource => ({
      path: `${zipName}/${name}`,
      read: (onBytes) =>
        new Promise<void>((resolve, reject) => {
          const entry = zip.file(name) as JSZip.JSZipObject;
          const stream = (
            entry as unknown as { internalStream(t: "uint8array"): EntryStream }
          ).internalStream("uint8array");
          let failed = false;
          stream
            .on("data", (chunk) => {
              if (failed) return;
              try {
                onBytes(chunk);
              } catch (e) {
                failed = true;
                stream.pause();
                reject(e);
              }
            })
            .on("error", (e) => {
              if (!failed) reject(e);
              failed = true;
            })
            .on("end", () => {
              if (!failed) resolve();
            })
            .resume();
        }),
    })
  );
  return { sources, skipped: skipped.map((s) => `${zipName}/${s}`) };
}
