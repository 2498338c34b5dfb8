// The window's words for each next step: a sentence that names a button by the label the window shows, never a
// command-line flag, and the button a banner offers beside it.
import { describe, expect, it } from 'vitest';
import { EVERY_SAMPLE, NEXT_STEP_SAMPLES } from '../../e2e/support/next-step-samples.js';
import { windowSentence, windowStep } from './next-step-words.js';

describe("the window's next steps", () => {
  it('never tells the user to type a flag or a command', () => {
    for (const step of EVERY_SAMPLE) expect(windowStep(step).clause, step.do).not.toMatch(/--|`|sso-tray /);
  });

  it("a step with a button names it in the sentence, by the button's own label", () => {
    const withButtons = EVERY_SAMPLE.filter((step) => windowStep(step).button);
    expect(withButtons.map((step) => step.do)).toEqual(['sign-in', 'sign-in-then-report', 'refresh-list']);
    for (const step of withButtons) {
      const { clause, button } = windowStep(step);
      expect(windowSentence({ message: 'Something happened.', next: step }), step.do).toContain(
        button!.label,
      );
      expect(clause.toLowerCase()).toContain(button!.label.toLowerCase());
    }
  });

  it('offers the sign-in of the session the step is about', () => {
    expect(windowStep(NEXT_STEP_SAMPLES['sign-in']).button).toEqual({
      label: 'Sign in again',
      run: 'sign-in',
      session: 'acme',
    });
    expect(windowStep({ do: 'sign-in', session: 'beta', when: 'first' }).button).toEqual({
      label: 'Sign in',
      run: 'sign-in',
      session: 'beta',
    });
  });

  it('an ended session reads as it always has, its button named', () => {
    expect(
      windowSentence({
        message: 'Your session for acme (us-east-1) has ended.',
        next: { do: 'sign-in', session: 'acme', when: 'again' },
      }),
    ).toBe('Your session for acme (us-east-1) has ended. Sign in again.');
  });

  it('a profile the app did not write asks for another Profile name, or Replace it (the button beside it)', () => {
    const said = windowSentence({
      message: 'The profile "dev" in ~/.aws/credentials was not written by SSO Tray',
      next: NEXT_STEP_SAMPLES['choose-profile-name-or-overwrite'],
    });
    expect(said).toBe(
      'The profile "dev" in ~/.aws/credentials was not written by SSO Tray; type another Profile name, or press Replace it.',
    );
  });

  it("a legacy session's SSO profiles point at the Kind choice, not at --kind", () => {
    expect(
      windowSentence({
        message: 'The session "old" is a legacy SSO profile, not an [sso-session]',
        next: { do: 'choose-process-kind' },
      }),
    ).toBe(
      'The session "old" is a legacy SSO profile, not an [sso-session]; choose credential_process under Kind.',
    );
  });
});
