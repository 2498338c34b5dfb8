import { describe, expect, it } from 'vitest';
import { demoOrganisation, generateOrganisation, PERMISSION_SETS } from './demo-organisation.js';
import { organisationSchema } from './schemas.js';

describe('the demo organisation', () => {
  const org = demoOrganisation();
  const byName = (name: string) => org.accounts.find((a) => a.accountName === name);

  it('has eight teams with dev, test and prod accounts, plus shared accounts', () => {
    for (const stage of ['dev', 'test', 'prod'])
      expect(org.accounts.filter((a) => a.accountName.endsWith(` ${stage}`))).toHaveLength(8);
    for (const shared of ['Security', 'Log Archive', 'Networking', 'Billing'])
      expect(byName(shared)).toBeDefined();
  });

  it('passes the fixture schema: 12-digit unique ids, e-mail addresses, permission set names', () => {
    expect(organisationSchema.safeParse(org).success).toBe(true);
    expect(new Set(org.accounts.map((a) => a.accountId)).size).toBe(org.accounts.length);
    expect(byName('Payments dev')?.emailAddress).toBe('aws+payments-dev@anycompany.example');
  });

  it('uses every usual permission set, and gives prod fewer than dev', () => {
    expect(new Set(org.accounts.flatMap((a) => a.roles))).toEqual(new Set(PERMISSION_SETS));
    expect(byName('Search prod')?.roles).toEqual(['ReadOnlyAccess', 'ViewOnlyAccess']);
    expect(byName('Search dev')?.roles.length).toBeGreaterThan(byName('Search prod')?.roles.length ?? 0);
    expect(byName('Billing')?.roles).toContain('Billing');
  });

  it('is the same every time', () => {
    expect(demoOrganisation()).toEqual(org);
  });
});

describe('generated organisations for benchmarks', () => {
  it('makes 2,000 valid accounts with unique ids, each with at least one permission set', () => {
    const big = generateOrganisation(2000);
    expect(big.accounts).toHaveLength(2000);
    expect(organisationSchema.safeParse(big).success).toBe(true);
    expect(new Set(big.accounts.map((a) => a.accountId)).size).toBe(2000);
    expect(big.accounts.every((a) => a.roles.length > 0)).toBe(true);
  });

  it('is deterministic per seed', () => {
    expect(generateOrganisation(50, 3)).toEqual(generateOrganisation(50, 3));
    expect(generateOrganisation(50, 3)).not.toEqual(generateOrganisation(50, 4));
  });

  it('refuses a count that is not a positive whole number', () => {
    expect(() => generateOrganisation(0)).toThrow('accounts must be a positive whole number');
  });
});
