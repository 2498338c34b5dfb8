// Refusals that echo what the user typed: every control character escaped (shared/printable-text.ts), so the
// sentence stays one line on stderr and nothing in an argument can clear the screen or move the cursor.
import { beforeAll, describe, expect, it } from 'vitest';
import { consolePageFields } from './identity-center/federation-support.js';
import { loginToEmulator, runCli, useCliEmulator } from './support/cli-process.js';
import { EXIT } from '../electron/cli/exit-codes.js';

const h = useCliEmulator();
const sso = (args: string[], env: Record<string, string> = {}) => runCli(h.sandbox, args, env);
const HOSTILE = 'Payments\nprod\u001b[2J\u009b31m\u202e';
beforeAll(async () => expect((await loginToEmulator(h.sandbox, h.emu, 'acme')).code).toBe(0));

describe('an account argument holding a newline, ESC and other controls', () => {
  it('is echoed escaped, on one line of stderr', async () => {
    const run = await sso(['creds', HOSTILE, 'ReadOnlyAccess']);
    expect([run.code, run.stdout]).toEqual([EXIT.usage, '']);
    expect(run.stderr).toBe(
      'sso-tray: No account "Payments\\nprod\\x1b[2J\\x9b31m\\u202e" is assigned to you; run `sso-tray accounts` to list them.\n',
    );
  });

  it('in an identifier rule, a role name and an unknown option alike', async () => {
    const session = await sso(['accounts', '--session', 'a\nb\u001b[2J']);
    expect([session.code, session.stderr.split('\n')[0]]).toEqual([
      EXIT.usage,
      'sso-tray: The session name "a\\nb\\x1b[2J" cannot be used: it must be 1 to 128 letters, digits or - _ . @ + % : /, and not a word the AWS SDKs cannot read as a name (such as "constructor").',
    ]);
    const option = await sso(['accounts', '--x\u001b[2J\ny']);
    expect(option.code).toBe(EXIT.usage);
    expect(option.stderr).toBe("error: unknown option '--x\\x1b[2J\\ny'\n(run with --help for usage)\n");
  });
});

describe("commander's suggestion after a mistyped option or command", () => {
  it('stays on the line it completes, with no escaped line break', async () => {
    const option = await sso(['exec', 'Sandbox', 'AdministratorAccess', '--listen', '0.0.0.0', '--', 'true']);
    expect([option.code, option.stderr]).toEqual([
      EXIT.usage,
      "error: unknown option '--listen' (Did you mean --nested?)\n(usage: sso-tray exec ACCOUNT ROLE [options] -- COMMAND [ARGS…]; the command's own options go after --)\n",
    ]);
    const command = await sso(['exce', 'Sandbox', 'AdministratorAccess']);
    expect([command.code, command.stderr]).toEqual([
      EXIT.usage,
      "error: unknown command 'exce' (Did you mean exec?)\n(run with --help for usage)\n",
    ]);
  });
});

describe('sso-tray console --destination on a regional console host', () => {
  it('opens that region, not the default one the host contradicts', async () => {
    const account = h.emu.organisation.accounts.find((a) => a.roles.includes('ReadOnlyAccess'))!;
    const run = await sso(
      [
        ...['console', account.accountId, 'ReadOnlyAccess', '--print'],
        ...['--destination', 'https://eu-west-1.console.aws.amazon.com/ec2/home#Instances:'],
      ],
      { AWS_ENDPOINT_URL_SIGNIN: h.emu.url },
    );
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect((await consolePageFields(run.stdout.trim())).destination).toBe(
      'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:',
    );
  });
});
