// PKCE values and the /authorize URL, byte for byte as the AWS CLI builds them (docs/aws-files-and-protocols.md, "Sign-in").
import { createHash, randomInt, randomUUID } from 'node:crypto';

const VERIFIER_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

export interface PkcePair {
  verifier: string;
  challenge: string;
}

/** S256: base64url(SHA-256(verifier)) without padding. */
export function codeChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** A 64-character verifier from the unreserved characters, as the CLI makes it. */
export function createPkcePair(): PkcePair {
  let verifier = '';
  for (let i = 0; i < 64; i++) verifier += VERIFIER_ALPHABET[randomInt(VERIFIER_ALPHABET.length)];
  return { verifier, challenge: codeChallenge(verifier) };
}

export function createState(): string {
  return randomUUID();
}

/** Python's urllib.parse.quote(value, safe='-._~'): encodeURIComponent leaves !'()* alone, quote does not. */
export function quote(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

export interface AuthorizeParams {
  /** Scheme and host of the resolved OIDC endpoint. */
  origin: string;
  clientId: string;
  redirectUri: string;
  state: string;
  scopes: string[];
  challenge: string;
}

/** Parameters in the CLI's order, `scopes` plural and space-joined, code_challenge last. */
export function authorizeUrl(params: AuthorizeParams): string {
  const pairs: Array<[string, string]> = [
    ['response_type', 'code'],
    ['client_id', params.clientId],
    ['redirect_uri', params.redirectUri],
    ['state', params.state],
    ['code_challenge_method', 'S256'],
    ['scopes', params.scopes.join(' ')],
  ];
  const query = pairs.map(([key, value]) => `${key}=${quote(value)}`).join('&');
  return `${params.origin}/authorize?${query}&code_challenge=${quote(params.challenge)}`;
}
