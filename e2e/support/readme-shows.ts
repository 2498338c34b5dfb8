// What the README's `exec`, `serve` and `completion` lines show a reader, beyond their exit code: the variables
// printenv prints (the --region given, the endpoint's address), the two variables serve prints, and a completion
// script appended to a shell's start-up file that the shell then loads.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import type { CliRun } from './cli-process.js';
import { servedVariables } from './endpoint-client.js';
import type { Sandbox } from './sandbox.js';

const SHOWN: Record<string, RegExp> = {
  AWS_ACCESS_KEY_ID: /^ASIA[A-Z0-9]{16}$/,
  AWS_CREDENTIAL_EXPIRATION: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/,
  AWS_REGION: /^[a-z]{2}(-[a-z]+)+-\d$/,
  AWS_CONTAINER_CREDENTIALS_FULL_URI: /^http:\/\/127\.0\.0\.1:\d+\/role-credentials$/,
};

/** The shells whose start-up file a README line appends to, and how to ask one whether it completes sso-tray. */
const LOADED: Record<string, { shell: string; file: string; check: string; shows: RegExp }> = {
  bash: {
    shell: 'bash',
    file: '.bashrc',
    check: 'source ~/.bashrc && complete -p sso-tray',
    shows: /^complete .*-F \S+ sso-tray$/,
  },
  zsh: {
    shell: 'zsh',
    file: '.zshrc',
    // "after compinit", as the README says: the script registers itself with compdef.
    check: 'autoload -Uz compinit && compinit -u && source ~/.zshrc && print -r -- ${_comps[sso-tray]}',
    shows: /^_\S+$/,
  },
};

const installed = (shell: string) => {
  try {
    execFileSync(shell, ['-c', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

export async function expectWhatItShows(sandbox: Sandbox, line: string, run: CliRun): Promise<void> {
  const printenv = /^sso-tray exec .* -- printenv ((?:[A-Z_]+ ?)+)/.exec(line);
  if (printenv) {
    const names = (printenv[1] ?? '').trim().split(' ');
    const values = run.stdout.trimEnd().split('\n');
    expect(values, line).toHaveLength(names.length);
    names.forEach((name, i) => expect(values[i], `${line}: ${name}`).toMatch(SHOWN[name] ?? /\S/));
    const region = /--region (\S+)/.exec(line)?.[1];
    if (region) expect(values[names.indexOf('AWS_REGION')], line).toBe(region);
  }
  if (line.startsWith('sso-tray serve ')) {
    expect(servedVariables(run.stdout), line).toEqual({
      url: expect.stringMatching(SHOWN.AWS_CONTAINER_CREDENTIALS_FULL_URI!),
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
  }
  const completion = /^sso-tray completion (\w+) >> ~\/(\S+)/.exec(line);
  if (completion) {
    const loaded = LOADED[completion[1] ?? ''];
    expect(loaded, `${line}: a shell this test knows`).toBeDefined();
    const text = await readFile(path.join(sandbox.home, completion[2] ?? ''), 'utf8');
    expect(text, line).toMatch(/sso-tray/);
    // Where the shell is installed, its start-up file now completes sso-tray.
    if (!loaded || !installed(loaded.shell)) return;
    const said = execFileSync(loaded.shell, ['-c', loaded.check], {
      env: { HOME: sandbox.home, PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
    });
    expect(said.trim(), line).toMatch(loaded.shows);
  }
}
