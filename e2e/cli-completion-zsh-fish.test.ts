// zsh and fish completion through each shell's own machinery. zsh: an interactive zsh in a pseudo-terminal (zsh's
// zpty module, https://zsh.sourceforge.io/Doc/Release/Zsh-Modules.html#The-zsh_002fzpty-Module) with compinit, the
// script sourced, then TAB typed; the line zsh leaves is read back, so what is checked is what zsh inserts. fish:
// `complete -C LINE`, which asks fish's completion for LINE as TAB does (https://fishshell.com/docs/current/cmds/complete.html).
// CI installs both (.ci/run); a machine without one says so in the skipped test's name.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZSH_TAB } from './support/zsh-tab.js';
import { ACCOUNTS, completionSandbox, type CompletionSandbox } from './support/completion-sandbox.js';

const run = promisify(execFile);
const installed = (command: string) => {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const hasZsh = installed('zsh');
const hasFish = installed('fish');
let shell: CompletionSandbox;

beforeAll(async () => {
  shell = await completionSandbox();
});

afterAll(() => shell.close());

/** The command line zsh shows after TAB at the end of `typed`. */
async function zshTab(typed: string): Promise<string> {
  const { stdout } = await run('zsh', ['-f', '-c', ZSH_TAB], { env: shell.env({ TYPED: typed }) });
  return stdout;
}

/** The words of a zsh command line as zsh parses them, quotes removed. */
async function zshWords(line: string): Promise<string[]> {
  const { stdout } = await run('zsh', ['-f', '-c', 'print -rNC1 -- "${(@Q)${(z)LINE}}"'], {
    env: { ...shell.env(), LINE: line },
  });
  return stdout.split('\0').filter((w) => w !== '');
}

/** fish's candidates for `line`, one a line. */
async function fishTab(line: string): Promise<string[]> {
  const { stdout } = await run(
    'fish',
    ['--no-config', '-c', 'sso-tray completion fish | source; complete -C $LINE'],
    {
      env: shell.env({ LINE: line }),
    },
  );
  return stdout.split('\n').filter((l) => l !== '');
}

describe.skipIf(!hasZsh)(`zsh completion${hasZsh ? '' : ' (zsh is not installed)'}`, () => {
  it('completes a command, and leaves an ambiguous word as typed', async () => {
    expect(await zshTab('sso-tray cr')).toBe('sso-tray creds ');
    expect(await zshTab('sso-tray creds --format pr')).toBe('sso-tray creds --format pro');
  });

  it('inserts account names with spaces and shell syntax quoted so that zsh reads back the name', async () => {
    shell.emu.clearCalls();
    for (const [typed, account] of [
      ['Pay', ACCOUNTS[0]!],
      ['Tea', ACCOUNTS[1]!],
      ['O', ACCOUNTS[3]!],
      ["'Tea", ACCOUNTS[1]!],
      ['"Tea', ACCOUNTS[1]!],
    ] as const) {
      const line = await zshTab(`sso-tray creds ${typed}`);
      expect(await zshWords(line)).toEqual(['sso-tray', 'creds', account.accountName]);
    }
    expect(shell.emu.calls()).toEqual([]);
  });

  it('completes the role of the account typed before, however it was quoted', async () => {
    expect(await zshTab("sso-tray creds 'Team'\\''s $HOME;`id`' ")).toBe(
      "sso-tray creds 'Team'\\''s $HOME;`id`' PowerUserAccess ",
    );
    expect(await zshTab('sso-tray exec Ops\\ \\$\\(rm\\ -rf\\ \\~\\)\\ \\&\\ \\"x\\" ')).toBe(
      'sso-tray exec Ops\\ \\$\\(rm\\ -rf\\ \\~\\)\\ \\&\\ \\"x\\" OpsAccess ',
    );
  });
});

describe.skipIf(!hasFish)(`fish completion${hasFish ? '' : ' (fish is not installed)'}`, () => {
  it('completes commands and options', async () => {
    expect(await fishTab('sso-tray cr')).toEqual(['creds']);
    expect(await fishTab('sso-tray creds --format p')).toEqual(['powershell', 'process', 'profile']);
    expect(await fishTab('sso-tray creds --session ')).toEqual(['acme']);
  });

  it('offers account names with spaces and shell syntax as they are, whatever quote the word opened', async () => {
    shell.emu.clearCalls();
    expect(await fishTab('sso-tray creds Pay')).toEqual(['Payments prod']);
    expect(await fishTab('sso-tray creds O')).toEqual([ACCOUNTS[3]!.accountName]);
    expect(await fishTab("sso-tray creds 'Tea")).toEqual([ACCOUNTS[1]!.accountName]);
    expect(await fishTab('sso-tray creds "Tea')).toEqual([ACCOUNTS[1]!.accountName]);
    expect(shell.emu.calls()).toEqual([]);
  });

  it("completes the role of the account typed before, read with fish's quoting rules", async () => {
    // In fish, \' is a quote inside '…' (https://fishshell.com/docs/current/language.html#quotes).
    expect(await fishTab("sso-tray creds 'Team\\'s $HOME;`id`' ")).toEqual(['PowerUserAccess']);
    expect(await fishTab('sso-tray creds "Ops \\$(rm -rf ~) & \\"x\\"" ')).toEqual(['OpsAccess']);
    expect(await fishTab('sso-tray creds Payments\\ prod ')).toEqual([
      'AdministratorAccess',
      'ReadOnlyAccess',
    ]);
  });
});
