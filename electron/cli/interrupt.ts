// Ctrl-C for every command: the one place SIGINT becomes exit code 130, after the running command's undo steps.
import { EXIT } from './exit-codes.js';

export interface InterruptGuard {
  /** Settles with 130 once SIGINT came and every registered undo step has finished. */
  interrupted: Promise<typeof EXIT.interrupted>;
  /** What to undo on Ctrl-C (cancel a sign-in, forget a session added for it); returns a function that unregisters. */
  onInterrupt(undo: () => Promise<unknown>): () => void;
  dispose(): void;
}

export function guardInterrupts(signals: Pick<NodeJS.Process, 'once' | 'off'> = process): InterruptGuard {
  const undos = new Set<() => Promise<unknown>>();
  let settle: (code: typeof EXIT.interrupted) => void = () => undefined;
  const interrupted = new Promise<typeof EXIT.interrupted>((resolve) => (settle = resolve));
  // A second Ctrl-C meets Node's default handler again and ends the process at once.
  const listener = () =>
    void Promise.allSettled([...undos].map((undo) => undo())).then(() => settle(EXIT.interrupted));
  signals.once('SIGINT', listener);
  return {
    interrupted,
    onInterrupt(undo) {
      undos.add(undo);
      return () => void undos.delete(undo);
    },
    dispose: () => void signals.off('SIGINT', listener),
  };
}
