/**
 * Reads the pixels of the PNGs that pdftoppm makes of LibreOffice's renderings, so tests can count
 * the report's colours (its series, its special-cause markers) on the printed page.
 */
import { inflateSync } from "zlib";

export interface DecodedPng {
  width: number;
  height: number;
  /** The pixel's red, green and blue (grey repeated for greyscale). */
  rgb: (x: number, y: number) => [number, number, number];
}

/** An 8-bit, non-interlaced PNG (greyscale, RGB, with or without alpha), its filters undone. */
export function decodePng(buf: Buffer): DecodedPng {
  let pos = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString("ascii", pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8) throw new Error("only 8-bit PNGs");
      colorType = data[9] ?? 0;
    } else if (type === "IDAT") idat.push(data);
    pos += 12 + len;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType as 0 | 2 | 4 | 6];
  if (channels === undefined) throw new Error(`PNG colour type ${colorType} not handled`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i] ?? 0;
      const a = i >= channels ? (pixels[y * stride + i - channels] ?? 0) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + i] ?? 0) : 0;
      const c = y > 0 && i >= channels ? (pixels[(y - 1) * stride + i - channels] ?? 0) : 0;
      let v = x;
      if (filter === 1) v = x + a;
      else if (filter === 2) v = x + b;
      else if (filter === 3) v = x + ((a + b) >> 1);
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      pixels[y * stride + i] = v & 0xff;
    }
  }
  return {
    width,
    height,
    rgb: (x, y) => {
      const at = y * stride + x * channels;
      const r = pixels[at] ?? 0;
      return channels >= 3 ? [r, pixels[at + 1] ?? 0, pixels[at + 2] ?? 0] : [r, r, r];
    },
  };
}

/** How many pixels of a PNG are within a small distance (30, summed over R, G and B) of a colour. */
export function countColour(png: Buffer, rgb: [number, number, number]): number {
  const image = decodePng(png);
  let count = 0;
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) {
      const [r, g, b] = image.rgb(x, y);
      if (Math.abs(r - rgb[0]) + Math.abs(g - rgb[1]) + Math.abs(b - rgb[2]) < 30) count++;
    }
  return count;
}
