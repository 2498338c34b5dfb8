// The update flow with the real electron-updater, through the Electron double, against an update server on 127.0.0.1
// (the generic provider: latest-linux.yml and the AppImage it names, as electron-builder publishes them).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as electron from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { app as doubleApp, callsTo, control, resetDouble } from '../../../e2e/support/electron-double.js';
import { withFileLock } from '../../core/aws-files/locked-write.js';
import { whenWritesSettled } from '../../core/aws-files/writes-in-flight.js';
import { AutoUpdate, CHECK_EVERY_MS } from './auto-update.js';
import { platformUpdater } from './platform-updater.js';
import { eventually } from '../../../e2e/support/eventually.js';

const VERSION = '9.9.9';
const FILE = `SSO-Tray-${VERSION}.AppImage`;
// An "AppImage" that installs as the real one does (electron-updater moves it over the old file and runs it).
const ARTEFACT = Buffer.from(`#!/bin/sh\nexit 0\n# SSO Tray ${VERSION}\n`);
const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

function latestYml(bytes: Buffer, stated = sha512(bytes)): string {
  return [
    `version: ${VERSION}`,
    'files:',
    `  - url: ${FILE}`,
    `    sha512: ${stated}`,
    `    size: ${bytes.length}`,
    `path: ${FILE}`,
    `sha512: ${stated}`,
    "releaseDate: '2026-12-01T00:00:00.000Z'",
    '',
  ].join('\n');
}

interface Setup {
  dir: string;
  server: http.Server;
  url: string;
  routes: Map<string, string | Buffer>;
  served: string[];
  log: string[];
  changes: number;
  auto: AutoUpdate;
}

let s: Setup;
// What the test changes in the environment: the AppImage runtime's variable, and the OS cache folder's.
const ENV = ['APPIMAGE', 'XDG_CACHE_HOME', 'LOCALAPPDATA', 'HOME'] as const;
const envBefore = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));

beforeEach(async () => {
  resetDouble();
  control.packaged = true;
  await doubleApp.runEntry(async () => undefined); // the app is ready: electron-updater waits for it
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-update-'));
  const routes = new Map<string, string | Buffer>();
  const served: string[] = [];
  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    served.push(pathname); // the generic provider adds ?noCache=… to the .yml
    const body = routes.get(pathname);
    response.writeHead(body === undefined ? 404 : 200).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  // What electron-builder packs beside app.asar for the generic provider.
  await writeFile(
    path.join(dir, 'app-update.yml'),
    `provider: generic\nurl: ${url}\nupdaterCacheDirName: sso-tray-updater\n`,
  );
  process.env.APPIMAGE = path.join(dir, 'SSO-Tray.AppImage'); // the AppImage runtime sets it for the running app
  await writeFile(process.env.APPIMAGE, '#!/bin/sh\nexit 0\n# the old version\n', { mode: 0o755 });
  electron.app.setPath('userData', path.join(dir, 'user-data'));
  // electron-updater downloads into the OS cache folder (its getAppCacheDir): here, the test's folder.
  process.env.XDG_CACHE_HOME = dir;
  process.env.LOCALAPPDATA = dir;
  if (process.platform === 'darwin') process.env.HOME = dir;
  const updater = platformUpdater({ platform: 'linux', resourcesPath: dir });
  updater.disableDifferentialDownload = true; // the old file here has no embedded blockmap to diff against
  const log: string[] = [];
  let changes = 0;
  const auto = new AutoUpdate({
    updater,
    log: (line) => log.push(line),
    whenWritesSettled,
    onChange: () => (s.changes = ++changes),
    setTimer: () => undefined,
    clearTimer: () => undefined,
  });
  s = { dir, server, url, routes, served, log, changes, auto };
});

afterEach(async () => {
  s.auto.stop();
  s.server.closeAllConnections();
  await new Promise((resolve) => s.server.close(resolve));
  await rm(s.dir, { recursive: true, force: true });
  for (const name of ENV) {
    if (envBefore[name] === undefined) delete process.env[name];
    else process.env[name] = envBefore[name];
  }
});

describe('auto-update against a local update server', () => {
  it('finds a newer version, downloads it in the background, checks its sha512 and offers it', async () => {
    s.routes.set('/latest-linux.yml', latestYml(ARTEFACT));
    s.routes.set(`/${FILE}`, ARTEFACT);
    await s.auto.checkNow();
    expect(s.auto.offered()).toEqual({ version: VERSION });
    expect(s.changes).toBe(1);
    expect(s.log).toEqual([]);
    expect(s.served).toEqual(['/latest-linux.yml', `/${FILE}`]);
    expect(callsTo('net.request').length).toBe(2); // through Electron's net, as in the app
    const pending = path.join(
      s.dir,
      ...(process.platform === 'darwin' ? ['Library', 'Caches'] : []),
      'sso-tray-updater',
      'pending',
    );
    expect(await readFile(path.join(pending, FILE))).toEqual(ARTEFACT);
  });

  it('refuses a tampered artefact: one line in the log, nothing offered, nothing kept', async () => {
    const tampered = Buffer.from(ARTEFACT);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 2) ^ 1, tampered.length - 2);
    s.routes.set('/latest-linux.yml', latestYml(ARTEFACT));
    s.routes.set(`/${FILE}`, tampered);
    await s.auto.checkNow();
    expect(s.auto.offered()).toBeUndefined();
    expect(s.changes).toBe(0);
    expect(s.log).toEqual([
      'SSO Tray discarded a downloaded update: it did not match the sha512 its release states; it tries again in 4 hours.',
    ]);
    const pending = path.join(
      s.dir,
      ...(process.platform === 'darwin' ? ['Library', 'Caches'] : []),
      'sso-tray-updater',
      'pending',
    );
    expect(existsSync(pending) ? await readdir(pending) : []).not.toContain(FILE);
  });

  it('costs one line in the log when the server is down', async () => {
    s.server.closeAllConnections();
    await new Promise((resolve) => s.server.close(resolve));
    s.server = http.createServer(); // closed in afterEach; never listening
    await s.auto.checkNow();
    expect(s.log).toHaveLength(1);
    expect(s.log[0]).toMatch(
      /^SSO Tray could not check for updates \(.*ECONNREFUSED.*\); it tries again in 4 hours\.$/,
    );
    expect(s.auto.offered()).toBeUndefined();
  });

  it('costs one line in the log when the server answers garbage', async () => {
    s.routes.set('/latest-linux.yml', '<html><body>[Sign in to the proxy: {</body></html>');
    await s.auto.checkNow();
    expect(s.log).toHaveLength(1);
    expect(s.log[0]).toMatch(/^SSO Tray could not check for updates \(.+\); it tries again in 4 hours\.$/);
    expect(s.auto.offered()).toBeUndefined();
    expect(s.changes).toBe(0);
  });

  it('checks again in 4 hours with one timer, and not before', async () => {
    const timers: number[] = [];
    const auto = new AutoUpdate({
      updater: platformUpdater({ platform: 'linux', resourcesPath: s.dir }),
      log: () => undefined,
      whenWritesSettled,
      onChange: () => undefined,
      setTimer: (_run, ms) => timers.push(ms),
      clearTimer: () => undefined,
    });
    s.routes.set('/latest-linux.yml', latestYml(ARTEFACT, sha512(ARTEFACT)).replace(VERSION, '0.0.1'));
    await auto.checkNow();
    expect(timers).toEqual([CHECK_EVERY_MS]);
    expect(CHECK_EVERY_MS).toBe(4 * 60 * 60_000);
    expect(s.served).toEqual(['/latest-linux.yml']); // no newer version: nothing downloaded
    auto.stop();
  });

  it.runIf(process.platform === 'linux')(
    'restarts into the new version only once no file write is in flight',
    async () => {
      s.routes.set('/latest-linux.yml', latestYml(ARTEFACT));
      s.routes.set(`/${FILE}`, ARTEFACT);
      await s.auto.checkNow();
      let finishWrite!: () => void;
      const writing = withFileLock(
        path.join(s.dir, 'credentials'),
        () => new Promise<void>((r) => (finishWrite = r)),
      );
      await eventually(() => expect(finishWrite).toBeDefined()); // the lock is held: a write is in flight
      const restarted = s.auto.restart();
      // electron-updater installs synchronously in quitAndInstall: one turn of the event loop would have done it.
      await new Promise((resolve) => setImmediate(resolve));
      expect(callsTo('app.quit')).toEqual([]);
      expect(await readFile(process.env.APPIMAGE!, 'utf8')).toContain('the old version');
      finishWrite();
      await writing;
      await restarted;
      await eventually(() => expect(callsTo('app.quit')).toHaveLength(1));
      expect(await readFile(process.env.APPIMAGE!)).toEqual(ARTEFACT); // electron-updater moved the new one in place
      expect(callsTo('autoUpdater.emit')).toEqual([['before-quit-for-update']]);
    },
  );
});
