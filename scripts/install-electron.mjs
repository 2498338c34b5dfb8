// Postinstall: Electron 45's package fetches its binary lazily, on the first require (node_modules/electron/index.js),
// not at install. Fetch it now, where GitHub is reachable; elsewhere say so in one line and let the install succeed
// (the core, CLI and window tests need no Electron binary).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronBinary } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
let installScript;
try {
  installScript = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
} catch {
  process.exit(0); // production install without dev dependencies: nothing to fetch
}
if (electronBinary()) process.exit(0);
const result = spawnSync(process.execPath, [installScript], {
  encoding: 'utf8',
  timeout: 180_000,
  stdio: ['ignore', 'pipe', 'pipe'],
});
if (result.status === 0 && electronBinary()) process.exit(0);
const firstLine =
  (result.stderr || '')
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line && !line.startsWith('at ')) ??
  (result.error?.message || 'timed out');
console.warn(
  `sso-tray: the Electron binary could not be downloaded (${firstLine}); ` +
    'the tests run without it, and `npm start` will work once `npx install-electron` succeeds.',
);
