// Signing in to Identity Center: PKCE in the system browser, device code as the fallback or on request.
import type { SessionConfig, SsoToken } from '../shapes/aws-shapes.js';
import type { SignInFlow, SignInProgress } from '../shapes/front-end-shapes.js';
import { browserSignIn } from './browser-sign-in.js';
import type { SignInDeps } from './sign-in-deps.js';
import { deviceCodeSignIn } from './device-code-sign-in.js';
import { SignInGuard } from './sign-in-guard.js';

export interface SignInOptions {
  flow: SignInFlow;
  signal?: AbortSignal;
  onProgress?: (progress: SignInProgress) => void;
  /** How long the browser approval may take; default 10 minutes. */
  timeoutMs?: number;
  /** Default true. */
  fallbackToDeviceCode?: boolean;
}

const SIGN_IN_TIMEOUT_MS = 10 * 60_000;

/** Signs in and writes the token to deps.cache before returning it. */
export async function signIn(
  session: SessionConfig,
  options: SignInOptions,
  deps: SignInDeps,
): Promise<SsoToken> {
  const onProgress = options.onProgress ?? (() => undefined);
  const fallback = options.fallbackToDeviceCode ?? true;
  const guard = new SignInGuard(session, deps.clock, options.signal);
  try {
    let token: SsoToken | 'no-browser' = 'no-browser';
    // Without a browser opener and with the fallback allowed, PKCE has nobody to send the URL to.
    if (options.flow === 'browser' && (deps.openBrowser || !fallback)) {
      token = await browserSignIn(
        session,
        {
          guard,
          onProgress,
          timeoutMs: options.timeoutMs ?? SIGN_IN_TIMEOUT_MS,
          giveUpWithoutBrowser: fallback,
        },
        deps,
      );
    }
    if (token === 'no-browser') {
      const browserFailed = options.flow === 'browser';
      token = await deviceCodeSignIn(
        session,
        {
          guard,
          onProgress,
          ...(browserFailed || !deps.openBrowser ? {} : { openBrowser: deps.openBrowser }),
          ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
        },
        deps,
      );
    }
    await deps.cache.writeToken(session, token);
    return token;
  } finally {
    guard.dispose();
  }
}
