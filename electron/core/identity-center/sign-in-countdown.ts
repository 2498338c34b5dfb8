// The browser sign-in's countdown: a 'waiting' step now and each time the whole seconds left change, on the injected
// clock, until the approval arrives (only while a sign-in waits: nothing ticks when idle).
import type { Clock, TimerHandle } from '../clock.js';
import type { SignInProgress } from '../shapes/front-end-shapes.js';

export function startCountdown(
  clock: Clock,
  expiresAt: number,
  onProgress: (progress: SignInProgress) => void,
): { stop(): void } {
  let timer: TimerHandle | undefined;
  let stopped = false;
  const tick = () => {
    timer = undefined;
    if (stopped) return;
    const msLeft = expiresAt - clock.now();
    const secondsLeft = Math.max(0, Math.ceil(msLeft / 1000));
    onProgress({ step: 'waiting', secondsLeft });
    // The next tick when the count shows one second less.
    if (secondsLeft > 0) timer = clock.setTimer(tick, msLeft - (secondsLeft - 1) * 1000);
  };
  tick();
  return {
    stop() {
      stopped = true;
      if (timer) clock.clearTimer(timer);
      timer = undefined;
    },
  };
}
