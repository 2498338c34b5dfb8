// Shell completion through bash's own machinery: the script `sso-tray completion bash` prints is sourced, and its
// function is called as bash calls it on TAB (COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT). Names come from the
// listing `sso-tray accounts` cached; a TAB makes no call to Identity Center.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, completionSandbox, type CompletionSandbox } from './support/completion-sandbox.js';

const run = promisify(execFile);
let shell: CompletionSandbox;

beforeAll(async () => {
  shell = await completionSandbox();
});

afterAll(() => shell.close());

/** COMPREPLY after TAB at the end of `line`, one candidate a line. */
async function tab(line: string): Promise<string[]> {
  const script = [
    'source <(sso-tray completion bash)',
    // The words as bash splits them for completion: what is typed, then the word at the cursor.
    // (An open quote is one word to bash, up to the cursor; eval refuses it, so split at blanks instead.)
    'eval "COMP_WORDS=($COMPLETION_WORDS)" 2>/dev/null || read -ra COMP_WORDS <<< "$TYPED"',
    'COMP_LINE=$TYPED; COMP_POINT=${#TYPED}; COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))',
    '[[ $TYPED == *" " ]] && { COMP_WORDS+=(""); COMP_CWORD=$(( COMP_CWORD + 1 )); }',
    '_sso_tray_complete',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const env = shell.env({ TYPED: line, COMPLETION_WORDS: line.replace(/[();&|<>]/g, '\\$&') });
  const { stdout } = await run('bash', ['-c', script], { env });
  return stdout.split('\n').filter((l) => l !== '');
}

describe('bash completion', () => {
  it('completes commands and options', async () => {
    expect(await tab('sso-tray cr')).toEqual(['creds']);
    expect(await tab('sso-tray ex')).toEqual(['exec']);
    expect(await tab('sso-tray exec --e')).toEqual(['--endpoint']);
    expect(await tab('sso-tray creds --format p')).toEqual(['powershell', 'process', 'profile']);
    expect(await tab('sso-tray completion ')).toEqual(['bash', 'fish', 'powershell', 'zsh']);
    expect(await tab('sso-tray config ')).toEqual(['sync']);
    expect(await tab('sso-tray creds --session ')).toEqual(['acme']);
  });

  it('completes account names and ids from the cached listing, quoted for the shell, and makes no call', async () => {
    shell.emu.clearCalls();
    expect(await tab('sso-tray creds Pay')).toEqual(['Payments\\ prod']);
    expect(await tab('sso-tray creds Tea')).toEqual(["Team\\'s\\ \\$HOME\\;\\`id\\`"]);
    expect(await tab('sso-tray creds 2')).toEqual(['222222222222']);
    // Inside a quote the user opened, readline closes it: the candidate is written for inside it.
    expect(await tab("sso-tray creds 'Team")).toEqual(["Team'\\''s $HOME;`id`"]);
    expect(await tab('sso-tray creds "Team')).toEqual(["Team's \\$HOME;\\`id\\`"]);
    expect(shell.emu.calls()).toEqual([]);
  });

  it('completes the roles of the account typed before, however it was quoted', async () => {
    expect(await tab('sso-tray exec Payments\\ prod ')).toEqual(['AdministratorAccess', 'ReadOnlyAccess']);
    expect(await tab("sso-tray creds 'Team'\\''s $HOME;`id`' ")).toEqual(['PowerUserAccess']);
    expect(await tab('sso-tray serve 333333333333 Ad')).toEqual(['AdministratorAccess']);
    // After `--`, the command's own words: nothing from sso-tray (bash completes files).
    expect(await tab('sso-tray exec Sandbox AdministratorAccess -- ')).toEqual([]);
  });

  it('what bash inserts reads back as the name: the quoted candidate, evaluated, is the account name', async () => {
    for (const [typed, account] of [
      ['Tea', ACCOUNTS[1]!],
      ['O', ACCOUNTS[3]!],
    ] as const) {
      const [quoted] = await tab(`sso-tray creds ${typed}`);
      const { stdout } = await run('bash', ['-c', `printf %s ${quoted}`]);
      expect(stdout).toBe(account.accountName);
    }
  });
});
