// One account (name, id, e-mail) that opens to its permission sets, and one permission set with its star and
// its Management console, console link and Access keys buttons.
import { html, nothing } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { Actions } from '../actions/bound-actions.js';
import { markMatches } from '../account-search.js';
import type { AccountWithRoles } from '../api.js';
import type { RoleRef } from '../state.js';
import { plural } from '../session-text.js';

export interface RowContext {
  session: string;
  actions: Actions;
  isFavourite(accountId: string, roleName: string): boolean;
  /** The search's words, marked where they match. */
  words: readonly string[];
  /** A favourite's own console region (favourites list only). */
  favouriteRegion?(accountId: string, roleName: string): string | undefined;
  /** While a listing runs: the account's roles are not known yet. */
  rolesPending?(accountId: string): boolean;
  /** The listing failed before it had the account's roles. */
  rolesFailed?(accountId: string): boolean;
}

/** The text with what the search matched in <mark>. */
export function marked(text: string, words: readonly string[]) {
  if (words.length === 0) return text;
  return markMatches(text, words).map((part) => (part.match ? html`<mark>${part.text}</mark>` : part.text));
}

/** "5 roles", or "1 of 5 roles" when the search shows only some. */
function roleCount(shown: number, all: number): string {
  return shown === all ? plural(all, 'role') : `${shown.toLocaleString('en-US')} of ${plural(all, 'role')}`;
}

export function accountRow(account: AccountWithRoles, roles: string[], open: boolean, row: RowContext) {
  const listId = `roles-${account.accountId}`;
  const pending = row.rolesPending?.(account.accountId) ?? false;
  const failed = row.rolesFailed?.(account.accountId) ?? false;
  const count = failed
    ? 'Roles not listed'
    : pending
      ? 'roles…'
      : roleCount(roles.length, account.roles.length);
  return html`<li class="account ${open ? 'open' : ''}">
    <button
      type="button"
      class="account-toggle"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls=${listId}
      @click=${() => row.actions.toggleAccount(account.accountId)}
    >
      <span class="chevron" aria-hidden="true"></span>
      <span class="account-main">
        <span class="account-name">${marked(account.accountName, row.words)}</span>
        <span class="account-meta"
          ><span class="mono">${marked(account.accountId, row.words)}</span> ·
          ${marked(account.emailAddress, row.words)}</span
        >
      </span>
      <span class="count">${count}</span>
    </button>
    ${
      failed
        ? html`<button
            type="button"
            class="link retry-roles"
            data-focus-key="retry:${account.accountId}"
            aria-label="Try again listing the roles in ${account.accountName}"
            @click=${() => row.actions.retryRoles(account.accountId)}
          >
            Try again
          </button>`
        : nothing
    }
    ${
      open
        ? html`<ul class="role-list" id=${listId} aria-label="Roles in ${account.accountName}">
            ${
              failed
                ? html`<li class="role muted">Identity Center did not list the roles in this account.</li>`
                : pending
                  ? html`<li class="role muted" role="status">Listing the roles…</li>`
                  : repeat(
                      roles,
                      (r) => r,
                      (roleName) => roleRow(account, roleName, row, false),
                    )
            }
          </ul>`
        : nothing
    }
  </li>`;
}

/** A permission set; `withAccount` for the favourites and recent lists, where the account is not around it. */
export function roleRow(
  account: Pick<AccountWithRoles, 'accountId' | 'accountName'>,
  roleName: string,
  row: RowContext,
  withAccount: boolean,
  inFavourites = false,
) {
  const favourite = row.isFavourite(account.accountId, roleName);
  const role = { session: row.session, accountId: account.accountId, roleName };
  const titled = { ...role, accountName: account.accountName };
  return html`<li class="role">
    <span class="role-main">
      <span class="role-name">${marked(roleName, row.words)}</span>
      ${
        withAccount
          ? html`<span class="account-meta"
              >${
                // Only the id where no cached listing names the account (the whole lists of "More…").
                account.accountName === account.accountId ? nothing : `${account.accountName} · `
              }<span class="mono">${account.accountId}</span></span
            >`
          : nothing
      }
    </span>
    <button
      type="button"
      class="star ${favourite ? 'on' : ''}"
      data-focus-key="star:${role.session}:${role.accountId}:${role.roleName}"
      aria-pressed=${favourite ? 'true' : 'false'}
      aria-label="Favourite ${roleName} in ${account.accountName}"
      title=${favourite ? 'Remove from favourites' : 'Add to favourites'}
      @click=${() => row.actions.toggleFavourite(role)}
    >
      ${favourite ? '★' : '☆'}
    </button>
    ${inFavourites ? regionField(row, role, account.accountName) : nothing}
    <button
      type="button"
      class="link"
      aria-label="Management console for ${roleName} in ${account.accountName}"
      @click=${() => void row.actions.openConsole(titled).catch(() => undefined)}
    >
      Management console
    </button>
    <button
      type="button"
      class="link"
      aria-label="Copy console link for ${roleName} in ${account.accountName}"
      title="The access portal's link: signs in through your browser's portal session"
      @click=${() => row.actions.copyConsoleLink(titled)}
    >
      Copy console link
    </button>
    <button
      type="button"
      class="link"
      aria-label="Access keys for ${roleName} in ${account.accountName}"
      data-focus-key="keys:${role.session}:${role.accountId}:${role.roleName}"
      @click=${() => row.actions.openAccessKeys(titled)}
    >
      Access keys
    </button>
  </li>`;
}

/** A favourite's console region: empty means the default region (Settings), then the session's. */
function regionField(row: RowContext, role: RoleRef, accountName: string) {
  return html`<input
    class="console-region mono"
    aria-label="Console region for ${role.roleName} in ${accountName}"
    title="The region this favourite's console opens in; empty for the default"
    placeholder="region"
    spellcheck="false"
    autocomplete="off"
    .value=${row.favouriteRegion?.(role.accountId, role.roleName) ?? ''}
    @change=${(e: Event) => row.actions.setFavouriteRegion(role, (e.target as HTMLInputElement).value.trim())}
  />`;
}
