import { describe, expect, it } from 'vitest';
import { SsoTrayError } from './errors.js';
import { parseSessionConfig } from './session-config.js';

const acme = {
  name: 'acme',
  startUrl: 'https://d-1234567890.awsapps.com/start',
  region: 'eu-west-1',
  source: 'app' as const,
};

describe('a session the user enters', () => {
  it('is accepted with its source and scopes', () => {
    expect(
      parseSessionConfig({ ...acme, source: undefined, registrationScopes: ['sso:account:access'] }),
    ).toEqual({ ...acme, registrationScopes: ['sso:account:access'] });
    expect(parseSessionConfig({ ...acme, name: 'Acme_prod.2-eu', region: 'us-gov-west-1' }).name).toBe(
      'Acme_prod.2-eu',
    );
  });

  const sentences: Array<[object, string]> = [
    [
      { ...acme, name: 'acme/prod' },
      'The session name may use only letters, digits, dots, dashes and underscores.',
    ],
    [{ ...acme, name: '' }, 'The session name may use only letters, digits, dots, dashes and underscores.'],
    [{ ...acme, name: undefined }, 'The session name is missing.'],
    [
      { ...acme, startUrl: 'http://d-1234567890.awsapps.com/start' },
      'The start URL must be an https:// address, like https://d-1234567890.awsapps.com/start.',
    ],
    [
      { ...acme, startUrl: 'd-1234567890.awsapps.com/start' },
      'The start URL must be an https:// address, like https://d-1234567890.awsapps.com/start.',
    ],
    [{ ...acme, region: 'us-east' }, 'The region must look like us-east-1.'],
    [{ ...acme, registrationScopes: [''] }, 'Each registration scope must not be empty.'],
  ];
  for (const [input, sentence] of sentences) {
    it(`is refused: ${sentence}`, () => {
      expect(() => parseSessionConfig(input)).toThrow(new SsoTrayError('invalid-input', sentence));
    });
  }
});
