// `npm run demo` without a terminal: the guided tour runs against the demo organisation and cleans up after itself.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, makeSandbox, type Sandbox } from './support/sandbox.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await makeSandbox();
});
afterAll(() => sandbox.cleanup());

/**
 * The demo's environment: none of this machine's AWS or SSO Tray variables, no real ~/.aws, and a shell set to ignore
 * configured endpoints, which the demo must not follow to AWS.
 */
const demoEnv = (extra: Record<string, string> = {}) =>
  childEnv(sandbox, {
    HOME: '/nonexistent-home-for-demo-test',
    AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true',
    ...extra,
  });

describe('the demo', () => {
  it('signs in to the demo organisation and shows the commands with their output, touching no real ~/.aws', async () => {
    const child = spawn(
      process.execPath,
      [path.join(repo, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/demo.ts', '--cli'],
      {
        cwd: repo,
        env: demoEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(
      /^SSO Tray demo: signed in to the demo organisation \(30 accounts\) at http:\/\/127\.0\.0\.1:\d+\.\n/,
    );
    expect(stdout).toMatch(
      /\$ sso-tray sessions\nNAME +STATE +EXPIRES +REGION +START URL +FROM\ndemo +signed-in +in 7h 59m/,
    );
    expect(stdout).toMatch(
      /\$ sso-tray creds \S+ \S+ --format env\nexport AWS_ACCESS_KEY_ID=ASIA[A-Z0-9]{16}\n/,
    );
    const home = /Everything lives in (\S+) and is removed/.exec(stdout)?.[1];
    expect(home).toBeDefined();
    expect(existsSync(home!)).toBe(false);
  });
});

describe('the demo on a terminal', () => {
  // `script` (util-linux) gives the demo a terminal, as a person running `npm run demo` has.
  const script = ['/usr/bin/script', '/bin/script'].find((candidate) => existsSync(candidate));

  it.runIf(script)(
    `opens a shell where \`sso-tray\` is the demo’s command, and cleans up on exit${script ? '' : ' (util-linux script is not installed)'}`,
    () => {
      const tsx = path.join(repo, 'node_modules', 'tsx', 'dist', 'cli.mjs');
      const run = spawnSync(
        script!,
        ['-qec', `"${process.execPath}" "${tsx}" scripts/demo.ts --cli`, '/dev/null'],
        {
          cwd: repo,
          input: 'sso-tray roles "Log Archive"\nexit\n',
          env: demoEnv({ SHELL: '/bin/sh' }),
          encoding: 'utf8',
        },
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('A shell with the demo is starting. Try:');
      // The shell echoes the typed lines first, then prompts; the answer follows a prompt.
      expect(run.stdout).toMatch(/ ReadOnlyAccess\r?\n/);
      const home = /Everything lives in (\S+) and is removed/.exec(run.stdout)?.[1];
      expect(home).toBeDefined();
      expect(existsSync(home!)).toBe(false);
    },
  );
});
