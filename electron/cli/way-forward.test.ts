// Every refusal the core words for the window ends, on the command line, with the flag or command to run; the core's
// own sentence makers feed this test, so a reworded sentence that the table no longer matches fails here.
import { describe, expect, it } from 'vitest';
import { SsoTrayError, type ErrorCode } from '../core/errors.js';
import { sentences } from '../core/identity-center/service-errors.js';
import type { SessionConfig } from '../core/types.js';
import { withWayForward } from './way-forward.js';

const acme: SessionConfig = {
  name: 'acme',
  startUrl: 'https://acme.awsapps.com/start',
  region: 'us-east-1',
  source: 'app',
};
const cli = (code: ErrorCode, message: string) =>
  (withWayForward(new SsoTrayError(code, message), 'acme') as SsoTrayError).message;

describe('the way forward on the command line', () => {
  it.each<[ErrorCode, string, string]>([
    ['session-ended', sentences.sessionEnded(acme), 'Sign in again: run `sso-tray login --session acme`.'],
    [
      'file-unreadable',
      sentences.corruptCache(acme),
      'Sign in again to replace it: run `sso-tray login --session acme`.',
    ],
    ['sign-in-cancelled', sentences.signInDenied(acme), 'Run `sso-tray login --session acme` again.'],
    ['sign-in-timed-out', sentences.deviceCodeExpired(acme), 'Run `sso-tray login --session acme` again.'],
    [
      'invalid-input',
      sentences.startUrlUnknown(acme),
      'then run `sso-tray login --start-url URL --region REGION --session NAME` with the right ones.',
    ],
    [
      'wrong-region',
      sentences.wrongRegion(acme),
      'Check the region of acme: run `sso-tray sessions remove acme`, then `sso-tray login --start-url URL --region REGION --session acme`.',
    ],
    [
      'not-found',
      sentences.accountNotFound(acme, '111122223333'),
      'Run `sso-tray accounts` to see what is assigned to you now.',
    ],
    [
      'service',
      sentences.rejected(acme, 'list accounts'),
      'Sign in again (`sso-tray login --session acme`), and report it if it keeps happening.',
    ],
  ])('%s: %s', (code, sentence, ending) => {
    const said = cli(code, sentence);
    expect(said.endsWith(ending)).toBe(true);
    expect(said).not.toBe(sentence);
  });

  it('leaves a sentence that already names its way forward as it was', () => {
    const sentence = 'There is no format "yaml"; use one of: env, fish.';
    expect(cli('invalid-input', sentence)).toBe(sentence);
  });
});
