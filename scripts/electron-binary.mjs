// Where the Electron binary is, without requiring 'electron': since Electron 42 its index.js downloads the binary on
// first require when it is missing (node_modules/electron/index.js), and `npm start` must never start a download.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const ELECTRON_MISSING =
  'sso-tray: the Electron binary is not installed (npm install could not download it); run `npx install-electron` ' +
  'where github.com is reachable, or use the command line meanwhile: `npx sso-tray --help`.';

export const ELECTRON_MISSING_FOR_DIST =
  'sso-tray: cannot build the installers: the Electron binary is not installed (npm install could not download it); ' +
  'run `npx install-electron` where github.com is reachable, then `npm run dist` again.';

/** The binary's path when `npm install` (or `npx install-electron`) fetched it, else undefined. */
export function electronBinary() {
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const binary = path.join(dir, 'dist', readFileSync(path.join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}
