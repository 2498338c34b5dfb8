// Routes each request to its operation, with latency, faults and rate limits in front and the call log behind.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { handleAuthorize, handleDevicePage } from './approval-routes.js';
import { errorPage } from './approval-pages.js';
import { FederationDesk, sendConsolePage } from './federation-endpoint.js';
import type { IdentityStore } from './identity-store.js';
import type { ApiName, CallRecord } from './model.js';
import {
  createToken,
  type OidcContext,
  registerClient,
  startDeviceAuthorization,
} from './oidc-operations.js';
import * as portal from './portal-operations.js';
import type { TrafficControl } from './traffic-control.js';
import { getCallerIdentity } from './sts-endpoint.js';
import {
  readBody,
  readJsonObject,
  sendError,
  sendHtml,
  sendJson,
  serverError,
  ServiceError,
  type Service,
  throttled,
} from './wire.js';

export interface HandlerState {
  store: IdentityStore;
  traffic: TrafficControl;
  calls: CallRecord[];
  autoApprove: boolean;
  baseUrl: () => string;
  log: ((line: string) => void) | undefined;
  /** Aborted on close, so delayed answers do not hold the process. */
  closing: AbortSignal;
}

type Operation = (state: HandlerState, req: IncomingMessage, call: Partial<CallRecord>) => Promise<unknown>;

interface Route {
  api: ApiName;
  method: string;
  service: Service;
  run: Operation;
}

const oidc =
  (op: (ctx: OidcContext, body: Record<string, unknown>) => unknown): Operation =>
  async (state, req, call) =>
    op(
      { store: state.store, baseUrl: state.baseUrl(), autoApprove: state.autoApprove, call },
      await readJsonObject(req),
    );

const portalOp =
  (op: (ctx: portal.PortalContext) => unknown): Operation =>
  async (state, req, call) =>
    op({
      store: state.store,
      headers: req.headers,
      query: new URL(req.url ?? '/', 'http://x').searchParams,
      call,
    });

const ROUTES: Record<string, Route> = {
  '/client/register': { api: 'RegisterClient', method: 'POST', service: 'oidc', run: oidc(registerClient) },
  '/device_authorization': {
    api: 'StartDeviceAuthorization',
    method: 'POST',
    service: 'oidc',
    run: oidc(startDeviceAuthorization),
  },
  '/token': { api: 'CreateToken', method: 'POST', service: 'oidc', run: oidc(createToken) },
  '/assignment/accounts': {
    api: 'ListAccounts',
    method: 'GET',
    service: 'portal',
    run: portalOp(portal.listAccounts),
  },
  '/assignment/roles': {
    api: 'ListAccountRoles',
    method: 'GET',
    service: 'portal',
    run: portalOp(portal.listAccountRoles),
  },
  '/federation/credentials': {
    api: 'GetRoleCredentials',
    method: 'GET',
    service: 'portal',
    run: portalOp(portal.getRoleCredentials),
  },
  '/logout': { api: 'Logout', method: 'POST', service: 'portal', run: portalOp(portal.logout) },
};

function finish(state: HandlerState, req: IncomingMessage, call: CallRecord, started: number): void {
  state.calls.push(call);
  const error = call.errorType ? ` ${call.errorType}` : '';
  state.log?.(
    `${req.method} ${new URL(req.url ?? '/', 'http://x').pathname} ${call.api} ${call.status}${error} ${Date.now() - started}ms`,
  );
}

function abandoned(call: CallRecord): 'drop' {
  call.abandoned = true;
  return 'drop';
}

/** Latency, then an injected fault, then the rate limit: what stands between a call and its operation. */
async function gate(
  state: HandlerState,
  call: CallRecord,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<ServiceError | 'drop' | undefined> {
  // A client that gives up on a held call (its timeout, its deadline) closes the connection: the hold ends there and
  // the call is recorded as abandoned, so a test sees every attempt that reached the emulator.
  const gone = new AbortController();
  res.once('close', () => gone.abort());
  const hold = async (ms: number) => {
    if (ms <= 0) return;
    call.heldMs = (call.heldMs ?? 0) + ms;
    await sleep(ms, undefined, { signal: AbortSignal.any([state.closing, gone.signal]) }).catch(
      (error: unknown) => {
        if (!gone.signal.aborted || state.closing.aborted) throw error;
      },
    );
  };
  await hold(state.traffic.latencyFor(call.api));
  if (gone.signal.aborted) return abandoned(call);
  // The request line (never a header: the access token travels in one) tells a seeded fault which call this is.
  const fault = state.traffic.faultFor(call.api, `${req.method ?? ''} ${req.url ?? ''}`);
  if (fault?.kind === 'drop') {
    res.socket?.destroy();
    return 'drop';
  }
  if (fault?.kind === 'slow') await hold(fault.delayMs ?? 5000);
  if (gone.signal.aborted) return abandoned(call);
  if (fault?.kind === 'server-error') return serverError(fault.status ?? 500);
  if (fault?.kind === 'throttle' || !state.traffic.allow(call.api)) return throttled();
  return undefined;
}

export function createRequestHandler(
  state: HandlerState,
  admin: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>,
): (req: IncomingMessage, res: ServerResponse) => void {
  const federation = new FederationDesk(state.store.now);
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    handle(state, admin, req, res, url, federation).catch((error: unknown) => {
      if (state.closing.aborted) return res.destroy();
      state.log?.(
        `internal error on ${req.method} ${url.pathname}: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (!res.headersSent) sendJson(res, 500, { message: 'Internal error in the emulator' });
      else res.destroy();
    });
  };
}

async function handle(
  state: HandlerState,
  admin: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  federation: FederationDesk,
): Promise<void> {
  if (url.pathname.startsWith('/__admin/')) return admin(req, res, url);
  if (url.pathname.startsWith('/console/'))
    return sendConsolePage(res, federation.visit(url.pathname.slice(9)));
  if (url.pathname === '/device' && (req.method === 'GET' || req.method === 'POST'))
    return handleDevicePage(req, res, url, state.store);
  const started = Date.now();
  if (url.pathname === '/authorize' && (req.method === 'GET' || req.method === 'POST')) {
    const call: CallRecord = { api: 'Authorize', at: state.store.now(), status: 0 };
    const blocked = await gate(state, call, req, res);
    if (blocked instanceof ServiceError) {
      sendHtml(res, blocked.status, errorPage('Something went wrong', 'Try again in a moment.'));
      Object.assign(call, { status: blocked.status, errorType: blocked.shape });
    } else if (blocked !== 'drop') {
      call.status = await handleAuthorize(req, res, url, state.store, state.autoApprove, call);
    }
    return finish(state, req, call, started);
  }
  // The sign-in federation endpoint (AWS_ENDPOINT_URL_SIGNIN): getSigninToken and login.
  if (url.pathname === '/federation') {
    const call: CallRecord = {
      api: url.searchParams.get('Action') === 'login' ? 'Login' : 'GetSigninToken',
      at: state.store.now(),
      status: 0,
    };
    const blocked = await gate(state, call, req, res);
    if (blocked === 'drop') return finish(state, req, call, started);
    if (blocked) {
      sendError(res, 'portal', blocked);
      Object.assign(call, { status: blocked.status, errorType: blocked.shape });
    } else federation.handle(req, res, url, state.baseUrl(), call);
    return finish(state, req, call, started);
  }
  // STS (AWS_ENDPOINT_URL_STS): GetCallerIdentity, for clients to prove the role credentials they were given.
  if (url.pathname === '/' && req.method === 'POST') {
    const call: CallRecord = { api: 'GetCallerIdentity', at: state.store.now(), status: 0 };
    const blocked = await gate(state, call, req, res);
    if (blocked === 'drop') return finish(state, req, call, started);
    if (blocked) {
      sendError(res, 'portal', blocked);
      Object.assign(call, { status: blocked.status, errorType: blocked.shape });
    } else {
      const body = await readBody(req);
      await getCallerIdentity(
        req,
        res,
        body,
        state.store.now(),
        (id) => federation.issuedCredentials(id),
        call,
      );
    }
    return finish(state, req, call, started);
  }
  const route = ROUTES[url.pathname];
  if (!route || route.method !== req.method || url.searchParams.has('aws_iam')) {
    res.writeHead(404, {
      'Content-Type': 'application/json',
      'x-amzn-ErrorType': 'UnknownOperationException',
    });
    res.end(JSON.stringify({ message: 'Not Found' }));
    return;
  }
  const call: CallRecord = { api: route.api, at: state.store.now(), status: 0 };
  const blocked = await gate(state, call, req, res);
  if (blocked === 'drop') return finish(state, req, call, started);
  try {
    if (blocked) throw blocked;
    const result = await route.run(state, req, call);
    if (route.api === 'GetRoleCredentials') federation.remember(result, call);
    sendJson(res, 200, result);
    call.status = 200;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    sendError(res, route.service, error);
    Object.assign(call, { status: error.status, errorType: error.shape });
  }
  finish(state, req, call, started);
}
