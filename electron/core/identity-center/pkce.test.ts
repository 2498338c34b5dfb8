import { describe, expect, it } from 'vitest';
import { authorizeUrl, codeChallenge, createPkcePair, quote } from './pkce.js';

describe('PKCE values', () => {
  it('derives the S256 challenge of RFC 7636 appendix B', () => {
    expect(codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes 64-character verifiers from the unreserved characters, never the same twice', () => {
    const pairs = Array.from({ length: 50 }, createPkcePair);
    for (const { verifier, challenge } of pairs) {
      expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{64}$/);
      expect(challenge).toBe(codeChallenge(verifier));
      expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    expect(new Set(pairs.map((p) => p.verifier)).size).toBe(50);
  });
});

describe('the /authorize URL', () => {
  it('is byte for byte the URL of the AWS CLI functional test', () => {
    expect(
      authorizeUrl({
        origin: 'https://oidc.us-east-1.amazonaws.com',
        clientId: 'EXAMPLECLIENTID',
        redirectUri: 'http://127.0.0.1:49152/oauth/callback',
        state: '3f0c1e9a-1111-2222-3333-444455556666',
        scopes: ['sso:account:access'],
        challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      }),
    ).toBe(
      'https://oidc.us-east-1.amazonaws.com/authorize?response_type=code&client_id=EXAMPLECLIENTID' +
        '&redirect_uri=http%3A%2F%2F127.0.0.1%3A49152%2Foauth%2Fcallback&state=3f0c1e9a-1111-2222-3333-444455556666' +
        '&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess' +
        '&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('joins several scopes with %20 and quotes like Python (only -._~ kept)', () => {
    const url = authorizeUrl({
      origin: 'http://127.0.0.1:4566',
      clientId: 'id',
      redirectUri: 'http://127.0.0.1:1/oauth/callback',
      state: 's',
      scopes: ['sso:account:access', 'codewhisperer:completions'],
      challenge: 'c',
    });
    expect(url).toContain('&scopes=sso%3Aaccount%3Aaccess%20codewhisperer%3Acompletions&');
    expect(quote("a-b_c.d~e!f'g(h)i*j k/")).toBe('a-b_c.d~e%21f%27g%28h%29i%2Aj%20k%2F');
  });
});
