// restJson1 on the wire: JSON bodies, request ids, and errors shaped exactly as the two services send them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestId } from './random-values.js';

export type Service = 'oidc' | 'portal';

// OAuth error codes the OIDC service puts in `error` (docs/aws-files-and-protocols.md, "Sign-in").
const OAUTH_CODES: Record<string, string> = {
  AuthorizationPendingException: 'authorization_pending',
  SlowDownException: 'slow_down',
  ExpiredTokenException: 'expired_token',
  AccessDeniedException: 'access_denied',
  InvalidGrantException: 'invalid_grant',
  InvalidClientException: 'invalid_client',
  InvalidRequestException: 'invalid_request',
  UnauthorizedClientException: 'unauthorized_client',
  UnsupportedGrantTypeException: 'unsupported_grant_type',
  InvalidScopeException: 'invalid_scope',
  InvalidClientMetadataException: 'invalid_client_metadata',
  InvalidRedirectUriException: 'invalid_redirect_uri',
  InternalServerException: 'server_error',
  TooManyRequestsException: 'too_many_requests',
};

/** An error answered as the service would: `shape` travels in x-amzn-ErrorType, `message` in the body. */
export class ServiceError extends Error {
  constructor(
    readonly shape: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const oidcError = {
  pending: () => new ServiceError('AuthorizationPendingException', 400, 'Authorization is still pending'),
  slowDown: () => new ServiceError('SlowDownException', 400, 'Client is polling too frequently'),
  expired: () => new ServiceError('ExpiredTokenException', 400, 'Device code has expired'),
  denied: () => new ServiceError('AccessDeniedException', 400, 'Access denied by the user'),
  invalidGrant: (message = 'Invalid grant provided') =>
    new ServiceError('InvalidGrantException', 400, message),
  invalidClient: (message = 'Invalid client provided') =>
    new ServiceError('InvalidClientException', 401, message),
  invalidRequest: (message: string) => new ServiceError('InvalidRequestException', 400, message),
  unauthorizedClient: (message: string) => new ServiceError('UnauthorizedClientException', 400, message),
  unsupportedGrant: (message = 'Unsupported grant type') =>
    new ServiceError('UnsupportedGrantTypeException', 400, message),
  invalidScope: (message = 'Invalid scope requested') =>
    new ServiceError('InvalidScopeException', 400, message),
  invalidMetadata: (message: string) => new ServiceError('InvalidClientMetadataException', 400, message),
  invalidRedirect: (message = 'Invalid redirect URI') =>
    new ServiceError('InvalidRedirectUriException', 400, message),
};

export const portalError = {
  unauthorized: () => new ServiceError('UnauthorizedException', 401, 'Session token not found or invalid'),
  invalidRequest: (message: string) => new ServiceError('InvalidRequestException', 400, message),
  notFound: (message: string) => new ServiceError('ResourceNotFoundException', 404, message),
  // Not in the model, but what users of the real service meet for an unassigned permission set (docs/aws-files-and-protocols.md, "Portal").
  forbidden: () => new ServiceError('ForbiddenException', 403, 'No access'),
};

export const serverError = (status = 500) =>
  new ServiceError('InternalServerException', status, 'An internal error occurred. Please try again.');
export const throttled = () => new ServiceError('TooManyRequestsException', 429, 'Rate exceeded');

const MAX_BODY = 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw oidcError.invalidRequest('Request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A JSON object body; anything else is the caller's mistake. */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(req);
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw oidcError.invalidRequest('Request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw oidcError.invalidRequest('Request body must be a JSON object');
  return parsed as Record<string, unknown>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': requestId(),
  });
  res.end(text);
}

export function sendError(res: ServerResponse, service: Service, error: ServiceError): void {
  const text =
    service === 'oidc'
      ? JSON.stringify({
          error: OAUTH_CODES[error.shape] ?? 'invalid_request',
          error_description: error.message,
        })
      : JSON.stringify({ message: error.message });
  // The real OIDC service appends its Coral namespace; both SDKs cut at the first ':'.
  const errorType =
    service === 'oidc'
      ? `${error.shape}:http://internal.amazon.com/coral/com.amazonaws.sso.oidc/`
      : error.shape;
  res.writeHead(error.status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': requestId(),
    'x-amzn-ErrorType': errorType,
  });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    // No form-action: the /authorize form ends in a redirect to the app's loopback origin.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'x-amzn-RequestId': requestId(),
  });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location, 'Cache-Control': 'no-store', 'x-amzn-RequestId': requestId() });
  res.end();
}

/** A string member, or undefined when absent; a wrong type is the caller's mistake. */
export function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw oidcError.invalidRequest(`${name} must be a string`);
  return value;
}

export function requiredString(body: Record<string, unknown>, name: string): string {
  const value = optionalString(body, name);
  if (value === undefined || value === '') throw oidcError.invalidRequest(`${name} is required`);
  return value;
}

export function optionalStringList(body: Record<string, unknown>, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string'))
    throw oidcError.invalidRequest(`${name} must be a list of strings`);
  return value as string[];
}
