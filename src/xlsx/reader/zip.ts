import { StringDecoder } from "string_decoder";
import zlib from "zlib";

/** One entry of the zip's central directory. */
interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

/** The package is not a zip we can read, or a part is larger than allowed: a sentence for the user. */
export class ZipError extends Error {}

const mb = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** Sizes and offset from a central entry's zip64 extra field, where the 32-bit fields are full. */
function zip64Extra(buf: Buffer, at: number, len: number, e: ZipEntry): void {
  let p = at;
  while (p + 4 <= at + len) {
    const id = buf.readUInt16LE(p);
    const size = buf.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = (): number => {
        const v = Number(buf.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (e.uncompressedSize === 0xffffffff) e.uncompressedSize = next();
      if (e.compressedSize === 0xffffffff) e.compressedSize = next();
      if (e.localOffset === 0xffffffff) e.localOffset = next();
      return;
    }
    p += 4 + size;
  }
}

/**
 * A read-only view of a zip package held in memory. Only the central directory is parsed up front;
 * a part is inflated when asked for, never past `cap` bytes (zip bombs stop there).
 */
export class ZipPackage {
  private readonly entries = new Map<string, ZipEntry>();

  constructor(private readonly buf: Buffer) {
    const end = findEocd(buf);
    if (end < 0)
      throw new ZipError("its zip directory is missing (the file is cut short or damaged)");
    let count = buf.readUInt16LE(end + 10);
    let offset = buf.readUInt32LE(end + 16);
    const loc = end - 20;
    if (loc >= 0 && buf.readUInt32LE(loc) === EOCD64_LOCATOR) {
      const at = Number(buf.readBigUInt64LE(loc + 8));
      if (at + 56 <= buf.length) {
        count = Number(buf.readBigUInt64LE(at + 32));
        offset = Number(buf.readBigUInt64LE(at + 48));
      }
    }
    let p = offset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL)
        throw new ZipError("its zip directory is damaged");
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      const entry: ZipEntry = {
        name: buf.toString("utf8", p + 46, p + 46 + nameLen),
        flags: buf.readUInt16LE(p + 8),
        method: buf.readUInt16LE(p + 10),
        compressedSize: buf.readUInt32LE(p + 20),
        uncompressedSize: buf.readUInt32LE(p + 24),
        localOffset: buf.readUInt32LE(p + 42),
      };
      zip64Extra(buf, p + 46 + nameLen, extraLen, entry);
      // Part names are case-insensitive in a package (ECMA-376 part 2, 9.1.1.1).
      this.entries.set(entry.name.replace(/^\//, "").toLowerCase(), entry);
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** The raw (still compressed) bytes of a part and how to inflate them. */
  private raw(name: string, cap: number): { entry: ZipEntry; data: Buffer } {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) throw new ZipError(`it has no part ${name}`);
    if (entry.flags & 1) throw new ZipError(`its part ${name} is encrypted`);
    if (entry.uncompressedSize > cap)
      throw new ZipError(
        `its part ${name} declares ${mb(entry.uncompressedSize)} once inflated, over the ${mb(cap)} limit`
      );
    const p = entry.localOffset;
    if (p + 30 > this.buf.length || this.buf.readUInt32LE(p) !== LOCAL)
      throw new ZipError(`its part ${name} is damaged`);
    const start = p + 30 + this.buf.readUInt16LE(p + 26) + this.buf.readUInt16LE(p + 28);
    const data = this.buf.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) throw new ZipError(`its part ${name} is cut short`);
    if (entry.method !== 0 && entry.method !== 8)
      throw new ZipError(`its part ${name} uses a compression method Excel does not write`);
    return { entry, data };
  }

  /** Streams a part as text to `onText`, inflating at most `cap` bytes. */
  async stream(name: string, cap: number, onText: (text: string) => void): Promise<void> {
    const { entry, data } = this.raw(name, cap);
    const decoder = new StringDecoder("utf8");
    if (entry.method === 0) {
      if (data.length > cap) throw new ZipError(`its part ${name} is over the ${mb(cap)} limit`);
      onText(decoder.write(data) + decoder.end());
      return;
    }
    const inflater = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
    inflater.end(data);
    let total = 0;
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        total += chunk.length;
        // The declared size can lie: the cap holds on what actually comes out.
        if (total > cap) throw new ZipError(`its part ${name} inflates past the ${mb(cap)} limit`);
        onText(decoder.write(chunk));
      }
    } catch (e) {
      inflater.destroy();
      if (e instanceof ZipError) throw e;
      throw new ZipError(`its part ${name} is damaged (${e instanceof Error ? e.message : e})`);
    }
    onText(decoder.end());
  }

  /** A whole (small) part as text, at most `cap` bytes. */
  async text(name: string, cap: number): Promise<string> {
    const parts: string[] = [];
    await this.stream(name, cap, (t) => parts.push(t));
    return parts.join("");
  }
}
