// `npm run dist`: builds the installers with electron-builder, or says in one line why it cannot. Without the Electron
// binary electron-builder would download it from github.com and, offline, end in `ENOTFOUND` and a stack trace.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ELECTRON_MISSING_FOR_DIST, electronBinary } from './electron-binary.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (!electronBinary()) {
  console.error(ELECTRON_MISSING_FOR_DIST);
  process.exit(1);
}
const run = (command, args) =>
  spawnSync(command, args, { cwd: repo, stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

const built = run('npm', ['run', 'build', '--silent']);
if (built !== 0) process.exit(built);
const builder = createRequire(import.meta.url).resolve('electron-builder/cli.js');
process.exit(
  run(process.execPath, [builder, '--config', 'build/electron-builder.config.mjs', ...process.argv.slice(2)]),
);
