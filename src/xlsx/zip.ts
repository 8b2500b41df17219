/**
 * The zip container of an .xlsx, just enough to copy a package: entries are read from the central
 * directory, and on writing every entry we did not replace is copied with its compressed bytes,
 * method, date and name exactly as they came (so an input part is byte for byte the same, and is
 * never inflated unless we read it). New and replaced entries are deflated with Node's zlib.
 * Zip64, encryption and multi-disk archives are refused: .xlsx files never need them.
 */
import * as zlib from "zlib";
import { deflateRawSync, inflateRawSync } from "zlib";

interface Entry {
  name: string;
  method: number;
  flags: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  /** Compressed bytes as stored. */
  raw: Buffer;
  /** Uncompressed bytes, once read or written. */
  data?: Buffer;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const UTF8_FLAG = 0x0800;

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** zlib.crc32 is native from Node 20.15; older Node 20 releases use the table below. */
const nativeCrc32 = (zlib as { crc32?: (data: Buffer) => number }).crc32;

export function crc32(data: Buffer): number {
  if (nativeCrc32) return nativeCrc32(data) >>> 0;
  let c = -1;
  for (let i = 0; i < data.length; i++)
    c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** DOS date and time of 1980-01-01 00:00, which every part we write carries (same bytes each run). */
const FIXED_DOS_DATE = (0 << 9) | (1 << 5) | 1;

function fail(why: string): never {
  throw new Error(`not an .xlsx (zip) file: ${why}`);
}

export class ZipPackage {
  private readonly entries = new Map<string, Entry>();
  /** Lower-cased name -> the entry's name, so a lookup in any case is one map read, not a scan. */
  private readonly byLower = new Map<string, string>();

  private put(e: Entry): void {
    this.entries.set(e.name, e);
    if (!this.byLower.has(e.name.toLowerCase())) this.byLower.set(e.name.toLowerCase(), e.name);
  }

  static load(bytes: Buffer): ZipPackage {
    const pkg = new ZipPackage();
    let end = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
      if (bytes.readUInt32LE(i) === SIG_END) {
        end = i;
        break;
      }
    }
    if (end < 0) fail("no end of central directory");
    const count = bytes.readUInt16LE(end + 10);
    let pos = bytes.readUInt32LE(end + 16);
    if (count === 0xffff || pos === 0xffffffff) fail("zip64 archives are not supported");
    for (let n = 0; n < count; n++) {
      if (pos + 46 > bytes.length || bytes.readUInt32LE(pos) !== SIG_CENTRAL)
        fail("a broken central directory");
      const flags = bytes.readUInt16LE(pos + 8);
      const csize = bytes.readUInt32LE(pos + 20);
      const size = bytes.readUInt32LE(pos + 24);
      const nameLen = bytes.readUInt16LE(pos + 28);
      const extraLen = bytes.readUInt16LE(pos + 30);
      const commentLen = bytes.readUInt16LE(pos + 32);
      const local = bytes.readUInt32LE(pos + 42);
      if (flags & 1) fail("encrypted entries are not supported");
      if (csize === 0xffffffff || size === 0xffffffff || local === 0xffffffff)
        fail("zip64 entries are not supported");
      const nameBytes = bytes.subarray(pos + 46, pos + 46 + nameLen);
      const name = nameBytes.toString(flags & UTF8_FLAG ? "utf8" : "latin1");
      if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== SIG_LOCAL)
        fail(`entry ${name} has no local header`);
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      if (start + csize > bytes.length) fail(`entry ${name} runs past the end of the file`);
      pkg.put({
        name,
        method: bytes.readUInt16LE(pos + 10),
        flags: flags & UTF8_FLAG,
        time: bytes.readUInt16LE(pos + 12),
        date: bytes.readUInt16LE(pos + 14),
        crc: bytes.readUInt32LE(pos + 16),
        size,
        raw: bytes.subarray(start, start + csize),
      });
      pos += 46 + nameLen + extraLen + commentLen;
    }
    return pkg;
  }

  /** Entry names in archive order, directory entries included. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * The entry for a part name. OPC part names are case-insensitive, and some writers spell a
   * relationship's target in another case than the zip entry: an exact match first, then any case.
   */
  private find(name: string): Entry | undefined {
    const exact = this.entries.get(name);
    if (exact) return exact;
    const other = this.byLower.get(name.toLowerCase());
    return other === undefined ? undefined : this.entries.get(other);
  }

  has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  read(name: string): Buffer | undefined {
    const e = this.find(name);
    if (!e) return undefined;
    if (!e.data) {
      if (e.method === 0) e.data = e.raw;
      else if (e.method === 8) e.data = inflateRawSync(e.raw);
      else fail(`entry ${name} uses compression method ${e.method}`);
    }
    return e.data;
  }

  /** Adds or replaces an entry; a replaced one keeps its place and the spelling of its name. */
  write(part: string, content: string | Buffer): void {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const name = this.find(part)?.name ?? part;
    this.put({
      name,
      method: 8,
      flags: UTF8_FLAG,
      time: 0,
      date: FIXED_DOS_DATE,
      crc: crc32(data),
      size: data.length,
      // Level 1: a report of thousands of charts deflates about three times faster than at 6,
      // for a file a little larger; the parts are XML, which compresses well at any level.
      raw: deflateRawSync(data, { level: 1 }),
      data,
    });
  }

  remove(part: string): void {
    const e = this.find(part);
    if (!e) return;
    this.entries.delete(e.name);
    const lower = e.name.toLowerCase();
    this.byLower.delete(lower);
    // Another entry differing only in case (a broken package may hold two) stays findable.
    for (const other of this.entries.keys())
      if (other.toLowerCase() === lower) {
        this.byLower.set(lower, other);
        break;
      }
  }

  toBuffer(): Buffer {
    const chunks: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const e of this.entries.values()) {
      const name = Buffer.from(e.name, e.flags & UTF8_FLAG ? "utf8" : "latin1");
      const head = Buffer.alloc(30);
      head.writeUInt32LE(SIG_LOCAL, 0);
      head.writeUInt16LE(20, 4);
      head.writeUInt16LE(e.flags, 6);
      head.writeUInt16LE(e.method, 8);
      head.writeUInt16LE(e.time, 10);
      head.writeUInt16LE(e.date, 12);
      head.writeUInt32LE(e.crc, 14);
      head.writeUInt32LE(e.raw.length, 18);
      head.writeUInt32LE(e.size, 22);
      head.writeUInt16LE(name.length, 26);
      const dir = Buffer.alloc(46);
      dir.writeUInt32LE(SIG_CENTRAL, 0);
      dir.writeUInt16LE(20, 4);
      dir.writeUInt16LE(20, 6);
      head.copy(dir, 8, 6, 30); // flags .. name length are the same fields
      dir.writeUInt32LE(e.name.endsWith("/") ? 0x10 : 0, 38);
      dir.writeUInt32LE(offset, 42);
      chunks.push(head, name, e.raw);
      central.push(dir, name);
      offset += 30 + name.length + e.raw.length;
      if (offset > 0xffffffff) fail("the package would need zip64");
    }
    const cd = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(SIG_END, 0);
    end.writeUInt16LE(this.entries.size, 8);
    end.writeUInt16LE(this.entries.size, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...chunks, cd, end]);
  }
}
