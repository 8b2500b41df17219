import { createReadStream, promises as fs } from "fs";
import path from "path";
import {
  CsvSource,
  POLICE_HEADER,
  PoliceFileError,
  isStreetFile,
  zipSources,
} from "../workbook/import";

/** A file on disk, streamed in 1 MB chunks: the CSV is never held whole. */
export function fileSource(file: string, shown: string = file): CsvSource {
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
  return out.sort();
}

const HEADER = POLICE_HEADER.join(",");

/** True when a CSV's first line is the street-level header (a street file someone renamed). */
async function hasStreetHeader(file: string): Promise<boolean> {
  const fh = await fs.open(file, "r");
  try {
    const buf = Buffer.alloc(HEADER.length + 8);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const text = buf
      .subarray(0, bytesRead)
      .toString("utf8")
      .replace(/^\ufeff/, "");
    return text.startsWith(HEADER) && /^[\r\n]/.test(text.slice(HEADER.length) || "\n");
  } finally {
    await fh.close();
  }
}

async function isZip(file: string): Promise<boolean> {
  const head = Buffer.alloc(4);
  const fh = await fs.open(file, "r");
  try {
    await fh.read(head, 0, 4, 0);
  } finally {
    await fh.close();
  }
  return head.readUInt32LE(0) === 0x04034b50;
}

/**
 * The street-level CSVs of an input: a CSV given by name is read as it is; a folder gives its
 * files named YYYY-MM-<force>-street.csv and any other CSV whose header is the street header
 * (outcomes and stop-and-search files are not), and the zips inside it; a zip gives its street
 * files. Every file left out is named, so the user is told once what was not read.
 */
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
    const sources: CsvSource[] = [];
    const skipped: string[] = [];
    for (const f of await walk(input)) {
      if (/\.zip$/i.test(f) && (await isZip(f))) {
        const z = await sourcesOf(f);
        sources.push(...z.sources);
        skipped.push(...z.skipped);
      } else if (isStreetFile(f) || (/\.csv$/i.test(f) && (await hasStreetHeader(f)))) {
        sources.push(fileSource(f));
      } else skipped.push(f);
    }
    return { sources, skipped };
  }
  if (await isZip(input)) return zipSources(await fs.readFile(input), input);
  return { sources: [fileSource(input)], skipped: [] };
}
