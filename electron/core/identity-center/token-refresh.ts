// Renews the access token with the refresh token (CreateToken refresh_token); never opens a browser.
import { SsoTrayError } from '../errors.js';
import type { SessionConfig, SsoToken } from '../shapes/aws-shapes.js';
import { oidcClient, oidcSdk } from './clients.js';
import { issuedToken } from './registration.js';
import { TOTAL_WAIT_MS, withinDeadline } from './call-deadline.js';
import { sentences, serviceErrorOf, toUserError } from './service-errors.js';
import type { SignInDeps } from './sign-in-deps.js';

// Answers meaning the refresh token, or the registration it belongs to, will never work again.
const ENDED = new Set([
  'InvalidGrantException',
  'ExpiredTokenException',
  'InvalidClientException',
  'UnauthorizedClientException',
  'AccessDeniedException',
  'InvalidRequestException',
]);

/** Writes the new token (with the rotated refresh token) to the cache; 'session-ended' when it cannot be renewed. */
export async function refreshAccessToken(
  session: SessionConfig,
  token: SsoToken,
  deps: SignInDeps,
): Promise<SsoToken> {
  const ended = (cause?: unknown) =>
    new SsoTrayError('session-ended', sentences.sessionEnded(session), cause ? { cause } : undefined);
  const { clientId, clientSecret, refreshToken, registrationExpiresAt } = token;
  if (!clientId || !clientSecret || !refreshToken) throw ended();
  if (registrationExpiresAt && registrationExpiresAt.getTime() <= deps.clock.now()) throw ended();
  const { CreateTokenCommand } = await oidcSdk();
  const command = new CreateTokenCommand({
    clientId,
    clientSecret,
    grantType: 'refresh_token',
    refreshToken,
  });
  let answer;
  try {
    const client = await oidcClient(session.region, deps);
    answer = await withinDeadline(
      deps.totalWaitMs ?? TOTAL_WAIT_MS,
      undefined,
      (signal) => client.send(command, { abortSignal: signal }),
      (cause) => new SsoTrayError('service', sentences.timedOut(session, 'renew the sign-in'), { cause }),
    );
  } catch (error) {
    const name = serviceErrorOf(error)?.name;
    if (name && ENDED.has(name)) {
      // The loser of a race (the AWS CLI or another SSO Tray refreshed first and rotated the refresh token) finds
      // the winner's token in the shared cache: only when there is none did the sign-in really end.
      const winner = await deps.cache.readToken(session).catch(() => undefined);
      if (winner && winner.accessToken !== token.accessToken && winner.expiresAt.getTime() > deps.clock.now())
        return winner;
      throw ended(error);
    }
    throw toUserError(error, { session, action: 'renew the sign-in' });
  }
  let renewed: SsoToken;
  try {
    // A service that does not rotate refresh tokens leaves the current one valid.
    renewed = issuedToken(
      session,
      { clientId, clientSecret, expiresAt: registrationExpiresAt ?? new Date(0) },
      answer,
      deps.clock.now(),
      refreshToken,
    );
  } catch (error) {
    throw toUserError(error, { session, action: 'renew the sign-in' });
  }
  if (!registrationExpiresAt) delete renewed.registrationExpiresAt;
  await deps.cache.writeToken(session, renewed);
  return renewed;
}
