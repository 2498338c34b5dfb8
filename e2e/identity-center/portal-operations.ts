// The SSO portal: ListAccounts, ListAccountRoles, GetRoleCredentials and Logout, all under a bearer token.
import type { IncomingHttpHeaders } from 'node:http';
import type { IdentityStore, Session } from './identity-store.js';
import type { CallRecord, OrganisationAccount } from './model.js';
import * as random from './random-values.js';
import { portalError } from './wire.js';

const BEARER_HEADER = 'x-amz-sso_bearer_token';
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

export interface PortalContext {
  store: IdentityStore;
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
  call: Partial<CallRecord>;
}

function session(ctx: PortalContext): Session {
  const header = ctx.headers[BEARER_HEADER];
  const token = Array.isArray(header) ? header[0] : header;
  const found = token ? ctx.store.sessionFor(token) : undefined;
  if (!found) throw portalError.unauthorized();
  ctx.call.startUrl = found.directory.startUrl;
  return found;
}

function requiredParam(ctx: PortalContext, name: string): string {
  const value = ctx.query.get(name);
  if (!value) throw portalError.invalidRequest(`${name} is required`);
  return value;
}

function assignedAccount(ctx: PortalContext, current: Session): OrganisationAccount {
  const accountId = requiredParam(ctx, 'account_id');
  ctx.call.accountId = accountId;
  const account = current.directory.organisation.accounts.find((a) => a.accountId === accountId);
  if (!account || account.roles.length === 0) throw portalError.notFound('Account not found or not assigned');
  return account;
}

/** One page of `items` after the opaque `next_token`, `max_result` (1..100) long. */
function page<T>(ctx: PortalContext, listId: string, items: T[]): { items: T[]; nextToken?: string } {
  const rawSize = ctx.query.get('max_result');
  const size = rawSize === null ? DEFAULT_PAGE_SIZE : Number(rawSize);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
    throw portalError.invalidRequest(`max_result must be between 1 and ${MAX_PAGE_SIZE}`);
  const token = ctx.query.get('next_token');
  const offset = token === null ? 0 : decodePageToken(token, listId, items.length);
  const end = offset + size;
  return {
    items: items.slice(offset, end),
    ...(end < items.length ? { nextToken: encodePageToken(listId, end) } : {}),
  };
}

function encodePageToken(listId: string, offset: number): string {
  return Buffer.from(JSON.stringify({ l: listId, o: offset })).toString('base64url');
}

function decodePageToken(token: string, listId: string, length: number): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'l' in parsed && 'o' in parsed) {
      const { l, o } = parsed;
      if (l === listId && typeof o === 'number' && Number.isInteger(o) && o > 0 && o < length) return o;
    }
  } catch {
    // falls through to the service's answer for a token it did not issue
  }
  throw portalError.invalidRequest('Invalid next token');
}

export function listAccounts(ctx: PortalContext): Record<string, unknown> {
  const current = session(ctx);
  const assigned = current.directory.organisation.accounts.filter((a) => a.roles.length > 0);
  const result = page(ctx, 'accounts', assigned);
  return {
    ...(result.nextToken ? { nextToken: result.nextToken } : {}),
    accountList: result.items.map(({ accountId, accountName, emailAddress }) => ({
      accountId,
      accountName,
      emailAddress,
    })),
  };
}

export function listAccountRoles(ctx: PortalContext): Record<string, unknown> {
  const account = assignedAccount(ctx, session(ctx));
  const result = page(ctx, `roles:${account.accountId}`, account.roles);
  return {
    ...(result.nextToken ? { nextToken: result.nextToken } : {}),
    roleList: result.items.map((roleName) => ({ roleName, accountId: account.accountId })),
  };
}

export function getRoleCredentials(ctx: PortalContext): Record<string, unknown> {
  const current = session(ctx);
  const roleName = requiredParam(ctx, 'role_name');
  ctx.call.roleName = roleName;
  const account = assignedAccount(ctx, current);
  if (!account.roles.includes(roleName)) throw portalError.forbidden();
  return {
    roleCredentials: {
      accessKeyId: random.accessKeyId(),
      secretAccessKey: random.secretAccessKey(),
      sessionToken: random.sessionToken(),
      expiration: ctx.store.now() + ctx.store.lifetimes.roleCredentialSeconds * 1000,
    },
  };
}

export function logout(ctx: PortalContext): undefined {
  ctx.store.revoke(session(ctx));
  return undefined;
}
