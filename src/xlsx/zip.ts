/**
 * The zip container of an .xlsx, the one module that reads and writes it. Only the central
 * directory is parsed up front; a part is inflated when asked for, never past a cap (declared or
 * actual size: zip bombs stop there). On writing, every entry we did not replace is copied with its
 * compressed bytes, method, date and name bytes exactly as they came (an input part is byte for
 * byte the same and never inflated unless read); new parts are deflated as they are made (see
 * ./zip-deflate). Encrypted entries, multi-disk archives and anything past 4 GB (zip64 sizes) are
 * refused with a sentence; zip64 records that hold small values, as some writers add to every
 * file, are read.
 */
import { StringDecoder } from "string_decoder";
import zlib from "zlib";
import { DeflatedPart, deflatePart, deflatePieces } from "./zip-deflate";

export { crc32 } from "./zip-deflate";

/**
 * The package is not a zip we can read or write, or a part is past a cap: `message` is a clause
 * about the file ("its zip directory is damaged"), which callers put after the file's name.
 */
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipError";
  }
}

interface Entry {
  /** The name as a string, to look up (UTF-8 where the bytes are, else Latin-1). */
  name: string;
  /** The name's bytes exactly as they came, written back unchanged. */
  nameBytes: Buffer;
  /** General-purpose flags written back: only the UTF-8 bit (no descriptors, no encryption). */
  flags: number;
  encrypted: boolean;
  method: number;
  time: number;
  date: number;
  crc: number;
  /** Uncompressed size, as declared. */
  size: number;
  compressedSize: number;
  /** Offset of the local header in the input; -1 for a part written here. */
  localOffset: number;
  /** Compressed bytes: a view of the input once located, or the pieces deflated here. */
  raw?: Buffer[];
  /** Inflated bytes of a part read whole (small parts are read several times). */
  data?: Buffer;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64_LOCATOR = 0x07064b50;
const UTF8_FLAG = 0x0800;
const MAX32 = 0xffffffff;

const mb = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

/** DOS date and time of 1980-01-01 00:00, which every part we write carries (same bytes each run). */
const FIXED_DOS_DATE = (0 << 9) | (1 << 5) | 1;

const utf8Strict = new TextDecoder("utf-8", { fatal: true });

/** A name without the UTF-8 flag is CP437 by the letter of the format; writers put UTF-8 there. */
function decodeName(bytes: Buffer, utf8: boolean): string {
  if (utf8) return bytes.toString("utf8");
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return bytes.toString("latin1");
  }
}

/** Part names compare without a leading "/" and in any case (ECMA-376 part 2, 9.1.1.1). */
const keyOf = (name: string): string => name.replace(/^\//, "").toLowerCase();

function findEnd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === SIG_END) return i;
  return -1;
}

/** Sizes and offset from a central entry's zip64 extra field, where the 32-bit fields are full. */
function zip64Extra(buf: Buffer, at: number, len: number, e: Entry): void {
  let p = at;
  while (p + 4 <= at + len) {
    const id = buf.readUInt16LE(p);
    const size = buf.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = (): number => {
        if (q + 8 > p + 4 + size) throw new ZipError("its zip directory is damaged");
        const v = Number(buf.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (e.size === MAX32) e.size = next();
      if (e.compressedSize === MAX32) e.compressedSize = next();
      if (e.localOffset === MAX32) e.localOffset = next();
      return;
    }
    p += 4 + size;
  }
}

export class ZipPackage {
  /** Archive order; a removed entry leaves a hole, a replaced one keeps its place. */
  private readonly order: (Entry | null)[] = [];
  /** Key (see keyOf) -> index in `order` of the first entry of that name. */
  private readonly index = new Map<string, number>();

  private constructor(private readonly buf: Buffer) {}

  /** A package with no parts yet, to write a new file into. */
  static empty(): ZipPackage {
    return new ZipPackage(Buffer.alloc(0));
  }

  /** Reads the central directory of a package held in memory; throws ZipError when it cannot. */
  static load(bytes: Buffer): ZipPackage {
    const pkg = new ZipPackage(bytes);
    const end = bytes.length >= 22 ? findEnd(bytes) : -1;
    if (end < 0)
      throw new ZipError("its zip directory is missing (the file is cut short or damaged)");
    if (bytes.readUInt16LE(end + 4) !== 0 || bytes.readUInt16LE(end + 6) !== 0)
      throw new ZipError("it is one part of a zip split over several files");
    let count = bytes.readUInt16LE(end + 10);
    let pos = bytes.readUInt32LE(end + 16);
    const loc = end - 20;
    if (loc >= 0 && bytes.readUInt32LE(loc) === SIG_END64_LOCATOR) {
      const at = Number(bytes.readBigUInt64LE(loc + 8));
      if (at + 56 > bytes.length) throw new ZipError("its zip directory is damaged");
      count = Number(bytes.readBigUInt64LE(at + 32));
      pos = Number(bytes.readBigUInt64LE(at + 48));
    }
    for (let n = 0; n < count; n++) {
      if (pos + 46 > bytes.length || bytes.readUInt32LE(pos) !== SIG_CENTRAL)
        throw new ZipError("its zip directory is damaged");
      const flags = bytes.readUInt16LE(pos + 8);
      const nameLen = bytes.readUInt16LE(pos + 28);
      const extraLen = bytes.readUInt16LE(pos + 30);
      const commentLen = bytes.readUInt16LE(pos + 32);
      const nameBytes = bytes.subarray(pos + 46, pos + 46 + nameLen);
      const entry: Entry = {
        name: decodeName(nameBytes, (flags & UTF8_FLAG) !== 0),
        nameBytes,
        flags: flags & UTF8_FLAG,
        encrypted: (flags & 1) !== 0,
        method: bytes.readUInt16LE(pos + 10),
        time: bytes.readUInt16LE(pos + 12),
        date: bytes.readUInt16LE(pos + 14),
        crc: bytes.readUInt32LE(pos + 16),
        compressedSize: bytes.readUInt32LE(pos + 20),
        size: bytes.readUInt32LE(pos + 24),
        localOffset: bytes.readUInt32LE(pos + 42),
      };
      zip64Extra(bytes, pos + 46 + nameLen, extraLen, entry);
      pkg.add(entry);
      pos += 46 + nameLen + extraLen + commentLen;
    }
    return pkg;
  }

  private add(e: Entry): void {
    const key = keyOf(e.name);
    if (!this.index.has(key)) this.index.set(key, this.order.length);
    this.order.push(e);
  }

  /** The entry for a part name: OPC names are case-insensitive, and some writers spell a
   * relationship's target in another case than the zip entry. */
  private find(name: string): Entry | undefined {
    const i = this.index.get(keyOf(name));
    return i === undefined ? undefined : (this.order[i] ?? undefined);
  }

  /** Entry names in archive order, folder entries included. */
  names(): string[] {
    return this.order.filter((e): e is Entry => e !== null).map((e) => e.name);
  }

  has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  /** The compressed bytes of an entry, located through its local header on first use. */
  private rawOf(e: Entry): Buffer[] {
    if (e.raw) return e.raw;
    const b = this.buf;
    const p = e.localOffset;
    if (p + 30 > b.length || b.readUInt32LE(p) !== SIG_LOCAL)
      throw new ZipError(`its part ${e.name} is damaged`);
    const start = p + 30 + b.readUInt16LE(p + 26) + b.readUInt16LE(p + 28);
    const data = b.subarray(start, start + e.compressedSize);
    if (data.length !== e.compressedSize) throw new ZipError(`its part ${e.name} is cut short`);
    e.raw = [data];
    return e.raw;
  }

  /** The compressed bytes of a part to inflate, after the checks that need no inflating. */
  private toInflate(name: string, cap: number): { entry: Entry; data: Buffer } {
    const entry = this.find(name);
    if (!entry) throw new ZipError(`it has no part ${name}`);
    if (entry.encrypted) throw new ZipError(`its part ${name} is encrypted`);
    if (entry.size > cap)
      throw new ZipError(
        `its part ${name} declares ${mb(entry.size)} once inflated, over the ${mb(cap)} limit`
      );
    if (entry.method !== 0 && entry.method !== 8)
      throw new ZipError(`its part ${name} uses a compression method Excel does not write`);
    const raw = this.rawOf(entry);
    return { entry, data: raw.length === 1 ? (raw[0] as Buffer) : Buffer.concat(raw) };
  }

  /** A whole part's bytes, at most `cap` once inflated; undefined when there is no such part. */
  read(name: string, cap: number): Buffer | undefined {
    const found = this.find(name);
    if (!found) return undefined;
    if (found.data) return found.data;
    const { entry, data } = this.toInflate(name, cap);
    let out: Buffer;
    if (entry.method === 0) out = data;
    else {
      try {
        // The declared size can lie: the cap holds on what actually comes out.
        out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
          throw new ZipError(`its part ${name} inflates past the ${mb(cap)} limit`);
        throw new ZipError(`its part ${name} is damaged (${e instanceof Error ? e.message : e})`);
      }
    }
    if (out.length > cap) throw new ZipError(`its part ${name} is over the ${mb(cap)} limit`);
    entry.data = out;
    return out;
  }

  /**
   * Streams a part as text to `onText`, inflating at most `cap` bytes. A part of at most
   * SMALL_PART bytes is inflated at once: the stream's round trips to the thread pool left the
   * main thread idle a third of the time in a batch of sample workbooks.
   */
  async stream(name: string, cap: number, onText: (text: string) => void): Promise<void> {
    const { entry, data } = this.toInflate(name, cap);
    const decoder = new StringDecoder("utf8");
    if (entry.method === 0 || entry.data) {
      const bytes = entry.data ?? data;
      if (bytes.length > cap) throw new ZipError(`its part ${name} is over the ${mb(cap)} limit`);
      onText(decoder.write(bytes) + decoder.end());
      return;
    }
    const small = inflateSmall(data, Math.min(cap, SMALL_PART));
    if (small) {
      onText(decoder.write(small) + decoder.end());
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

  /** Puts a part written here in place of the one of that name (keeping its place and spelling). */
  private put(part: string, d: DeflatedPart): void {
    const old = this.find(part);
    const name = old?.name ?? part;
    const entry: Entry = {
      name,
      nameBytes: old && old.flags === UTF8_FLAG ? old.nameBytes : Buffer.from(name, "utf8"),
      flags: UTF8_FLAG,
      encrypted: false,
      method: 8,
      time: 0,
      date: FIXED_DOS_DATE,
      crc: d.crc,
      size: d.size,
      compressedSize: d.compressedSize,
      localOffset: -1,
      raw: d.chunks,
    };
    const i = this.index.get(keyOf(name));
    if (i === undefined) this.add(entry);
    else this.order[i] = entry;
  }

  /** Adds or replaces a part with the given content. */
  write(part: string, content: string | Buffer): void {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    // Not kept inflated: a report writes hundreds of MB of charts, and reads back only a few parts.
    this.put(part, deflatePart(data));
  }

  /**
   * Adds or replaces a part made of text pieces, deflated as they come: the part is never one
   * string or buffer (a report sheet of a million cells is hundreds of MB of XML).
   */
  writePieces(part: string, pieces: Iterable<string>): void {
    this.put(part, deflatePieces(pieces));
  }

  remove(part: string): void {
    const key = keyOf(part);
    const i = this.index.get(key);
    if (i === undefined) return;
    this.order[i] = null;
    this.index.delete(key);
    // Another entry of the same name in another case (a broken package may hold two) stays findable.
    const other = this.order.findIndex((e) => e !== null && keyOf(e.name) === key);
    if (other >= 0) this.index.set(key, other);
  }

  /** The package's bytes, as the pieces of a file in order (write them out, or concatenate). */
  toChunks(): Buffer[] {
    const chunks: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    let count = 0;
    const tooBig = () =>
      new ZipError("it would be over 4 GB (a zip64 package), which cdrp does not write");
    for (const e of this.order) {
      if (e === null) continue;
      const raw = this.rawOf(e);
      if (e.size > MAX32 || e.compressedSize > MAX32) throw tooBig();
      const head = Buffer.alloc(30);
      head.writeUInt32LE(SIG_LOCAL, 0);
      head.writeUInt16LE(20, 4);
      head.writeUInt16LE(e.flags, 6);
      head.writeUInt16LE(e.method, 8);
      head.writeUInt16LE(e.time, 10);
      head.writeUInt16LE(e.date, 12);
      head.writeUInt32LE(e.crc >>> 0, 14);
      head.writeUInt32LE(e.compressedSize, 18);
      head.writeUInt32LE(e.size, 22);
      head.writeUInt16LE(e.nameBytes.length, 26);
      const dir = Buffer.alloc(46);
      dir.writeUInt32LE(SIG_CENTRAL, 0);
      dir.writeUInt16LE(20, 4);
      dir.writeUInt16LE(20, 6);
      head.copy(dir, 8, 6, 30); // flags .. name length are the same fields
      dir.writeUInt32LE(e.name.endsWith("/") ? 0x10 : 0, 38);
      dir.writeUInt32LE(offset, 42);
      chunks.push(head, e.nameBytes, ...raw);
      central.push(dir, e.nameBytes);
      offset += 30 + e.nameBytes.length + e.compressedSize;
      count++;
      if (offset > MAX32 || count >= 0xffff) throw tooBig();
    }
    const cdSize = central.reduce((n, b) => n + b.length, 0);
    if (offset + cdSize > MAX32) throw tooBig();
    const end = Buffer.alloc(22);
    end.writeUInt32LE(SIG_END, 0);
    end.writeUInt16LE(count, 8);
    end.writeUInt16LE(count, 10);
    end.writeUInt32LE(cdSize, 12);
    end.writeUInt32LE(offset, 16);
    return [...chunks, ...central, end];
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.toChunks());
  }
}

/** Inflated in one call, not streamed, up to this size (a sample workbook's parts all are). */
const SMALL_PART = 4 * 1024 * 1024;

/** The part inflated at once when it comes to at most `limit` bytes; null when larger or damaged. */
function inflateSmall(data: Buffer, limit: number): Buffer | null {
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
  } catch {
    // Larger than the limit, or damaged: the stream says which, with its own sentence.
    return null;
  }
}
