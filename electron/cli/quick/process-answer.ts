// credential_process's warm answer, before the program: `process ACCOUNT_ID ROLE [--session NAME]` in the plain shapes
// credential_process lines use, answered from the caches (ipc/process-channel.ts); anything else, or a miss, is the
// program's. The build bundles this file on its own (scripts/build-cli-entry.mjs): the AWS SDKs start it for every
// process a user runs.
import { callCachedProcess } from '../../ipc/process-channel.js';
import { writeOut } from './write-out.js';
import type { Env } from '../../core/environment.js';

/** The request in a `process` command line; undefined for anything the program must answer (--help, a typo). */
export function processRequest(args: readonly string[], env: Env) {
  if (args[0] !== 'process') return undefined;
  const positional: string[] = [];
  let session: string | undefined;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--session' || arg === '-s') {
      session = args[++i];
      if (session === undefined) return undefined; // the program says the flag needs a value
    } else if (arg.startsWith('--session=')) session = arg.slice('--session='.length);
    else if (arg.startsWith('-'))
      return undefined; // --help and the like: the program answers
    else positional.push(arg);
  }
  if (positional.length !== 2 || (session !== undefined && session === '')) return undefined;
  const profile = env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE;
  const chosen = session ?? env.SSO_TRAY_SESSION;
  return {
    accountId: positional[0]!,
    roleName: positional[1]!,
    ...(chosen ? { session: chosen } : {}),
    ...(profile ? { profile } : {}),
  };
}

/** Writes the cached answer and says true; false when the program must answer (not a warm `process`, or a miss). */
export async function answerProcess(args: readonly string[], env: Env): Promise<boolean> {
  const request = processRequest(args, env);
  const answer = request && (await callCachedProcess(env, request).catch(() => undefined));
  if (answer === undefined) return false;
  writeOut(answer);
  return true;
}
