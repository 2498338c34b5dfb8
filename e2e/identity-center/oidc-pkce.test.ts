import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListAccountsCommand } from '@aws-sdk/client-sso';
import { CreateTokenCommand } from '@aws-sdk/client-sso-oidc';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../support/fake-clock.js';
import { generateOrganisation, startEmulator, type RunningEmulator } from './emulator.js';
import {
  authorizeUrl,
  oidcClient,
  pkcePair,
  portalClient,
  registerPkceClient,
  serviceErrorOf,
} from './sdk-sign-in.js';

/** The app's loopback listener: records what the browser brought back. */
async function loopbackListener(): Promise<{ server: Server; port: number; hits: URL[] }> {
  const hits: URL[] = [];
  const server = createServer((req, res) => {
    hits.push(new URL(req.url ?? '/', 'http://127.0.0.1'));
    res.end('signed in');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, hits };
}

describe('authorization code + PKCE sign-in through /authorize and the real SDK', () => {
  let clock: FakeClock;
  let emu: RunningEmulator;

  beforeEach(async () => {
    clock = new FakeClock();
    emu = await startEmulator({ now: () => clock.now() });
  });
  afterEach(() => emu.close());

  async function begin(options: { port?: number; state?: string } = {}) {
    const oidc = oidcClient(emu);
    const reg = await registerPkceClient(oidc, emu.startUrl);
    const pkce = pkcePair();
    const auth = authorizeUrl(emu, reg.clientId as string, pkce.challenge, options);
    const redeem = (code: string, verifier = pkce.verifier, redirectUri = auth.redirectUri) =>
      oidc.send(
        new CreateTokenCommand({
          clientId: reg.clientId,
          clientSecret: reg.clientSecret,
          grantType: 'authorization_code',
          code,
          codeVerifier: verifier,
          redirectUri,
        }),
      );
    return { oidc, reg, pkce, auth, redeem };
  }

  it('registers with the authorize and token endpoints', async () => {
    const { reg } = await begin();
    expect(reg.authorizationEndpoint).toBe(`${emu.url}/authorize`);
    expect(reg.tokenEndpoint).toBe(`${emu.url}/token`);
  });

  it('redirects an approval to the loopback port with code and state, and the code buys tokens', async () => {
    const listener = await loopbackListener();
    try {
      const { auth, redeem } = await begin({ port: listener.port });
      const location = new URL(await emu.approveAuthorization(auth.url));
      expect(`${location.origin}${location.pathname}`).toBe(
        `http://127.0.0.1:${listener.port}/oauth/callback`,
      );
      expect(location.searchParams.get('state')).toBe(auth.state);
      expect(listener.hits.map((hit) => hit.searchParams.get('code'))).toEqual([
        location.searchParams.get('code'),
      ]);
      const token = await redeem(location.searchParams.get('code') as string);
      expect(token.accessToken).toMatch(/^aoa/);
      expect(token.refreshToken).toMatch(/^aor/);
      const accounts = await portalClient(emu).send(
        new ListAccountsCommand({ accessToken: token.accessToken }),
      );
      expect(accounts.accountList?.length).toBe(20);
      expect(emu.calls({ api: 'Authorize' }).map((c) => c.status)).toEqual([200, 302]);
    } finally {
      listener.server.close();
    }
  });

  it('echoes state exactly, so the client can tell a forged callback from its own', async () => {
    const { auth } = await begin({ state: 'a b&c=d/é' });
    const location = new URL(await emu.approveAuthorization(auth.url));
    expect(location.searchParams.get('state')).toBe('a b&c=d/é');
  });

  it('refuses a wrong code_verifier with InvalidGrantException, and the code is spent', async () => {
    const { auth, redeem } = await begin();
    const code = new URL(await emu.approveAuthorization(auth.url)).searchParams.get('code') as string;
    expect(await serviceErrorOf(redeem(code, pkcePair().verifier))).toMatchObject({
      name: 'InvalidGrantException',
      status: 400,
      error: 'invalid_grant',
    });
    expect((await serviceErrorOf(redeem(code))).name).toBe('InvalidGrantException');
  });

  it('refuses a redirect URI other than the one authorized', async () => {
    const { auth, redeem } = await begin();
    const code = new URL(await emu.approveAuthorization(auth.url)).searchParams.get('code') as string;
    const failure = await serviceErrorOf(redeem(code, undefined, 'http://127.0.0.1:1/oauth/callback'));
    expect(failure.name).toBe('InvalidGrantException');
  });

  it('uses a code once and only for five minutes', async () => {
    const { auth, redeem } = await begin();
    const first = new URL(await emu.approveAuthorization(auth.url)).searchParams.get('code') as string;
    await redeem(first);
    expect((await serviceErrorOf(redeem(first))).name).toBe('InvalidGrantException');
    const second = new URL(await emu.approveAuthorization(auth.url)).searchParams.get('code') as string;
    await clock.advance(300_000);
    expect((await serviceErrorOf(redeem(second))).name).toBe('InvalidGrantException');
  });

  it('redirects a denial with error=access_denied and the state, and no code', async () => {
    const { auth } = await begin();
    const location = new URL(await emu.denyAuthorization(auth.url));
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe(auth.state);
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('shows an error page, never a redirect, for a bad client, redirect URI or missing PKCE', async () => {
    const { reg, pkce, auth } = await begin();
    const variants: Array<[string, string]> = [
      [auth.url.replace(`client_id=${reg.clientId}`, 'client_id=unknown'), 'The client_id is not valid.'],
      [
        auth.url.replace(
          encodeURIComponent('http://127.0.0.1:49152'),
          encodeURIComponent('http://evil.example'),
        ),
        'The redirect_uri is not registered for this client.',
      ],
      [
        auth.url.replace('%2Foauth%2Fcallback', '%2Fother'),
        'The redirect_uri is not registered for this client.',
      ],
      [
        auth.url.replace(`&code_challenge=${pkce.challenge}`, ''),
        'A PKCE code_challenge with code_challenge_method S256 is required.',
      ],
      [
        auth.url.replace('code_challenge_method=S256', 'code_challenge_method=plain'),
        'A PKCE code_challenge with code_challenge_method S256 is required.',
      ],
    ];
    for (const [url, message] of variants) {
      const page = await fetch(url, { redirect: 'manual' });
      expect(page.status).toBe(400);
      expect(page.headers.get('location')).toBeNull();
      expect(await page.text()).toContain(message);
      await expect(emu.approveAuthorization(url)).rejects.toThrow(
        `The authorize page refused the request: ${message}`,
      );
    }
  });

  it('shows an error page when /authorize fails on a bad day, and the next attempt works', async () => {
    const { auth } = await begin();
    emu.injectFault({ api: 'Authorize', kind: 'server-error', count: 1, status: 503 });
    await expect(emu.approveAuthorization(auth.url)).rejects.toThrow(
      'The authorize page refused the request: Try again in a moment.',
    );
    expect(new URL(await emu.approveAuthorization(auth.url)).searchParams.has('code')).toBe(true);
    expect(emu.calls({ api: 'Authorize' }).map((c) => [c.status, c.errorType])).toEqual([
      [503, 'InternalServerException'],
      [200, undefined],
      [302, undefined],
    ]);
  });

  it('redirects at once with autoApprove', async () => {
    const auto = await startEmulator({ autoApprove: true });
    try {
      const reg = await registerPkceClient(oidcClient(auto), auto.startUrl);
      const { url } = authorizeUrl(auto, reg.clientId as string, pkcePair().challenge);
      const answer = await fetch(url, { redirect: 'manual' });
      expect(answer.status).toBe(302);
      expect(answer.headers.get('location')).toMatch(
        /^http:\/\/127\.0\.0\.1:49152\/oauth\/callback\?code=.+&state=/,
      );
    } finally {
      await auto.close();
    }
  });
});

describe('several directories on one emulator', () => {
  it('signs in to the directory named by issuerUrl, and its token lists that organisation only', async () => {
    const other = {
      startUrl: 'https://d-1111111111.awsapps.com/start',
      region: 'eu-west-1',
      organisation: generateOrganisation(3, 7),
    };
    const emu = await startEmulator({ autoApprove: true, directories: [other] });
    try {
      const oidc = oidcClient(emu);
      const reg = await registerPkceClient(oidc, other.startUrl);
      const pkce = pkcePair();
      const auth = authorizeUrl(emu, reg.clientId as string, pkce.challenge);
      const code = new URL(await emu.approveAuthorization(auth.url)).searchParams.get('code');
      const token = await oidc.send(
        new CreateTokenCommand({
          clientId: reg.clientId,
          clientSecret: reg.clientSecret,
          grantType: 'authorization_code',
          code: code as string,
          codeVerifier: pkce.verifier,
          redirectUri: auth.redirectUri,
        }),
      );
      const listed = await portalClient(emu).send(
        new ListAccountsCommand({ accessToken: token.accessToken }),
      );
      expect(listed.accountList?.map((a) => a.accountId)).toEqual(
        other.organisation.accounts.map((a) => a.accountId),
      );
      emu.revokeSessions(emu.startUrl);
      await portalClient(emu).send(new ListAccountsCommand({ accessToken: token.accessToken }));
      emu.revokeSessions(other.startUrl);
      expect(
        (
          await serviceErrorOf(
            portalClient(emu).send(new ListAccountsCommand({ accessToken: token.accessToken })),
          )
        ).name,
      ).toBe('UnauthorizedException');
    } finally {
      await emu.close();
    }
  });
});
