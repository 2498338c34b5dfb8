// The packaged app, built here with electron-builder (`--dir`) over a stand-in Electron folder (the real binary cannot
// be downloaded on these machines): what app.asar holds, where main finds its files, and the fuses it flips.
// Slow (about half a minute): kept out of the fast path by its name. Needs `npm run build` first.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFiles } from '../electron/app/app-files.js';
import config, { ASAR_BUDGET_BYTES, fuses } from '../build/electron-builder.config.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as typeof import('@electron/asar');
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses') as typeof import('@electron/fuses');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'; // @electron/fuses: where Electron's fuse wire starts

let work: string;
let resources: string;
let asarFile: string;
let inAsar: Set<string>;
let binary: string;

/** An "electron" that is only a fuse wire with Electron 45's defaults, which electron-builder flips like the real one. */
async function standInElectron(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  // Electron's defaults, in FuseV1Options order (https://www.electronjs.org/docs/latest/tutorial/fuses#current-fuses):
  // RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, V8 snapshot
  // off, GrantFileProtocolExtraPrivileges on.
  const wire = Buffer.from([1, 8, ...'10110001'.split('').map((c) => c.charCodeAt(0))]);
  await writeFile(path.join(dir, 'electron'), Buffer.concat([Buffer.from(SENTINEL), wire]), { mode: 0o755 });
  await writeFile(path.join(dir, 'version'), '45.4.1');
}

beforeAll(async () => {
  if (!existsSync(path.join(REPO, 'dist', 'electron', 'main.js')))
    throw new Error('Run `npm run build` before the packaging test: it packs dist/.');
  work = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-dist-'));
  await standInElectron(path.join(work, 'electron-dist'));
  const { build, Platform } = await import('electron-builder');
  await build({
    projectDir: REPO,
    targets: Platform.LINUX.createTarget('dir'),
    config: {
      ...config,
      electronDist: path.join(work, 'electron-dist'),
      electronVersion: '45.4.1',
      directories: { ...config.directories, output: path.join(work, 'release') },
    },
  });
  resources = path.join(work, 'release', 'linux-unpacked', 'resources');
  asarFile = path.join(resources, 'app.asar');
  binary = path.join(work, 'release', 'linux-unpacked', config.executableName ?? 'sso-tray');
  inAsar = new Set(
    asar.listPackage(asarFile, { isPack: false }).map((file) =>
      file
        .replace(/^[\\/]/, '')
        .split(path.sep)
        .join('/'),
    ),
  );
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** The relative modules a compiled file imports (static and dynamic). */
function relativeImports(source: string): string[] {
  return [...source.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
}

describe('the packaged app (electron-builder --dir)', () => {
  it('holds its entry and every module main loads, at the paths they are loaded from', () => {
    const manifest = JSON.parse(asar.extractFile(asarFile, 'package.json').toString('utf8')) as {
      main: string;
    };
    expect(inAsar.has(manifest.main)).toBe(true);
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      expect(inAsar, `${file} is loaded at run time`).toContain(file);
      const source = asar.extractFile(asarFile, file).toString('utf8');
      for (const spec of relativeImports(source))
        visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
    };
    visit(manifest.main);
    expect(seen.size).toBeGreaterThan(20);
  });

  it('finds the preload, the window and the tray icons where main looks for them, on every OS', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const files = appFiles({ isPackaged: true, appPath: asarFile, resourcesPath: resources, platform });
      expect(inAsar).toContain(path.relative(asarFile, files.preload).split(path.sep).join('/'));
      expect(inAsar).toContain(path.relative(asarFile, files.indexHtml).split(path.sep).join('/'));
      expect(existsSync(files.iconPath), files.iconPath).toBe(true); // outside the asar: extraResources
    }
    const html = asar.extractFile(asarFile, 'dist/renderer/index.html').toString('utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+)"/g)].map((m) => `dist/renderer/${m[1]}`);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(inAsar).toContain(asset);
  });

  it('holds only what runs: no tests, e2e, emulator, CLI, source maps or dev dependencies', async () => {
    const files = [...inAsar];
    expect(files.filter((f) => /(^|\/)(e2e|scripts|tests?)\/|^renderer\//.test(f))).toEqual([]);
    expect(
      files.filter((f) => /\.(test|spec)\.[cm]?js$|\.map$|\.ts$/.test(f) && !f.startsWith('node_modules/')),
    ).toEqual([]);
    expect(files.filter((f) => f.startsWith('dist/electron/cli'))).toEqual([]);
    const { devDependencies } = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    for (const name of Object.keys(devDependencies))
      expect(
        files.some((f) => f.startsWith(`node_modules/${name}/`)),
        name,
      ).toBe(false);
    expect(files.some((f) => f.startsWith('node_modules/zod/'))).toBe(true); // production dependencies are there
  });

  it(`weighs at most ${ASAR_BUDGET_BYTES / 1024 / 1024} MiB`, async () => {
    const { size } = await stat(asarFile);
    console.log(`app.asar: ${(size / 1024 / 1024).toFixed(2)} MiB`);
    expect(size).toBeLessThanOrEqual(ASAR_BUDGET_BYTES);
  });

  it('flips the fuses the configuration states in the binary', async () => {
    const wire = await getCurrentFuseWire(binary);
    const state = (option: number) => String.fromCharCode(wire[option as keyof typeof wire] as number);
    const expected = {
      [FuseV1Options.RunAsNode]: fuses.runAsNode,
      [FuseV1Options.EnableCookieEncryption]: fuses.enableCookieEncryption,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: fuses.enableNodeOptionsEnvironmentVariable,
      [FuseV1Options.EnableNodeCliInspectArguments]: fuses.enableNodeCliInspectArguments,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: fuses.enableEmbeddedAsarIntegrityValidation,
      [FuseV1Options.OnlyLoadAppFromAsar]: fuses.onlyLoadAppFromAsar,
    };
    for (const [option, on] of Object.entries(expected))
      expect(state(Number(option)), FuseV1Options[Number(option)]).toBe(on ? '1' : '0');
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('is a menu-bar app on macOS (LSUIElement) with the hardened runtime ready for signing', async () => {
    expect(config.mac?.extendInfo).toMatchObject({ LSUIElement: true });
    expect(config.mac).toMatchObject({ hardenedRuntime: true, target: ['dmg', 'zip'] });
    const entitlements = await readFile(path.join(REPO, config.mac!.entitlements!), 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config).toMatchObject({ appId: 'dev.ssotray.app', productName: 'SSO Tray' });
  });
});
