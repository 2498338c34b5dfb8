// The core's 'problem' event in the window: a background listing's failure goes to the accounts' banner, any other
// failure (a kept profile's refresh) to the top banner, even while a listing runs.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { WindowApi } from '../api.js';
import { initialState, Store } from '../state.js';
import { listenToCore } from './core-events.js';

beforeAll(() => {
  // The store renders once a frame; here nothing renders.
  vi.stubGlobal('requestAnimationFrame', () => 0);
});

function setUp() {
  const handlers = new Map<string, (payload: unknown) => void>();
  const api = {
    on: (event: string, handler: (payload: unknown) => void) => {
      handlers.set(event, handler);
      return () => handlers.delete(event);
    },
  } as unknown as WindowApi;
  const store = new Store({
    ...initialState(0),
    accounts: { session: 'acme', listing: null, loading: true },
  });
  listenToCore({ api, store });
  return { store, problem: (payload: unknown) => handlers.get('problem')!(payload) };
}

describe('a background failure while the accounts are listed', () => {
  it('shows another failure in the top banner and leaves the listing running', () => {
    const { store, problem } = setUp();
    problem({ message: 'Profile dev could not be refreshed: the disk is full.' });
    expect(store.state.problem).toBe('Profile dev could not be refreshed: the disk is full.');
    expect(store.state.accounts).toMatchObject({ loading: true });
    expect(store.state.accounts?.error).toBeUndefined();
  });

  it("shows the listing's own failure in the accounts' banner", () => {
    const { store, problem } = setUp();
    const message =
      'Identity Center for acme (us-east-1) failed while trying to list the roles in your accounts.';
    problem({ message, listing: 'acme' });
    expect(store.state.accounts).toMatchObject({ loading: false, error: message });
    expect(store.state.problem).toBeUndefined();
  });
});
