// Who may read the credential endpoint: a request to a loopback name (a DNS-rebinding page names another host), with
// no Origin (a browser's), carrying the endpoint's token, compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** A fresh token per endpoint: 32 random bytes, base64url (a header value needs no quoting). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1' || bare === '0:0:0:0:0:0:0:1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/** The host name of a Host header, without its port (`[::1]:8080` -> `::1`). */
function hostName(header: string): string {
  const bracketed = /^\[([^\]]*)\](?::\d+)?$/.exec(header);
  if (bracketed) return bracketed[1] ?? '';
  return header.replace(/:\d+$/, '');
}

export type Refusal = { status: number; code: string; message: string };

export function refusal(
  request: IncomingMessage,
  token: string,
  /** `tokenFrom`: where the client's user finds the token, ending a sentence ("`sso-tray serve` printed"). */
  options: { anyHost: boolean; tokenFrom: string },
): Refusal | undefined {
  const host = request.headers.host ?? '';
  if (!options.anyHost && !isLoopbackAddress(hostName(host)))
    return {
      status: 403,
      code: 'ForeignHost',
      message: 'This endpoint answers requests to 127.0.0.1, [::1] or localhost only.',
    };
  if (request.headers.origin !== undefined)
    return { status: 403, code: 'BrowserRequest', message: 'This endpoint does not answer web pages.' };
  const given = request.headers.authorization;
  if (given === undefined)
    return {
      status: 401,
      code: 'MissingToken',
      message: `Set AWS_CONTAINER_AUTHORIZATION_TOKEN to the token ${options.tokenFrom}.`,
    };
  if (!sameSecret(given, token))
    return {
      status: 401,
      code: 'WrongToken',
      message: `The authorization token is not this endpoint’s; use the one ${options.tokenFrom}.`,
    };
  return undefined;
}

/** Equal digests compared in constant time: neither the token nor its length leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
