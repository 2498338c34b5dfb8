// Role credentials of a session: from memory while valid beyond the 15-minute window, then the AWS CLI's cache
// (when sharing), then GetRoleCredentials; forgotten everywhere on sign-out.
import path from 'node:path';
import { getRoleCredentials } from '../identity-center/get-role-credentials.js';
import { RoleCredentialsCache } from '../identity-center/role-credentials-cache.js';
import { RoleCredentialsFileCache } from './role-credentials-file-cache.js';
import { ROLE_CREDENTIALS_WINDOW_MS } from './role-credentials-window.js';
import { withToken } from '../session/portal-call.js';
import type { CoreParts, RoleRef } from '../assembly/shared-parts.js';
import type { SessionRegistry } from '../session/session-registry.js';
import type { TokenStore } from '../session/token-store.js';
import type { RoleCredentials, SessionConfig } from '../shapes/aws-shapes.js';

export class RoleCredentialsSource {
  private readonly inMemory: RoleCredentialsCache;
  private readonly onDisk: RoleCredentialsFileCache;

  constructor(
    private readonly parts: CoreParts,
    private readonly registry: SessionRegistry,
    private readonly tokens: TokenStore,
  ) {
    this.inMemory = new RoleCredentialsCache(parts.clock);
    this.onDisk = new RoleCredentialsFileCache(
      path.join(parts.options.paths.homeDir, '.aws', 'cli', 'cache'),
    );
  }

  async get(role: RoleRef): Promise<RoleCredentials> {
    const { clock, options } = this.parts;
    const runtime = this.registry.get(role.session);
    // Signed out here or by `aws sso logout`: no cache of the session answers without a token.
    await runtime.validToken();
    const key = { session: runtime.config.name, accountId: role.accountId, roleName: role.roleName };
    return this.inMemory.get(key, async () => {
      if (this.tokens.sharing) {
        const cached = await this.onDisk.read(
          runtime.config,
          role.accountId,
          role.roleName,
          clock.now(),
          ROLE_CREDENTIALS_WINDOW_MS,
        );
        if (cached) return cached;
      }
      const fresh = await withToken(
        runtime,
        `get credentials for ${role.roleName} in ${role.accountId}`,
        (token) =>
          getRoleCredentials(runtime.config, token, role.accountId, role.roleName, {
            endpoints: options.endpoints ?? {},
            clock,
          }),
      );
      if (this.tokens.sharing) await this.onDisk.write(runtime.config, fresh);
      return fresh;
    });
  }

  /** Fresh credentials for a role whose cached ones a service refused: memory and the AWS CLI's cache forgotten first. */
  async renew(role: RoleRef): Promise<RoleCredentials> {
    const runtime = this.registry.get(role.session);
    this.inMemory.forget({
      session: runtime.config.name,
      accountId: role.accountId,
      roleName: role.roleName,
    });
    if (this.tokens.sharing) await this.onDisk.remove(runtime.config, role.accountId, role.roleName);
    return this.get(role);
  }

  /** Every cached credential of the session goes, the AWS CLI's entries for any of these accounts and roles too. */
  async forget(session: SessionConfig, roles: Array<{ accountId: string; roleName: string }>): Promise<void> {
    this.inMemory.clearSession(session.name);
    await this.onDisk.removeSession(
      session,
      roles.map((r) => r.accountId),
      roles.map((r) => r.roleName),
    );
  }
}
