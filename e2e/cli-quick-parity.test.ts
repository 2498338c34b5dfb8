// The quick answers (electron/cli/quick/) and the program answer `process` and `exec` alike: the same line run by
// account id (the quick answer, once the role's credentials are cached) and by account name (always the program) gives
// the same stdout, stderr and exit code, and the command `exec` runs sees the same environment and stdin.
import { spawn } from 'node:child_process';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bin, loginToEmulator, useCliEmulator } from './support/cli-process.js';
import { loginAcme, nodeScript, runSsoTray, type CliRun } from './support/cli-run.js';
import { childEnv } from './support/sandbox.js';

const h = useCliEmulator();
const ROLE = 'AdministratorAccess';
let sandboxId = '';
let settingsFile = '';
let signedInSettings = '';

beforeAll(async () => {
  expect((await loginAcme(h.emu, h.sandbox)).code).toBe(0);
  sandboxId = h.emu.organisation.accounts.find((a) => a.accountName === 'Sandbox')!.accountId;
  settingsFile = path.join(h.sandbox.env.SSO_TRAY_DATA_DIR!, 'settings.json');
  signedInSettings = await readFile(settingsFile, 'utf8');
  // The run by name caches the role's credentials: the run by id is then the quick answer's.
  expect((await runSsoTray(h.sandbox, ['creds', 'Sandbox', ROLE])).code).toBe(0);
});

afterEach(() => writeFile(settingsFile, signedInSettings));

const what = ({ code, stdout, stderr }: CliRun) => ({ code, stdout, stderr });

/** The same command line by name (the program) and by id (the quick answer). */
async function byNameAndId(line: (account: string) => string[], env: Record<string, string> = {}) {
  const byName = await runSsoTray(h.sandbox, line('Sandbox'), { env });
  const byId = await runSsoTray(h.sandbox, line(sandboxId), { env });
  return { byName: what(byName), byId: what(byId) };
}

const REGION = `process.stdout.write(String(process.env.AWS_REGION) + ' ' + String(process.env.AWS_DEFAULT_REGION))`;

describe('a settings.json edited by hand', () => {
  const edits: Array<[string, (s: Record<string, unknown>) => Record<string, unknown>]> = [
    ['a default region that is not one', (s) => ({ ...s, defaultRegion: 'Europe' })],
    ['a theme the app does not have', (s) => ({ ...s, theme: 'purple' })],
    ['favourites that are not a list', (s) => ({ ...s, favourites: 'Sandbox' })],
    [
      "a favourite's region set to null",
      (s) => ({
        ...s,
        favourites: [{ session: 'acme', accountId: sandboxId, roleName: ROLE, region: null }],
      }),
    ],
    [
      "a favourite's own region and a default region",
      (s) => ({
        ...s,
        defaultRegion: 'eu-west-2',
        favourites: [{ session: 'acme', accountId: sandboxId, roleName: ROLE, region: 'ap-south-1' }],
      }),
    ],
    ['a default region only', (s) => ({ ...s, defaultRegion: 'eu-north-1' })],
    ['the shape of version 2', (s) => ({ ...s, version: 2 })],
  ];

  it.each(edits)('%s: `process` and `exec` answer by id as by name', async (_, edit) => {
    await writeFile(
      settingsFile,
      JSON.stringify(edit(JSON.parse(signedInSettings) as Record<string, unknown>)),
    );
    const processed = await byNameAndId((account) => ['process', account, ROLE]);
    expect(processed.byId).toEqual(processed.byName);
    const executed = await byNameAndId((account) => ['exec', account, ROLE, '--', ...nodeScript(REGION)]);
    expect(executed.byId).toEqual(executed.byName);
  });
});

describe('--region', () => {
  it.each([
    ['--region eu-west-1 over the default region', ['--region', 'eu-west-1'], 'eu-west-1 eu-west-1'],
    ['--region=ap-south-1', ['--region=ap-south-1'], 'ap-south-1 ap-south-1'],
    ['a region that is not one', ['--region', 'Europe'], undefined],
    ['--region without a value', ['--region'], undefined],
  ] as Array<[string, string[], string | undefined]>)('%s: by id as by name', async (_, flags, seen) => {
    await writeFile(
      settingsFile,
      JSON.stringify({ ...JSON.parse(signedInSettings), defaultRegion: 'eu-north-1' }),
    );
    const executed = await byNameAndId((account) => [
      'exec',
      account,
      ROLE,
      ...flags,
      '--',
      ...nodeScript(REGION),
    ]);
    expect(executed.byId).toEqual(executed.byName);
    if (seen) expect(executed.byId).toEqual({ code: 0, stdout: seen, stderr: '' });
    else expect(executed.byId).toMatchObject({ code: 2, stdout: '' });
  });
});

/** A bash line with the built command as "$NODE" "$BIN": its stdout, stderr and exit code. */
function shell(line: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('bash', ['-c', line], {
      env: childEnv(h.sandbox, { NODE: process.execPath, BIN: bin }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('pipes', () => {
  it.each([
    ['by name', () => 'Sandbox'],
    ['by id', () => sandboxId],
  ])(
    'passes stdin through, a huge output whole, and stops with a reader that closes early (%s)',
    async (_, account) => {
      const piped = await shell(`printf 'hi\\nthere' | "$NODE" "$BIN" exec ${account()} ${ROLE} -- cat`);
      expect(piped).toEqual({ code: 0, stdout: 'hi\nthere', stderr: '' });
      // `yes` ends on SIGPIPE once head has its byte: exec gives 141 (128+13), as a shell does for the command itself.
      const early = await shell(
        `"$NODE" "$BIN" exec ${account()} ${ROLE} -- yes | head -c1; echo " \${PIPESTATUS[0]}"`,
      );
      expect(early).toEqual({ code: 0, stdout: 'y 141\n', stderr: '' });
      // 16 MiB through the command's own stdout, whole.
      const huge = await shell(
        `"$NODE" "$BIN" exec ${account()} ${ROLE} -- "$NODE" -e "process.stdout.write('x'.repeat(2 ** 24))" | wc -c`,
      );
      expect(huge).toEqual({ code: 0, stdout: `${2 ** 24}\n`, stderr: '' });
    },
  );
});

describe('choosing the session', () => {
  beforeAll(async () => {
    // A second session on the same portal, and profiles naming each session as the AWS CLI writes them.
    expect((await loginToEmulator(h.sandbox, h.emu, 'beta')).code).toBe(0);
    expect((await runSsoTray(h.sandbox, ['creds', 'Sandbox', ROLE, '--session', 'beta'])).code).toBe(0);
    await mkdir(path.dirname(h.sandbox.env.AWS_CONFIG_FILE!), { recursive: true });
    await appendFile(
      h.sandbox.env.AWS_CONFIG_FILE!,
      [
        '',
        '[profile on-beta]',
        'sso_session = beta',
        '[profile legacy]',
        `sso_start_url = ${h.emu.startUrl}`,
        `sso_region = ${h.emu.region}`,
        '[profile unrelated]',
        'region = eu-west-1',
        '',
      ].join('\n'),
    );
    signedInSettings = await readFile(settingsFile, 'utf8');
  });

  // Each line, and the session the command then runs in (undefined: the program's one-sentence refusal).
  it.each([
    ['two sessions, none named', [], {}, undefined],
    ['--session beta', ['--session', 'beta'], {}, 'beta'],
    ['--session=acme', ['--session=acme'], {}, 'acme'],
    ['-s with a session that does not exist', ['-s', 'nosuch'], {}, undefined],
    ['SSO_TRAY_SESSION', [], { SSO_TRAY_SESSION: 'beta' }, 'beta'],
    ['--session over SSO_TRAY_SESSION', ['--session', 'acme'], { SSO_TRAY_SESSION: 'beta' }, 'acme'],
    ['AWS_PROFILE naming an sso_session profile', [], { AWS_PROFILE: 'on-beta' }, 'beta'],
    ['AWS_DEFAULT_PROFILE naming an sso_session profile', [], { AWS_DEFAULT_PROFILE: 'on-beta' }, 'beta'],
    ['AWS_PROFILE naming a legacy sso_start_url profile', [], { AWS_PROFILE: 'legacy' }, undefined],
    ['AWS_PROFILE naming a profile without SSO', [], { AWS_PROFILE: 'unrelated' }, undefined],
    ['AWS_PROFILE naming no profile', [], { AWS_PROFILE: 'nosuch' }, undefined],
  ] as Array<[string, string[], Record<string, string>, string | undefined]>)(
    '%s: by id as by name',
    async (_, flags, env, session) => {
      const processed = await byNameAndId((account) => ['process', account, ROLE, ...flags], env);
      expect(processed.byId).toEqual(processed.byName);
      const marker = `process.stdout.write(String(process.env.SSO_TRAY_EXEC))`;
      const executed = await byNameAndId(
        (account) => ['exec', account, ROLE, ...flags, '--', ...nodeScript(marker)],
        env,
      );
      expect(executed.byId).toEqual(executed.byName);
      if (session === undefined) {
        expect(executed.byId).toMatchObject({
          stdout: '',
          stderr: expect.stringMatching(/^sso-tray: [^\n]+\n$/),
        });
        expect(executed.byId.code).not.toBe(0);
      } else
        expect(executed.byId).toEqual({ code: 0, stdout: `${session}/${sandboxId}/${ROLE}`, stderr: '' });
    },
  );
});
