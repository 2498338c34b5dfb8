// One writer at a time per file (proper-lockfile), and replacement that leaves the old or the new file, never a part.
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileSystemError, SsoTrayError } from '../errors.js';
import { writeTarget } from './atomic-write.js';
import { fileLabel } from './file-label.js';
import { trackWrite } from './writes-in-flight.js';

export { writeFileAtomic } from './atomic-write.js';

export interface LockOptions {
  /** How long to wait for another program's writer (default WAIT_MS); our own writers in this process queue instead. */
  waitMs?: number;
  /** A lock untouched this long belongs to a writer that died (default 5 s; proper-lockfile's minimum is 2 s). */
  staleMs?: number;
}

/**
 * Long enough that SSO Tray's own processes never give up on each other (16 processes writing one file 30 times
 * each wait at most a few seconds: lock-fairness.stress.test.ts), short enough to say so when a program hangs on it.
 */
const WAIT_MS = 60_000;
/** A new waiter polls every ~80 ms; each poll shortens the next by 3% down to 5 ms, so the longest waiter polls most. */
const FIRST_POLL_MS = 80;
const POLL_DECAY = 0.97;
const FASTEST_POLL_MS = 5;

/** This process's writers of each (real) file, in arrival order: they take turns here, never racing for the lock. */
const turns = new Map<string, Promise<void>>();

/** Waits for this process's earlier writers of `target`; returns the function that lets the next one go. */
async function takeTurn(target: string): Promise<() => void> {
  const before = turns.get(target) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((resolve) => (done = resolve));
  const tail = before.then(() => mine);
  turns.set(target, tail);
  await before;
  return () => {
    done();
    if (turns.get(target) === tail) turns.delete(target);
  };
}

/**
 * Runs `fn` holding `${real file}.lock` (a missing file can be locked too; a symlink and its target share one lock).
 * Writers in this process take turns (FIFO); other processes' are waited for, the longest waiter polling the most
 * often, up to `waitMs`, then SsoTrayError('file-busy'). The AWS CLI does not lock, but every SSO Tray process and
 * `credential_process` does.
 */
export function withFileLock<T>(file: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  // Joined now, before anything is awaited: this process's writers of a path run in the order they were called (the
  // real file's name, resolved below, could come back in any order).
  const turn = takeTurn(`path:${path.resolve(file)}`);
  return trackWrite(holdingLock(file, fn, options, turn));
}

async function holdingLock<T>(
  file: string,
  fn: () => Promise<T>,
  options: LockOptions,
  turn: Promise<() => void>,
): Promise<T> {
  const nextOfPath = await turn;
  try {
    const target = await writeTarget(file).catch((error: unknown) => {
      throw fileSystemError(error, fileLabel(file), 'lock');
    });
    // Another path to the same file (a symlink) takes turns here too, rather than polling our own lock.
    const next = await takeTurn(target);
    try {
      return await lockedRun(file, target, fn, options);
    } finally {
      next();
    }
  } finally {
    nextOfPath();
  }
}

async function lockedRun<T>(
  file: string,
  target: string,
  fn: () => Promise<T>,
  options: LockOptions,
): Promise<T> {
  const waitMs = options.waitMs ?? WAIT_MS;
  const busy = () =>
    new SsoTrayError(
      'file-busy',
      `${fileLabel(file)} stayed locked by another program for ${waitMs >= 1000 ? `${Math.round(waitMs / 1000)} s` : `${waitMs} ms`} (the lock is ${target}.lock); close that program, or remove the lock if none is running, and try again.`,
    );
  // Loaded by the first write, not by every command that only reads: it loads graceful-fs, which patches node:fs.
  const { default: lockfile } = await import('proper-lockfile');
  let compromised = false;
  let release: (() => Promise<void>) | undefined;
  const giveUpAt = Date.now() + waitMs;
  for (let poll = FIRST_POLL_MS; !release; poll = Math.max(FASTEST_POLL_MS, poll * POLL_DECAY)) {
    try {
      release = await lockfile.lock(target, {
        realpath: false,
        stale: options.staleMs ?? 5_000,
        // The wait is ours (above): proper-lockfile's own retries back off, so the newest waiter would poll most.
        retries: 0,
        // The default throws from a timer and would end the app.
        onCompromised: () => {
          compromised = true;
        },
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED')
        throw fileSystemError(error, fileLabel(file), 'lock');
      const left = giveUpAt - Date.now();
      if (left <= 0) throw busy();
      // Jitter keeps waiters that started together from polling together.
      await delay(Math.min(left, poll * (0.5 + Math.random())));
    }
  }
  try {
    const result = await fn();
    // Held past staleMs and taken over: what this write read may be outdated.
    if (compromised)
      throw new SsoTrayError(
        'file-busy',
        `${fileLabel(file)} is being changed by another program; try again in a moment.`,
      );
    return result;
  } finally {
    await release().catch(() => undefined);
  }
}
