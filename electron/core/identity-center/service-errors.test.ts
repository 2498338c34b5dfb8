import { describe, expect, it } from 'vitest';
import { SsoTrayError } from '../errors.js';
import type { SessionConfig } from '../shapes/aws-shapes.js';
import { toUserError } from './service-errors.js';

const session: SessionConfig = {
  name: 'acme',
  startUrl: 'https://d-0000000000.awsapps.com/start',
  region: 'eu-west-1',
  source: 'sso-session',
};
const context = { session, action: 'list your accounts' };
const UNREACHABLE =
  'Identity Center for acme (eu-west-1) could not be reached; check your network connection and try again.';

const nodeError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('errors the network gives, as one sentence', () => {
  it.each([
    ['a refused connection', nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9')],
    ['an unknown host', nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND portal.sso.eu-west-1.amazonaws.com')],
    ['a timeout', nodeError('ETIMEDOUT', 'connect ETIMEDOUT')],
    ['a dropped connection', nodeError('ECONNRESET', 'socket hang up')],
    [
      'every address of a host refused',
      new AggregateError([
        nodeError('ECONNREFUSED', 'connect ::1'),
        nodeError('ECONNREFUSED', 'connect 127.0.0.1'),
      ]),
    ],
  ])('%s', (_, error) => {
    const userError = toUserError(error, context);
    expect(userError.message).toBe(UNREACHABLE);
    expect(userError.code).toBe('network');
  });
});

describe('errors that are not from Identity Center', () => {
  it('passes an SsoTrayError through unchanged', () => {
    const original = new SsoTrayError('file-busy', 'The file is busy.');
    expect(toUserError(original, context)).toBe(original);
  });

  it('names a cache that cannot be parsed without quoting it', () => {
    const error = toUserError(
      new SyntaxError('Unexpected token a in JSON: {"accessToken":"aoa-secret'),
      context,
    );
    expect(error.message).toBe('The saved sign-in for acme could not be read.');
    expect(error.next).toEqual({ do: 'sign-in', session: 'acme', when: 'to-replace' });
    expect(error.code).toBe('file-unreadable');
  });

  it('keeps the message of anything else to itself', () => {
    const error = toUserError(new TypeError('token aoa-secret is not a function'), context);
    expect(error.message).toBe(
      'Something went wrong while trying to list your accounts for acme (eu-west-1); try again, and report it if it keeps happening.',
    );
    expect(JSON.stringify(error)).not.toContain('aoa-secret');
  });
});
