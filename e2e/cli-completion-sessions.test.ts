// Completion with two sessions, each with its own cached listing, through bash's and fish's own machinery (as
// cli-completion.test.ts drives them): a session named before the account (--session, -s, --session=, or
// SSO_TRAY_SESSION) offers that session's accounts and roles only; before any listing is cached a TAB offers nothing
// and prints nothing.
import { execFile, execFileSync } from 'node:child_process';
import { appendFile, chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './identity-center/emulator.js';
import { bin, startCli } from './support/cli-process.js';
import { runSsoTray } from './support/cli-run.js';
import { childEnv, makeSandbox, type Sandbox } from './support/sandbox.js';
import { ZSH_TAB } from './support/zsh-tab.js';

const run = promisify(execFile);
const account = (accountId: string, accountName: string, roles: string[]) => ({
  accountId,
  accountName,
  emailAddress: `${accountId}@x.example`,
  roles,
});
const ACME = [account('111111111111', 'Payments prod', ['AdministratorAccess'])];
const BETA = {
  startUrl: 'https://d-2222222222.awsapps.com/start',
  region: 'eu-west-1',
  organisation: {
    accounts: [
      account('222222222222', 'Payments "beta" $x', ['BetaReadOnly']),
      account('333333333333', 'Research & dev', ['BetaAdmin']),
    ],
  },
};

let emu: RunningEmulator;
let sandbox: Sandbox;
let tools = '';

async function login(session: string, startUrl: string, region: string): Promise<void> {
  const args = ['login', '--start-url', startUrl, '--region', region, '--session', session];
  const started = startCli(sandbox, [...args, '--device-code', '--no-browser']);
  const text = await started.stderrMatches(/confirm the code (\S+)/);
  await emu.approveDevice(/confirm the code (\S+)/.exec(text)?.[1] ?? '');
  expect((await started.done).code).toBe(0);
  expect((await runSsoTray(sandbox, ['accounts', '--session', session])).code).toBe(0);
}

beforeAll(async () => {
  emu = await startEmulator({ organisation: { accounts: ACME }, directories: [BETA] });
  sandbox = await makeSandbox(emu.url);
  tools = path.join(sandbox.home, 'bin');
  await mkdir(tools);
  await writeFile(
    path.join(tools, 'sso-tray'),
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} "$@"\n`,
  );
  await chmod(path.join(tools, 'sso-tray'), 0o755);
});

afterAll(async () => {
  await emu.close();
  await sandbox.cleanup();
});

const shellEnv = (extra: Record<string, string> = {}) =>
  childEnv(sandbox, { PATH: `${tools}${path.delimiter}${process.env.PATH ?? ''}`, ...extra });

/** COMPREPLY after TAB at the end of `line`, with COMP_WORDS split at bash's own word breaks (COMP_WORDBREAKS). */
async function bashTab(line: string, env: Record<string, string> = {}) {
  const script = [
    'source <(sso-tray completion bash)',
    'COMP_LINE=$TYPED; COMP_POINT=${#TYPED}',
    // bash splits at blanks and at its COMP_WORDBREAKS (= : among them) for completion; these lines have no quotes.
    'COMP_WORDS=(); word=""; for ((i=0; i<${#TYPED}; i++)); do c=${TYPED:i:1}',
    '  if [[ $c == " " ]]; then [[ -n $word ]] && COMP_WORDS+=("$word"); word=""',
    '  elif [[ $c == "=" ]]; then [[ -n $word ]] && COMP_WORDS+=("$word"); COMP_WORDS+=("="); word=""',
    '  else word+=$c; fi; done',
    'COMP_WORDS+=("$word"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))',
    '_sso_tray_complete',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const { stdout, stderr } = await run('bash', ['-c', script], { env: shellEnv({ TYPED: line, ...env }) });
  return { candidates: stdout.split('\n').filter((l) => l !== ''), stderr };
}

/** fish's candidates for `line`, one a line. */
async function fishTab(line: string, env: Record<string, string> = {}) {
  const { stdout, stderr } = await run(
    'fish',
    ['--no-config', '-c', 'sso-tray completion fish | source; complete -C $LINE'],
    { env: shellEnv({ LINE: line, ...env }) },
  );
  return { candidates: stdout.split('\n').filter((l) => l !== ''), stderr };
}

const hasZsh = (() => {
  try {
    execFileSync('zsh', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The command line zsh shows after TAB at the end of `typed` (e2e/support/zsh-tab.ts). */
async function zshTab(typed: string): Promise<string> {
  const { stdout } = await run('zsh', ['-f', '-c', ZSH_TAB], { env: shellEnv({ TYPED: typed }) });
  return stdout;
}

describe('before any sign-in or listing', () => {
  it('offers no account or role and prints nothing, in bash, fish and zsh', async () => {
    expect(await bashTab('sso-tray creds ')).toEqual({ candidates: [], stderr: '' });
    expect(await bashTab('sso-tray exec 111111111111 ')).toEqual({ candidates: [], stderr: '' });
    expect(await bashTab('sso-tray creds --session ')).toEqual({ candidates: [], stderr: '' });
    expect(await fishTab('sso-tray creds ')).toEqual({ candidates: [], stderr: '' });
    for (const shell of ['bash', 'zsh', 'fish']) {
      const { stdout, stderr } = await run(
        process.execPath,
        [bin, '__complete', shell, 'sso-tray process '],
        {
          env: shellEnv(),
        },
      );
      expect({ stdout, stderr }).toEqual({ stdout: '', stderr: '' });
    }
  });
});

describe('two sessions, each with its listing', () => {
  beforeAll(async () => {
    await login('acme', emu.startUrl, emu.region);
    await login('beta', BETA.startUrl, BETA.region);
    // A legacy profile is a session to the commands (named after it); an [sso-session] without a start URL is none.
    await appendFile(
      sandbox.env.AWS_CONFIG_FILE!,
      '\n[profile legacy]\nsso_start_url = https://d-3333333333.awsapps.com/start\nsso_region = us-east-1\n[sso-session broken]\nsso_region = us-east-1\n',
    );
  });

  it("offers both sessions' accounts when none is named", async () => {
    expect((await bashTab('sso-tray creds Pay')).candidates).toEqual([
      'Payments\\ \\"beta\\"\\ \\$x',
      'Payments\\ prod',
    ]);
    expect((await bashTab('sso-tray creds --session ')).candidates).toEqual(['acme', 'beta', 'legacy']);
    expect((await runSsoTray(sandbox, ['creds', 'Sandbox', 'X', '--session', 'nosuch'])).stderr).toContain(
      'the sessions are: acme, beta, legacy.',
    );
  });

  it.each([
    ['--session beta ', {}],
    ['-s beta ', {}],
    ['--session=beta ', {}],
    ['', { SSO_TRAY_SESSION: 'beta' }],
  ] as Array<[string, Record<string, string>]>)(
    'offers only the named session\'s accounts and roles (bash, "%s" %o)',
    async (flag, env) => {
      expect(await bashTab(`sso-tray exec ${flag}Pay`, env)).toEqual({
        candidates: ['Payments\\ \\"beta\\"\\ \\$x'],
        stderr: '',
      });
      expect((await bashTab(`sso-tray creds ${flag}R`, env)).candidates).toEqual(['Research\\ \\&\\ dev']);
      expect((await bashTab(`sso-tray serve ${flag}333333333333 `, env)).candidates).toEqual(['BetaAdmin']);
    },
  );

  it("offers only the named session's accounts in fish, as they are", async () => {
    expect((await fishTab('sso-tray creds --session beta Pay')).candidates).toEqual(['Payments "beta" $x']);
    expect((await fishTab('sso-tray creds -s acme Pay')).candidates).toEqual(['Payments prod']);
    expect((await fishTab("sso-tray exec --session beta 'Research & dev' ")).candidates).toEqual([
      'BetaAdmin',
    ]);
  });

  it('completes the value of --session=, as each shell replaces the word', async () => {
    // bash replaces the part after =; fish the whole word.
    expect((await bashTab('sso-tray creds --session=b')).candidates).toEqual(['beta']);
    expect((await fishTab('sso-tray creds --session=b')).candidates).toEqual(['--session=beta']);
    expect((await bashTab('sso-tray completion ')).candidates).toEqual(['bash', 'fish', 'powershell', 'zsh']);
  });

  it.skipIf(!hasZsh)(
    `completes the named session's accounts and --session= in zsh${hasZsh ? '' : ' (zsh is not installed)'}`,
    async () => {
      expect(await zshTab('sso-tray creds --session beta Res')).toBe(
        'sso-tray creds --session beta Research\\ \\&\\ dev ',
      );
      expect(await zshTab('sso-tray creds -s acme Pay')).toBe('sso-tray creds -s acme Payments\\ prod ');
      expect(await zshTab('sso-tray creds --session=b')).toBe('sso-tray creds --session=beta ');
    },
  );
});
