// `sso-tray exec`: the built command runs a program with the role's credentials, no shell in between; the program's
// exit code and signals are its own, and a program that cannot start is one sentence with the shell's exit code.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startCli, useCliEmulator } from './support/cli-process.js';
import { execArgs, loginAcme, nodeScript, runExec, runSsoTray } from './support/cli-run.js';

const h = useCliEmulator();
// The program exec runs: prints its arguments and the AWS part of its environment as JSON.
const REPORT = `process.stdout.write(JSON.stringify({argv: process.argv.slice(1), env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('AWS_') || k.startsWith('SSO_TRAY_EXEC')))}))`;

let sandboxId = '';
beforeAll(async () => {
  const login = await loginAcme(h.emu, h.sandbox);
  expect(login.code, login.stderr).toBe(0);
  sandboxId = h.emu.organisation.accounts.find((a) => a.accountName === 'Sandbox')!.accountId;
});

// By name the program looks the account up and runs the command; by id, once the role's credentials are cached (the
// runs by name cache them), the quick answer runs it without the program (electron/cli/quick/exec-answer.ts). Both
// must be the same to the command.
describe.each([
  ['by name, through the program', () => 'Sandbox'],
  ['by id, with cached credentials (the quick answer)', () => sandboxId],
])('sso-tray exec %s', (_, account) => {
  it('passes arguments full of shell syntax as given, with the role credentials and without the overriding variables', async () => {
    const tricky = [
      '$HOME',
      '`id`',
      "it's",
      '"quoted"',
      'a b',
      '; rm -rf /',
      '*',
      '$(echo x)',
      '\\n',
      '',
      '--session',
      'x',
    ];
    const run = await runExec(h.sandbox, nodeScript(REPORT, ...tricky), {
      account: account(),
      flags: ['--region', 'eu-west-1'],
      env: {
        AWS_PROFILE: 'other',
        AWS_DEFAULT_PROFILE: 'other',
        AWS_ACCESS_KEY_ID: 'AKIASTALE',
        AWS_SESSION_TOKEN: 'stale',
        AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/stale',
      },
    });
    expect(run.code, run.stderr).toBe(0);
    const { argv, env } = JSON.parse(run.stdout) as { argv: string[]; env: Record<string, string> };
    expect(argv).toEqual(tricky);
    const issued = await runSsoTray(h.sandbox, [
      'creds',
      'Sandbox',
      'AdministratorAccess',
      '--format',
      'process',
    ]);
    const creds = JSON.parse(issued.stdout) as Record<string, string>;
    expect(env).toEqual({
      AWS_ENDPOINT_URL_SSO_OIDC: h.emu.url,
      AWS_ENDPOINT_URL_SSO: h.emu.url,
      AWS_ENDPOINT_URL_SIGNIN: h.emu.url,
      AWS_CONFIG_FILE: h.sandbox.env.AWS_CONFIG_FILE,
      AWS_SHARED_CREDENTIALS_FILE: h.sandbox.env.AWS_SHARED_CREDENTIALS_FILE,
      AWS_ACCESS_KEY_ID: creds.AccessKeyId,
      AWS_SECRET_ACCESS_KEY: creds.SecretAccessKey,
      AWS_SESSION_TOKEN: creds.SessionToken,
      AWS_CREDENTIAL_EXPIRATION: `${new Date(creds.Expiration!).toISOString().slice(0, 19)}+00:00`,
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      SSO_TRAY_EXEC: `acme/${env.SSO_TRAY_EXEC?.split('/')[1]}/AdministratorAccess`,
    });
    expect(run.stderr).toBe('');
  });

  it("returns the command's exit code, and 128+N when signal N ends it", async () => {
    const exit7 = await runExec(h.sandbox, nodeScript('process.exit(7)'), { account: account() });
    expect([exit7.code, exit7.stderr]).toEqual([7, '']);
    const killed = await runExec(h.sandbox, nodeScript("process.kill(process.pid, 'SIGKILL')"), {
      account: account(),
    });
    expect([killed.code, killed.stderr]).toEqual([137, '']);
  });

  for (const [signal, code] of [
    ['SIGTERM', 42],
    ['SIGINT', 0],
    ['SIGHUP', 43],
  ] as const) {
    it(`passes ${signal} to the command, which decides, and waits for it`, async () => {
      const program = `process.on('${signal}', () => { process.stdout.write('got ${signal}'); setTimeout(() => process.exit(${code}), 50); }); process.stdout.write('ready;'); setInterval(() => {}, 1000);`;
      const started = startCli(h.sandbox, execArgs(nodeScript(program), { account: account() }));
      await started.stdoutMatches(/ready;/);
      started.child.kill(signal);
      const run = await started.done;
      expect([run.code, run.stdout, run.stderr]).toEqual([code, `ready;got ${signal}`, '']);
    });
  }

  it('says in one sentence when the command cannot be found (127) or run (126)', async () => {
    const missing = await runExec(h.sandbox, ['no-such-command-x'], { account: account() });
    expect([missing.code, missing.stderr]).toEqual([
      127,
      'sso-tray: There is no command "no-such-command-x"; check its name, or give its full path.\n',
    ]);
    const file = path.join(h.sandbox.home, 'not-executable.sh');
    await writeFile(file, 'echo hi\n');
    await chmod(file, 0o644);
    const notRunnable = await runExec(h.sandbox, [file], { account: account() });
    expect([notRunnable.code, notRunnable.stderr]).toEqual([
      126,
      `sso-tray: "${file}" cannot be run (it is not an executable file); check its permissions, or run it through its interpreter.\n`,
    ]);
  });

  it("runs a package's command shim found on PATH (npm's node_modules/.bin: a .cmd on Windows), arguments as given", async () => {
    // npm, npx, cdk and every package's bin are such shims; on Windows Node's spawn without a shell refuses them.
    const bin = path.join(h.sandbox.home, 'project', 'node_modules', '.bin');
    await mkdir(bin, { recursive: true });
    const script = path.join(bin, '..', 'print-args.js');
    await writeFile(script, 'process.stdout.write(JSON.stringify(process.argv.slice(2)))');
    if (process.platform === 'win32')
      await writeFile(
        path.join(bin, 'print-args.cmd'),
        `@"${process.execPath}" "%~dp0\\..\\print-args.js" %*\r\n`,
      );
    else
      await writeFile(
        path.join(bin, 'print-args'),
        `#!/bin/sh\nexec "${process.execPath}" "${script}" "$@"\n`,
        {
          mode: 0o755,
        },
      );
    const tricky = ['a b', '&echo injected', '%PATH%', '"quoted"', '^', '|', '<x>', "it's", '$HOME', ''];
    const pathKey = Object.keys(process.env).find((key) => key.toUpperCase() === 'PATH') ?? 'PATH';
    const run = await runExec(h.sandbox, ['print-args', ...tricky], {
      account: account(),
      env: { [pathKey]: `${bin}${path.delimiter}${process.env[pathKey] ?? ''}` },
    });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(JSON.parse(run.stdout)).toEqual(tricky);
  });

  it('refuses to nest inside an exec of another role unless --nested, and allows the same role', async () => {
    const outer = await runExec(h.sandbox, nodeScript('process.stdout.write(process.env.SSO_TRAY_EXEC)'), {
      account: account(),
      role: 'PowerUserAccess',
    });
    const marker = outer.stdout;
    const inner = nodeScript('process.stdout.write("inner")');
    const refused = await runExec(h.sandbox, inner, { account: account(), env: { SSO_TRAY_EXEC: marker } });
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([
      2,
      '',
      `sso-tray: This shell already runs as PowerUserAccess in ${marker.split('/')[1]} through \`sso-tray exec\`; exit it first, or add --nested to run as AdministratorAccess in ${marker.split('/')[1]} inside it.\n`,
    ]);
    const nested = await runExec(h.sandbox, inner, {
      account: account(),
      flags: ['--nested'],
      env: { SSO_TRAY_EXEC: marker },
    });
    expect([nested.code, nested.stdout]).toEqual([0, 'inner']);
    const same = await runExec(h.sandbox, nodeScript('process.stdout.write("same")'), {
      account: account(),
      role: 'PowerUserAccess',
      env: { SSO_TRAY_EXEC: marker },
    });
    expect([same.code, same.stdout]).toEqual([0, 'same']);
  });
});
