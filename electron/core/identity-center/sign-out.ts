// Sign-out, as `aws sso logout` does it: Identity Center's Logout, then the cached token removed.
import type { SessionConfig, SsoToken } from '../types.js';
import { portalClient, ssoSdk } from './clients.js';
import { toUserError } from './service-errors.js';
import type { SignInDeps } from './sign-in-deps.js';

/**
 * Ends the session in Identity Center (an answer other than "unreachable" is ignored, like the CLI), then deletes
 * the cached token. When Identity Center cannot be reached the token is still deleted, and the network error thrown.
 */
export async function logout(
  session: SessionConfig,
  token: SsoToken | undefined,
  deps: SignInDeps,
): Promise<void> {
  let unreachable: Error | undefined;
  if (token?.accessToken) {
    try {
      // The token's own region: that is where the session lives (docs/aws-files-and-protocols.md, "Portal").
      const { LogoutCommand } = await ssoSdk();
      await (
        await portalClient(token.region || session.region, deps)
      ).send(new LogoutCommand({ accessToken: token.accessToken }));
    } catch (error) {
      const userError = toUserError(error, { session, action: 'sign out' });
      if (userError.code === 'network') unreachable = userError;
    }
  }
  await deps.cache.deleteToken(session);
  if (unreachable) throw unreachable;
}
