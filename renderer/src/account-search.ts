// The window's search box: which accounts and roles match what the user typed, best first.
// Pure and DOM-free so it is tested under Node; the renderer only ever sees the listing, never a token.

export interface SearchableAccount {
  accountId: string;
  accountName: string;
  emailAddress: string;
  roles: string[];
}

export interface RoleKey {
  accountId: string;
  roleName: string;
}

export interface SearchHit<A extends SearchableAccount> {
  account: A;
  /** The roles to show: all of them when the account matched, else those that matched. */
  roles: string[];
}

/**
 * Every word of the query must match the account (name, id, e-mail) or one of its roles, case-insensitively.
 * Favourites come first, then accounts whose name starts with the query, then by name.
 */
export function searchAccounts<A extends SearchableAccount>(
  accounts: readonly A[],
  query: string,
  favourites: readonly RoleKey[] = [],
): SearchHit<A>[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const favouriteAccounts = new Set(favourites.map((f) => f.accountId));
  const hits: Array<SearchHit<A> & { rank: number }> = [];
  for (const account of accounts) {
    const haystack = `${account.accountName}\n${account.accountId}\n${account.emailAddress}`.toLowerCase();
    const accountWords = words.filter((w) => haystack.includes(w));
    const roleWords = words.filter((w) => !accountWords.includes(w));
    const roles = roleWords.length
      ? account.roles.filter((r) => roleWords.every((w) => r.toLowerCase().includes(w)))
      : account.roles;
    if (roleWords.length && roles.length === 0) continue;
    const prefix = words.length > 0 && account.accountName.toLowerCase().startsWith(words[0] ?? '');
    const rank = (favouriteAccounts.has(account.accountId) ? 0 : 2) + (prefix ? 0 : 1);
    hits.push({ account, roles, rank });
  }
  hits.sort((a, b) => a.rank - b.rank || a.account.accountName.localeCompare(b.account.accountName));
  return hits.map(({ account, roles }) => ({ account, roles }));
}

/** The query's words, as searchAccounts splits them. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** The text cut into plain and matched parts (any word of the query, case-insensitively), for <mark>. */
export function markMatches(text: string, words: readonly string[]): Array<{ text: string; match: boolean }> {
  const lower = text.toLowerCase();
  const hit = new Array<boolean>(text.length).fill(false);
  for (const word of words) {
    for (let at = lower.indexOf(word); at >= 0 && word; at = lower.indexOf(word, at + 1)) {
      hit.fill(true, at, at + word.length);
    }
  }
  const parts: Array<{ text: string; match: boolean }> = [];
  for (let i = 0; i < text.length; i++) {
    const last = parts.at(-1);
    if (last && last.match === hit[i]) last.text += text[i];
    else parts.push({ text: text[i] ?? '', match: hit[i] ?? false });
  }
  return parts;
}
