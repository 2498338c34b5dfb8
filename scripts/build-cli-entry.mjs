// Bundles the answers that come before the program: credential_process's warm answer (the AWS SDKs start
// `sso-tray process` for every process a user runs), a TAB's candidates (the shell waits for them) and `exec` with
// cached credentials (a script may run it in a loop). Each is one
// CommonJS file (dist/electron/quick/*.cjs) that bin/sso-tray.js requires by the command's first word: a CommonJS
// script starts without Node's ES module loader, and one file needs no resolving or linking of some forty modules.
// In these bundles `node:fs/promises` and `node:crypto` are the quick versions in electron/cli/quick/ (reads on node:fs's
// synchronous calls, SHA-1 from @noble/hashes): loading the real ones was a third of a warm answer's own time.
// The program (commander, the door, the core) is not in them; the build fails if zod, the AWS SDK or commander would be.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quick = path.join(repo, 'electron', 'cli', 'quick');
const out = path.join(repo, 'dist', 'electron', 'quick');

/** The quick versions of two of Node's modules, and a refusal of what belongs to the program. */
const quickModules = {
  name: 'quick-modules',
  setup(builder) {
    const own = {
      'node:fs/promises': path.join(quick, 'quick-fs-promises.ts'),
      'fs/promises': path.join(quick, 'quick-fs-promises.ts'),
      'node:crypto': path.join(quick, 'quick-crypto.ts'),
      crypto: path.join(quick, 'quick-crypto.ts'),
    };
    builder.onResolve({ filter: /^(node:)?(fs\/promises|crypto)$/ }, (args) =>
      // The quick versions themselves name the real modules only as types.
      args.importer.startsWith(quick + path.sep) ? undefined : { path: own[args.path] },
    );
    builder.onResolve({ filter: /^(zod|commander|@aws-sdk\/)/ }, (args) => ({
      errors: [
        { text: `${args.path} is the program's, not a quick answer's (imported by ${args.importer})` },
      ],
    }));
  },
};

await rm(out, { recursive: true, force: true });
// Before: one ES module bundle over tsc's dist/electron/cli.js; tsc's own copy is the program's entry again.
await rm(path.join(repo, 'dist', 'electron', 'cli-chunks'), { recursive: true, force: true });
await build({
  entryPoints: {
    process: path.join(quick, 'process-answer.ts'),
    complete: path.join(quick, 'complete-answer.ts'),
    exec: path.join(quick, 'exec-answer.ts'),
  },
  outdir: out,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  // The INI reader (@smithy/shared-ini-file-loader) and @noble/hashes from their ES builds:
  // https://esbuild.github.io/api/#main-fields
  mainFields: ['module', 'main'],
  plugins: [quickModules],
  sourcemap: true,
  logLevel: 'warning',
});
