import {
  CreateTokenCommand,
  RegisterClientCommand,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { ListAccountsCommand } from '@aws-sdk/client-sso';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../support/fake-clock.js';
import { startEmulator, type RunningEmulator } from './emulator.js';
import {
  oidcClient,
  pendingDeviceAuthorization,
  portalClient,
  registerDeviceClient,
  serviceErrorOf,
} from './sdk-sign-in.js';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

describe('device-code sign-in through the real SDK', () => {
  let clock: FakeClock;
  let emu: RunningEmulator;

  beforeEach(async () => {
    clock = new FakeClock();
    emu = await startEmulator({ now: () => clock.now(), lifetimes: { deviceIntervalSeconds: 5 } });
  });
  afterEach(() => emu.close());

  async function startDevice() {
    const oidc = oidcClient(emu);
    return { oidc, ...(await pendingDeviceAuthorization(emu, oidc)) };
  }

  it('registers a public client with epoch-second times and a 90-day secret', async () => {
    const reg = await registerDeviceClient(oidcClient(emu));
    expect(reg.clientId).toMatch(/^[\w-]{20,}$/);
    expect(reg.clientSecret?.length).toBeGreaterThan(100);
    expect(reg.clientIdIssuedAt).toBe(Math.floor(clock.now() / 1000));
    expect(reg.clientSecretExpiresAt).toBe(Math.floor(clock.now() / 1000) + 90 * 86400);
    expect(reg.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('starts device authorization with a user code, verification URLs, integer seconds', async () => {
    const { device } = await startDevice();
    expect(device.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(device.verificationUri).toBe(`${emu.url}/device`);
    expect(device.verificationUriComplete).toBe(`${emu.url}/device?user_code=${device.userCode}`);
    expect(device.expiresIn).toBe(600);
    expect(device.interval).toBe(5);
  });

  it('answers pending until approved, then a Bearer token the portal accepts', async () => {
    const { device, poll } = await startDevice();
    expect(await serviceErrorOf(poll())).toEqual({
      name: 'AuthorizationPendingException',
      status: 400,
      message: 'UnknownError', // what the SDK says for the real service too: OIDC bodies carry no message
      error: 'authorization_pending',
      error_description: 'Authorization is still pending',
    });
    await emu.approveDevice(device.userCode as string);
    await clock.advance(5000);
    const token = await poll();
    expect(token.tokenType).toBe('Bearer');
    expect(token.expiresIn).toBe(8 * 3600);
    expect(token.accessToken).toMatch(/^aoa[\w-]+$/);
    expect(token.refreshToken).toBeUndefined(); // registered without sso:account:access
    const accounts = await portalClient(emu).send(
      new ListAccountsCommand({ accessToken: token.accessToken }),
    );
    expect(accounts.accountList?.length).toBeGreaterThan(0);
    expect(emu.calls({ api: 'CreateToken' }).map((c) => [c.status, c.errorType, c.grantType])).toEqual([
      [400, 'AuthorizationPendingException', DEVICE_GRANT],
      [200, undefined, DEVICE_GRANT],
    ]);
  });

  it('gives a refresh token when the registration has sso:account:access', async () => {
    const oidc = oidcClient(emu);
    const reg = await registerDeviceClient(oidc, ['sso:account:access']);
    const device = await oidc.send(
      new StartDeviceAuthorizationCommand({
        clientId: reg.clientId,
        clientSecret: reg.clientSecret,
        startUrl: emu.startUrl,
      }),
    );
    await emu.approveDevice(device.userCode as string);
    const token = await oidc.send(
      new CreateTokenCommand({
        clientId: reg.clientId,
        clientSecret: reg.clientSecret,
        grantType: DEVICE_GRANT,
        deviceCode: device.deviceCode,
      }),
    );
    expect(token.refreshToken).toMatch(/^aor[\w-]+$/);
  });

  it('answers SlowDownException to a poll sooner than interval, and lets a patient poll through', async () => {
    const { poll } = await startDevice();
    await serviceErrorOf(poll());
    await clock.advance(4999);
    expect(await serviceErrorOf(poll())).toMatchObject({
      name: 'SlowDownException',
      status: 400,
      error: 'slow_down',
    });
    await clock.advance(1);
    expect((await serviceErrorOf(poll())).name).toBe('AuthorizationPendingException');
  });

  it('answers AccessDeniedException when the user denies', async () => {
    const { device, poll } = await startDevice();
    await emu.denyDevice(device.userCode as string);
    expect(await serviceErrorOf(poll())).toMatchObject({
      name: 'AccessDeniedException',
      status: 400,
      error: 'access_denied',
    });
  });

  it('answers ExpiredTokenException once the device code has expired, and refuses to approve it', async () => {
    const { device, poll } = await startDevice();
    await clock.advance(600_000);
    expect(await serviceErrorOf(poll())).toMatchObject({
      name: 'ExpiredTokenException',
      status: 400,
      error: 'expired_token',
    });
    await expect(emu.approveDevice(device.userCode as string)).rejects.toThrow(
      `No pending device authorization has the user code ${device.userCode}.`,
    );
  });

  it('redeems a device code once: the second use is InvalidGrantException', async () => {
    const { device, poll } = await startDevice();
    await emu.approveDevice(device.userCode as string);
    await poll();
    await clock.advance(5000);
    expect(await serviceErrorOf(poll())).toMatchObject({
      name: 'InvalidGrantException',
      status: 400,
      error: 'invalid_grant',
    });
  });

  it('approves at once with autoApprove: the first poll gets the token', async () => {
    const auto = await startEmulator({ autoApprove: true });
    try {
      const oidc = oidcClient(auto);
      const reg = await registerDeviceClient(oidc);
      const device = await oidc.send(
        new StartDeviceAuthorizationCommand({
          clientId: reg.clientId,
          clientSecret: reg.clientSecret,
          startUrl: auto.startUrl,
        }),
      );
      const token = await oidc.send(
        new CreateTokenCommand({
          clientId: reg.clientId,
          clientSecret: reg.clientSecret,
          grantType: DEVICE_GRANT,
          deviceCode: device.deviceCode,
        }),
      );
      expect(token.accessToken).toMatch(/^aoa/);
    } finally {
      await auto.close();
    }
  });
});

describe('client and request errors, as the real service sends them', () => {
  let clock: FakeClock;
  let emu: RunningEmulator;

  beforeEach(async () => {
    clock = new FakeClock();
    emu = await startEmulator({ now: () => clock.now(), lifetimes: { clientSecretSeconds: 3600 } });
  });
  afterEach(() => emu.close());

  it('answers InvalidClientException (401) for a wrong secret and an expired one', async () => {
    const oidc = oidcClient(emu);
    const reg = await registerDeviceClient(oidc);
    const start = (clientSecret: string) =>
      oidc.send(
        new StartDeviceAuthorizationCommand({ clientId: reg.clientId, clientSecret, startUrl: emu.startUrl }),
      );
    expect(await serviceErrorOf(start('not-the-secret'))).toMatchObject({
      name: 'InvalidClientException',
      status: 401,
      error: 'invalid_client',
    });
    await clock.advance(3600_000);
    expect(await serviceErrorOf(start(reg.clientSecret as string))).toMatchObject({
      name: 'InvalidClientException',
      status: 401,
      error_description: 'Client credentials have expired',
    });
  });

  it('answers InvalidRequestException for a start URL it does not serve', async () => {
    const oidc = oidcClient(emu);
    const reg = await registerDeviceClient(oidc);
    const failure = await serviceErrorOf(
      oidc.send(
        new StartDeviceAuthorizationCommand({
          clientId: reg.clientId,
          clientSecret: reg.clientSecret,
          startUrl: 'https://d-9999999999.awsapps.com/start',
        }),
      ),
    );
    expect(failure).toMatchObject({ name: 'InvalidRequestException', status: 400, error: 'invalid_request' });
  });

  it('rejects bad registrations: client type, scope, grant type, redirect URI', async () => {
    const oidc = oidcClient(emu);
    const register = (input: Partial<ConstructorParameters<typeof RegisterClientCommand>[0]>) =>
      serviceErrorOf(
        oidc.send(new RegisterClientCommand({ clientName: 'x', clientType: 'public', ...input })),
      );
    expect((await register({ clientType: 'confidential' })).name).toBe('InvalidClientMetadataException');
    expect((await register({ scopes: ['not a scope'] })).name).toBe('InvalidScopeException');
    expect((await register({ grantTypes: ['password'] })).name).toBe('UnsupportedGrantTypeException');
    expect(
      (await register({ grantTypes: ['authorization_code'], redirectUris: ['http://evil.example/cb'] })).name,
    ).toBe('InvalidRedirectUriException');
    expect((await register({ issuerUrl: 'https://d-9999999999.awsapps.com/start' })).name).toBe(
      'InvalidRequestException',
    );
  });

  it('answers UnsupportedGrantTypeException and UnauthorizedClientException for grants', async () => {
    const oidc = oidcClient(emu);
    const reg = await registerDeviceClient(oidc);
    const token = (grantType: string) =>
      serviceErrorOf(
        oidc.send(
          new CreateTokenCommand({
            clientId: reg.clientId,
            clientSecret: reg.clientSecret,
            grantType,
            code: 'x',
          }),
        ),
      );
    expect(await token('password')).toMatchObject({
      name: 'UnsupportedGrantTypeException',
      error: 'unsupported_grant_type',
    });
    expect(await token('authorization_code')).toMatchObject({
      name: 'UnauthorizedClientException',
      error: 'unauthorized_client',
    });
  });

  it('sends x-amzn-ErrorType, x-amzn-RequestId and an OAuth body on the wire', async () => {
    const answer = await fetch(`${emu.url}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        clientId: 'nobody',
        clientSecret: 'nothing',
        grantType: 'refresh_token',
        refreshToken: 'x',
      }),
    });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('x-amzn-errortype')).toBe(
      'InvalidClientException:http://internal.amazon.com/coral/com.amazonaws.sso.oidc/',
    );
    expect(answer.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await answer.json()).toEqual({
      error: 'invalid_client',
      error_description: 'Invalid client provided',
    });
  });
});
