// Authorization code with PKCE: the system browser approves, Identity Center redirects to our 127.0.0.1 listener.
import { SsoTrayError } from '../errors.js';
import type { SessionConfig, SsoToken } from '../shapes/aws-shapes.js';
import { TOTAL_WAIT_MS, withinDeadline } from './call-deadline.js';
import type { Problem } from '../next-step.js';
import { oidcClient, oidcOrigin, oidcSdk } from './clients.js';
import { listenForCallback } from './loopback-callback.js';
import { authorizeUrl, createPkcePair, createState } from './pkce.js';
import { checkSignInPage } from './sign-in-page-address.js';
import { startCountdown } from './sign-in-countdown.js';
import { ensureRegistration, issuedToken, scopesFor } from './registration.js';
import { sentences, serviceErrorOf, toUserError } from './service-errors.js';
import type { SignInGuard } from './sign-in-guard.js';
import type { SignInDeps } from './sign-in-deps.js';
import type { SignInProgress } from '../shapes/front-end-shapes.js';

function within(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes >= 1) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const seconds = Math.max(1, Math.round(ms / 1000));
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

const browserSentences = {
  timedOut: (s: SessionConfig, ms: number): Problem => ({
    message: `Sign-in for ${s.name} was not completed in the browser within ${within(ms)}.`,
    next: { do: 'restart-sign-in', session: s.name },
  }),
  failed: (s: SessionConfig): Problem => ({
    message: `Identity Center did not complete the sign-in for ${s.name}.`,
    next: { do: 'restart-sign-in', session: s.name },
  }),
};

export interface BrowserFlowOptions {
  guard: SignInGuard;
  onProgress: (progress: SignInProgress) => void;
  timeoutMs: number;
  /** When the browser cannot be opened: true gives up (the caller falls back), false waits for the printed URL. */
  giveUpWithoutBrowser: boolean;
}

/** The token, or 'no-browser' when the browser could not be opened and the caller may fall back. */
export async function browserSignIn(
  session: SessionConfig,
  options: BrowserFlowOptions,
  deps: SignInDeps,
): Promise<SsoToken | 'no-browser'> {
  const { guard, onProgress } = options;
  onProgress({ step: 'registering' });
  const registration = await guard.race(
    ensureRegistration(session, 'browser', deps, { signal: guard.signal }),
  );
  const pkce = createPkcePair();
  const state = createState();
  const listener = await listenForCallback(state, session.name);
  try {
    const url = checkSignInPage(
      authorizeUrl({
        origin: await oidcOrigin(session.region, deps),
        clientId: registration.clientId,
        redirectUri: listener.redirectUri,
        state,
        scopes: scopesFor(session),
        challenge: pkce.challenge,
      }),
      session,
      deps.endpoints,
    );
    const expiresAt = deps.clock.now() + options.timeoutMs;
    guard.deadline(
      expiresAt,
      () => new SsoTrayError('sign-in-timed-out', browserSentences.timedOut(session, options.timeoutMs)),
    );
    onProgress({ step: 'open-browser', url, expiresAt: new Date(expiresAt) });
    let opened = false;
    if (deps.openBrowser) {
      opened = await guard.race(deps.openBrowser(url)).then(
        () => true,
        (error: unknown) => {
          if (guard.signal.aborted) throw error;
          return false;
        },
      );
    }
    if (!opened && options.giveUpWithoutBrowser) return 'no-browser';
    const countdown = startCountdown(deps.clock, expiresAt, onProgress);
    const outcome = await guard.race(listener.outcome).finally(() => countdown.stop());
    if (outcome.kind === 'denied')
      throw new SsoTrayError('sign-in-cancelled', sentences.signInDenied(session));
    if (outcome.kind === 'error') throw new SsoTrayError('sign-in-failed', browserSentences.failed(session));
    onProgress({ step: 'creating-token' });
    const { CreateTokenCommand } = await oidcSdk();
    const command = new CreateTokenCommand({
      clientId: registration.clientId,
      clientSecret: registration.clientSecret,
      grantType: 'authorization_code',
      code: outcome.code,
      redirectUri: listener.redirectUri,
      codeVerifier: pkce.verifier,
    });
    try {
      const client = await oidcClient(session.region, deps);
      // A hung service ends the call after the user's total wait, retries included (call-deadline.ts).
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
      if (
        name === 'InvalidGrantException' ||
        name === 'InvalidClientException' ||
        name === 'AccessDeniedException'
      )
        throw new SsoTrayError('sign-in-failed', browserSentences.failed(session), { cause: error });
      throw toUserError(error, { session, action: 'finish the sign-in' });
    }
  } finally {
    await listener.close();
  }
}
