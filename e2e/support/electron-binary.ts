// Where the Electron binary is, when `npm install` could download it; read from electron/path.txt, since requiring
// 'electron' would try the download again.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export function electronBinary(): string | undefined {
  const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  try {
    const binary = path.join(dir, 'dist', readFileSync(path.join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

export const ELECTRON_SKIP_REASON =
  'the Electron binary is not installed on this machine (it could not be downloaded), so the real app cannot start; ' +
  'its wiring is tested through the recorded double and the window in Chromium instead';
