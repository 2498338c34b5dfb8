// Entry of the `sso-tray` command (bin/sso-tray.js loads the built copy of this file).
import { readFileSync } from 'node:fs';
import { runCli } from './cli/program.js';
import { processIo } from './cli/output.js';
import { EXIT } from './cli/exit-codes.js';

// Built: dist/electron/cli.js; from source (tsx): electron/cli.ts.
function packageVersion(): string {
  for (const relative of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'sso-tray' && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
}

// stderr is part of the command's contract (one line per message): the SDK's advice to upgrade Node is not for it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

process.exitCode = await runCli(process.argv.slice(2), process.env, processIo, packageVersion());
// Interrupted: a call still in flight must not keep the process alive past Ctrl-C.
if (process.exitCode === EXIT.interrupted) process.exit(EXIT.interrupted);
