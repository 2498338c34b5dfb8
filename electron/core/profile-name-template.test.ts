import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidProfileName } from './formats.js';
import { profileNameFor } from './profile-name-template.js';

describe('profile names from the template', () => {
  const role = { accountId: '111122223333', accountName: 'Acme Prod', roleName: 'ReadOnly', session: 'acme' };

  it('renders each placeholder', () => {
    expect(profileNameFor('{accountId}_{roleName}', role)).toBe('111122223333_ReadOnly');
    expect(profileNameFor('{session}.{accountName}.{roleName}', role)).toBe('acme.Acme-Prod.ReadOnly');
    expect(profileNameFor('{accountName}', { ...role, accountName: '  Acme \t [EU]  Prod ' })).toBe(
      'Acme-EU-Prod',
    );
    expect(profileNameFor('{accountName}-{other}', role)).toBe('Acme-Prod-{other}');
  });

  it('falls back to the portal name when nothing usable is left', () => {
    expect(profileNameFor('[]', role)).toBe('111122223333_ReadOnly');
    expect(profileNameFor('__proto__', role)).toBe('111122223333_ReadOnly');
  });

  it('always gives a name the credentials file can hold (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.stringMatching(/^[\w+=,.@-]{1,32}$/),
        fc.string({ maxLength: 10 }),
        (template, accountName, roleName, session) => {
          const name = profileNameFor(template, {
            accountId: '111122223333',
            accountName,
            roleName,
            session,
          });
          expect(isValidProfileName(name)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
