// The running app's endpoint words a next step for a program's log: where to act is SSO Tray, never a command's flag.
import { describe, expect, it } from 'vitest';
import { EVERY_SAMPLE } from '../../e2e/support/next-step-samples.js';
import { SsoTrayError } from '../core/errors.js';
import { PROGRAM_WORDS, programErrorSentence, programSentence } from './program-next-step-words.js';
import { CLI_WORDS } from '../cli/next-step-words.js';

describe('a step, worded for a program the app serves', () => {
  it('an ended session: sign in to it again in SSO Tray', () => {
    expect(
      programSentence({
        message: 'Your session for acme (us-east-1) has ended.',
        next: { do: 'sign-in', session: 'acme', when: 'again' },
      }),
    ).toBe('Your session for acme (us-east-1) has ended. Sign in to acme again in SSO Tray.');
  });

  it('every kind names no flag or command, and differs from the command line', () => {
    for (const step of EVERY_SAMPLE) {
      const said = programSentence({ message: 'It failed.', next: step });
      expect(said, step.do).not.toMatch(/--|`|sso-tray /);
      expect(said, step.do).toMatch(/^It failed\. [A-Z][^\n]*\.$/);
      expect(said, step.do).not.toBe(
        `It failed. ${(CLI_WORDS[step.do] as (s: typeof step) => string)(step)}.`,
      );
    }
    expect(Object.keys(PROGRAM_WORDS).sort()).toEqual(EVERY_SAMPLE.map((s) => s.do).sort());
  });

  it('an error that is not SSO Tray’s is left to the endpoint’s own sentence', () => {
    expect(programErrorSentence(new Error('socket hang up'))).toBeUndefined();
    expect(programErrorSentence(new SsoTrayError('throttled', 'Identity Center is busy.'))).toBe(
      'Identity Center is busy.',
    );
  });
});
