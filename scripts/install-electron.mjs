// Postinstall: try to fetch the Electron binary; on a machine that cannot reach it, say so in one
// line and let the install succeed (the core, CLI and window tests need no Electron binary).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
let installScript;
try {
  installScript = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
} catch {
  process.exit(0); // production install without dev dependencies: nothing to fetch
}
const result = spawnSync(process.execPath, [installScript], {
  encoding: 'utf8',
  timeout: 180_000,
  stdio: ['ignore', 'pipe', 'pipe'],
});
if (result.status === 0) process.exit(0);
const firstLine =
  (result.stderr || '')
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line && !line.startsWith('at ')) ??
  (result.error?.message || 'timed out');
console.warn(
  `sso-tray: the Electron binary could not be downloaded (${firstLine}); ` +
    'the tests run without it, and `npm start` will work once `node node_modules/electron/install.js` succeeds.',
);
