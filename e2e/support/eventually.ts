// Test support: wait for a condition a test cannot await directly (a menu rebuilt, a file rewritten). The only bound is
// the hang guard: a loaded machine is slow, not wrong, so no test's verdict depends on how fast it runs.
import { vi } from 'vitest';

/** How long a test may wait for something before it is taken as hung (the projects' test timeout is longer). */
export const HANG_GUARD_MS = 120_000;

/** Polls `check` until it stops throwing (or its promise resolves), then returns its value. */
export function eventually<T>(check: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(check, { timeout: HANG_GUARD_MS, interval: 10 });
}
