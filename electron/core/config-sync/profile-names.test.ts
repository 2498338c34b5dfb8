// Profile names from the template: readable, stable, shell-friendly, unique; a bad template is one sentence.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, parseProfileNameTemplate } from '../profiles/profile-name-template.js';
import { nameRoles, type RoleEntry } from './profile-names.js';

const role = (accountId: string, accountName: string, roleName: string): RoleEntry => ({
  accountId,
  accountName,
  emailAddress: `aws+${accountId}@example.com`,
  roleName,
});

const names = (template: string | undefined, roles: RoleEntry[]) =>
  nameRoles(
    parseProfileNameTemplate(template ?? DEFAULT_TEMPLATES['config-sync'], 'config-sync'),
    'acme',
    roles,
  ).map((r) => [r.profile, r.accountId, r.roleName]);

describe('the default template', () => {
  it('gives account-name.role, with what a shell or the AWS CLI cannot take replaced', () => {
    expect(
      names(undefined, [
        role('111111111111', 'payments-prod', 'ReadOnlyAccess'),
        role('222222222222', 'Data Platform (dev)', 'AdministratorAccess'),
        role('333333333333', 'Café Société', 'Billing'),
        role('444444444444', '生産', 'ViewOnlyAccess'),
        role('555555555555', 'a;rm -rf $HOME`x`', 'ReadOnlyAccess'),
      ]),
    ).toEqual([
      ['444444444444.ViewOnlyAccess', '444444444444', 'ViewOnlyAccess'],
      ['Cafe-Societe.Billing', '333333333333', 'Billing'],
      ['Data-Platform-dev.AdministratorAccess', '222222222222', 'AdministratorAccess'],
      ['a-rm-rf-HOME-x.ReadOnlyAccess', '555555555555', 'ReadOnlyAccess'],
      ['payments-prod.ReadOnlyAccess', '111111111111', 'ReadOnlyAccess'],
    ]);
  });

  it('gives two accounts of the same name their account IDs, whatever order the listing came in', () => {
    const roles = [
      role('999999999999', 'payments', 'ReadOnlyAccess'),
      role('111111111111', 'payments', 'ReadOnlyAccess'),
      role('111111111111', 'payments', 'AdministratorAccess'),
      role('555555555555', 'search', 'ReadOnlyAccess'),
    ];
    const expected = [
      ['payments-111111111111.AdministratorAccess', '111111111111', 'AdministratorAccess'],
      ['payments-111111111111.ReadOnlyAccess', '111111111111', 'ReadOnlyAccess'],
      ['payments-999999999999.ReadOnlyAccess', '999999999999', 'ReadOnlyAccess'],
      ['search.ReadOnlyAccess', '555555555555', 'ReadOnlyAccess'],
    ];
    expect(names(undefined, roles)).toEqual(expected);
    expect(names(undefined, [...roles].reverse())).toEqual(expected);
  });

  it('numbers what is still the same after that (role names that differ only in what was replaced)', () => {
    const roles = [
      role('111111111111', 'ops', 'Admin@Ops'),
      role('111111111111', 'ops', 'Admin Ops'),
      role('111111111111', 'ops', 'Admin-Ops'),
    ];
    expect(
      names(
        '{accountName}.{roleName}',
        roles.map((r) => ({ ...r, roleName: r.roleName.replace('@', ' ') })),
      ),
    ).toEqual([
      ['ops.Admin-Ops', '111111111111', 'Admin Ops'],
      ['ops.Admin-Ops-2', '111111111111', 'Admin Ops'],
      ['ops.Admin-Ops-3', '111111111111', 'Admin-Ops'],
    ]);
  });
});

describe('other templates', () => {
  it('fills every field', () => {
    expect(
      names('{session}/{accountId}/{emailAddress}:{roleName}', [role('111111111111', 'x', 'Admin')]),
    ).toEqual([['acme/111111111111/aws+111111111111@example.com:Admin', '111111111111', 'Admin']]);
  });
});
