// Role credentials on disk in the AWS CLI's own cache (~/.aws/cli/cache, docs/aws-files-and-protocols.md), so a credential_process
// call answers without a network call while they are valid, the AWS CLI reuses them, and `aws sso logout` clears them.
import { createHash } from 'node:crypto';
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../aws-files/atomic-write.js';
import type { RoleCredentials, SessionConfig } from '../shapes/aws-shapes.js';

type SessionKey = Pick<SessionConfig, 'name' | 'startUrl' | 'source'>;

/** Python's json.dumps(…, sort_keys=True, separators=(",", ":")) of botocore's SSO cache key, hashed with sha1. */
function cacheKeyOf(
  form: 'sessionName' | 'startUrl',
  value: string,
  accountId: string,
  roleName: string,
): string {
  const args = `{"accountId":${JSON.stringify(accountId)},"roleName":${JSON.stringify(roleName)},"${form}":${JSON.stringify(value)}}`;
  return createHash('sha1').update(args, 'utf8').digest('hex');
}

// botocore's SSOCredentialFetcher: a profile on an [sso-session] keys by sessionName, a legacy profile by startUrl.
function cliCredentialCacheKey(session: SessionKey, accountId: string, roleName: string): string {
  return session.source === 'legacy-profile'
    ? cacheKeyOf('startUrl', session.startUrl, accountId, roleName)
    : cacheKeyOf('sessionName', session.name, accountId, roleName);
}

function formatExpiration(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export class RoleCredentialsFileCache {
  constructor(private readonly dir: string) {}

  private file(session: SessionKey, accountId: string, roleName: string) {
    return path.join(this.dir, `${cliCredentialCacheKey(session, accountId, roleName)}.json`);
  }

  /** Credentials valid for at least `minValidityMs` more, or undefined (a missing or unreadable file is a miss). */
  async read(
    session: SessionKey,
    accountId: string,
    roleName: string,
    now: number,
    minValidityMs: number,
  ): Promise<RoleCredentials | undefined> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(this.file(session, accountId, roleName), 'utf8'));
    } catch {
      return undefined;
    }
    const entry = parsed as { ProviderType?: unknown; Credentials?: Record<string, unknown> };
    const c = entry.Credentials;
    if (entry.ProviderType !== 'sso' || !c) return undefined;
    const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = c;
    if (
      typeof AccessKeyId !== 'string' ||
      typeof SecretAccessKey !== 'string' ||
      typeof SessionToken !== 'string'
    ) {
      return undefined;
    }
    const expiration = new Date(String(Expiration).replace(/UTC$/, 'Z'));
    if (Number.isNaN(expiration.getTime()) || expiration.getTime() - now < minValidityMs) return undefined;
    return {
      accessKeyId: AccessKeyId,
      secretAccessKey: SecretAccessKey,
      sessionToken: SessionToken,
      expiration,
      accountId,
      roleName,
    };
  }

  async write(session: SessionKey, credentials: RoleCredentials) {
    const body = {
      ProviderType: 'sso',
      Credentials: {
        AccessKeyId: credentials.accessKeyId,
        SecretAccessKey: credentials.secretAccessKey,
        SessionToken: credentials.sessionToken,
        Expiration: formatExpiration(credentials.expiration),
        AccountId: credentials.accountId,
      },
    };
    await writeFileAtomic(
      this.file(session, credentials.accountId, credentials.roleName),
      JSON.stringify(body),
      {
        defaultMode: 0o600,
      },
    );
  }

  /** Removes one role's entry (its credentials were refused by a service). */
  async remove(session: SessionKey, accountId: string, roleName: string) {
    await rm(this.file(session, accountId, roleName), { force: true });
  }

  /**
   * Removes every entry the AWS CLI or SSO Tray cached for the session: keyed by its name or by its start URL (a
   * legacy profile on the same portal), for any known account and role. One readdir, then only the names that exist.
   */
  async removeSession(
    session: SessionKey,
    accountIds: Iterable<string>,
    roleNames: Iterable<string>,
  ): Promise<number> {
    const present = new Set(await readdir(this.dir).catch(() => [] as string[]));
    if (present.size === 0) return 0;
    const roles = [...new Set(roleNames)];
    let removed = 0;
    for (const accountId of new Set(accountIds)) {
      for (const roleName of roles) {
        for (const key of [
          cacheKeyOf('sessionName', session.name, accountId, roleName),
          cacheKeyOf('startUrl', session.startUrl, accountId, roleName),
        ]) {
          if (!present.has(`${key}.json`)) continue;
          await rm(path.join(this.dir, `${key}.json`), { force: true });
          removed += 1;
        }
      }
    }
    return removed;
  }
}
