import { ListAccountsCommand, LogoutCommand } from '@aws-sdk/client-sso';
import { CreateTokenCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../support/fake-clock.js';
import { startEmulator, type RunningEmulator } from './emulator.js';
import { deviceSignIn, oidcClient, portalClient, serviceErrorOf } from './sdk-sign-in.js';

describe('refresh tokens and Logout through the real SDK', () => {
  let clock: FakeClock;
  let emu: RunningEmulator;
  let oidc: SSOOIDCClient;

  beforeEach(async () => {
    clock = new FakeClock();
    emu = await startEmulator({
      now: () => clock.now(),
      lifetimes: { refreshTokenSeconds: 7 * 86400, clientSecretSeconds: 30 * 86400 },
    });
    oidc = oidcClient(emu);
  });
  afterEach(() => emu.close());

  const refresh = (clientId: string, clientSecret: string, refreshToken: string | undefined) =>
    oidc.send(new CreateTokenCommand({ clientId, clientSecret, grantType: 'refresh_token', refreshToken }));
  const listAccounts = (accessToken: string | undefined) =>
    portalClient(emu).send(new ListAccountsCommand({ accessToken }));

  it('rotates the refresh token on use: the old one is InvalidGrantException, the new pair works', async () => {
    const { token, clientId, clientSecret } = await deviceSignIn(emu, oidc);
    const renewed = await refresh(clientId, clientSecret, token.refreshToken);
    expect(renewed.accessToken).toMatch(/^aoa/);
    expect(renewed.accessToken).not.toBe(token.accessToken);
    expect(renewed.refreshToken).toMatch(/^aor/);
    expect(renewed.refreshToken).not.toBe(token.refreshToken);
    expect(renewed.expiresIn).toBe(8 * 3600);
    expect(await serviceErrorOf(refresh(clientId, clientSecret, token.refreshToken))).toEqual({
      name: 'InvalidGrantException',
      status: 400,
      message: 'UnknownError',
      error: 'invalid_grant',
      error_description: 'Invalid refresh token provided',
    });
    expect((await listAccounts(renewed.accessToken)).accountList?.length).toBeGreaterThan(0);
    const again = await refresh(clientId, clientSecret, renewed.refreshToken);
    expect(again.refreshToken).not.toBe(renewed.refreshToken);
  });

  it('keeps a session alive past the access token by refreshing', async () => {
    const { token, clientId, clientSecret } = await deviceSignIn(emu, oidc);
    await clock.advance(8 * 3600_000);
    expect(await serviceErrorOf(listAccounts(token.accessToken))).toMatchObject({
      name: 'UnauthorizedException',
      status: 401,
      message: 'Session token not found or invalid',
    });
    const renewed = await refresh(clientId, clientSecret, token.refreshToken);
    expect((await listAccounts(renewed.accessToken)).accountList?.length).toBeGreaterThan(0);
  });

  it('refuses a refresh token of another client, an expired one, and one after the client secret expired', async () => {
    const first = await deviceSignIn(emu, oidc);
    const second = await deviceSignIn(emu, oidc);
    expect(
      (await serviceErrorOf(refresh(second.clientId, second.clientSecret, first.token.refreshToken))).name,
    ).toBe('InvalidGrantException');
    await clock.advance(7 * 86400_000);
    expect(
      (await serviceErrorOf(refresh(first.clientId, first.clientSecret, first.token.refreshToken))).name,
    ).toBe('InvalidGrantException');
    await clock.advance(23 * 86400_000);
    expect(
      await serviceErrorOf(refresh(second.clientId, second.clientSecret, second.token.refreshToken)),
    ).toMatchObject({
      name: 'InvalidClientException',
      status: 401,
    });
  });

  it('Logout revokes the access token and its refresh token', async () => {
    const { token, clientId, clientSecret } = await deviceSignIn(emu, oidc);
    const logout = await portalClient(emu).send(new LogoutCommand({ accessToken: token.accessToken }));
    expect(logout.$metadata.httpStatusCode).toBe(200);
    expect((await serviceErrorOf(listAccounts(token.accessToken))).name).toBe('UnauthorizedException');
    expect((await serviceErrorOf(refresh(clientId, clientSecret, token.refreshToken))).name).toBe(
      'InvalidGrantException',
    );
    expect(
      await serviceErrorOf(portalClient(emu).send(new LogoutCommand({ accessToken: token.accessToken }))),
    ).toMatchObject({ name: 'UnauthorizedException', status: 401 });
    expect(emu.calls({ api: 'Logout' }).map((c) => c.status)).toEqual([200, 401]);
  });

  it('Logout ends the whole sign-in: tokens from earlier refreshes stop working too', async () => {
    const { token, clientId, clientSecret } = await deviceSignIn(emu, oidc);
    const renewed = await refresh(clientId, clientSecret, token.refreshToken);
    await portalClient(emu).send(new LogoutCommand({ accessToken: renewed.accessToken }));
    expect((await serviceErrorOf(listAccounts(token.accessToken))).name).toBe('UnauthorizedException');
    expect((await serviceErrorOf(refresh(clientId, clientSecret, renewed.refreshToken))).name).toBe(
      'InvalidGrantException',
    );
  });

  it('leaves other sign-ins alone on Logout, and revokeSessions ends them all', async () => {
    const mine = await deviceSignIn(emu, oidc);
    const other = await deviceSignIn(emu, oidc);
    await portalClient(emu).send(new LogoutCommand({ accessToken: mine.token.accessToken }));
    expect((await listAccounts(other.token.accessToken)).accountList?.length).toBeGreaterThan(0);
    emu.revokeSessions();
    expect((await serviceErrorOf(listAccounts(other.token.accessToken))).name).toBe('UnauthorizedException');
    expect(
      (await serviceErrorOf(refresh(other.clientId, other.clientSecret, other.token.refreshToken))).name,
    ).toBe('InvalidGrantException');
  });
});
