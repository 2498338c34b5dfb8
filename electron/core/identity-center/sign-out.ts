// Sign-out, as `aws sso logout` does it: Identity Center's Logout, then the cached token removed.
import type { SessionConfig, SsoToken } from '../shapes/aws-shapes.js';
import { portalClient, ssoSdk } from './clients.js';
import { sentences, toUserError } from './service-errors.js';
import { TOTAL_WAIT_MS, withinDeadline } from './call-deadline.js';
import { SsoTrayError } from '../errors.js';
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
      const client = await portalClient(token.region || session.region, deps);
      await withinDeadline(
        deps.totalWaitMs ?? TOTAL_WAIT_MS,
        undefined,
        (signal) =>
          client.send(new LogoutCommand({ accessToken: token.accessToken }), { abortSignal: signal }),
        (cause) => new SsoTrayError('service', sentences.timedOut(session, 'sign out'), { cause }),
      );
    } catch (error) {
      const userError = toUserError(error, { session, action: 'sign out' });
      if (userError.code === 'network') unreachable = userError;
    }
  }
  await deps.cache.deleteToken(session);
  if (unreachable) throw unreachable;
}
