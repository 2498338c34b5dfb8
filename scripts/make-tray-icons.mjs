// Draws the tray's key glyph at 16x16 and 32x32 with Node alone: macOS "Template" PNGs (black with alpha, which macOS
// tints for light and dark menu bars), and an orange one for Windows (an ICO) and Linux panels, readable on light and
// dark.
// The app icon (1024x1024) and the window's logo are the same glyph on a rounded navy tile.
// Usage: node scripts/make-tray-icons.mjs [outDir] [logoDir]   (default build/icons, renderer/src/assets)
import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 16; // the glyph is designed on a 16-unit grid and drawn at each scale
const SAMPLES = 8; // per axis, per pixel: anti-aliased edges

/** Whether a point of the 16-unit grid is ink: a ring (the bow) and a shaft with two teeth. */
function inKey(x, y) {
  const dx = x - 5;
  const dy = y - 8;
  const r = Math.hypot(dx, dy);
  const bow = r <= 4.5 && r >= 2;
  const shaft = x >= 9 && x <= 15.5 && y >= 7 && y <= 9;
  const tooth1 = x >= 11 && x <= 12.5 && y >= 9 && y <= 11.5;
  const tooth2 = x >= 14 && x <= 15.5 && y >= 9 && y <= 12;
  return bow || shaft || tooth1 || tooth2;
}

/** RGBA rows, each led by PNG filter byte 0: the colour everywhere, the glyph's coverage in alpha. */
function render(scale, [red, green, blue]) {
  const side = SIZE * scale;
  const rows = Buffer.alloc(side * (side * 4 + 1));
  for (let py = 0; py < side; py++) {
    const row = py * (side * 4 + 1);
    for (let px = 0; px < side; px++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++)
          if (inKey((px + (sx + 0.5) / SAMPLES) / scale, (py + (sy + 0.5) / SAMPLES) / scale)) hits++;
      rows.set([red, green, blue, Math.round((255 * hits) / (SAMPLES * SAMPLES))], row + 1 + px * 4);
    }
  }
  return { side, rows };
}

/** Coverage (0..1) of a rounded square on the 16-unit grid: the app icon's tile. */
function inTile(x, y) {
  const margin = 0.75;
  const radius = 3.4;
  const cx = Math.min(Math.max(x, margin + radius), SIZE - margin - radius);
  const cy = Math.min(Math.max(y, margin + radius), SIZE - margin - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** The key at 70% of the tile, centred: the glyph's own box is x 0.5..15.5, y 3.5..12.5. */
function inTileKey(x, y) {
  const k = 0.7;
  return inKey((x - 8) / k + 8, (y - 8) / k + 8);
}

const TILE_TOP = [0x2b, 0x4a, 0x70];
const TILE_BOTTOM = [0x13, 0x22, 0x36];

/** RGBA rows of the app icon at `side` pixels: the key (orange) over the tile (a navy gradient). */
function renderAppIcon(side, samples) {
  const rows = Buffer.alloc(side * (side * 4 + 1));
  const unit = side / SIZE;
  for (let py = 0; py < side; py++) {
    const row = py * (side * 4 + 1);
    const t = py / side;
    const tile = TILE_TOP.map((top, i) => Math.round(top + (TILE_BOTTOM[i] - top) * t));
    for (let px = 0; px < side; px++) {
      let tileHits = 0;
      let keyHits = 0;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / unit;
          const y = (py + (sy + 0.5) / samples) / unit;
          if (inTile(x, y)) {
            tileHits++;
            if (inTileKey(x, y)) keyHits++;
          }
        }
      const total = samples * samples;
      const key = tileHits ? keyHits / tileHits : 0;
      const colour = tile.map((c, i) => Math.round(c + (PANEL_COLOUR[i] - c) * key));
      rows.set([...colour, Math.round((255 * tileHits) / total)], row + 1 + px * 4);
    }
  }
  return { side, rows };
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Black: the macOS template. */
export const TEMPLATE_COLOUR = [0, 0, 0];
/** Orange: readable on the light and dark panels of Windows and Linux. */
export const PANEL_COLOUR = [0xff, 0x99, 0x00];

export function trayIconPng(scale, colour = TEMPLATE_COLOUR) {
  return png(render(scale, colour));
}

/** The app icon, `side` pixels square (1024 for the packaged app, small for the window's logo). */
export function appIconPng(side) {
  return png(renderAppIcon(side, side >= 512 ? 3 : 8));
}

/** Windows' tray sizes: the small icon at 100%, 125%, 150%, 200% and 300% scale (Electron's nativeImage docs). */
export const ICO_SIDES = [16, 20, 24, 32, 48];

/**
 * An ICO of PNG images, one a side (https://learn.microsoft.com/en-us/previous-versions/ms997538(v=msdn.10): ICONDIR,
 * then one 16-byte ICONDIRENTRY an image; PNG entries are read since Windows Vista).
 */
export function trayIconIco(colour = PANEL_COLOUR) {
  const images = ICO_SIDES.map((side) => png(render(side / SIZE, colour)));
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: an icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((image, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(ICO_SIDES[i] % 256, entry); // width (0 means 256)
    header.writeUInt8(ICO_SIDES[i] % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits a pixel
    header.writeUInt32LE(image.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += image.length;
  });
  return Buffer.concat([header, ...images]);
}

function png({ side, rows }) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits a channel, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir =
    process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'build', 'icons');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'tray-Template.png'), trayIconPng(1));
  writeFileSync(path.join(outDir, 'tray-Template@2x.png'), trayIconPng(2));
  writeFileSync(path.join(outDir, 'tray.png'), trayIconPng(1, PANEL_COLOUR));
  writeFileSync(path.join(outDir, 'tray@2x.png'), trayIconPng(2, PANEL_COLOUR));
  writeFileSync(path.join(outDir, 'tray.ico'), trayIconIco());
  writeFileSync(path.join(outDir, 'icon.png'), appIconPng(1024));
  const logoDir =
    process.argv[3] ??
    path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer', 'src', 'assets');
  mkdirSync(logoDir, { recursive: true });
  writeFileSync(path.join(logoDir, 'logo.png'), appIconPng(64));
  console.log(`tray icons and the app icon written to ${outDir}, the window's logo to ${logoDir}`);
}
