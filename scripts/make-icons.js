#!/usr/bin/env node
/**
 * Draws the add-in icons (assets/icon-16/32/64/80.png): a teal rounded square with a white balance beam —
 * 均衡 — so that the ribbon button is recognisable without text. Pure Node (zlib), no image tools needed.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size) {
  const s = size;
  const px = Buffer.alloc(s * (s * 4 + 1));
  const radius = s * 0.2;
  const inside = (x, y) => {
    const cx = Math.min(Math.max(x, radius), s - radius);
    const cy = Math.min(Math.max(y, radius), s - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  for (let y = 0; y < s; y++) {
    px[y * (s * 4 + 1)] = 0;
    for (let x = 0; x < s; x++) {
      const o = y * (s * 4 + 1) + 1 + x * 4;
      const fx = (x + 0.5) / s;
      const fy = (y + 0.5) / s;
      let rgba = [0, 0, 0, 0];
      if (inside(x + 0.5, y + 0.5)) {
        rgba = [15, 118, 110, 255]; // teal
        const beam = Math.abs(fy - 0.36) < 0.055 && fx > 0.16 && fx < 0.84;
        const post = Math.abs(fx - 0.5) < 0.05 && fy > 0.3 && fy < 0.78;
        const base = Math.abs(fy - 0.78) < 0.05 && fx > 0.32 && fx < 0.68;
        const panL = fy > 0.5 && fy < 0.6 && Math.abs(fx - 0.26) < 0.13 - (0.6 - fy) * 0.6;
        const panR = fy > 0.5 && fy < 0.6 && Math.abs(fx - 0.74) < 0.13 - (0.6 - fy) * 0.6;
        const strL = Math.abs(fx - 0.26) < 0.03 && fy > 0.36 && fy < 0.52;
        const strR = Math.abs(fx - 0.74) < 0.03 && fy > 0.36 && fy < 0.52;
        if (beam || post || base || panL || panR || strL || strR) rgba = [255, 255, 255, 255];
      }
      px.set(rgba, o);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(s, 0);
  ihdr.writeUInt32BE(s, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(px)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(__dirname, "..", "assets", `icon-${size}.png`), png(size));
}
process.stdout.write("icons written to assets/\n");
