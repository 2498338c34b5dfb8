// Every next step the core gives ends, on the command line, with the flag or the command to run; the core's own
// sentence makers and throw sites feed these tests, so the sentences users read are the ones checked here.
import { describe, expect, it } from 'vitest';
import { SsoTrayError } from '../core/errors.js';
import { nextStepSchema } from '../ipc/next-step-schema.js';
import { sentences } from '../core/identity-center/service-errors.js';
import type { SessionConfig } from '../core/shapes/aws-shapes.js';
import { EVERY_SAMPLE, NEXT_STEP_SAMPLES } from '../../e2e/support/next-step-samples.js';
import { CLI_WORDS, cliSentence, cliStep } from './next-step-words.js';

const acme: SessionConfig = {
  name: 'acme',
  startUrl: 'https://acme.awsapps.com/start',
  region: 'us-east-1',
  source: 'app',
};

describe('the way forward on the command line', () => {
  it.each<[string, SsoTrayError, string]>([
    [
      'an ended session',
      new SsoTrayError('session-ended', sentences.sessionEnded(acme)),
      'Your session for acme (us-east-1) has ended. Sign in again: run `sso-tray login --session acme`.',
    ],
    [
      'no sign-in yet',
      new SsoTrayError('sign-in-needed', sentences.notSignedIn(acme)),
      'You are not signed in to acme (us-east-1). Sign in first: run `sso-tray login --session acme`.',
    ],
    [
      'an unreadable saved sign-in',
      new SsoTrayError('file-unreadable', sentences.corruptCache(acme)),
      'The saved sign-in for acme could not be read. Sign in again to replace it: run `sso-tray login --session acme`.',
    ],
    [
      'a denied sign-in',
      new SsoTrayError('sign-in-cancelled', sentences.signInDenied(acme)),
      'Sign-in for acme was denied in the browser. Run `sso-tray login --session acme` again.',
    ],
    [
      'an expired device code',
      new SsoTrayError('sign-in-timed-out', sentences.deviceCodeExpired(acme)),
      'The sign-in code for acme expired before it was approved. Run `sso-tray login --session acme` again.',
    ],
    [
      'an unknown start URL',
      new SsoTrayError('invalid-input', sentences.startUrlUnknown(acme)),
      'Identity Center in us-east-1 does not recognise https://acme.awsapps.com/start for acme. Check the start URL ' +
        'and the region your Identity Center is in, then run ' +
        '`sso-tray login --start-url URL --region REGION --session NAME` with the right ones.',
    ],
    [
      'a wrong region',
      new SsoTrayError('wrong-region', sentences.wrongRegion(acme)),
      "Identity Center in us-east-1 did not accept the sign-in for acme: the start URL's region may be wrong. " +
        'Check the region of acme: run `sso-tray sessions remove acme`, then ' +
        '`sso-tray login --start-url URL --region REGION --session acme`.',
    ],
    [
      'an account no longer there',
      new SsoTrayError('not-found', sentences.accountNotFound(acme, '111122223333')),
      'Account 111122223333 was not found for acme. Run `sso-tray accounts` to see what is assigned to you now.',
    ],
    [
      'a refused request',
      new SsoTrayError('service', sentences.rejected(acme, 'list accounts')),
      'Identity Center for acme (us-east-1) refused the request to list accounts. Sign in again ' +
        '(`sso-tray login --session acme`), and report it if it keeps happening.',
    ],
    [
      'a profile SSO Tray did not write',
      new SsoTrayError(
        'foreign-profile',
        'The profile "dev" in ~/.aws/config already exists with other settings',
        {
          next: { do: 'choose-profile-name-or-overwrite', profile: 'dev' },
        },
      ),
      'The profile "dev" in ~/.aws/config already exists with other settings; choose another --profile name, or add ' +
        '--overwrite to replace it.',
    ],
    [
      'a legacy session asked for SSO profiles',
      new SsoTrayError('invalid-input', 'The session "old" is a legacy SSO profile, not an [sso-session]', {
        next: { do: 'choose-process-kind' },
      }),
      'The session "old" is a legacy SSO profile, not an [sso-session]; generate credential_process profiles with ' +
        '--kind process.',
    ],
  ])('%s', (_case, error, sentence) => {
    expect(cliSentence(error)).toBe(sentence);
  });

  it('leaves a sentence without a next step as it was', () => {
    const sentence = 'There is no format "yaml"; use one of: env, fish.';
    expect(cliSentence(new SsoTrayError('invalid-input', sentence))).toBe(sentence);
  });

  it('names a flag or a command for every kind of step, and the session the error is about', () => {
    // Only the app's Settings form saves settings: the one step the command line words as the app's.
    for (const step of EVERY_SAMPLE.filter((s) => s.do !== 'fix-setting'))
      expect(cliStep(step), step.do).toMatch(/`sso-tray [a-z]|--[a-z]/);
    expect(cliStep(NEXT_STEP_SAMPLES['fix-setting'])).toBe(
      "change Default region in the SSO Tray app's Settings",
    );
    expect(cliStep(NEXT_STEP_SAMPLES['sign-in'])).toContain('--session acme');
    expect(cliStep(NEXT_STEP_SAMPLES['add-session'])).toContain('--session acme');
  });

  it('has a sample and a wording for every kind the contract lets cross', () => {
    const kinds = nextStepSchema.options.map((option) => option.shape.do.value).sort();
    expect(Object.keys(NEXT_STEP_SAMPLES).sort()).toEqual(kinds);
    expect(Object.keys(CLI_WORDS).sort()).toEqual(kinds);
  });
});
