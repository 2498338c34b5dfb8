// Real-world config files (aws-files/corpus: comments, [sso-session]s, nested `s3 =` blocks, botocore-only lines,
// duplicates), also with CRLF endings and without a final newline: every byte outside the block stays, and the SDK
// reads every section outside it as before.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountWithRoles } from '../shapes/front-end-shapes.js';
import { syncConfigProfiles } from './config-sync.js';
import type { SyncOptions } from './sync-plan.js';

const CORPUS = path.join(import.meta.dirname, '..', 'aws-files', 'corpus');
const files = readdirSync(CORPUS).filter((name) => name.startsWith('config-') && name.endsWith('.ini'));
const variants = files.flatMap((name) => {
  const text = readFileSync(path.join(CORPUS, name), 'utf8');
  return [
    [name, text],
    [`${name} with CRLF`, text.replace(/\r?\n/g, '\r\n')],
    [`${name} without a final newline`, text.replace(/\r?\n$/, '')],
  ] as Array<[string, string]>;
});

const accounts: AccountWithRoles[] = [
  {
    accountId: '111122223333',
    accountName: 'payments prod',
    emailAddress: 'p@example.com',
    roles: ['ReadOnlyAccess', 'Billing'],
  },
  {
    accountId: '444455556666',
    accountName: 'search',
    emailAddress: 's@example.com',
    roles: ['ReadOnlyAccess'],
  },
];
const processCommand = (r: { accountId: string; roleName: string; session: string }) =>
  `sso-tray process ${r.accountId} ${r.roleName} --session ${r.session}`;
const options: SyncOptions = { session: 'acme', kind: 'process', processCommand, region: 'eu-west-1' };

let home: string;
let configFile: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'config-sync-corpus-'));
  configFile = path.join(home, '.aws', 'config');
  await mkdir(path.dirname(configFile), { recursive: true });
});
afterEach(() => rm(home, { recursive: true, force: true }));

const sdkView = async () => {
  const { configFile: sections } = await loadSharedConfigFiles({
    filepath: path.join(home, 'none'),
    configFilepath: configFile,
    ignoreCache: true,
  });
  return sections;
};
const generatedNames = ['payments-prod.Billing', 'payments-prod.ReadOnlyAccess', 'search.ReadOnlyAccess'];
const withoutGenerated = (view: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(view).filter(([key]) => !generatedNames.includes(key)));
const sync = (extra: Partial<SyncOptions> = {}, list = accounts) =>
  syncConfigProfiles({ configFile, homeDir: home }, list, { ...options, ...extra });

describe.each(variants)('%s', (_name, original) => {
  it('keeps every byte before the block, and the SDK reads the other sections as before', async () => {
    await writeFile(configFile, original);
    const before = await sdkView();
    await sync();
    const text = await readFile(configFile, 'utf8');
    const eol = original.includes('\r\n') ? '\r\n' : '\n';
    const head = /\r?\n$/.test(original) ? original : original + eol;
    expect(text.startsWith(head)).toBe(true);
    expect(text.slice(head.length)).toMatch(new RegExp(`^(${eol})?# >>> sso-tray config sync \\[acme\\]`));
    expect(
      text
        .split(eol)
        .slice(0, -1)
        .every((line) => !line.includes('\r') && !line.includes('\n')),
    ).toBe(true);
    const after = await sdkView();
    expect(withoutGenerated(after)).toEqual(before);
    expect(after['search.ReadOnlyAccess']).toEqual({
      credential_process: 'sso-tray process 444455556666 ReadOnlyAccess --session acme',
      region: 'eu-west-1',
    });
  });

  it('keeps what the user wrote after the block byte for byte through a change and a prune', async () => {
    await writeFile(configFile, original);
    await sync();
    const after = `${eol(original)}# added later by hand${eol(original)}[profile later]${eol(original)}region = sa-east-1${eol(original)}`;
    const withTail = (await readFile(configFile, 'utf8')) + after;
    await writeFile(configFile, withTail);
    const head = withTail.slice(0, withTail.indexOf('# >>> sso-tray'));
    const tail = withTail.slice(withTail.indexOf('# <<< sso-tray'));

    await sync({ region: 'us-west-2' });
    const changed = await readFile(configFile, 'utf8');
    expect([
      changed.startsWith(head),
      changed.endsWith(tail),
      changed.includes('region = us-west-2'),
    ]).toEqual([true, true, true]);

    await sync({ prune: true }, []);
    expect(await readFile(configFile, 'utf8')).toBe(
      head + tail.slice(tail.indexOf(eol(original)) + eol(original).length),
    );
  });
});

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
