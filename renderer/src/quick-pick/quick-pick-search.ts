// The quick-pick's search: every role of every signed-in session, favourites and recent first, fuzzy over the
// account's name, id and e-mail and the role's name. Pure and DOM-free so it is tested (and timed) under Node.
import type { RoleRef } from '../../../electron/core/shapes/front-end-shapes.js';

export interface QuickRole {
  session: string;
  accountId: string;
  accountName: string;
  emailAddress: string;
  roleName: string;
  /** 0 for a favourite, 1 for a recent role, 2 otherwise. */
  tier: number;
  /** Position in the favourites or the recent list (newest first). */
  order: number;
  /** Lower-cased "name id e-mail role", built once. */
  haystack: string;
  /** Lower-cased account name and role name: letters-in-order matches stay inside one of them. */
  names: [string, string];
}

export interface ListingLike {
  session: string;
  accounts: ReadonlyArray<{ accountId: string; accountName: string; emailAddress: string; roles: string[] }>;
}

const keyOf = (session: string, accountId: string, roleName: string) =>
  `${session}\n${accountId}\n${roleName}`;

/** Every role of the listings, each with its tier (favourite, recent, other). */
export function quickRoles(
  listings: readonly ListingLike[],
  favourites: readonly RoleRef[],
  recent: readonly RoleRef[],
): QuickRole[] {
  const favourite = new Map(favourites.map((f, i) => [keyOf(f.session, f.accountId, f.roleName), i]));
  const used = new Map(recent.map((r, i) => [keyOf(r.session, r.accountId, r.roleName), i]));
  const roles: QuickRole[] = [];
  for (const listing of listings) {
    for (const account of listing.accounts) {
      for (const roleName of account.roles) {
        const key = keyOf(listing.session, account.accountId, roleName);
        const f = favourite.get(key);
        const r = used.get(key);
        roles.push({
          session: listing.session,
          accountId: account.accountId,
          accountName: account.accountName,
          emailAddress: account.emailAddress,
          roleName,
          tier: f !== undefined ? 0 : r !== undefined ? 1 : 2,
          order: f ?? r ?? 0,
          haystack:
            `${account.accountName} ${account.accountId} ${account.emailAddress} ${roleName}`.toLowerCase(),
          names: [account.accountName.toLowerCase(), roleName.toLowerCase()],
        });
      }
    }
  }
  // Sorted by name once here, so each keystroke's sort compares numbers, not strings (localeCompare is slow).
  roles.sort((a, b) => a.accountName.localeCompare(b.accountName) || a.roleName.localeCompare(b.roleName));
  return roles;
}

/** How well one word matches: a substring at a word's start beats one inside, which beats letters in order. */
function wordScore(role: QuickRole, word: string): number {
  const at = role.haystack.indexOf(word);
  if (at >= 0) return at === 0 || /[\s@._+-]/.test(role.haystack[at - 1] ?? '') ? 3 : 2;
  // Fuzzy: the word's letters in order within the account's or the role's name ("paydev", "adm acc").
  return role.names.some((name) => inOrder(name, word)) ? 1 : 0;
}

function inOrder(text: string, word: string): boolean {
  let from = 0;
  for (const char of word) {
    from = text.indexOf(char, from) + 1;
    if (from === 0) return false;
  }
  return true;
}

/** The roles matching every word of the query, best first, at most `limit`. */
export function searchRoles(roles: readonly QuickRole[], query: string, limit = 50): QuickRole[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const scored: Array<{ role: QuickRole; score: number; at: number }> = [];
  for (const [at, role] of roles.entries()) {
    let score = 0;
    for (const word of words) {
      const s = wordScore(role, word);
      if (s === 0) {
        score = -1;
        break;
      }
      score += s;
    }
    if (score >= 0) scored.push({ role, score, at });
  }
  scored.sort(
    (a, b) =>
      a.role.tier - b.role.tier ||
      (a.role.tier < 2 ? a.role.order - b.role.order : 0) ||
      b.score - a.score ||
      a.at - b.at,
  );
  return scored.slice(0, limit).map((s) => s.role);
}
