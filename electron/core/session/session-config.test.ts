import { describe, expect, it } from 'vitest';
import { SsoTrayError } from '../errors.js';
import { parseSessionConfig } from './session-config.js';
import { acmeSession as acme } from '../../../e2e/support/settings-folder.js';

const NAME_RULE =
  'must be 1 to 128 letters, digits or - _ . @ + % : /, and not a word the AWS SDKs cannot read as a name (such as "constructor")';
const URL_RULE =
  'must be an https:// address without spaces, user name or fragment, such as https://d-1234567890.awsapps.com/start';

describe('a session the user enters', () => {
  it('is accepted with its source and scopes', () => {
    expect(
      parseSessionConfig({ ...acme, source: undefined, registrationScopes: ['sso:account:access'] }),
    ).toEqual({ ...acme, registrationScopes: ['sso:account:access'] });
    expect(parseSessionConfig({ ...acme, name: 'Acme_prod.2-eu', region: 'us-gov-west-1' }).name).toBe(
      'Acme_prod.2-eu',
    );
  });

  it('may have any name AWS reads in [sso-session NAME], as every other boundary accepts', () => {
    for (const name of ['corp:prod@eu', 'team/dev', 'a+b%c', 'x'.repeat(128)])
      expect(parseSessionConfig({ ...acme, name }).name).toBe(name);
  });

  const sentences: Array<[object, string]> = [
    [{ ...acme, name: 'my session' }, `The session name ${NAME_RULE}.`],
    [{ ...acme, name: 'constructor' }, `The session name ${NAME_RULE}.`],
    [{ ...acme, name: 'x'.repeat(129) }, `The session name ${NAME_RULE}.`],
    [{ ...acme, name: '' }, `The session name ${NAME_RULE}.`],
    [{ ...acme, name: undefined }, 'The session name is missing.'],
    [{ ...acme, startUrl: 'http://d-1234567890.awsapps.com/start' }, `The start URL ${URL_RULE}.`],
    [{ ...acme, startUrl: 'd-1234567890.awsapps.com/start' }, `The start URL ${URL_RULE}.`],
    [{ ...acme, startUrl: 'https://d-1234567890.awsapps.com/start#x' }, `The start URL ${URL_RULE}.`],
    [{ ...acme, region: 'us-east' }, 'The region must be an AWS region code such as us-east-1.'],
    [{ ...acme, registrationScopes: [''] }, 'Each registration scope must not be empty.'],
  ];
  for (const [input, sentence] of sentences) {
    it(`is refused: ${sentence}`, () => {
      expect(() => parseSessionConfig(input)).toThrow(new SsoTrayError('invalid-input', sentence));
    });
  }
});
