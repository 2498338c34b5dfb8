// The core's own costs: start with a cached 2,000-account listing (time and heap), and one profile updated in a
// credentials file of 500 profiles.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeSandbox } from '../../e2e/support/sandbox.js';
import { systemClock } from '../../electron/core/clock.js';
import { SsoTrayCore } from '../../electron/core/core.js';
import { CredentialsFile } from '../../electron/core/aws-files/credentials-file.js';
import { ListingCache } from '../../electron/core/accounts/listing-cache.js';
import { repeated, timed } from './measure.js';

export interface CoreFigures {
  coreStartMs: number;
  coreStartHeapMb: number;
  profileUpdateMs: number;
}

export async function coreFigures(options: { accounts: number; repeats: number }): Promise<CoreFigures> {
  const sandbox = await makeSandbox('http://127.0.0.1:9');
  try {
    const startUrl = 'https://d-0000000000.awsapps.com/start';
    await mkdir(path.dirname(sandbox.paths.configFile), { recursive: true });
    await writeFile(
      sandbox.paths.configFile,
      `[sso-session acme]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`,
    );
    await new ListingCache(path.join(sandbox.paths.appDataDir, 'accounts')).write({
      session: 'acme',
      startUrl,
      fetchedAt: new Date().toISOString(),
      accounts: Array.from({ length: options.accounts }, (_, i) => ({
        accountId: String(100000000000 + i * 7919),
        accountName: `team-${i}-${['dev', 'test', 'prod'][i % 3]}`,
        emailAddress: `aws+${i}@example.com`,
        roles: ['AdministratorAccess', 'ReadOnlyAccess', 'ViewOnlyAccess'],
      })),
    });
    let heap = 0;
    const coreStartMs = await repeated(options.repeats, async () => {
      const before = process.memoryUsage().heapUsed;
      const core = new SsoTrayCore({ paths: sandbox.paths });
      const ms = await timed(async () => {
        await core.start();
        const listing = await core.cachedAccounts('acme');
        if (listing?.accounts.length !== options.accounts) throw new Error('the cached listing was not read');
      });
      heap = Math.max(heap, process.memoryUsage().heapUsed - before);
      core.dispose();
      return ms;
    });

    const file = new CredentialsFile({
      file: sandbox.paths.credentialsFile,
      appDataDir: sandbox.paths.appDataDir,
      clock: systemClock,
    });
    const body = Array.from(
      { length: 500 },
      (_, i) =>
        `[user-${i}]\naws_access_key_id = AKIA${String(i).padStart(16, '0')}\naws_secret_access_key = ${'s'.repeat(40)}\n`,
    ).join('\n');
    await writeFile(sandbox.paths.credentialsFile, body, { mode: 0o600 });
    let n = 0;
    const credentials = () => ({
      accessKeyId: `ASIA${String(++n).padStart(16, '0')}`,
      secretAccessKey: 'x'.repeat(40),
      sessionToken: 'token'.repeat(60),
      expiration: new Date(Date.now() + 3600_000),
      accountId: '111122223333',
      roleName: 'ReadOnlyAccess',
    });
    const meta = { session: 'acme', keepFresh: false };
    await file.writeProfile('bench-profile', credentials(), meta);
    const profileUpdateMs = await repeated(options.repeats, () =>
      timed(() => file.writeProfile('bench-profile', credentials(), meta)),
    );
    return { coreStartMs, coreStartHeapMb: heap / 1024 / 1024, profileUpdateMs };
  } finally {
    await sandbox.cleanup();
  }
}
