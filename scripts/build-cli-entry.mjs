// Bundles the answers that come before the program: credential_process's warm answer (the AWS SDKs start
// `sso-tray process` for every process a user runs), a TAB's candidates (the shell waits for them) and `exec` with
// cached credentials (a script may run it in a loop). Each is one CommonJS file (dist/electron/quick/*.cjs) that
// bin/sso-tray.js requires by the command's first word: a CommonJS script starts without Node's ES module loader, and
// one file needs no resolving or linking of some forty modules. The rules of these bundles: scripts/quick-bundle.mjs.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleQuickAnswers, quickDir } from './quick-bundle.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(repo, 'dist', 'electron', 'quick');

await rm(out, { recursive: true, force: true });
// Before: one ES module bundle over tsc's dist/electron/cli.js; tsc's own copy is the program's entry again.
await rm(path.join(repo, 'dist', 'electron', 'cli-chunks'), { recursive: true, force: true });
await bundleQuickAnswers(
  {
    process: path.join(quickDir, 'process-answer.ts'),
    complete: path.join(quickDir, 'complete-answer.ts'),
    exec: path.join(quickDir, 'exec-answer.ts'),
  },
  out,
);
