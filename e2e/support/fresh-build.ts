// Vitest's global setup for the projects that run the built code (the shell's start-up from dist/electron/main.js,
// the `sso-tray` CLI as a child process): compile electron/ and shared/ to dist/ once, before any worker starts,
// whenever a source is newer than the build, so no test runs yesterday's code, finds no build on a fresh clone, or
// reads a half-written one.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Compiles electron/ and shared/ to dist/ (tsconfig.build.json), then bundles the quick answers and the program, unless
 * the build is newer than every source.
 */
export function ensureFreshBuild(repo: string): void {
  const built = [
    'cli.js',
    'main.js',
    'quick/process.cjs',
    'quick/complete.cjs',
    'quick/exec.cjs',
    'cli/program-bundle.cjs',
  ].map((file) => path.join(repo, 'dist', 'electron', file));
  const builtAt = Math.min(...built.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
  const sources = Math.max(
    newestSource(path.join(repo, 'electron')),
    newestSource(path.join(repo, 'shared')),
    statSync(path.join(repo, 'tsconfig.build.json')).mtimeMs,
    statSync(path.join(repo, 'scripts', 'build-cli-entry.mjs')).mtimeMs,
    statSync(path.join(repo, 'scripts', 'build-cli-program.mjs')).mtimeMs,
    statSync(path.join(repo, 'scripts', 'quick-bundle.mjs')).mtimeMs,
  );
  if (builtAt > sources) return;
  const tsc = path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: repo,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('Building electron/ (tsc -p tsconfig.build.json) failed.');
  // The quick answers as npm run build makes them (scripts/build-cli-entry.mjs).
  const entry = spawnSync(process.execPath, [path.join(repo, 'scripts', 'build-cli-entry.mjs')], {
    cwd: repo,
    stdio: 'inherit',
  });
  if (entry.status !== 0) throw new Error('Bundling the quick answers (scripts/build-cli-entry.mjs) failed.');
  // The program bin loads when no quick answer applies, as one bundle (scripts/build-cli-program.mjs).
  const program = spawnSync(process.execPath, [path.join(repo, 'scripts', 'build-cli-program.mjs')], {
    cwd: repo,
    stdio: 'inherit',
  });
  if (program.status !== 0)
    throw new Error('Bundling the command program (scripts/build-cli-program.mjs) failed.');
}

export default function setup(): void {
  ensureFreshBuild(REPO);
}
