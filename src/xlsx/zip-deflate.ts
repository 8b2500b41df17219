/**
 * Deflating the parts we write, for ./zip. A part made of many text pieces (a report sheet) is
 * deflated in blocks as the pieces come, with its CRC and sizes counted on the way, so it is never
 * held whole: each block is compressed on its own and ends with a sync flush (byte-aligned, not
 * final), and an empty final block closes the part. Concatenated, they are one valid deflate
 * stream (RFC 1951: blocks follow each other; none refers back past its own block here).
 */
import zlib from "zlib";

/** A part's deflated bytes and what its zip headers declare. */
export interface DeflatedPart {
  chunks: Buffer[];
  compressedSize: number;
  size: number;
  crc: number;
}

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
const nativeCrc32 = (zlib as { crc32?: (data: Buffer, value?: number) => number }).crc32;

/** The zip CRC-32 of `data`, continuing from `previous` (the CRC of what came before). */
export function crc32(data: Buffer, previous = 0): number {
  if (nativeCrc32) return nativeCrc32(data, previous) >>> 0;
  let c = ~previous;
  for (let i = 0; i < data.length; i++)
    c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * Level 1: a report of thousands of charts deflates about three times faster than at 6, for a
 * file a little larger; the parts are XML, which compresses well at any level.
 */
const LEVEL = 1;
/** Text gathered before a block is deflated: large enough that a block's own start costs nothing. */
const BLOCK_CHARS = 512 * 1024;
/** An empty final block (fixed Huffman, BFINAL set): the end of a part deflated in blocks. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

export function deflatePart(data: Buffer): DeflatedPart {
  const raw = zlib.deflateRawSync(data, { level: LEVEL });
  return { chunks: [raw], compressedSize: raw.length, size: data.length, crc: crc32(data) };
}

export function deflatePieces(pieces: Iterable<string>): DeflatedPart {
  const out: DeflatedPart = { chunks: [], compressedSize: 0, size: 0, crc: 0 };
  const emit = (z: Buffer) => {
    out.chunks.push(z);
    out.compressedSize += z.length;
  };
  let pending: string[] = [];
  let chars = 0;
  const flush = () => {
    const data = Buffer.from(pending.join(""), "utf8");
    pending = [];
    chars = 0;
    out.crc = crc32(data, out.crc);
    out.size += data.length;
    emit(zlib.deflateRawSync(data, { level: LEVEL, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  };
  for (const piece of pieces) {
    pending.push(piece);
    chars += piece.length;
    if (chars >= BLOCK_CHARS) flush();
  }
  if (chars > 0) flush();
  emit(FINAL_BLOCK);
  return out;
}
