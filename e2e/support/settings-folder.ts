// A fresh app-data folder per test for settings.json, and a way to put exact bytes in the file.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { SettingsFile } from '../../electron/core/settings/settings-file.js';

export interface SettingsFolder {
  dir: string;
  /** settings.json's path. */
  file: string;
  settingsFile: SettingsFile;
  /** The file holding exactly `text` (its folder made the way the app makes it). */
  writeRaw(text: string): Promise<void>;
}

/** A session as the app keeps it in settings.json. */
export const acmeSession = {
  name: 'acme',
  startUrl: 'https://d-1234567890.awsapps.com/start',
  region: 'eu-west-1',
  source: 'app' as const,
};

/** A role of that session, as favourites and recents name it. */
export const adminRole = { session: 'acme', accountId: '111122223333', roleName: 'AdministratorAccess' };

/** Registers the folder's setup and removal around each test of the calling file. */
export function useSettingsFolder(): SettingsFolder {
  const folder: SettingsFolder = {
    dir: '',
    file: '',
    settingsFile: new SettingsFile(''),
    async writeRaw(text) {
      await folder.settingsFile.update((s) => s);
      await writeFile(folder.file, text);
    },
  };
  beforeEach(async () => {
    folder.dir = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-settings-'));
    folder.settingsFile = new SettingsFile(path.join(folder.dir, 'sso-tray'));
    folder.file = path.join(folder.dir, 'sso-tray', 'settings.json');
  });
  afterEach(async () => {
    await rm(folder.dir, { recursive: true, force: true });
  });
  return folder;
}
