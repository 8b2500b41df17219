import { PoliceTally } from "../workbook/import/police-tally";
import { CsvSource, readPoliceCsv } from "../workbook/import/sources";

/** Bytes read from a chosen file at a time: the pane never holds a whole CSV. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/** A slice's bytes: Blob.arrayBuffer where the browser has it, else FileReader (older WebViews). */
function bytesOf(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === "function") return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    reader.readAsArrayBuffer(blob);
  });
}

/** A chosen file, read locally in slices (File.slice + arrayBuffer); nothing is uploaded. */
function blobSource(blob: Blob, path: string): CsvSource {
  return {
    path,
    read: async (onBytes) => {
      for (let at = 0; at < blob.size; at += CHUNK_BYTES) {
        onBytes(new Uint8Array(await bytesOf(blob.slice(at, at + CHUNK_BYTES))));
      }
    },
  };
}

async function isZip(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await bytesOf(file.slice(0, 4)));
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

export interface FilesRead {
  tally: PoliceTally;
  skipped: string[];
}

/** Reads the chosen CSVs and zips into one tally, with the same reader as the command line. */
export async function readPoliceFiles(
  files: readonly File[],
  onFile: (path: string) => void = () => undefined
): Promise<FilesRead> {
  const tally = new PoliceTally();
  const skipped: string[] = [];
  for (const file of files) {
    // JSZip is loaded only when a zip is chosen (it also installs a setImmediate polyfill).
    const sources = (await isZip(file))
      ? await (await import("../workbook/import/zip")).zipSources(file, file.name)
      : { sources: [blobSource(file, file.name)], skipped: [] };
    skipped.push(...sources.skipped);
    for (const s of sources.sources) {
      onFile(s.path);
      await readPoliceCsv(s, tally);
    }
  }
  return { tally, skipped };
}
