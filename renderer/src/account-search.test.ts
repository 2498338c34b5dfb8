import { describe, expect, it } from 'vitest';
import { markMatches, queryWords, searchAccounts } from './account-search.js';

const accounts = [
  {
    accountId: '111111111111',
    accountName: 'payments-prod',
    emailAddress: 'aws+payments-prod@example.com',
    roles: ['ReadOnlyAccess'],
  },
  {
    accountId: '222222222222',
    accountName: 'payments-dev',
    emailAddress: 'aws+payments-dev@example.com',
    roles: ['AdministratorAccess', 'ReadOnlyAccess'],
  },
  {
    accountId: '333333333333',
    accountName: 'Log Archive',
    emailAddress: 'aws+logs@example.com',
    roles: ['ReadOnlyAccess', 'Billing'],
  },
];

describe('the window search box', () => {
  it('shows every account, by name, for an empty query', () => {
    expect(searchAccounts(accounts, '').map((h) => h.account.accountName)).toEqual([
      'Log Archive',
      'payments-dev',
      'payments-prod',
    ]);
  });

  it('matches names, ids and e-mails case-insensitively', () => {
    expect(searchAccounts(accounts, 'PAYMENTS').map((h) => h.account.accountId)).toEqual([
      '222222222222',
      '111111111111',
    ]);
    expect(searchAccounts(accounts, '3333').map((h) => h.account.accountName)).toEqual(['Log Archive']);
    expect(searchAccounts(accounts, 'logs@').map((h) => h.account.accountName)).toEqual(['Log Archive']);
  });

  it('narrows to the roles a word matches when the account alone does not', () => {
    expect(searchAccounts(accounts, 'payments admin')).toEqual([
      { account: accounts[1], roles: ['AdministratorAccess'] },
    ]);
    expect(searchAccounts(accounts, 'billing').map((h) => [h.account.accountName, h.roles])).toEqual([
      ['Log Archive', ['Billing']],
    ]);
  });

  it('puts favourite accounts first', () => {
    const hits = searchAccounts(accounts, 'payments', [
      { accountId: '111111111111', roleName: 'ReadOnlyAccess' },
    ]);
    expect(hits.map((h) => h.account.accountName)).toEqual(['payments-prod', 'payments-dev']);
  });

  it('keeps every account in name order while nothing is typed, favourites or not', () => {
    const favourite = [{ accountId: '111111111111', roleName: 'ReadOnlyAccess' }];
    expect(searchAccounts(accounts, '', favourite).map((h) => h.account.accountName)).toEqual(
      searchAccounts(accounts, '').map((h) => h.account.accountName),
    );
  });

  it('finds nothing for a word nothing contains', () => {
    expect(searchAccounts(accounts, 'payments zzz')).toEqual([]);
  });
});

describe('what the search matched, marked', () => {
  it('cuts the text into plain and matched parts, any word, any case', () => {
    expect(markMatches('Payments dev', queryWords('pay DEV'))).toEqual([
      { text: 'Pay', match: true },
      { text: 'ments ', match: false },
      { text: 'dev', match: true },
    ]);
    expect(markMatches('Sandbox', [])).toEqual([{ text: 'Sandbox', match: false }]);
  });
});
