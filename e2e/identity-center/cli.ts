// `npm run emulator -- --port 0 [--auto-approve] [--fixture FILE] [--accounts N]`: serves until SIGINT/SIGTERM.
import { pathToFileURL } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { startEmulator } from './emulator.js';
import { loadFixture } from './fixture-file.js';
import type { EmulatorOptions } from './model.js';

function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`);
    return n;
  };
}

interface Flags {
  port: number;
  autoApprove?: boolean;
  fixture?: string;
  accounts?: number;
  startUrl?: string;
  region?: string;
  quiet?: boolean;
}

export async function runCli(argv: string[]): Promise<void> {
  const flags = new Command('emulator')
    .description('AWS IAM Identity Center emulator (SSO OIDC, SSO portal, approval pages) on 127.0.0.1')
    .option('--port <port>', 'port on 127.0.0.1; 0 picks a free one', wholeNumber(0, 65535), 0)
    .option('--auto-approve', 'approve device codes and /authorize without a click')
    .option('--fixture <file>', 'JSON: {organisation?, directories?, lifetimes?, latencyMs?, rateLimits?}')
    .option('--accounts <n>', 'generate an organisation with this many accounts', wholeNumber(1, 1_000_000))
    .option('--start-url <url>', 'start URL of the default directory')
    .option('--region <region>', 'region of the default directory')
    .option('--quiet', 'do not log requests to stderr')
    .parse(argv)
    .opts<Flags>();

  const options: EmulatorOptions = {
    ...(flags.fixture ? await loadFixture(flags.fixture) : {}),
    port: flags.port,
    autoApprove: flags.autoApprove ?? false,
    ...(flags.accounts !== undefined ? { accounts: flags.accounts } : {}),
    ...(flags.startUrl ? { startUrl: flags.startUrl } : {}),
    ...(flags.region ? { region: flags.region } : {}),
    ...(flags.quiet ? {} : { log: (line: string) => process.stderr.write(`${line}\n`) }),
  };
  const emu = await startEmulator(options);
  process.stdout.write(`Identity Center emulator: ${emu.url}  start URL: ${emu.startUrl}\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    emu.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCli(process.argv).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'EADDRINUSE'
        ? 'the port is in use on 127.0.0.1; choose another with --port, or --port 0 for a free one.'
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`Identity Center emulator: ${message}\n`);
    process.exit(1);
  });
}
