// The tray's words for each next step: the menu item to choose (its own, or the window's through Open SSO Tray…),
// never a command-line flag; and the notification whose click signs in says so.
import { describe, expect, it } from 'vitest';
import { EVERY_SAMPLE } from '../../e2e/support/next-step-samples.js';
import { signInNotice, traySentence, trayStep } from './next-step-words.js';

describe("the tray's next steps", () => {
  it('never tells the user to type a flag or a command', () => {
    for (const step of EVERY_SAMPLE) expect(trayStep(step), step.do).not.toMatch(/--|`|sso-tray /);
  });

  it('names the menu item that does it', () => {
    expect(
      traySentence({ message: 'Sign-in for acme was denied in the browser.', next: EVERY_SAMPLE[2] }),
    ).toBe('Sign-in for acme was denied in the browser. Choose Sign in to acme… in the tray menu again.');
    expect(
      traySentence({ message: 'Account 111122223333 was not found for acme.', next: { do: 'refresh-list' } }),
    ).toBe(
      'Account 111122223333 was not found for acme. Choose Open SSO Tray…, press Refresh and choose again.',
    );
  });

  it("the session-ended notification is the sign-in's button: its click is the step", () => {
    const ended = { message: 'Your session for acme (us-east-1) has ended.' };
    expect(signInNotice({ ...ended, next: { do: 'sign-in', session: 'acme', when: 'again' } })).toBe(
      'Your session for acme (us-east-1) has ended. Click to sign in again.',
    );
    expect(
      signInNotice({
        message: 'The start URL region may be wrong.',
        next: { do: 'check-region', session: 'acme' },
      }),
    ).toBe(
      'The start URL region may be wrong. Check the region of acme: in Open SSO Tray… remove the session and add it ' +
        'again with the right region. Click to sign in.',
    );
  });
});
