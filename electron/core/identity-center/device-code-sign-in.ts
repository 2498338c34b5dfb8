// Device code sign-in: the user approves a code in any browser while we poll, as `aws sso login --use-device-code` does.
import type { StartDeviceAuthorizationCommandOutput } from '@aws-sdk/client-sso-oidc';
import { SsoTrayError } from '../errors.js';
import type { ClientRegistration, SessionConfig, SsoToken } from '../shapes/aws-shapes.js';
import { TOTAL_WAIT_MS, withinDeadline } from './call-deadline.js';
import { oidcClient, oidcSdk } from './clients.js';
import { DEVICE_CODE_GRANT, ensureRegistration, issuedToken } from './registration.js';
import { sentences, serviceErrorOf, toUserError } from './service-errors.js';
import type { SignInGuard } from './sign-in-guard.js';
import type { SignInDeps } from './sign-in-deps.js';
import { checkSignInPage } from './sign-in-page-address.js';
import type { SignInProgress } from '../shapes/front-end-shapes.js';

/** The interval when the service gives none, and what each SlowDown adds (RFC 8628 §3.5, https://www.rfc-editor.org/rfc/rfc8628#section-3.5). */
const DEFAULT_INTERVAL_SECONDS = 5;
const SLOW_DOWN_SECONDS = 5;

export interface DeviceFlowOptions {
  guard: SignInGuard;
  onProgress: (progress: SignInProgress) => void;
  /** Opens verificationUriComplete; absent when no browser can be opened. */
  openBrowser?: (url: string) => Promise<void>;
  /** A local limit shorter than the code's own lifetime. */
  timeoutMs?: number;
}

async function startAuthorization(
  session: SessionConfig,
  deps: SignInDeps,
  guard: SignInGuard,
): Promise<{ registration: ClientRegistration; started: StartDeviceAuthorizationCommandOutput }> {
  const action = { session, action: 'start the sign-in', startUrlInRequest: true };
  for (const forceNew of [false, true]) {
    const registration = await guard.race(
      ensureRegistration(session, 'device-code', deps, { signal: guard.signal, forceNew }),
    );
    try {
      const { StartDeviceAuthorizationCommand } = await oidcSdk();
      const command = new StartDeviceAuthorizationCommand({
        clientId: registration.clientId,
        clientSecret: registration.clientSecret,
        startUrl: session.startUrl,
      });
      const client = await oidcClient(session.region, deps);
      // A hung service ends the call after the user's total wait, retries included (call-deadline.ts).
      const started = await guard.race(
        withinDeadline(
          deps.totalWaitMs ?? TOTAL_WAIT_MS,
          guard.signal,
          (signal) => client.send(command, { abortSignal: signal }),
          (cause) => new SsoTrayError('service', sentences.timedOut(session, action.action), { cause }),
        ),
      );
      return { registration, started };
    } catch (error) {
      // A cached registration the service no longer knows is replaced once.
      const name = serviceErrorOf(error)?.name;
      if (forceNew || (name !== 'InvalidClientException' && name !== 'UnauthorizedClientException'))
        throw toUserError(error, action);
    }
  }
  throw new SsoTrayError('internal', 'unreachable');
}

export async function deviceCodeSignIn(
  session: SessionConfig,
  options: DeviceFlowOptions,
  deps: SignInDeps,
): Promise<SsoToken> {
  const { guard, onProgress } = options;
  onProgress({ step: 'registering' });
  const { registration, started } = await startAuthorization(session, deps, guard);
  const { deviceCode, userCode } = started;
  if (!deviceCode || !userCode || !started.verificationUri)
    throw toUserError(new Error('incomplete answer'), { session, action: 'start the sign-in' });
  // The addresses are shown and opened: only Identity Center's own pages (sign-in-page-address.ts).
  const verificationUri = checkSignInPage(started.verificationUri, session, deps.endpoints);
  const verificationUriComplete = checkSignInPage(
    started.verificationUriComplete ?? verificationUri,
    session,
    deps.endpoints,
  );
  const startedAt = deps.clock.now();
  let expiresAtMs = startedAt + (started.expiresIn ?? 600) * 1000;
  if (options.timeoutMs !== undefined) expiresAtMs = Math.min(expiresAtMs, startedAt + options.timeoutMs);
  guard.deadline(
    expiresAtMs,
    () => new SsoTrayError('sign-in-timed-out', sentences.deviceCodeExpired(session)),
  );
  let intervalSeconds = started.interval ?? DEFAULT_INTERVAL_SECONDS;

  const poll = async (): Promise<SsoToken | 'pending'> => {
    const { CreateTokenCommand } = await oidcSdk();
    const command = new CreateTokenCommand({
      clientId: registration.clientId,
      clientSecret: registration.clientSecret,
      grantType: DEVICE_CODE_GRANT,
      deviceCode,
    });
    try {
      const client = await oidcClient(session.region, deps);
      // Each poll, its retries included, within the user's total wait for a hung service; the code's expiry (the
      // guard's deadline) still bounds the whole sign-in.
      const answer = await guard.race(
        withinDeadline(
          deps.totalWaitMs ?? TOTAL_WAIT_MS,
          guard.signal,
          (signal) => client.send(command, { abortSignal: signal }),
          (cause) =>
            new SsoTrayError('service', sentences.timedOut(session, 'finish the sign-in'), { cause }),
        ),
      );
      return issuedToken(session, registration, answer, deps.clock.now());
    } catch (error) {
      const name = serviceErrorOf(error)?.name;
      if (name === 'AuthorizationPendingException') return 'pending';
      if (name === 'SlowDownException') {
        intervalSeconds += SLOW_DOWN_SECONDS;
        return 'pending';
      }
      if (name === 'ExpiredTokenException')
        throw new SsoTrayError('sign-in-timed-out', sentences.deviceCodeExpired(session), { cause: error });
      if (name === 'AccessDeniedException')
        throw new SsoTrayError('sign-in-cancelled', sentences.signInDenied(session), { cause: error });
      throw toUserError(error, { session, action: 'finish the sign-in' });
    }
  };

  // One attempt before showing the code: a pre-approved request needs no user at all.
  let result = await poll();
  if (result !== 'pending') return result;
  onProgress({
    step: 'device-code',
    userCode,
    verificationUri,
    verificationUriComplete,
    expiresAt: new Date(expiresAtMs),
    intervalSeconds,
  });
  if (options.openBrowser && started.verificationUriComplete) {
    // The code is on screen either way; a browser that does not open is not a failure.
    await guard.race(options.openBrowser(verificationUriComplete)).catch((error: unknown) => {
      if (guard.signal.aborted) throw error;
    });
  }
  for (;;) {
    onProgress({
      step: 'waiting',
      secondsLeft: Math.max(0, Math.ceil((expiresAtMs - deps.clock.now()) / 1000)),
    });
    await guard.sleep(intervalSeconds * 1000);
    result = await poll();
    if (result !== 'pending') return result;
  }
}
