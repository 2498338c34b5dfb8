// Every file write in this process (each atomic replacement, and each lock held around a read-modify-write), so a
// restart to install an update can wait until none is in flight (electron/app/update/auto-update.ts).
import { WorkTracker } from '../work-tracker.js';

const writes = new WorkTracker();

export function trackWrite<T>(work: Promise<T>): Promise<T> {
  return writes.track(work);
}

/** Resolves once no write is in flight, including writes that started while waiting. */
export function whenWritesSettled(): Promise<void> {
  return writes.idle();
}
