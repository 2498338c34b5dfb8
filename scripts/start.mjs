// `npm start`: builds what it starts (main, preload, window), then starts the tray app in Electron, or says in one
// line why it cannot — without requiring 'electron', whose index.js would try to download the binary.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ELECTRON_MISSING, electronBinary } from './electron-binary.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const binary = electronBinary();
if (!binary) {
  console.error(ELECTRON_MISSING);
  process.exit(1);
}
const build = spawnSync('npm', ['run', 'build', '--silent'], {
  cwd: repo,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (build.status !== 0) process.exit(build.status ?? 1);

// Chromium refuses its OS sandbox to root (containers); a normal user keeps it.
const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
const child = spawn(binary, [repo, ...rootArgs, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: process.env,
});
child.on('close', (code) => process.exit(code ?? 0));
