import JSZip from "jszip";
import zlib from "zlib";

/** A zip entry as written: deflated bytes with the sizes to declare (which may lie, for zip bombs). */
export interface RawEntry {
  name: string;
  deflated: Buffer;
  crc: number;
  size: number;
  declaredSize?: number;
}

export function entryOf(name: string, data: Buffer | string): RawEntry {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data, "utf8");
  return { name, deflated: zlib.deflateRawSync(buf), crc: zlib.crc32(buf), size: buf.length };
}

/**
 * A deflated entry of `prefix`, then `padBytes` spaces, then `suffix`, built in 1 MB steps so a
 * 300 MB part never sits in memory (zip-bomb tests).
 */
export async function paddedEntry(
  name: string,
  prefix: string,
  padBytes: number,
  suffix: string
): Promise<RawEntry> {
  const d = zlib.createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  d.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => d.on("end", r));
  let crc = zlib.crc32(prefix);
  d.write(prefix);
  const block = Buffer.alloc(1024 * 1024, 0x20);
  for (let left = padBytes; left > 0; left -= block.length) {
    const b = left >= block.length ? block : block.subarray(0, left);
    crc = zlib.crc32(b, crc);
    if (!d.write(b)) await new Promise((r) => d.once("drain", r));
  }
  crc = zlib.crc32(suffix, crc);
  d.end(suffix);
  await done;
  return {
    name,
    deflated: Buffer.concat(chunks),
    crc,
    size: Buffer.byteLength(prefix) + padBytes + Buffer.byteLength(suffix),
  };
}

/** Writes a zip from raw entries (deflate, no data descriptors). */
export function writeZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const declared = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(Math.min(declared, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(Math.min(declared, 0xffffffff), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** Every part of an .xlsx as text (they are all XML in the files the tests write). */
export async function partsOf(xlsx: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(xlsx);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    const f = zip.file(name);
    if (f) out.set(name, await f.async("string"));
  }
  return out;
}

/** An .xlsx with some parts changed (`edit` returns the new text, or null to drop the part). */
export async function patchXlsx(
  xlsx: Buffer,
  edit: (name: string, text: string) => string | null
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  for (const [name, text] of await partsOf(xlsx)) {
    const next = edit(name, text);
    if (next === null) zip.remove(name);
    else if (next !== text) zip.file(name, next);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The sheet part holding a table, found through the table part's name in the sheet's rels. */
export async function sheetPartOf(xlsx: Buffer, sheetName: string): Promise<string> {
  const parts = await partsOf(xlsx);
  const wb = parts.get("xl/workbook.xml") ?? "";
  const id = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1];
  const rels = parts.get("xl/_rels/workbook.xml.rels") ?? "";
  const target =
    new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  if (!target) throw new Error(`no part for sheet ${sheetName}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}
