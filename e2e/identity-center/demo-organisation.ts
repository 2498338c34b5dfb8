// A believable AWS organisation for demos, and deterministic big ones for benchmarks.
import type { Organisation, OrganisationAccount } from './model.js';

const TEAMS = [
  'Payments',
  'Checkout',
  'Search',
  'Identity',
  'Data Platform',
  'Mobile',
  'Web Store',
  'Machine Learning',
];
const DOMAIN = 'anycompany.example';

const ROLES_BY_STAGE: Record<string, string[]> = {
  dev: ['AdministratorAccess', 'PowerUserAccess', 'DeveloperAccess', 'ReadOnlyAccess', 'ViewOnlyAccess'],
  test: ['PowerUserAccess', 'DeveloperAccess', 'ReadOnlyAccess', 'ViewOnlyAccess'],
  prod: ['ReadOnlyAccess', 'ViewOnlyAccess'],
};

const SHARED: Array<{ name: string; roles: string[] }> = [
  { name: 'Security', roles: ['ReadOnlyAccess', 'ViewOnlyAccess'] },
  { name: 'Log Archive', roles: ['ReadOnlyAccess'] },
  { name: 'Networking', roles: ['PowerUserAccess', 'ReadOnlyAccess', 'ViewOnlyAccess'] },
  { name: 'Billing', roles: ['Billing', 'ViewOnlyAccess'] },
  { name: 'Shared Services', roles: ['DeveloperAccess', 'ReadOnlyAccess'] },
  { name: 'Sandbox', roles: ['AdministratorAccess', 'PowerUserAccess'] },
  // In the organisation but not assigned to this user: never listed, and the portal refuses it.
  { name: 'Audit', roles: [] },
];

export const PERMISSION_SETS = [
  'AdministratorAccess',
  'PowerUserAccess',
  'ReadOnlyAccess',
  'Billing',
  'ViewOnlyAccess',
  'DeveloperAccess',
];

const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** A small, fast pseudo-random generator (mulberry32): the same seed always gives the same organisation. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function accountIds(count: number, random: () => number): string[] {
  const ids = new Set<string>();
  while (ids.size < count) ids.add(String(100000000000 + Math.floor(random() * 899999999999)));
  return [...ids];
}

export function demoOrganisation(): Organisation {
  const names: Array<{ name: string; roles: string[] }> = [];
  for (const team of TEAMS)
    for (const stage of ['dev', 'test', 'prod'])
      names.push({ name: `${team} ${stage}`, roles: ROLES_BY_STAGE[stage] ?? [] });
  names.push(...SHARED);
  const ids = accountIds(names.length, seededRandom(20260105));
  return {
    accounts: names.map(({ name, roles }, i) => ({
      accountId: ids[i] as string,
      accountName: name,
      emailAddress: `aws+${slug(name)}@${DOMAIN}`,
      roles: [...roles],
    })),
  };
}

const WORDS = [
  'alpha',
  'atlas',
  'beacon',
  'cedar',
  'delta',
  'ember',
  'falcon',
  'harbor',
  'ion',
  'juniper',
  'kite',
];
const NOUNS = [
  'api',
  'billing',
  'catalog',
  'events',
  'gateway',
  'ledger',
  'orders',
  'reports',
  'search',
  'stream',
];

/** `accounts` accounts, each assigned 1..6 permission sets; deterministic for a given seed. */
export function generateOrganisation(accounts: number, seed = 1): Organisation {
  if (!Number.isInteger(accounts) || accounts < 1)
    throw new Error('accounts must be a positive whole number');
  const random = seededRandom(seed);
  const ids = accountIds(accounts, random);
  const list: OrganisationAccount[] = ids.map((accountId, i) => {
    const word = WORDS[Math.floor(random() * WORDS.length)] as string;
    const noun = NOUNS[Math.floor(random() * NOUNS.length)] as string;
    const stage = ['dev', 'test', 'prod'][i % 3] as string;
    const name = `${word}-${noun}-${String(i + 1).padStart(4, '0')}-${stage}`;
    const roles = PERMISSION_SETS.filter(() => random() < 0.5);
    return {
      accountId,
      accountName: name,
      emailAddress: `aws+${name}@${DOMAIN}`,
      roles: roles.length > 0 ? roles : ['ReadOnlyAccess'],
    };
  });
  return { accounts: list };
}
