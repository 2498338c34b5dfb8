// Entry of the `sso-tray` command (bin/sso-tray.js loads the built copy of this file).
// The build bundles this file with the answers that come before the program (scripts/build-cli-entry.mjs); bin
// enables Node's compile cache before loading it.
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

// stderr is part of the command's contract (one line per message): the SDK's advice to upgrade Node is not for it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** `process ACCOUNT_ID ROLE [--session NAME]`, in the plain shapes credential_process lines use; else undefined. */
function processRequest(args: string[]) {
  if (args[0] !== 'process') return undefined;
  const positional: string[] = [];
  let session: string | undefined;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--session' || arg === '-s') session = args[++i];
    else if (arg.startsWith('--session=')) session = arg.slice('--session='.length);
    else if (arg.startsWith('-'))
      return undefined; // --help and the like: the program answers
    else positional.push(arg);
  }
  if (positional.length !== 2 || (session !== undefined && session === '')) return undefined;
  const env = process.env;
  const profile = env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE;
  return {
    accountId: positional[0]!,
    roleName: positional[1]!,
    ...((session ?? env.SSO_TRAY_SESSION) ? { session: session ?? env.SSO_TRAY_SESSION } : {}),
    ...(profile ? { profile } : {}),
  };
}

const args = process.argv.slice(2);
const quick = processRequest(args);
// credential_process's warm answer comes before the program (commander, zod, the SDK) is even loaded.
const cached = quick && (await import('./ipc/process-channel.js')).callCachedProcess(process.env, quick);
const answer = cached ? await cached.catch(() => undefined) : undefined;
if (answer !== undefined) {
  // A reader that closed the pipe early is not a failure of this command (as cli/output.ts does for the program).
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.stdout.write(answer);
} else if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // The version alone answers before the program is loaded.
  process.stdout.write(`${packageVersion()}\n`);
} else if (args[0] === '__complete') {
  // A TAB press: the candidates from the cache, without the program or the core (completion/complete-line.ts).
  const { completeLine } = await import('./cli/completion/complete-line.js');
  process.stdout.write(await completeLine(args[1] ?? '', args[2] ?? '', process.env));
} else {
  const [{ runCli }, { processIo }] = await Promise.all([
    import('./cli/program.js'),
    import('./cli/output.js'),
  ]);
  const code = await runCli(args, process.env, processIo, packageVersion());
  process.exitCode = code;
  // Interrupted (Ctrl-C, SIGTERM, SIGHUP): a call still in flight must not keep the process alive past the signal.
  if (code > 128) process.exit(code); // 128 + the signal's number (cli/interrupt.ts)
}
