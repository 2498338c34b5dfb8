// ListAccounts and ListAccountRoles page by page, their answers mapped to the core's accounts and roles.
import type { Account, Role, SessionConfig } from '../shapes/aws-shapes.js';
import type { ServiceDeps } from './clients.js';
import { paced, type PacedTicket } from './paced-command.js';
import { accessTokenOf, sendToPortal, type PortalCall, type PortalToken } from './portal-send.js';

/** The model's maximum page size for ListAccounts and ListAccountRoles. */
const PAGE_SIZE = 100;

/** Every ListAccounts page in turn; `onPage` sees each page's accounts and may stop there by returning true. */
export async function accountPages(
  call: PortalCall,
  onPage?: (page: Account[]) => boolean,
): Promise<Account[]> {
  const accounts: Account[] = [];
  let nextToken: string | undefined;
  do {
    const before = accounts.length;
    const input = { accessToken: accessTokenOf(call.token), maxResults: PAGE_SIZE, nextToken };
    const page = await sendToPortal(call, { action: 'list your accounts' }, (client, sdk, signal) =>
      client.send(new sdk.ListAccountsCommand(input), { abortSignal: signal }),
    );
    for (const a of page.accountList ?? [])
      if (a.accountId)
        accounts.push({
          accountId: a.accountId,
          accountName: a.accountName ?? '',
          emailAddress: a.emailAddress ?? '',
        });
    nextToken = page.nextToken || undefined;
    if (onPage?.(accounts.slice(before))) break;
  } while (nextToken);
  return accounts;
}

/** Every ListAccountRoles page of one account; a listing's calls go through its pacer. */
export async function rolePages(call: PortalCall, accountId: string): Promise<Role[]> {
  const roles: Role[] = [];
  let nextToken: string | undefined;
  do {
    // The scheduler counted the first page's first attempt on the wire when it sent it.
    const ticket: PacedTicket = {
      counted: roles.length === 0 && nextToken === undefined && call.pacer !== undefined,
    };
    const input = { accessToken: accessTokenOf(call.token), accountId, maxResults: PAGE_SIZE, nextToken };
    const page = await sendToPortal(
      call,
      // A listing's failure is the listing's, not one account's the user never asked about.
      {
        action: call.listing ? 'list the roles in your accounts' : `list your roles in account ${accountId}`,
        accountId,
      },
      (client, sdk, signal, deadline) => {
        ticket.deadline = deadline;
        return client.send(paced(new sdk.ListAccountRolesCommand(input), call, ticket), {
          abortSignal: signal,
        });
      },
    );
    for (const r of page.roleList ?? []) if (r.roleName) roles.push({ accountId, roleName: r.roleName });
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return roles;
}

/** Every account the user is assigned, all pages. */
export async function listAccounts(
  session: SessionConfig,
  accessToken: PortalToken,
  deps: ServiceDeps,
  options: { signal?: AbortSignal } = {},
): Promise<Account[]> {
  return accountPages({ session, token: accessToken, deps, signal: options.signal });
}

/** ListAccounts pages up to and including the first page with an account that `matches` (all pages when none does). */
export async function listAccountsUntil(
  session: SessionConfig,
  accessToken: PortalToken,
  deps: ServiceDeps,
  matches: (account: Account) => boolean,
): Promise<Account[]> {
  const call: PortalCall = {
    session,
    token: accessToken,
    deps,
    signal: undefined,
    listing: { answered: false },
  };
  return accountPages(call, (page) => page.some(matches));
}

/** The permission sets the user has in one account, all pages. */
export async function listRoles(
  session: SessionConfig,
  accessToken: PortalToken,
  accountId: string,
  deps: ServiceDeps,
  options: { signal?: AbortSignal } = {},
): Promise<Role[]> {
  return rolePages({ session, token: accessToken, deps, signal: options.signal }, accountId);
}
