// Ctrl-C for every command: the one place SIGINT becomes exit code 130, after the running command's undo steps.
import { EXIT } from './exit-codes.js';

export interface InterruptGuard {
  /** Settles with 130 once SIGINT came and every registered undo step has finished. */
  interrupted: Promise<typeof EXIT.interrupted>;
  /** What to undo on Ctrl-C (cancel a sign-in, forget a session added for it); returns a function that unregisters. */
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
  let settle: (code: typeof EXIT.interrupted) => void = () => undefined;
  const interrupted = new Promise<typeof EXIT.interrupted>((resolve) => (settle = resolve));
  // Registered with `on`, never `once`: signal-exit (proper-lockfile's, while a file lock is held) re-raises SIGINT when
  // it finds itself the only listener, and a `once` listener is already gone when it looks: the process then died by
  // the signal instead of exiting 130 (signal-exit 3.0.7 index.js, `listeners.length === emitter.count`).
  let presses = 0;
  let handedOver = false;
  const listener = () => {
    if (handedOver) return;
    presses += 1;
    // A second Ctrl-C does not wait for the undo steps.
    if (presses > 1) return exitNow(EXIT.interrupted);
    void Promise.allSettled([...undos].map((undo) => undo())).then(() => settle(EXIT.interrupted));
  };
  signals.on('SIGINT', listener);
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
    dispose: () => void signals.off('SIGINT', listener),
  };
}
