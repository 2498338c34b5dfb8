// The window's search box: which accounts and roles match what the user typed, best first.
// Pure and DOM-free so it is tested under Node; the renderer only ever sees the listing, never a token.
import type { RoleRef } from './api.js';

export interface SearchableAccount {
  accountId: string;
  accountName: string;
  emailAddress: string;
  roles: string[];
}

/** A favourite of the session being searched: the role triple without its session. */
type SessionRole = Pick<RoleRef, 'accountId' | 'roleName'>;

export interface SearchHit<A extends SearchableAccount> {
  account: A;
  /** The roles to show: all of them when the account matched, else those that matched. */
  roles: string[];
}

/**
 * Every word of the query must match the account (name, id, e-mail) or one of its roles, case-insensitively.
 * While searching, favourites' accounts come first, then accounts whose name starts with the query, then by name;
 * with nothing typed, every account keeps its place by name (favourites have their own list above).
 */
export function searchAccounts<A extends SearchableAccount>(
  accounts: readonly A[],
  query: string,
  favourites: readonly SessionRole[] = [],
): SearchHit<A>[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const favouriteAccounts = new Set(favourites.map((f) => f.accountId));
  const { haystacks, byName } = indexOf(accounts);
  const hits: Array<SearchHit<A> & { rank: number; order: number }> = [];
  for (const [index, account] of accounts.entries()) {
    const haystack = haystacks[index] as string;
    const accountWords = words.filter((w) => haystack.includes(w));
    const roleWords = words.filter((w) => !accountWords.includes(w));
    const roles = roleWords.length
      ? account.roles.filter((r) => roleWords.every((w) => r.toLowerCase().includes(w)))
      : account.roles;
    if (roleWords.length && roles.length === 0) continue;
    const prefix = words.length > 0 && account.accountName.toLowerCase().startsWith(words[0] ?? '');
    const favourite = words.length > 0 && favouriteAccounts.has(account.accountId);
    const rank = (favourite ? 0 : 2) + (prefix ? 0 : 1);
    hits.push({ account, roles, rank, order: byName[index] as number });
  }
  hits.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return hits.map(({ account, roles }) => ({ account, roles }));
}

/** What a keystroke needs of a listing that does not change between keystrokes: worked out once per listing. */
interface SearchIndex {
  /** Name, id and e-mail, lowercased, per account. */
  haystacks: string[];
  /** Each account's place in name order (the locale's collation, as localeCompare has it). */
  byName: Int32Array;
}

const indexes = new WeakMap<readonly SearchableAccount[], SearchIndex>();
const collator = new Intl.Collator();

function indexOf(accounts: readonly SearchableAccount[]): SearchIndex {
  let index = indexes.get(accounts);
  if (index) return index;
  const haystacks = accounts.map((a) => `${a.accountName}\n${a.accountId}\n${a.emailAddress}`.toLowerCase());
  const byName = new Int32Array(accounts.length);
  [...accounts.keys()]
    .sort((a, b) => collator.compare(accounts[a]!.accountName, accounts[b]!.accountName))
    .forEach((account, place) => (byName[account] = place));
  index = { haystacks, byName };
  indexes.set(accounts, index);
  return index;
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
