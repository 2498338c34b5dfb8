// Bundles the command's entry (electron/cli.ts) and the answers that come before the program (credential_process's
// warm answer, a TAB's candidates, --version) over the copy tsc wrote: the AWS SDKs start `sso-tray process` for every
// process a user runs, and resolving and linking some forty modules cost more than running them. Each quick answer is
// its own chunk (loaded by the entry's dynamic import), so --version loads neither, and an ES module's imports of
// Node's own modules (node:crypto, node:fs/promises) load only with the chunk that needs them. The program itself
// (commander, the door, the core) stays as tsc built it, loaded only on a miss.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(repo, 'dist', 'electron');
await rm(path.join(out, 'cli-chunks'), { recursive: true, force: true });
await build({
  entryPoints: { cli: path.join(repo, 'electron', 'cli.ts') },
  outdir: out,
  chunkNames: 'cli-chunks/[name]-[hash]',
  allowOverwrite: true,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // The program, loaded only when no quick answer applies: the files tsc built next to this one.
  // zod, the AWS SDK and commander stay packages even if a quick answer ever imported one, so that the tests that count
  // the modules a warm answer loads (e2e/cli-direct-answers.test.ts) still see them.
  external: ['./cli/program.js', './cli/output.js', 'zod', 'zod/*', '@aws-sdk/*', 'commander'],
  // The INI reader (@smithy/shared-ini-file-loader) is bundled from its ES build, whose named exports a dynamic import
  // keeps, and which needs no require(): https://esbuild.github.io/api/#main-fields
  mainFields: ['module', 'main'],
  sourcemap: true,
  logLevel: 'warning',
});
