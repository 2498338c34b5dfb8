// `npm start`: builds, then starts the tray app in Electron, or says in one line why it cannot.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const build = spawnSync(
  process.execPath,
  [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  {
    cwd: repo,
    stdio: 'inherit',
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

let electronBinary;
try {
  electronBinary = require('electron'); // the path of the binary, when it was downloaded
} catch {
  console.error(
    'sso-tray: the Electron binary is not installed (it could not be downloaded); run `node node_modules/electron/install.js` ' +
      'where GitHub is reachable, or use the command line meanwhile: `npx sso-tray --help`.',
  );
  process.exit(1);
}
// Chromium refuses its OS sandbox to root (containers); a normal user keeps it.
const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
const child = spawn(electronBinary, [repo, ...rootArgs, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: process.env,
});
child.on('close', (code) => process.exit(code ?? 0));
