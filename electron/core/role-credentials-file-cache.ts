// Role credentials on disk in the AWS CLI's own cache (~/.aws/cli/cache, reference §D.6), so a credential_process
// call answers without a network call while they are valid, the AWS CLI reuses them, and `aws sso logout` clears them.
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './aws-files/locked-write.js';
import type { RoleCredentials, SessionConfig } from './types.js';

/** Python's json.dumps(…, sort_keys=True, separators=(",", ":")) for the CLI's cache key. */
function cliCredentialCacheKey(
  session: Pick<SessionConfig, 'name' | 'startUrl' | 'source'>,
  accountId: string,
  roleName: string,
): string {
  const args =
    session.source === 'legacy-profile'
      ? `{"accountId":${JSON.stringify(accountId)},"roleName":${JSON.stringify(roleName)},"startUrl":${JSON.stringify(session.startUrl)}}`
      : `{"accountId":${JSON.stringify(accountId)},"roleName":${JSON.stringify(roleName)},"sessionName":${JSON.stringify(session.name)}}`;
  return createHash('sha1').update(args, 'utf8').digest('hex');
}

function formatExpiration(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export class RoleCredentialsFileCache {
  constructor(private readonly dir: string) {}

  private file(
    session: Pick<SessionConfig, 'name' | 'startUrl' | 'source'>,
    accountId: string,
    roleName: string,
  ) {
    return path.join(this.dir, `${cliCredentialCacheKey(session, accountId, roleName)}.json`);
  }

  /** Credentials valid for at least `minValidityMs` more, or undefined (a missing or unreadable file is a miss). */
  async read(
    session: Pick<SessionConfig, 'name' | 'startUrl' | 'source'>,
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

  async write(session: Pick<SessionConfig, 'name' | 'startUrl' | 'source'>, credentials: RoleCredentials) {
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

  /** Forgets one role's entry (sign-out removes those of the session's roles). */
  async remove(
    session: Pick<SessionConfig, 'name' | 'startUrl' | 'source'>,
    accountId: string,
    roleName: string,
  ) {
    await rm(this.file(session, accountId, roleName), { force: true });
  }
}
