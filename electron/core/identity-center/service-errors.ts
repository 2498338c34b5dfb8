// Turns whatever the SDK, the network or a cache throws into one sentence a user can act on, with no secret in it.
import { SsoTrayError, isSsoTrayError, sessionLabel } from '../errors.js';
import type { Problem } from '../next-step.js';
import type { SessionConfig } from '../shapes/aws-shapes.js';
import { routeSentence } from '../network/proxy-sentences.js';
import { routeTakenBy } from '../network/request-route.js';

export interface ErrorContext {
  session: SessionConfig;
  /** A verb phrase that fits "while trying to …", e.g. 'list your accounts'. */
  action: string;
  accountId?: string;
  roleName?: string;
  /** The token that was used, when known: one issued in another region means a wrong region, else a session ended. */
  token?: { region: string; expiresAt: Date };
  /** The request named the start URL (PKCE registration, device authorization): a bad request means an unknown one. */
  startUrlInRequest?: boolean;
  /** Identity Center answered other calls of this same work: a dropped connection is then its fault, not the network's. */
  serviceAnswered?: boolean;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'ECONNABORTED',
]);

const THROTTLING_NAMES = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'Throttling',
  'SlowDownException',
  'RequestLimitExceeded',
]);

// OIDC answers that mean the refresh token or the client registration can no longer be used.
const ENDED_TOKEN_NAMES = new Set([
  'InvalidGrantException',
  'ExpiredTokenException',
  'InvalidClientException',
  'UnauthorizedClientException',
]);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  errors?: unknown;
  $metadata?: { httpStatusCode?: number };
}

function shapeOf(error: unknown): ErrorShape {
  return typeof error === 'object' && error !== null ? (error as ErrorShape) : {};
}

/**
 * True for an attempt unanswered within the configured request timeout. Only that message tells it apart: the
 * SDK's NodeHttpHandler names a dropped connection (ECONNRESET) and a connect timeout TimeoutError too.
 */
function isTimeout(error: unknown): boolean {
  const { message, $metadata } = shapeOf(error);
  return (
    $metadata?.httpStatusCode === undefined &&
    typeof message === 'string' &&
    /exceeded the configured \d+ ms requestTimeout/.test(message)
  );
}

/** True for a connection the server accepted and then dropped without an answer: the service is there, but failing. */
export function isDroppedConnection(error: unknown): boolean {
  const { code, message } = shapeOf(error);
  return (
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    (typeof message === 'string' && /socket hang up/i.test(message))
  );
}

/** True for a connection that failed or dropped, however Node or the SDK reports it. */
function isNetworkError(error: unknown): boolean {
  const shape = shapeOf(error);
  if (typeof shape.code === 'string' && NETWORK_CODES.has(shape.code)) return true;
  if (shape.name === 'TimeoutError' && shape.$metadata?.httpStatusCode === undefined) return true;
  if (typeof shape.message === 'string' && /socket hang up|network socket disconnected/i.test(shape.message))
    return true;
  // Happy-eyeballs connects report each address in an AggregateError.
  if (Array.isArray(shape.errors) && shape.errors.length > 0) return shape.errors.every(isNetworkError);
  return false;
}

/** The service's error name (x-amzn-ErrorType) and HTTP status, when the error came from Identity Center. */
export function serviceErrorOf(error: unknown): { name: string; status: number | undefined } | undefined {
  const shape = shapeOf(error);
  const status = shape.$metadata?.httpStatusCode;
  if (typeof shape.name !== 'string' || (status === undefined && !('$fault' in shapeOf(error))))
    return undefined;
  return { name: shape.name, status };
}

export const sentences = {
  sessionEnded: (s: SessionConfig): Problem => ({
    message: `Your session for ${sessionLabel(s)} has ended.`,
    next: { do: 'sign-in', session: s.name, when: 'again' },
  }),
  notSignedIn: (s: SessionConfig): Problem => ({
    message: `You are not signed in to ${sessionLabel(s)}.`,
    next: { do: 'sign-in', session: s.name, when: 'first' },
  }),
  wrongRegion: (s: SessionConfig): Problem => ({
    message: `Identity Center in ${s.region} did not accept the sign-in for ${s.name}: the start URL's region may be wrong.`,
    next: { do: 'check-region', session: s.name },
  }),
  notAssigned: (roleName: string, accountId: string) =>
    `You are not assigned the ${roleName} permission set in account ${accountId}. ` +
    'Ask your administrator for access, or choose another role.',
  noAccountAccess: (accountId: string) =>
    `You have no access to account ${accountId}. Ask your administrator for access, or choose another account.`,
  accountNotFound: (s: SessionConfig, accountId: string): Problem => ({
    message: `Account ${accountId} was not found for ${s.name}.`,
    next: { do: 'refresh-list' },
  }),
  roleNotFound: (s: SessionConfig, accountId: string, roleName: string): Problem => ({
    message: `The ${roleName} permission set in account ${accountId} was not found for ${s.name}.`,
    next: { do: 'refresh-list' },
  }),
  throttled: (s: SessionConfig) =>
    `Identity Center is throttling requests for ${s.name}; wait a minute and try again.`,
  network: (s: SessionConfig) =>
    `Identity Center for ${sessionLabel(s)} could not be reached; check your network connection and try again.`,
  serviceFault: (s: SessionConfig, action: string) =>
    `Identity Center for ${sessionLabel(s)} failed while trying to ${action}; try again in a few minutes.`,
  timedOut: (s: SessionConfig, action: string) =>
    `Identity Center for ${sessionLabel(s)} did not answer in time while trying to ${action}; try again in a few minutes.`,
  startUrlUnknown: (s: SessionConfig): Problem => ({
    message: `Identity Center in ${s.region} does not recognise ${s.startUrl} for ${s.name}.`,
    next: { do: 'check-start-url', session: s.name },
  }),
  rejected: (s: SessionConfig, action: string): Problem => ({
    message: `Identity Center for ${sessionLabel(s)} refused the request to ${action}.`,
    next: { do: 'sign-in-then-report', session: s.name },
  }),
  signInDenied: (s: SessionConfig): Problem => ({
    message: `Sign-in for ${s.name} was denied in the browser.`,
    next: { do: 'restart-sign-in', session: s.name },
  }),
  deviceCodeExpired: (s: SessionConfig): Problem => ({
    message: `The sign-in code for ${s.name} expired before it was approved.`,
    next: { do: 'restart-sign-in', session: s.name },
  }),
  corruptCache: (s: SessionConfig): Problem => ({
    message: `The saved sign-in for ${s.name} could not be read.`,
    next: { do: 'sign-in', session: s.name, when: 'to-replace' },
  }),
  unexpected: (s: SessionConfig, action: string) =>
    `Something went wrong while trying to ${action} for ${sessionLabel(s)}; try again, and report it if it keeps happening.`,
};

/** One sentence for any failure; an SsoTrayError passes through unchanged. */
export function toUserError(error: unknown, context: ErrorContext): SsoTrayError {
  if (isSsoTrayError(error)) return error;
  const { session, action } = context;
  const make = (code: SsoTrayError['code'], message: string | Problem) =>
    new SsoTrayError(code, message, { cause: error });
  // Failed at the proxy or at an untrusted certificate: the sentence names the variable to fix.
  const taken = routeTakenBy(error);
  const onTheWay = taken && routeSentence(error, `Identity Center for ${sessionLabel(session)}`, taken);
  if (onTheWay) return make('network', onTheWay);
  if (isTimeout(error)) return make('service', sentences.timedOut(session, action));
  if (isNetworkError(error))
    return context.serviceAnswered
      ? make('service', sentences.serviceFault(session, action))
      : make('network', sentences.network(session));
  const service = serviceErrorOf(error);
  if (!service) {
    if (error instanceof SyntaxError) return make('file-unreadable', sentences.corruptCache(session));
    return make('internal', sentences.unexpected(session, action));
  }
  const { name, status } = service;
  if (THROTTLING_NAMES.has(name) || status === 429) return make('throttled', sentences.throttled(session));
  if (name === 'UnauthorizedException' || (status === 401 && !ENDED_TOKEN_NAMES.has(name))) {
    // A token issued in another region was never accepted here; one of this region was revoked or raced.
    if (context.token && context.token.region !== session.region)
      return make('wrong-region', sentences.wrongRegion(session));
    return make('session-ended', sentences.sessionEnded(session));
  }
  if (ENDED_TOKEN_NAMES.has(name)) return make('session-ended', sentences.sessionEnded(session));
  if (name === 'ForbiddenException' || status === 403) {
    const { accountId, roleName } = context;
    if (accountId && roleName) return make('not-assigned', sentences.notAssigned(roleName, accountId));
    if (accountId) return make('not-assigned', sentences.noAccountAccess(accountId));
    return make('session-ended', sentences.sessionEnded(session));
  }
  if (name === 'ResourceNotFoundException' || status === 404) {
    const { accountId, roleName } = context;
    if (accountId && roleName) return make('not-found', sentences.roleNotFound(session, accountId, roleName));
    if (accountId) return make('not-found', sentences.accountNotFound(session, accountId));
    return make('service', sentences.rejected(session, action));
  }
  if (status !== undefined && status >= 500) return make('service', sentences.serviceFault(session, action));
  if (name === 'InvalidRequestException' && context.startUrlInRequest)
    return make('invalid-input', sentences.startUrlUnknown(session));
  return make('service', sentences.rejected(session, action));
}
