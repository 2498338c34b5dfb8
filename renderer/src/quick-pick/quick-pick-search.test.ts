import { describe, expect, it } from 'vitest';
import { quickRoles, searchRoles } from './quick-pick-search.js';

const listing = {
  session: 'acme',
  accounts: [
    {
      accountId: '111111111111',
      accountName: 'Payments dev',
      emailAddress: 'aws+payments-dev@example.com',
      roles: ['AdministratorAccess', 'ReadOnlyAccess'],
    },
    {
      accountId: '222222222222',
      accountName: 'Sandbox',
      emailAddress: 'aws+sandbox@example.com',
      roles: ['AdministratorAccess'],
    },
    {
      accountId: '333333333333',
      accountName: 'Checkout dev',
      emailAddress: 'aws+checkout-dev@example.com',
      roles: ['DeveloperAccess'],
    },
  ],
};
const names = (roles: ReturnType<typeof searchRoles>) => roles.map((r) => `${r.accountName} / ${r.roleName}`);

describe('the quick-pick search', () => {
  it('puts favourites, then recent, first; then the rest by name', () => {
    const roles = quickRoles(
      [listing],
      [{ session: 'acme', accountId: '222222222222', roleName: 'AdministratorAccess' }],
      [{ session: 'acme', accountId: '333333333333', roleName: 'DeveloperAccess' }],
    );
    expect(names(searchRoles(roles, ''))).toEqual([
      'Sandbox / AdministratorAccess',
      'Checkout dev / DeveloperAccess',
      'Payments dev / AdministratorAccess',
      'Payments dev / ReadOnlyAccess',
    ]);
  });

  it('matches every word in the name, id, e-mail or role; letters in order within a name', () => {
    const roles = quickRoles([listing], [], []);
    expect(names(searchRoles(roles, 'payments admin'))).toEqual(['Payments dev / AdministratorAccess']);
    expect(names(searchRoles(roles, '333333'))).toEqual(['Checkout dev / DeveloperAccess']);
    expect(names(searchRoles(roles, 'aws+sandbox@'))).toEqual(['Sandbox / AdministratorAccess']);
    expect(names(searchRoles(roles, 'paydev rdonly'))).toEqual(['Payments dev / ReadOnlyAccess']);
    // Letters scattered over the whole line are no match: "sand" is not c·h·e·ckout + a·ws + …
    expect(names(searchRoles(roles, 'sand'))).toEqual(['Sandbox / AdministratorAccess']);
  });

  it('ranks a match at a word start above one inside a word, and caps what it returns', () => {
    const roles = quickRoles([listing], [], []);
    expect(names(searchRoles(roles, 'dev'))[0]).toBe('Checkout dev / DeveloperAccess');
    expect(searchRoles(roles, '', 2)).toHaveLength(2);
  });
});
