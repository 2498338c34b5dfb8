// The accounts' banner after a listing failed: the button its step names (Sign in again, Refresh), else Retry. Read
// from lit-html's template results (strings and values), so it runs under Node without a page.
import { describe, expect, it, vi } from 'vitest';
import type { TemplateResult } from 'lit-html';
import { accountsNotice } from './notice-banner.js';
import { initialState, type AccountsState } from '../state.js';
import type { SessionView } from '../api.js';
import type { Actions } from '../actions/bound-actions.js';
import type { NextStep } from '../../../electron/core/next-step.js';

const isTemplate = (value: unknown): value is TemplateResult =>
  typeof value === 'object' && value !== null && 'strings' in value && 'values' in value;

/** The template's text (its static parts and the text it shows) and its event handlers, in order. */
function read(value: unknown, into = { text: '', handlers: [] as Array<() => unknown> }) {
  if (isTemplate(value)) {
    value.strings.forEach((part, i) => {
      into.text += part;
      if (i < value.values.length) read(value.values[i], into);
    });
  } else if (typeof value === 'function') into.handlers.push(value as () => unknown);
  else if (typeof value === 'string') into.text += value;
  return into;
}

function banner(errorNext?: NextStep) {
  const actions = { refreshAccounts: vi.fn(), signIn: vi.fn() };
  const session = { name: 'acme', state: 'signed-in' } as SessionView;
  const accounts: AccountsState = {
    session: 'acme',
    listing: null,
    loading: false,
    error: 'The listing stopped.',
    ...(errorNext ? { errorNext } : {}),
  };
  const shown = read(accountsNotice(initialState(0), session, accounts, actions as unknown as Actions));
  const button = /<button[^>]*>\s*([^<]*?)\s*<\/button>/.exec(shown.text)?.[1];
  return { button, click: () => shown.handlers.forEach((run) => run()), actions };
}

describe("the accounts' banner after a listing failed", () => {
  it('offers the sign-in its step names, and its click signs in rather than retrying', () => {
    const { button, click, actions } = banner({ do: 'sign-in', session: 'acme', when: 'again' });
    expect(button).toBe('Sign in again');
    click();
    expect(actions.signIn).toHaveBeenCalledWith('acme', 'browser');
    expect(actions.refreshAccounts).not.toHaveBeenCalled();
  });

  it('offers Retry, which lists again, when the step has no button or there is no step', () => {
    for (const step of [undefined, { do: 'check-region', session: 'acme' } as const]) {
      const { button, click, actions } = banner(step);
      expect(button, step?.do).toBe('Retry');
      click();
      expect(actions.refreshAccounts).toHaveBeenCalledOnce();
    }
  });
});
