// Turns what a user types (an account by id or name, a role, a session) into exact values, or a sentence saying
// what exists.
import { SsoTrayError } from '../core/public.js';
import type { AccountWithRoles } from '../core/shapes/front-end-shapes.js';

export function resolveAccount(accounts: AccountWithRoles[], query: string): AccountWithRoles {
  const byId = accounts.find((a) => a.accountId === query);
  if (byId) return byId;
  const lower = query.toLowerCase();
  const byName = accounts.filter((a) => a.accountName.toLowerCase() === lower);
  if (byName.length === 1 && byName[0]) return byName[0];
  if (byName.length > 1) {
    throw new SsoTrayError(
      'invalid-input',
      `Several accounts are named "${query}" (${byName.map((a) => a.accountId).join(', ')}); use the account id.`,
    );
  }
  const similar = accounts
    .filter((a) => a.accountName.toLowerCase().includes(lower) || a.accountId.includes(query))
    .slice(0, 5)
    .map((a) => `${a.accountName} (${a.accountId})`);
  throw new SsoTrayError(
    'not-found',
    `No account "${query}" is assigned to you` +
      (similar.length ? `; did you mean ${similar.join(', ')}?` : '; run `sso-tray accounts` to list them.'),
  );
}

export function resolveRole(account: AccountWithRoles, query: string): string {
  const exact =
    account.roles.find((r) => r === query) ??
    account.roles.find((r) => r.toLowerCase() === query.toLowerCase());
  if (exact) return exact;
  throw new SsoTrayError(
    'not-found',
    `You have no role "${query}" in ${account.accountName} (${account.accountId}); the roles are: ${
      account.roles.join(', ') || 'none'
    }.`,
  );
}

/** A session name derived from a start URL: "https://acme.awsapps.com/start" -> "acme". */
export function sessionNameFromStartUrl(startUrl: string): string {
  let host: string;
  try {
    host = new URL(startUrl).hostname;
  } catch {
    throw new SsoTrayError(
      'invalid-input',
      `"${startUrl}" is not a start URL; it looks like https://acme.awsapps.com/start.`,
    );
  }
  const label = host.split('.')[0] ?? host;
  return label.replace(/[^A-Za-z0-9_.-]/g, '-') || 'default';
}
