// The browser side of sign-in: the device code page and the /authorize consent page (PKCE).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AUTHORIZATION_CODE_SECONDS, type AuthorizationCode, type IdentityStore } from './identity-store.js';
import type { CallRecord } from './model.js';
import { allowsGrant, isLoopbackHost } from './oidc-operations.js';
import * as pages from './approval-pages.js';
import { readBody, redirect, sendHtml } from './wire.js';

const AUTHORIZE_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'state',
  'code_challenge_method',
  'scopes',
  'code_challenge',
];

/** A request the page cannot honour; shown as an error page, never redirected to an unchecked URI. */
class PageError extends Error {}

async function formOrQuery(req: IncomingMessage, url: URL): Promise<URLSearchParams> {
  return req.method === 'POST' ? new URLSearchParams(await readBody(req)) : url.searchParams;
}

export async function handleDevicePage(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  store: IdentityStore,
): Promise<void> {
  const params = await formOrQuery(req, url);
  const userCode = params.get('user_code');
  if (req.method === 'GET' && !userCode) return sendHtml(res, 200, pages.deviceCodeEntryPage());
  const device = userCode ? store.pendingDevice(userCode) : undefined;
  if (!device)
    return sendHtml(
      res,
      400,
      pages.errorPage('Code not valid', 'This code is not valid or has expired. Start the sign-in again.'),
    );
  if (req.method === 'GET')
    return sendHtml(
      res,
      200,
      pages.deviceApprovalPage(device.userCode, device.client.clientName, device.directory.startUrl),
    );
  const decision = params.get('decision');
  if (decision === 'approve') {
    device.decision = 'approved';
    return sendHtml(res, 200, pages.resultPage('Request approved', 'You can close this window.'));
  }
  if (decision === 'deny') {
    device.decision = 'denied';
    return sendHtml(res, 200, pages.resultPage('Request denied', 'The application will not get access.'));
  }
  sendHtml(res, 400, pages.errorPage('Choose Approve or Deny', 'The request had no decision.'));
}

/** The registered URI matches; a loopback URI registered without a port accepts any port (RFC 8252 7.3). */
function redirectMatches(registered: string, requested: URL): boolean {
  let reg: URL;
  try {
    reg = new URL(registered);
  } catch {
    return false;
  }
  if (reg.protocol !== requested.protocol || reg.hostname !== requested.hostname) return false;
  if (reg.pathname !== requested.pathname) return false;
  return reg.port === requested.port || (reg.port === '' && isLoopbackHost(reg.hostname));
}

function checkAuthorize(store: IdentityStore, params: URLSearchParams, call: Partial<CallRecord>) {
  const clientId = params.get('client_id') ?? '';
  if (clientId) call.clientId = clientId;
  const client = store.clients.get(clientId);
  if (!client || store.now() >= client.secretExpiresAt) throw new PageError('The client_id is not valid.');
  if (!allowsGrant(client, 'authorization_code'))
    throw new PageError('This client is not registered for the authorization code grant.');
  const rawRedirect = params.get('redirect_uri') ?? '';
  let redirectUri: URL;
  try {
    redirectUri = new URL(rawRedirect);
  } catch {
    throw new PageError('The redirect_uri is not valid.');
  }
  if (!client.redirectUris.some((registered) => redirectMatches(registered, redirectUri)))
    throw new PageError('The redirect_uri is not registered for this client.');
  if (params.get('response_type') !== 'code') throw new PageError('The response_type must be code.');
  const challenge = params.get('code_challenge') ?? '';
  if (params.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(challenge))
    throw new PageError('A PKCE code_challenge with code_challenge_method S256 is required.');
  const scopes = (params.get('scopes') ?? '').split(' ').filter(Boolean);
  if (scopes.some((scope) => !client.scopes.includes(scope)))
    throw new PageError('The scopes asked for were not registered for this client.');
  const directory = client.directory ?? store.defaultDirectory;
  call.startUrl = directory.startUrl;
  const grant: AuthorizationCode = {
    client,
    directory,
    redirectUri: rawRedirect,
    codeChallenge: challenge,
    scopes: scopes.length > 0 ? scopes : client.scopes,
    expiresAt: store.now() + AUTHORIZATION_CODE_SECONDS * 1000,
  };
  return { grant, redirectUri, state: params.get('state') };
}

/** GET shows the consent page (or approves at once); POST carries the decision. Returns the HTTP status. */
export async function handleAuthorize(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  store: IdentityStore,
  autoApprove: boolean,
  call: Partial<CallRecord>,
): Promise<number> {
  const params = await formOrQuery(req, url);
  let checked: ReturnType<typeof checkAuthorize>;
  try {
    checked = checkAuthorize(store, params, call);
  } catch (error) {
    if (!(error instanceof PageError)) throw error;
    call.errorType = 'InvalidRequestException';
    sendHtml(res, 400, pages.errorPage('Sign-in request not valid', error.message));
    return 400;
  }
  const { grant, redirectUri, state } = checked;
  const decision = req.method === 'POST' ? params.get('decision') : autoApprove ? 'approve' : undefined;
  if (!decision) {
    const carried = Object.fromEntries(
      AUTHORIZE_PARAMS.flatMap((name) => {
        const value = params.get(name);
        return value === null ? [] : [[name, value]];
      }),
    );
    sendHtml(res, 200, pages.authorizePage(grant.client.clientName, grant.directory.startUrl, carried));
    return 200;
  }
  const location = new URL(redirectUri);
  if (decision === 'approve') location.searchParams.set('code', store.issueCode(grant));
  else {
    location.searchParams.set('error', 'access_denied');
    location.searchParams.set('error_description', 'The user denied the request');
  }
  if (state !== null) location.searchParams.set('state', state);
  redirect(res, location.toString());
  return 302;
}
