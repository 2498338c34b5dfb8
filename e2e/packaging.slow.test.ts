// The packaged app, built here with electron-builder (`--dir`) over a stand-in Electron folder (the real binary cannot
// be downloaded on these machines): what app.asar holds, where main finds its files, and the fuses it flips.
// Slow (about half a minute): kept out of the fast path by its name. Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFiles } from '../electron/app/app-files.js';
import config, { ASAR_BUDGET_BYTES, DESKTOP_NAME, fuses } from '../build/electron-builder.config.mjs';
import { LINUX_DESKTOP_NAME } from '../electron/app/desktop-shell.js';

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
let desktopEntry: { fileName: string; text: string };

/**
 * Electron's default fuse states, in @electron/fuses' order (https://www.electronjs.org/docs/latest/tutorial/fuses):
 * RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, browser
 * snapshot off, GrantFileProtocolExtraPrivileges on.
 */
const ELECTRON_DEFAULT_FUSES = '10110001';

/** An "electron" that is only a fuse wire with Electron 45's defaults, which electron-builder flips like the real one. */
async function standInElectron(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const wire = Buffer.from([1, 8, ...ELECTRON_DEFAULT_FUSES.split('').map((c) => c.charCodeAt(0))]);
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
    // On GitHub Actions the config names the repository's releases as the update feed: nothing is published from here.
    publish: 'never',
    config: {
      ...config,
      electronDist: path.join(work, 'electron-dist'),
      electronVersion: '45.4.1',
      directories: { ...config.directories, output: path.join(work, 'release') },
      // The .desktop entry the AppImage and deb targets write, computed by electron-builder's own helper (a --dir build
      // writes none, and those targets need tools this machine cannot download).
      afterPack: async (context) => {
        const { LinuxTargetHelper } = linuxTargetHelper();
        const helper = new LinuxTargetHelper(context.packager);
        const options = context.packager.platformSpecificBuildOptions;
        desktopEntry = {
          fileName: `${helper.getDesktopFileName()}.desktop`,
          text: await helper.computeDesktopEntry(options, 'AppRun %U'),
        };
      },
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
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** electron-builder's Linux helper (app-builder-lib, which electron-builder depends on). */
function linuxTargetHelper(): {
  LinuxTargetHelper: new (packager: unknown) => {
    getDesktopFileName(): string;
    computeDesktopEntry(options: unknown, exec: string): Promise<string>;
  };
} {
  const fromBuilder = createRequire(require.resolve('electron-builder'));
  return fromBuilder('app-builder-lib/out/targets/LinuxTargetHelper') as ReturnType<typeof linuxTargetHelper>;
}

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
    // A dev dependency the production dependencies need too (@smithy/signature-v4 under the AWS SDK) belongs there.
    const listed = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
      cwd: REPO,
      encoding: 'utf8',
    });
    const production = new Set(
      listed.stdout
        .split('\n')
        .map((dir) => path.relative(REPO, dir).split(path.sep).join('/'))
        .filter((dir) => dir.startsWith('node_modules/'))
        .map((dir) => dir.slice('node_modules/'.length)),
    );
    expect(production.has('zod')).toBe(true);
    for (const name of Object.keys(devDependencies).filter((dev) => !production.has(dev)))
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
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: fuses.grantFileProtocolExtraPrivileges,
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
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names its Linux desktop entry the way Electron names its windows (desktopName)', () => {
    const manifest = JSON.parse(asar.extractFile(asarFile, 'package.json').toString('utf8')) as {
      desktopName?: string;
    };
    expect(manifest.desktopName).toBe('sso-tray.desktop');
    expect(DESKTOP_NAME).toBe(manifest.desktopName);
    expect(LINUX_DESKTOP_NAME).toBe(manifest.desktopName); // what the app sets at run time, unpackaged too
    // Electron's Wayland app_id and X11 WM_CLASS are desktopName without ".desktop"; the entry must match both.
    expect(desktopEntry.fileName).toBe(manifest.desktopName);
    expect(desktopEntry.text).toContain('\nStartupWMClass=sso-tray\n');
    expect(desktopEntry.text).toMatch(/^Exec=AppRun %U$/m); // no --no-sandbox: see appImage in the config
  });

  it('gives the Windows tray an ICO and the macOS menu bar template images at 1x and 2x', async () => {
    const icons = path.join(resources, 'icons');
    const ico = await readFile(path.join(icons, 'tray.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 5]);
    const win = appFiles({
      isPackaged: true,
      appPath: asarFile,
      resourcesPath: resources,
      platform: 'win32',
    });
    expect(win.iconPath).toBe(path.join(icons, 'tray.ico'));
    const mac = appFiles({
      isPackaged: true,
      appPath: asarFile,
      resourcesPath: resources,
      platform: 'darwin',
    });
    expect(path.basename(mac.iconPath)).toMatch(/Template\.png$/);
    expect(existsSync(mac.iconPath.replace(/\.png$/, '@2x.png'))).toBe(true);
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
