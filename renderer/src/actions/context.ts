// What every action works with: the window API and the store.
import type { WindowApi } from '../api.js';
import type { Store } from '../state.js';

export interface ActionContext {
  api: WindowApi;
  store: Store;
}

/** The sentence to show for a failed call: the API's errors are one sentence for the user already. */
export function sentenceOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong inside SSO Tray; try again, and report it if it persists.';
}

export function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}
