// The `sso-tray` program's entry: bin/sso-tray.js loads the built copy of this file when no quick answer applies
// (credential_process's warm answer and a TAB's candidates come before it: electron/cli/quick/).
import { readFileSync } from 'node:fs';

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

// The environment as the caller gave it: what `exec` hands its command, and what the commands read.
const callerEnv = { ...process.env };
// stderr is part of the command's contract (one line per message): the SDK's advice to upgrade Node is not for it
// (the SDK reads this process's own environment; the caller's, and so `exec`'s command, never sees the setting).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // The version alone answers before the program is loaded.
  process.stdout.write(`${packageVersion()}\n`);
} else {
  const [{ runCli }, { processIo }] = await Promise.all([
    import('./cli/program.js'),
    import('./cli/output.js'),
  ]);
  const code = await runCli(args, callerEnv, processIo, packageVersion());
  process.exitCode = code;
  // Interrupted (Ctrl-C, SIGTERM, SIGHUP): a call still in flight must not keep the process alive past the signal.
  if (code > 128) process.exit(code); // 128 + the signal's number (cli/interrupt.ts)
}
