// `sso-tray keep-fresh`: the tray's keep-fresh without the tray, until interrupted.
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../output.js';
import { cliSentence } from '../next-step-words.js';

export async function runKeepFresh(c: CliContext, io: Io): Promise<number> {
  c.on('profiles-changed', (profiles) => {
    const stamp = new Date(c.now()).toISOString();
    for (const p of profiles.filter((x) => x.keepFresh && Date.parse(x.writtenAt) >= c.now() - 5_000)) {
      io.err(`${stamp} rewrote ${p.profile} (valid until ${p.expiration})\n`);
    }
  });
  // The core's reason carries its way forward (sign in, or check the region first): worded here as a command.
  c.on('sign-in-needed', (reason) => io.err(`${cliSentence(reason)}\n`));
  c.on('problem', (problem) => io.err(`${cliSentence(problem)}\n`));
  await c.call('sessions:list', {}); // starts the core: sessions loaded, keep-fresh scheduled
  const scheduled = (await c.call('profiles:list', {})).filter((p) => p.keepFresh).map((p) => p.profile);
  io.err(
    scheduled.length
      ? `Keeping fresh: ${scheduled.join(', ')}. Press Ctrl-C to stop.\n`
      : 'No profile is marked --keep-fresh; write one with `sso-tray write ACCOUNT ROLE --keep-fresh`. Waiting; Ctrl-C to stop.\n',
  );
  // Runs until a signal: a stop asked for (SIGTERM, SIGHUP) ends cleanly; Ctrl-C ends as an interruption does.
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(name, () => resolve(name));
  });
  return signal === 'SIGINT' ? EXIT.interrupted : EXIT.ok;
}
