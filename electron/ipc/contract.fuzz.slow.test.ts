// The contract is the boundary: whatever its schemas accept is an identifier AWS's rules allow, and it comes back as
// itself from ~/.aws/config (the SDK's parser) and from the credential_process command (through /bin/sh).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadSharedConfigFiles, loadSsoSessionData } from '@smithy/shared-ini-file-loader';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSsoProfile } from '../core/aws-files/config-profile-writer.js';
import { credentialProcessCommand } from '../core/aws-files/credential-process-command.js';
import { identifierProblem, isValidIdentifier, type IdentifierKind } from '../core/identifiers.js';
import type { AwsPaths } from '../core/shapes/aws-shapes.js';
import { contract } from './contract.js';

// Characters AWS's rules allow, the ones a shell or an INI line would act on, and a few beyond ASCII.
const CHARS = [...'aZz09_-.@+%:/=,', ...'$`\'"\\ #;[]()!*~&|<>?{}', '\n', '\t', 'é', '☃', '\u202e'];
const picks = fc.constantFrom(
  'constructor',
  '__proto__',
  'toString',
  '111122223333',
  '11112222333',
  'us-east-1',
  'us-gov-west-1',
  'https://d-1234567890.awsapps.com/start',
  'https://acme.awsapps.com/start#x',
  'Admin$(touch PWNED)',
  '',
);
const candidate = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.string({ unit: fc.constantFrom(...CHARS.slice(0, 15)), minLength: 1, maxLength: 70 }),
  },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: picks },
);
const digits = fc.oneof(fc.stringMatching(/^\d{10,13}$/), fc.stringMatching(/^\d{12}$/), candidate);
const regions = fc.oneof(
  candidate,
  fc.constantFrom('us-east-1', 'eu-central-2', 'us-gov-west-1', 'us-isob-east-1'),
);

// Half the time a value made of the characters the field's rule allows, so that many whole inputs are accepted.
const fitting = (allowed: string, maxLength: number) =>
  fc.oneof(candidate, fc.string({ unit: fc.constantFrom(...allowed), minLength: 1, maxLength }));
const sessions = fitting('aZz09_-.@+%:/', 128);
const roles = fitting('aZz09_+=,.@-', 64);

let dir: string;
let printArgs: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-contract-fuzz-'));
  // Stands in for bin/sso-tray.js: prints each argument it received, NUL-terminated.
  printArgs = path.join(dir, 'print-args.sh');
  await writeFile(printArgs, 'printf \'%s\\0\' "$@"\n');
  await chmod(printArgs, 0o755);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const FIELDS = {
  session: 'session-name',
  accountId: 'account-id',
  roleName: 'role-name',
  profile: 'profile-name',
  region: 'region',
} as const satisfies Record<string, IdentifierKind>;

describe('the contract against AWS rules (fuzz)', () => {
  it('config:write-profile accepts only identifiers AWS allows, each refused with its own sentence', () => {
    const schema = contract['config:write-profile'].input;
    let accepted = 0;
    fc.assert(
      fc.property(
        sessions,
        sessions,
        digits,
        roles,
        regions,
        (session, profile, accountId, roleName, region) => {
          const input = { session, accountId, roleName, profile, region, kind: 'sso' as const };
          const parsed = schema.safeParse(input);
          const problems = Object.entries(FIELDS)
            .map(([field, kind]) => identifierProblem(kind, input[field as keyof typeof FIELDS]))
            .filter((p) => p !== undefined);
          expect(parsed.success).toBe(problems.length === 0);
          if (parsed.success) accepted += 1;
          else expect(problems).toContain(parsed.error.issues[0]?.message);
        },
      ),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it('every accepted role and profile comes back as itself from ~/.aws/config and from the credential_process line', async () => {
    const schema = contract['config:write-profile'].input;
    const start = contract['sessions:add'].input;
    const valid = (values: fc.Arbitrary<string>, kind: IdentifierKind) =>
      values.filter((v) => isValidIdentifier(kind, v));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        valid(sessions, 'session-name'),
        valid(sessions, 'profile-name'),
        fc.stringMatching(/^\d{12}$/),
        valid(roles, 'role-name'),
        valid(regions, 'region'),
        valid(
          fc.oneof(picks, fc.webUrl({ validSchemes: ['https'], withQueryParameters: true })),
          'start-url',
        ),
        async (session, profile, accountId, roleName, region, startUrl) => {
          const input = { session, accountId, roleName, profile, region, kind: 'sso' as const };
          expect(schema.safeParse(input).success).toBe(true);
          expect(start.safeParse({ name: session, startUrl, region }).success).toBe(true);

          const home = path.join(dir, `h${(n += 1)}`);
          const paths = {
            configFile: path.join(home, 'config'),
            credentialsFile: path.join(home, 'credentials'),
            homeDir: home,
          } as AwsPaths;
          const withSession = { name: session, startUrl, region, source: 'app' as const };
          await writeSsoProfile(paths, profile, {
            session: session,
            accountId,
            roleName,
            region,
            withSession,
          });
          const read = await loadSharedConfigFiles({
            filepath: paths.credentialsFile,
            configFilepath: paths.configFile,
            ignoreCache: true,
          });
          expect(read.configFile[profile]).toEqual({
            sso_session: session,
            sso_account_id: accountId,
            sso_role_name: roleName,
            region,
          });
          const sessions = await loadSsoSessionData({ configFilepath: paths.configFile });
          expect(sessions[session]).toMatchObject({ sso_start_url: startUrl, sso_region: region });

          const line = credentialProcessCommand(
            { program: '/bin/sh', script: printArgs },
            { accountId, roleName, session: session },
            'posix',
          );
          const run = spawnSync('/bin/sh', ['-c', line], { cwd: home, encoding: 'utf8' });
          expect(run.stdout.split('\0').slice(0, -1)).toEqual([
            'process',
            accountId,
            roleName,
            '--session',
            session,
          ]);
          expect(existsSync(path.join(home, 'PWNED'))).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });
});
