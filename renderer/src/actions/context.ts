// What every action works with: the window API and the store.
import type { WindowApi } from '../api.js';
import type { Store } from '../state.js';
import type { Problem } from '../../../electron/core/next-step.js';
import { windowSentence } from '../next-step-words.js';

export interface ActionContext {
  api: WindowApi;
  store: Store;
}

/** The problem and next step of a failed call (the API's errors carry both). */
export function problemOf(error: unknown): Problem {
  if (error instanceof Error && error.message) {
    const next = 'next' in error ? (error.next as Problem['next']) : undefined;
    return { message: error.message, ...(next ? { next } : {}) };
  }
  return { message: 'Something went wrong inside SSO Tray; try again, and report it if it persists.' };
}

/** The sentence to show for a failed call: the problem, and the next step in the window's words. */
export function sentenceOf(error: unknown): string {
  return windowSentence(problemOf(error));
}

export function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}
