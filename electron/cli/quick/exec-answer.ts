// `sso-tray exec ACCOUNT_ID ROLE [--session NAME] [--region REGION] [--nested] -- COMMAND [ARGS…]` with the role's
// credentials cached: the command runs as the program's `exec` runs it (cli/exec/: the same environment, signals and
// exit codes) without loading the program, so `exec` costs about what `process` does. The build bundles this file on
// its own (scripts/build-cli-entry.mjs). Anything else — a name, --endpoint, --help, no `--`, a miss, a nesting the
// program refuses — is the program's, which says why in its own words.
import { writeSync } from 'node:fs';
import { isValidIdentifier } from '../../../shared/identifier-rules.js';
import { callCachedRole } from '../../ipc/process-channel.js';
import { checkNesting, childEnvironment } from '../exec/child-environment.js';
import { runChild } from '../exec/run-child.js';
import type { Env } from '../../core/environment.js';

interface ExecRequest {
  accountId: string;
  roleName: string;
  session?: string;
  region?: string;
  nested: boolean;
  command: string;
  args: string[];
}

/** The request in an `exec` command line; undefined for anything the program must answer. */
export function execRequest(args: readonly string[]): ExecRequest | undefined {
  if (args[0] !== 'exec') return undefined;
  const dash = args.indexOf('--');
  const [command, ...rest] = dash < 0 ? [] : args.slice(dash + 1);
  if (command === undefined) return undefined;
  const positional: string[] = [];
  const options: { session?: string; region?: string; nested: boolean } = { nested: false };
  const before = args.slice(1, dash);
  for (let i = 0; i < before.length; i++) {
    const arg = before[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg];
    const value = () => (inline !== undefined ? inline : before[++i]);
    if (flag === '--session' || flag === '-s' || flag === '--region') {
      const given = value();
      if (given === undefined) return undefined; // the program says the flag needs a value
      if (flag === '--region') options.region = given;
      else options.session = given;
    } else if (arg === '--nested') options.nested = true;
    else if (arg.startsWith('-'))
      return undefined; // --endpoint, --help and the like: the program answers
    else positional.push(arg);
  }
  const { session, region } = options;
  if (
    positional.length !== 2 ||
    session === '' ||
    (region !== undefined && !isValidIdentifier('region', region))
  )
    return undefined;
  return {
    accountId: positional[0]!,
    roleName: positional[1]!,
    ...(session !== undefined ? { session } : {}),
    ...(region !== undefined ? { region } : {}),
    nested: options.nested,
    command,
    args: rest,
  };
}

/** Runs the command and says true; false when the program must answer (see the file's head). */
export async function answerExec(args: readonly string[], env: Env): Promise<boolean> {
  const request = execRequest(args);
  if (!request) return false;
  const profile = env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE;
  const chosen = request.session ?? env.SSO_TRAY_SESSION;
  const found = await callCachedRole(env, {
    accountId: request.accountId,
    roleName: request.roleName,
    ...(chosen ? { session: chosen } : {}),
    ...(profile ? { profile } : {}),
  }).catch(() => undefined);
  if (!found) return false;
  const role = { session: found.session.name, accountId: request.accountId, roleName: request.roleName };
  try {
    checkNesting(env, role, request.nested);
  } catch {
    return false; // the program refuses it in its own words
  }
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = found.credentials;
  const region =
    request.region ?? found.settings.regionFor(request.accountId, request.roleName, found.session.name);
  const keys = { kind: 'keys' as const, accessKeyId, secretAccessKey, sessionToken };
  const outcome = await runChild(
    request.command,
    request.args,
    childEnvironment(env, role, { ...keys, expiration: expiration.toISOString() }, region),
  );
  if (outcome.problem) writeSync(2, `sso-tray: ${outcome.problem}\n`);
  process.exitCode = outcome.exitCode;
  return true;
}
