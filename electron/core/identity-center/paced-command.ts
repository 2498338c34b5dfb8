// A listing's role call with the pacer inside the SDK's retry loop: the pacer hears every attempt's answer (a 429
// included, which the standard retry would otherwise ride out unseen) and spaces every attempt, retries included.
import type { ListAccountRolesCommand } from '@aws-sdk/client-sso';
import type { ListingPacer } from './listing-pacer.js';
import { serviceErrorOf } from './service-errors.js';
import type { Clock } from '../clock.js';

const THROTTLED = new Set(['TooManyRequestsException', 'ThrottlingException']);

export interface PacedTicket {
  /** Whether the scheduler counted the next attempt on the wire when it sent it; used up by that attempt. */
  counted: boolean;
  /** The call's deadline: told of every answer (any status), and paused while the call waits for the pacer's turn. */
  deadline?: { answered(): void; pause(): void };
}

export function paced(
  command: ListAccountRolesCommand,
  call: { pacer?: ListingPacer; deps: { clock: Clock }; signal: AbortSignal | undefined },
  ticket: PacedTicket,
): ListAccountRolesCommand {
  const { pacer, signal } = call;
  if (!pacer) return command;
  const { clock } = call.deps;
  // The deserialize step runs inside retryMiddleware (step finalizeRequest): once per attempt.
  command.middlewareStack.add(
    (next) => async (args) => {
      // Every attempt waits for its turn at the rate right before the wire, so the spacing the service sees is the
      // pacer's (a wait earlier on the call's path let a retry follow a first attempt by less than the interval).
      const counted = ticket.counted;
      ticket.counted = false;
      ticket.deadline?.pause();
      await pacer.slot(signal);
      ticket.deadline?.answered();
      // The scheduler counted a first attempt on the wire when it started the call.
      if (!counted) pacer.sent();
      const started = clock.now();
      try {
        const answer = await next(args);
        ticket.deadline?.answered();
        pacer.answered(clock.now() - started);
        return answer;
      } catch (error) {
        const service = serviceErrorOf(error);
        if (service?.status !== undefined) ticket.deadline?.answered();
        if (service && (service.status === 429 || THROTTLED.has(service.name))) pacer.throttle();
        else pacer.failed();
        throw error;
      }
    },
    { step: 'deserialize', name: 'listingPacer', priority: 'high' },
  );
  return command;
}
