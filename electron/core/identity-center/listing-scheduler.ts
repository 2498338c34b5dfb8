// Which account's roles to ask for next: a priority queue fed as account pages arrive. What the user asked for goes
// first, then favourites and recent, then the rest in page order. The most urgent job starts whenever the pacer has
// room for another call (a few at a limit), and its attempts wait their turn at the rate (paced-command.ts), so a request
// made while the listing saturates a limit waits behind only those few.
import { MAX_CONCURRENCY, type ListingPacer } from './listing-pacer.js';

/** 0: the user is waiting for it; 1: a favourite or recent account; 2: the background listing. */
export type Urgency = 0 | 1 | 2;

interface Job {
  accountId: string;
  urgency: Urgency;
  roles: Promise<string[]>;
  resolve(roles: string[]): void;
  reject(error: unknown): void;
  started: boolean;
  /** Queued by the listing itself: its failure is the listing's; a user's request for another account fails alone. */
  listed: boolean;
}

export class RoleScheduler {
  private readonly queues: Job[][] = [[], [], []];
  private readonly jobs = new Map<string, Job>();
  private inFlight = 0;
  private closed = false;
  private failure: { error: unknown } | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly pacer: ListingPacer,
    private readonly listRoles: (accountId: string) => Promise<string[]>,
  ) {
    pacer.onRoom = () => this.poke();
  }

  /** The account's roles, queued at `urgency` (raised if it waits at a lower one). */
  roles(accountId: string, urgency: Urgency): Promise<string[]> {
    const known = this.jobs.get(accountId);
    if (known) {
      known.listed ||= urgency > 0;
      if (!known.started && urgency < known.urgency) {
        const queue = this.queues[known.urgency]!;
        queue.splice(queue.indexOf(known), 1);
        known.urgency = urgency;
        this.queues[urgency]!.push(known);
        this.poke();
      }
      return known.roles;
    }
    let resolve!: (roles: string[]) => void;
    let reject!: (error: unknown) => void;
    const roles = new Promise<string[]>((res, rej) => ((resolve = res), (reject = rej)));
    // A failure reaches whoever awaits; the listing's own jobs are not left as unhandled rejections.
    roles.catch(() => undefined);
    const job: Job = { accountId, urgency, roles, resolve, reject, started: false, listed: urgency > 0 };
    if (this.failure) job.reject(this.failure.error);
    else {
      this.jobs.set(accountId, job);
      this.queues[urgency]!.push(job);
      this.poke();
    }
    return roles;
  }

  /** No more accounts will come from the listing; run() ends when the queue is empty. */
  close(): void {
    this.closed = true;
    this.poke();
  }

  /** The listing failed elsewhere (its account pages): nothing more is sent, and every waiting request hears why. */
  fail(error: unknown): void {
    this.failure ??= { error };
    for (const waiting of this.queues.flat()) waiting.reject(error);
    this.closed = true;
    this.poke();
  }

  /** Sends the queued calls until the queue is empty and closed, or the first failure (which it throws). */
  async run(): Promise<void> {
    for (;;) {
      if (this.failure) throw this.failure.error;
      const waiting = this.queues.some((q) => q.length > 0);
      if (!waiting && this.closed && this.inFlight === 0) return;
      // Calls waiting out a retry delay hold no room on the wire, but never more than twice the most in flight.
      if (!waiting || !this.pacer.hasRoom() || this.inFlight >= 2 * MAX_CONCURRENCY) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      const job = this.queues.find((q) => q.length > 0)?.shift();
      if (!job) continue;
      this.start(job);
    }
  }

  private start(job: Job): void {
    job.started = true;
    this.inFlight += 1;
    this.pacer.sent();
    this.listRoles(job.accountId)
      .then(job.resolve, (error: unknown) => {
        job.reject(error);
        if (job.listed) this.fail(error);
      })
      .finally(() => {
        this.inFlight -= 1;
        this.poke();
      });
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
