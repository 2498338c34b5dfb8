// Bundles the preload into one CommonJS file: a sandboxed preload can require only 'electron', not our modules.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: [path.join(repo, 'electron', 'preload.ts')],
  outfile: path.join(repo, 'dist', 'electron', 'preload.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'chrome130',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
});
