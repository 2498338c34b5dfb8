// How the quick answers are bundled (scripts/build-cli-entry.mjs runs it; e2e/quick-bundle.test.ts probes its rules):
// one CommonJS file per answer, in which `node:fs/promises` and `node:crypto` are the quick versions in
// electron/cli/quick/ (reads on node:fs's synchronous calls, SHA-1 from @noble/hashes: loading the real ones was a
// third of a warm answer's own time), and in which zod, the AWS SDK and commander cannot be: the build fails.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const quickDir = path.join(repo, 'electron', 'cli', 'quick');

const OWN = {
  'fs/promises': path.join(quickDir, 'quick-fs-promises.ts'),
  crypto: path.join(quickDir, 'quick-crypto.ts'),
};

/** esbuild plugin: the quick versions of two of Node's modules, and a refusal of what belongs to the program. */
export const quickModules = {
  name: 'quick-modules',
  setup(builder) {
    builder.onResolve({ filter: /^(node:)?(fs\/promises|crypto)$/ }, (args) =>
      // The quick versions themselves name the real modules only as types.
      args.importer.startsWith(quickDir + path.sep)
        ? undefined
        : { path: OWN[args.path.replace(/^node:/, '')] },
    );
    builder.onResolve({ filter: /^(zod|commander|@aws-sdk\/)/ }, (args) => ({
      errors: [
        { text: `${args.path} is the program's, not a quick answer's (imported by ${args.importer})` },
      ],
    }));
  },
};

/** Bundles each entry ({ name: source file }) into outdir/name.cjs. */
export function bundleQuickAnswers(entryPoints, outdir, options = {}) {
  return build({
    entryPoints,
    outdir,
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
    ...options,
  });
}
