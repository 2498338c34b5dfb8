// The committed tray icons at 1x and 2x, made by the script: macOS template images (black ink, shape in alpha) and
// the orange panel icon of Windows and Linux with the same shape.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ICONS = path.join(root, 'build', 'icons');

interface Pixels {
  width: number;
  height: number;
  rgba: Buffer;
}

/** Decodes the 8-bit RGBA, non-interlaced, unfiltered PNGs the script writes; anything else fails the test. */
function decode(png: Buffer): Pixels {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect([...body.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const rows = Array.from({ length: height }, (_, y) => {
    const row = raw.subarray(y * (width * 4 + 1), (y + 1) * (width * 4 + 1));
    expect(row[0]).toBe(0);
    return row.subarray(1);
  });
  return { width, height, rgba: Buffer.concat(rows) };
}

const alpha = (p: Pixels, x: number, y: number) => p.rgba[(y * p.width + x) * 4 + 3] as number;

let oneX: Pixels;
let twoX: Pixels;

beforeAll(async () => {
  oneX = decode(await readFile(path.join(ICONS, 'tray-Template.png')));
  twoX = decode(await readFile(path.join(ICONS, 'tray-Template@2x.png')));
});

describe('the tray icons', () => {
  it('are 16x16 and 32x32', () => {
    expect([oneX.width, oneX.height, twoX.width, twoX.height]).toEqual([16, 16, 32, 32]);
  });

  it('are black everywhere, with the glyph in alpha and smoothed edges', () => {
    for (const image of [oneX, twoX]) {
      const channels = [...image.rgba];
      expect(channels.filter((_, i) => i % 4 !== 3).every((c) => c === 0)).toBe(true);
      const alphas = channels.filter((_, i) => i % 4 === 3);
      expect(alphas).toContain(0);
      expect(alphas).toContain(255);
      expect(alphas.some((a) => a > 0 && a < 255)).toBe(true);
      const inked = alphas.filter((a) => a > 0).length / alphas.length;
      expect(inked).toBeGreaterThan(0.2);
      expect(inked).toBeLessThan(0.6);
    }
  });

  it('for Windows and Linux panels, are the same glyph in orange', async () => {
    for (const [name, template] of [
      ['tray.png', oneX],
      ['tray@2x.png', twoX],
    ] as const) {
      const panel = decode(await readFile(path.join(ICONS, name)));
      expect([panel.width, panel.height]).toEqual([template.width, template.height]);
      for (let i = 0; i < panel.rgba.length; i += 4) {
        expect([...panel.rgba.subarray(i, i + 3)]).toEqual([0xff, 0x99, 0x00]);
        expect(panel.rgba[i + 3]).toBe(template.rgba[i + 3]);
      }
    }
  });

  it('draw the same glyph at both sizes', () => {
    let worst = 0;
    for (let y = 0; y < 16; y++)
      for (let x = 0; x < 16; x++) {
        const block =
          (alpha(twoX, 2 * x, 2 * y) +
            alpha(twoX, 2 * x + 1, 2 * y) +
            alpha(twoX, 2 * x, 2 * y + 1) +
            alpha(twoX, 2 * x + 1, 2 * y + 1)) /
          4;
        worst = Math.max(worst, Math.abs(block - alpha(oneX, x, y)));
      }
    expect(worst).toBeLessThan(32);
  });

  // Electron's nativeImage docs: on Windows an ICO, with at least 16, 20, 24 and 32 pixels for the small icon
  // (https://www.electronjs.org/docs/latest/api/native-image#supported-formats).
  it('for the Windows notification area, are an ICO of the orange glyph at 16, 20, 24, 32 and 48 pixels', async () => {
    const ico = await readFile(path.join(ICONS, 'tray.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // reserved, type 1: an icon
    const count = ico.readUInt16LE(4);
    const images = Array.from({ length: count }, (_, i) => {
      const entry = 6 + 16 * i;
      const [width, height, bytes, offset] = [
        ico.readUInt8(entry),
        ico.readUInt8(entry + 1),
        ico.readUInt32LE(entry + 8),
        ico.readUInt32LE(entry + 12),
      ];
      expect(ico.readUInt16LE(entry + 6)).toBe(32);
      const image = decode(ico.subarray(offset, offset + bytes));
      expect([image.width, image.height]).toEqual([width, height]);
      return image;
    });
    expect(images.map((image) => image.width)).toEqual([16, 20, 24, 32, 48]);
    for (const image of images)
      for (let i = 0; i < image.rgba.length; i += 4)
        expect([...image.rgba.subarray(i, i + 3)]).toEqual([0xff, 0x99, 0x00]);
    const panel = decode(await readFile(path.join(ICONS, 'tray.png')));
    expect(images[0]).toEqual(panel); // the 16-pixel image is the Linux panel's icon
    expect(images[3]).toEqual(decode(await readFile(path.join(ICONS, 'tray@2x.png'))));
  });

  describe('are what scripts/make-tray-icons.mjs draws', () => {
    let out: string;
    beforeAll(async () => {
      out = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-icons-'));
      execFileSync(process.execPath, [path.join(root, 'scripts', 'make-tray-icons.mjs'), out]);
    });
    afterAll(() => rm(out, { recursive: true, force: true }));

    it('pixel for pixel', async () => {
      expect(decode(await readFile(path.join(out, 'tray-Template.png')))).toEqual(oneX);
      expect(decode(await readFile(path.join(out, 'tray-Template@2x.png')))).toEqual(twoX);
      for (const name of ['tray.png', 'tray@2x.png', 'tray.ico']) {
        expect(await readFile(path.join(out, name))).toEqual(await readFile(path.join(ICONS, name)));
      }
    });
  });
});
