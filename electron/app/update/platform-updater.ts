// The electron-updater updater for this install: NSIS on Windows, Squirrel.Mac on macOS, the AppImage or the package
// (deb, rpm, pacman) on Linux, as electron-updater's own `autoUpdater` picks it (node_modules/electron-updater/out/
// main.js), made fresh for each app (electron-updater's own is one per process).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import electronUpdater, { type AppUpdater } from 'electron-updater';

/** How this copy was installed, as far as updates are concerned. */
export type InstallKind = 'nsis' | 'mac' | 'appimage' | 'deb' | 'rpm' | 'pacman';

export interface UpdaterPlace {
  platform: NodeJS.Platform;
  /** process.resourcesPath: electron-builder writes app-update.yml and, for Linux packages, package-type there. */
  resourcesPath: string;
}

/** electron-builder's FpmTarget writes resources/package-type for deb, rpm and pacman; an AppImage has none. */
export function installKind(place: UpdaterPlace): InstallKind {
  if (place.platform === 'win32') return 'nsis';
  if (place.platform === 'darwin') return 'mac';
  const file = path.join(place.resourcesPath, 'package-type');
  const kind = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  return kind === 'deb' || kind === 'rpm' || kind === 'pacman' ? kind : 'appimage';
}

/**
 * The updater over Electron's app (electron-updater's ElectronAppAdapter requires 'electron': the shell's tests hand
 * it the double); downloads wait in the OS cache folder (electron-updater's getAppCacheDir).
 */
export function platformUpdater(place: UpdaterPlace): AppUpdater {
  const { NsisUpdater, MacUpdater, AppImageUpdater, DebUpdater, RpmUpdater, PacmanUpdater } = electronUpdater;
  const classes = {
    nsis: NsisUpdater,
    mac: MacUpdater,
    appimage: AppImageUpdater,
    deb: DebUpdater,
    rpm: RpmUpdater,
    pacman: PacmanUpdater,
  };
  const updater = new classes[installKind(place)]();
  updater.updateConfigPath = path.join(place.resourcesPath, 'app-update.yml');
  return updater;
}
