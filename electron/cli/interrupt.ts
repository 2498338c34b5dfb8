// Ctrl-C, SIGTERM and SIGHUP for every command: the one place a signal becomes its exit code (128 + the signal's
// number, as a shell reports it: 130, 143, 129), after the running command's undo steps.
import { constants } from 'node:os';
import { EXIT } from './exit-codes.js';

/** The signals that end a command cleanly: Ctrl-C, `kill` (service managers, timeouts) and a closed terminal. */
const ENDING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type EndingSignal = (typeof ENDING_SIGNALS)[number];

/** 128 + the signal's number, as POSIX shells report a process a signal ended (SIGINT is EXIT.interrupted, 130). */
// https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html#tag_18_08_02
const signalExitCode = (signal: EndingSignal): number =>
  signal === 'SIGINT' ? EXIT.interrupted : 128 + constants.signals[signal];

export interface InterruptGuard {
  /** Settles with the signal's exit code once a signal came and every registered undo step has finished. */
  interrupted: Promise<number>;
  /** What to undo on a signal (cancel a sign-in, forget a session added for it); returns a function that unregisters. */
  onInterrupt(undo: () => Promise<unknown>): () => void;
  /** The running command handles Ctrl-C itself (`exec` passes it to its child and waits); returns a function to undo. */
  handOver(): () => void;
  dispose(): void;
}

export function guardInterrupts(
  signals: Pick<NodeJS.Process, 'on' | 'off'> = process,
  exitNow: (code: number) => void = (code) => process.exit(code),
): InterruptGuard {
  const undos = new Set<() => Promise<unknown>>();
  let settle: (code: number) => void = () => undefined;
  const interrupted = new Promise<number>((resolve) => (settle = resolve));
  // Registered with `on`, never `once`: signal-exit (proper-lockfile's, while a file lock is held) re-raises SIGINT when
  // it finds itself the only listener, and a `once` listener is already gone when it looks: the process then died by
  // the signal instead of exiting 130 (signal-exit 3.0.7 index.js, `listeners.length === emitter.count`).
  let received = 0;
  let handedOver = false;
  const listeners = ENDING_SIGNALS.map((signal): [EndingSignal, () => void] => [
    signal,
    () => {
      // exec hands its signals to the command it runs, which decides.
      if (handedOver) return;
      received += 1;
      // A second signal does not wait for the undo steps.
      if (received > 1) return exitNow(signalExitCode(signal));
      void Promise.allSettled([...undos].map((undo) => undo())).then(() => settle(signalExitCode(signal)));
    },
  ]);
  for (const [signal, listener] of listeners) signals.on(signal, listener);
  return {
    interrupted,
    onInterrupt(undo) {
      undos.add(undo);
      return () => void undos.delete(undo);
    },
    handOver() {
      handedOver = true;
      return () => void (handedOver = false);
    },
    dispose: () => {
      for (const [signal, listener] of listeners) signals.off(signal, listener);
    },
  };
}
