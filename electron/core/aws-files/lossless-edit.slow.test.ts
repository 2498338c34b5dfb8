// Fuzz of the lossless edit at the file level: generated ~/.aws files as bytes, with non-UTF-8 bytes, key
// case variants and `key: value` lines, [default] / [profile default], indented headers and JS object keys as names;
// the app's writes are checked against the SDK's parser (and botocore's, where python3 has it).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startBotocoreReader,
  WITHOUT_BOTOCORE,
  type BotocoreReader,
  type BotocoreView,
} from '../../../e2e/support/botocore-reader.js';
import { awsPathsFromEnv } from '../environment.js';
import { isSsoTrayError } from '../errors.js';
import type { AwsPaths } from '../shapes/aws-shapes.js';
import { writeSsoProfile } from './config-profile-writer.js';
import { CredentialsFile } from './credentials-file.js';

// Config sections only: in a credentials file `[toString]` would make the SDK's parser write onto a global.
const CONFIG_NAMES = [
  'default',
  'profile default',
  'profile dev',
  'profile constructor',
  'profile toString',
  'sso-session valueOf',
  'profile x.y',
];
const CREDENTIAL_NAMES = ['default', 'dev', 'prod', 'a-b', 'p@q'];
const KEYS = [
  'region',
  'Region',
  'REGION',
  'output',
  'aws_access_key_id',
  'AWS_Access_Key_Id',
  'sso_session',
  'x',
];
const latin1Text = fc.string({
  unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c === 0x7f ? 0x20 : c)),
  maxLength: 12,
});
const word = fc.stringMatching(/^[A-Za-z0-9._@-]{1,10}$/);

const line = (names: string[]) =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...KEYS), fc.constantFrom(' = ', '=', ' =  '), word)
        .map(([k, s, v]) => `${k}${s}${v}`),
    },
    fc.tuple(fc.constantFrom(...KEYS), word).map(([k, v]) => `${k}: ${v}`),
    fc.tuple(fc.constantFrom('#', ';'), latin1Text).map(([m, t]) => `${m} ${t}`),
    fc
      .tuple(
        fc.constantFrom(...KEYS),
        latin1Text.filter((t) => t.trim() !== '' && !/(^|\s)[#;]/.test(t)),
      )
      .map(([k, v]) => `${k} = ${v.trim()}`),
    fc.constant(''),
    fc.constantFrom(...names).map((n) => `  [${n}]`),
  );
const file = (names: string[]) =>
  fc
    .record({
      sections: fc.array(fc.tuple(fc.constantFrom(...names), fc.array(line(names), { maxLength: 5 })), {
        maxLength: 6,
      }),
      crlf: fc.boolean(),
      finalNewline: fc.boolean(),
    })
    .map(({ sections, crlf, finalNewline }) => {
      const text = sections.flatMap(([name, lines]) => [`[${name}]`, ...lines]).join(crlf ? '\r\n' : '\n');
      return Buffer.from(text + (finalNewline && text ? (crlf ? '\r\n' : '\n') : ''), 'latin1');
    });

let tmp: string;
let run = 0;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'lossless-fuzz-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

async function fresh(): Promise<AwsPaths> {
  const home = path.join(tmp, String(run++));
  const paths = awsPathsFromEnv({ HOME: home });
  await mkdir(path.dirname(paths.configFile), { recursive: true });
  return paths;
}
const sdk = async (paths: AwsPaths) =>
  loadSharedConfigFiles({
    filepath: paths.credentialsFile,
    configFilepath: paths.configFile,
    ignoreCache: true,
  });
const without = <T extends Record<string, unknown>>(map: T, name: string) =>
  Object.fromEntries(Object.entries(map).filter(([key]) => key !== name));
const botoOthers = (view: BotocoreView | undefined, name: string) =>
  view && 'profiles' in view ? { profiles: without(view.profiles, name) } : view;
const credentials = {
  accountId: '111122223333',
  roleName: 'Admin',
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'SECRET/+=x',
  sessionToken: 'TOKEN+/=',
  expiration: new Date(8e12),
};
// botocore (where python3 has it) reads the file before and after every config run.
let botocore: BotocoreReader | undefined;
beforeAll(async () => (botocore = await startBotocoreReader()));
afterAll(() => botocore?.close());

describe('the lossless edit over generated files', () => {
  it('credentials: writing a new profile and removing it again gives back the very bytes; the SDK reads the rest as before', async () => {
    await fc.assert(
      fc.asyncProperty(file(CREDENTIAL_NAMES), async (bytes) => {
        const paths = await fresh();
        await writeFile(paths.credentialsFile, bytes);
        const store = new CredentialsFile({
          file: paths.credentialsFile,
          appDataDir: path.join(paths.homeDir, 'app'),
          homeDir: paths.homeDir,
        });
        const before = (await sdk(paths)).credentialsFile;
        try {
          await store.writeProfile('sso-tray-fuzz', credentials, { session: 'acme', keepFresh: false });
        } catch (error) {
          // Only a file nobody can parse is refused, and then it is left as it was.
          expect(isSsoTrayError(error, 'file-unreadable')).toBe(true);
          expect((await readFile(paths.credentialsFile)).equals(bytes)).toBe(true);
          return;
        }
        const after = (await sdk(paths)).credentialsFile;
        expect(after['sso-tray-fuzz']).toEqual({
          aws_access_key_id: 'AKIDEXAMPLE',
          aws_secret_access_key: 'SECRET/+=x',
          aws_session_token: 'TOKEN+/=',
        });
        expect(without(after, 'sso-tray-fuzz')).toEqual(before);
        await store.removeProfile('sso-tray-fuzz');
        expect((await readFile(paths.credentialsFile)).equals(bytes)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it(`config: writing \`dev\` or \`default\` leaves every other profile as the SDK and botocore read it, and theirs agree on it${WITHOUT_BOTOCORE}`, async () => {
    await fc.assert(
      fc.asyncProperty(file(CONFIG_NAMES), fc.constantFrom('dev', 'default'), async (bytes, profile) => {
        const paths = await fresh();
        await writeFile(paths.configFile, bytes);
        const before = (await sdk(paths)).configFile;
        const botoBefore = await botocore?.read(paths.configFile);
        try {
          await writeSsoProfile(paths, profile, {
            session: 'acme',
            accountId: '111122223333',
            roleName: 'Admin',
            region: 'us-east-1',
            overwrite: true,
          });
        } catch (error) {
          // Refused (unparseable file, or [default] beside [profile default]): nothing changed.
          expect(isSsoTrayError(error, 'file-unreadable') || isSsoTrayError(error, 'invalid-input')).toBe(
            true,
          );
          expect((await readFile(paths.configFile)).equals(bytes)).toBe(true);
          return;
        }
        const after = (await sdk(paths)).configFile;
        const wanted = {
          sso_session: 'acme',
          sso_account_id: '111122223333',
          sso_role_name: 'Admin',
          region: 'us-east-1',
        };
        expect(after[profile]).toEqual(wanted);
        expect(without(after, profile)).toEqual(without(before, profile));
        // Every comment, in any encoding, is still there byte for byte (not turned into U+FFFD).
        // Those inside the profile's own sections may go with its later duplicates, which the write removes.
        const text = (await readFile(paths.configFile)).toString('latin1');
        const own = profile === 'default' ? ['default', 'profile default'] : [`profile ${profile}`];
        let inOwn = false;
        for (const original of bytes.toString('latin1').split(/\r?\n/)) {
          const header = /^\s*\[(.*)\]\s*$/.exec(original);
          if (header) inOwn = own.includes(header[1] ?? '');
          else if (/^[#;]/.test(original) && !inOwn) expect(text).toContain(original);
        }
        const botoAfter = await botocore?.read(paths.configFile);
        if (!botoAfter || !botoBefore || 'error' in botoBefore) return;
        expect(botoAfter).toMatchObject({ profiles: { [profile]: wanted } });
        expect(botoOthers(botoAfter, profile)).toEqual(botoOthers(botoBefore, profile));
      }),
      { numRuns: 150 },
    );
  });
});
