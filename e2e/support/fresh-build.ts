// The CLI tests run the built command as users do: rebuilt first when any source is newer than the build, so a
// test never passes or fails on yesterday's code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Compiles electron/ to dist/ (tsconfig.build.json) unless dist/electron/cli.js is newer than every source. */
export function ensureFreshCliBuild(repo: string): void {
  const built = path.join(repo, 'dist', 'electron', 'cli.js');
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const sources = Math.max(
    newestSource(path.join(repo, 'electron')),
    statSync(path.join(repo, 'tsconfig.build.json')).mtimeMs,
  );
  if (builtAt > sources) return;
  const tsc = path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: repo,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('Building the CLI (tsc -p tsconfig.build.json) failed.');
}
