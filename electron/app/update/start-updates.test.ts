// What the running app does about updates on each kind of install, and what its settings screen says about them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as electron from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { app as doubleApp, control, resetDouble } from '../../../e2e/support/electron-double.js';
import { startUpdates, type UpdatesDeps } from './start-updates.js';

let dir: string;
beforeEach(async () => {
  resetDouble();
  await doubleApp.runEntry(async () => undefined);
  dir = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-updates-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const deps = (extra: Partial<UpdatesDeps> = {}): UpdatesDeps => ({
  env: {},
  platform: 'linux',
  resourcesPath: dir,
  whenWritesSettled: async () => undefined,
  onChange: () => undefined,
  log: () => undefined,
  ...extra,
});

describe('updates on each install', () => {
  it('are off in a development run, and say so', () => {
    expect(startUpdates(electron.app, deps()).status()).toEqual({
      notes: ['Updates: this is a development run; an installed SSO Tray updates itself.'],
    });
  });

  it('are off in a build without a feed, and say where new versions come from', () => {
    control.packaged = true;
    expect(startUpdates(electron.app, deps()).status().notes).toEqual([
      'This build has no update feed: install new versions from where you got this one.',
    ]);
  });

  it('refuse an update server that is not https, in its sentence', () => {
    control.packaged = true;
    const env = { SSO_TRAY_UPDATE_URL: 'http://updates.example.com/' };
    expect(startUpdates(electron.app, deps({ env })).status().notes).toEqual([
      'SSO_TRAY_UPDATE_URL is http://updates.example.com, plain http to another machine, which would send tokens and credentials unencrypted; use https:// (http:// is only for 127.0.0.1, ::1 or localhost); fix or unset it.',
    ]);
  });

  it('say that the .deb asks for a password, and that an unsigned macOS or Windows build cannot update as a signed one', async () => {
    control.packaged = true;
    await writeFile(path.join(dir, 'app-update.yml'), 'provider: generic\nurl: http://127.0.0.1:9/\n');
    await writeFile(path.join(dir, 'package-type'), 'deb\n');
    const notesOn = (platform: NodeJS.Platform) => {
      const running = startUpdates(electron.app, deps({ platform }));
      running.stop();
      return running.status().notes;
    };
    expect(notesOn('linux')).toEqual([
      'Installed from the .deb package: each update is installed with your package manager and asks for an administrator password.',
    ]);
    expect(notesOn('darwin')).toEqual([
      'This build is not signed: macOS installs updates only into a signed app, so download new versions yourself.',
    ]);
    expect(notesOn('win32')).toEqual([
      'This build is not signed: updates are checked against the sha512 their release states, not a publisher signature.',
    ]);
  });
});
