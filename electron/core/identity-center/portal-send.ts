// One access-portal call: the SDK client, more rounds of retries for a listing the service has answered, one sentence.
import type * as Sso from '@aws-sdk/client-sso';
import type { SSOClient } from '@aws-sdk/client-sso';
import { setTimeout as delay } from 'node:timers/promises';
import type { SessionConfig, SsoToken } from '../shapes/aws-shapes.js';
import { portalClient, ssoSdk, type ServiceDeps } from './clients.js';
import type { ListingPacer } from './listing-pacer.js';
import {
  isDroppedConnection,
  sentences,
  serviceErrorOf,
  toUserError,
  type ErrorContext,
} from './service-errors.js';
import { CallDeadline, TOTAL_WAIT_MS } from './call-deadline.js';
import { LISTING_RETRY_CAP_MS } from './listing-retry.js';
import { SsoTrayError } from '../errors.js';

/** The access token, or the whole token: with it, a rejection can be told apart as a wrong region. */
export type PortalToken = string | SsoToken;

/** What one call of a listing cost: attempts sent (all rounds) and the back-off waited between them. */
export interface CallFigures {
  action: string;
  attempts: number;
  backoffMs: number;
}

/** A listing's state shared by its calls. */
interface ListingState {
  /** Identity Center has answered one of the listing's calls: a failed call is tried again (LISTING_ROUNDS). */
  answered: boolean;
  /** Told of each call once it ends (answered or failed): the listing's figures, for the caller. */
  onCall?: (figures: CallFigures) => void;
}

export interface PortalCall {
  session: SessionConfig;
  token: PortalToken;
  deps: ServiceDeps;
  signal: AbortSignal | undefined;
  /** A listing: once Identity Center has answered any of its calls, a failed call is tried again (LISTING_ROUNDS). */
  listing?: ListingState;
  /** Role calls of a listing: the pacer sees each attempt's answer and spaces the SDK's retries. */
  pacer?: ListingPacer;
}

/**
 * Rounds of the SDK's attempts a listing call gets once the service has answered: 30% faults fail 5 attempts in a
 * row 0.24% of the time, so 500 accounts lost a listing most runs; 4 rounds make it ~3e-11 a call. A dead network
 * never answers, so it is still reported after the first round.
 */
const LISTING_ROUNDS = 4;
const RETRYABLE = new Set(['throttled', 'service', 'network']);

export const accessTokenOf = (token: PortalToken): string =>
  typeof token === 'string' ? token : token.accessToken;

/** The SDK's own count of one call's attempts and retry delay, on its output or its error (ResponseMetadata). */
function sdkFigures(outcome: unknown): { attempts: number; totalRetryDelay: number } {
  const metadata =
    typeof outcome === 'object' && outcome !== null && '$metadata' in outcome
      ? (outcome.$metadata as { attempts?: number; totalRetryDelay?: number } | undefined)
      : undefined;
  return { attempts: metadata?.attempts ?? 1, totalRetryDelay: metadata?.totalRetryDelay ?? 0 };
}

/** Runs one operation on the session's portal client; a failure becomes the SsoTrayError a user reads. */
export async function sendToPortal<T>(
  call: PortalCall,
  context: Omit<ErrorContext, 'session'>,
  /** `signal` ends the call (the caller's, or the deadline's); `deadline` hears the service's answers and our pacing. */
  run: (c: SSOClient, sdk: typeof Sso, signal: AbortSignal, deadline: CallDeadline) => Promise<T>,
): Promise<T> {
  const figures: CallFigures = { action: context.action, attempts: 0, backoffMs: 0 };
  const count = (outcome: unknown) => {
    const sdk = sdkFigures(outcome);
    figures.attempts += sdk.attempts;
    figures.backoffMs += sdk.totalRetryDelay;
  };
  const report = () => call.listing?.onCall?.(figures);
  let round = 1;
  for (;;) {
    const deadline = new CallDeadline(call.deps.totalWaitMs ?? TOTAL_WAIT_MS);
    const signal = call.signal ? AbortSignal.any([call.signal, deadline.signal]) : deadline.signal;
    try {
      const client = await portalClient(call.session.region, call.deps, call.listing ? 'listing' : 'call');
      const result = await run(client, await ssoSdk(), signal, deadline);
      if (call.listing) call.listing.answered = true;
      count(result);
      report();
      return result;
    } catch (error) {
      count(error);
      // A caller who cancels gets its own reason back, not a sentence about the network.
      if (call.signal?.aborted) throw call.signal.reason;
      // No answer within the user's wait, retries included: the sentence for a service that does not answer.
      if (deadline.expired)
        throw new SsoTrayError('service', sentences.timedOut(call.session, context.action), { cause: error });
      // An HTTP answer, or a connection accepted and then dropped: Identity Center is there, just failing.
      if (call.listing && (serviceErrorOf(error)?.status !== undefined || isDroppedConnection(error)))
        call.listing.answered = true;
      const token = typeof call.token === 'string' ? {} : { token: call.token };
      const answered = call.listing?.answered ?? false;
      const userError = toUserError(error, {
        session: call.session,
        ...context,
        ...token,
        serviceAnswered: answered,
      });
      // A paced call that met only throttling keeps its place: the service answers, at its pace, and the pacer
      // (listing-pacer.ts) ends the listing once nothing has got through for the user's whole wait.
      const keepsPlace = call.pacer !== undefined && userError.code === 'throttled';
      if (!answered || (!keepsPlace && round >= LISTING_ROUNDS) || !RETRYABLE.has(userError.code)) {
        report();
        throw userError;
      }
      if (!keepsPlace) round += 1;
      // Full jitter over a window growing each round, so calls that failed together do not come back together;
      // short, as within a round (listing-retry.ts): the pacer holds a real limit.
      const wait = Math.random() * LISTING_RETRY_CAP_MS * round;
      figures.backoffMs += wait;
      await delay(wait, undefined, { signal: call.signal }).catch(() => {
        throw call.signal?.reason ?? userError;
      });
    } finally {
      deadline.dispose();
    }
  }
}
