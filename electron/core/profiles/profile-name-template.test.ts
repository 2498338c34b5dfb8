// One template language for every profile name SSO Tray gives: the credentials file's and the config sync's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSsoTrayError } from '../errors.js';
import { isValidIdentifier } from '../identifiers.js';
import {
  DEFAULT_TEMPLATES,
  parseProfileNameTemplate,
  profileNameFor,
  type TemplateUse,
} from './profile-name-template.js';

const role = {
  accountId: '111122223333',
  accountName: 'Acme Prod',
  emailAddress: 'aws+prod@example.com',
  roleName: 'ReadOnly',
  session: 'acme',
};
const nameOf = (template: string, use: TemplateUse = 'credentials', values = role) =>
  profileNameFor(parseProfileNameTemplate(template, use), values);

function refusal(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isSsoTrayError(error, 'invalid-input') ? error.message : `not a refusal: ${String(error)}`;
  }
  return undefined;
}

describe('the names a template gives', () => {
  it('keeps the names each default gave before the two templates shared one language', () => {
    expect(nameOf(DEFAULT_TEMPLATES.credentials)).toBe('111122223333_ReadOnly');
    expect(nameOf(DEFAULT_TEMPLATES['config-sync'], 'config-sync')).toBe('Acme-Prod.ReadOnly');
    expect(nameOf('{session}.{accountName}.{roleName}')).toBe('acme.Acme-Prod.ReadOnly');
    expect(nameOf('{accountName}', 'credentials', { ...role, accountName: '  Acme \t [EU]  Prod ' })).toBe(
      'Acme-EU-Prod',
    );
  });

  it('fills every placeholder, in either use', () => {
    for (const use of ['credentials', 'config-sync'] as const)
      expect(nameOf('{session}/{accountId}/{emailAddress}:{roleName}-{accountName}', use)).toBe(
        'acme/111122223333/aws+prod@example.com:ReadOnly-Acme-Prod',
      );
  });

  it('takes a fixed name for the credentials file ("the role I wrote last is my default profile")', () => {
    expect(nameOf('default')).toBe('default');
    expect(nameOf('{accountName}')).toBe('Acme-Prod');
  });

  it('says which role would get a name no profile can have, and what to change', () => {
    const long = `${'{emailAddress}.'.repeat(6)}{roleName}`;
    expect(refusal(() => nameOf(long))).toBe(
      'The profile name template gives ReadOnly in account 111122223333 a name of 134 characters, more than the 128 an AWS profile name may have; shorten the template.',
    );
    expect(refusal(() => nameOf('{roleName}', 'credentials', { ...role, roleName: 'constructor' }))).toBe(
      'The profile name template gives constructor in account 111122223333 the name "constructor", a word the AWS SDKs cannot read as a profile name; add a placeholder or other text to the template.',
    );
  });

  it('always gives a name every other part of SSO Tray accepts as a profile name, or one sentence (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^(\{(accountId|accountName|roleName|session|emailAddress)\}|[\w.@+-]{1,3}){1,4}$/),
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.stringMatching(/^[\w+=,.@-]{1,64}$/),
        (template, accountName, roleName) => {
          let name: string;
          try {
            name = nameOf(template, 'credentials', { ...role, accountName, roleName });
          } catch (error) {
            expect(isSsoTrayError(error, 'invalid-input')).toBe(true);
            return;
          }
          expect(isValidIdentifier('profile-name', name)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('one sentence for each mistake, wherever the template is used', () => {
  it.each([
    [
      '{acount}.{roleName}',
      'The profile name template uses {acount}, which is not a placeholder; use {accountId}, {accountName}, {emailAddress}, {roleName} or {session}.',
    ],
    [
      '{AccountID}_{roleName}',
      'The profile name template uses {AccountID}, which is not a placeholder; write {accountId}.',
    ],
    [
      '{accountName}.{roleName',
      'The profile name template has a "{" without its pair; write each placeholder as {roleName}.',
    ],
    [
      '{accountName} {roleName}',
      'The profile name template holds a space, which an AWS profile name cannot; between placeholders use only letters, digits and - _ . @ + % : /.',
    ],
    [
      '[{accountName}]{roleName}',
      'The profile name template holds "[", which an AWS profile name cannot; between placeholders use only letters, digits and - _ . @ + % : /.',
    ],
  ])('refuses %s in the same sentence for the credentials file and the config sync', (template, sentence) => {
    expect(refusal(() => parseProfileNameTemplate(template, 'credentials'))).toBe(sentence);
    expect(refusal(() => parseProfileNameTemplate(template, 'config-sync'))).toBe(sentence);
  });

  it('refuses an empty template, suggesting the default of where it is used', () => {
    expect(refusal(() => parseProfileNameTemplate(' ', 'credentials'))).toBe(
      'The profile name template is empty; write one from {accountId}, {accountName}, {emailAddress}, {roleName} or {session}, such as {accountId}_{roleName}.',
    );
    expect(refusal(() => parseProfileNameTemplate('', 'config-sync'))).toBe(
      'The profile name template is empty; write one from {accountId}, {accountName}, {emailAddress}, {roleName} or {session}, such as {accountName}.{roleName}.',
    );
  });

  it("refuses a template longer than any profile name could use, in its words rather than the wire's", () => {
    expect(
      refusal(() => parseProfileNameTemplate(`${'{roleName}.'.repeat(26)}{accountId}`, 'credentials')),
    ).toBe('The profile name template is 297 characters long, more than the 256 it may have; shorten it.');
  });

  it('refuses a fixed name no profile can have as soon as it is typed', () => {
    expect(refusal(() => parseProfileNameTemplate('toString', 'credentials'))).toBe(
      'The profile name template gives the name "toString", a word the AWS SDKs cannot read as a profile name; add a placeholder or other text to the template.',
    );
  });

  it('asks the config sync, which names every role at once, for a template that tells roles and accounts apart', () => {
    expect(refusal(() => parseProfileNameTemplate('{accountName}', 'config-sync'))).toBe(
      'The profile name template must use {roleName}, or every role of an account would get the same profile name.',
    );
    expect(refusal(() => parseProfileNameTemplate('{session}-{roleName}', 'config-sync'))).toBe(
      'The profile name template must use {accountName} or {accountId}, or every account would get the same profile names.',
    );
  });
});
