// A listing's role call with the pacer inside the SDK's retry loop: the pacer hears every attempt's answer (a 429
// included, which the standard retry would otherwise ride out unseen) and spaces the retries like first attempts.
import type { ListAccountRolesCommand } from '@aws-sdk/client-sso';
import type { ListingPacer } from './listing-pacer.js';
import { serviceErrorOf } from './service-errors.js';
import type { Clock } from '../clock.js';

const THROTTLED = new Set(['TooManyRequestsException', 'ThrottlingException']);

export interface PacedTicket {
  /** Whether the scheduler counted the next attempt on the wire when it sent it; used up by that attempt. */
  counted: boolean;
  /** Told of every answer (any status): the call's deadline waits for answers, not for the pacer's spacing. */
  answered?: () => void;
}

export function paced(
  command: ListAccountRolesCommand,
  call: { pacer?: ListingPacer; deps: { clock: Clock }; signal: AbortSignal | undefined },
  ticket: PacedTicket,
): ListAccountRolesCommand {
  const { pacer, signal } = call;
  if (!pacer) return command;
  const { clock } = call.deps;
  let attempts = 0;
  // The deserialize step runs inside retryMiddleware (step finalizeRequest): once per attempt.
  command.middlewareStack.add(
    (next) => async (args) => {
      const attempt = attempts++;
      if (attempt > 0) await pacer.slot(signal);
      if (!ticket.counted) pacer.sent();
      ticket.counted = false;
      const started = clock.now();
      try {
        const answer = await next(args);
        ticket.answered?.();
        pacer.answered(clock.now() - started);
        return answer;
      } catch (error) {
        const service = serviceErrorOf(error);
        if (service?.status !== undefined) ticket.answered?.();
        if (service && (service.status === 429 || THROTTLED.has(service.name))) pacer.throttle();
        else pacer.failed();
        throw error;
      }
    },
    { step: 'deserialize', name: 'listingPacer', priority: 'high' },
  );
  return command;
}
