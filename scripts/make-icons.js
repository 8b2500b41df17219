#!/usr/bin/env node
/**
 * Writes the add-in icons (assets/icon-16.png, -32, -64, -80): three rising white bars on a
 * rounded blue square. Uses only Node's zlib so anyone can regenerate them without canvas or
 * ImageMagick; the PNGs are committed, this script is how they were made.
 *
 *   node scripts/make-icons.js [outDir]
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const BACKGROUND = [0x0f, 0x6c, 0xbd]; // Fluent UI brand blue, legible on light and dark ribbons
const GLYPH = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 8; // samples per pixel side: smooth edges at 16 px without a rasteriser

/** Shapes in unit coordinates (0..1, y down), so every size is drawn from the same picture. */
const CORNER_RADIUS = 0.2;
const BARS = [
  { x0: 0.2, x1: 0.34, y0: 0.54, y1: 0.8 },
  { x0: 0.43, x1: 0.57, y0: 0.38, y1: 0.8 },
  { x0: 0.66, x1: 0.8, y0: 0.2, y1: 0.8 },
];

function insideRoundedSquare(x, y) {
  const r = CORNER_RADIUS;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insideGlyph(x, y) {
  return BARS.some((b) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1);
}

/** RGBA pixels (not premultiplied, as PNG wants) with coverage from supersampling. */
function renderIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let glyph = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (insideRoundedSquare(x, y)) {
            square++;
            if (insideGlyph(x, y)) glyph++;
          }
        }
      }
      const o = (py * size + px) * 4;
      const mix = square === 0 ? 0 : glyph / square;
      for (let c = 0; c < 3; c++) {
        pixels[o + c] = Math.round(BACKGROUND[c] * (1 - mix) + GLYPH[c] * mix);
      }
      pixels[o + 3] = Math.round((255 * square) / (n * n));
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG (colour type 6, filter 0 on every row). */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    const png = encodePng(size, size, renderIcon(size));
    fs.writeFileSync(file, png);
    console.log(`${path.relative(process.cwd(), file)} ${size}x${size} ${png.length} bytes`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, renderIcon, crc32 };
