import JSZip from "jszip";
import { PoliceFileError } from "./police-reader";
import { CsvSource, pickCsvFiles } from "./sources";

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
