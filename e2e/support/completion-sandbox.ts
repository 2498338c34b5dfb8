// What the completion tests share: an organisation whose names hold spaces and shell syntax, signed in with its
// listing cached by `sso-tray accounts`, and `sso-tray` on PATH as `npm install -g` puts it.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../identity-center/emulator.js';
import { bin } from './cli-process.js';
import { loginAcme, runSsoTray } from './cli-run.js';
import { childEnv, makeSandbox, type Sandbox } from './sandbox.js';

export const ACCOUNTS = [
  {
    accountId: '111111111111',
    accountName: 'Payments prod',
    emailAddress: 'p@x.example',
    roles: ['ReadOnlyAccess', 'AdministratorAccess'],
  },
  {
    accountId: '222222222222',
    accountName: "Team's $HOME;`id`",
    emailAddress: 't@x.example',
    roles: ['PowerUserAccess'],
  },
  {
    accountId: '333333333333',
    accountName: 'Sandbox',
    emailAddress: 's@x.example',
    roles: ['AdministratorAccess'],
  },
  {
    accountId: '444444444444',
    accountName: 'Ops $(rm -rf ~) & "x"',
    emailAddress: 'o@x.example',
    roles: ['OpsAccess'],
  },
];

export interface CompletionSandbox {
  emu: RunningEmulator;
  sandbox: Sandbox;
  /** The environment a shell runs in: the sandbox's, with `sso-tray` on PATH. */
  env(extra?: Record<string, string>): Record<string, string>;
  close(): Promise<void>;
}

export async function completionSandbox(): Promise<CompletionSandbox> {
  const emu = await startEmulator({ organisation: { accounts: ACCOUNTS } });
  const sandbox = await makeSandbox(emu.url);
  const login = await loginAcme(emu, sandbox);
  if (login.code !== 0) throw new Error(login.stderr);
  const listed = await runSsoTray(sandbox, ['accounts']);
  if (listed.code !== 0) throw new Error(listed.stderr);
  const tools = path.join(sandbox.home, 'bin');
  await mkdir(tools);
  await writeFile(
    path.join(tools, 'sso-tray'),
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} "$@"\n`,
  );
  await chmod(path.join(tools, 'sso-tray'), 0o755);
  return {
    emu,
    sandbox,
    env: (extra = {}) =>
      childEnv(sandbox, { PATH: `${tools}${path.delimiter}${process.env.PATH ?? ''}`, ...extra }),
    close: async () => {
      await emu.close();
      await sandbox.cleanup();
    },
  };
}
