// The emulator's approval pages in real Chromium, driven by role, with the real SDK on the other side.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListAccountsCommand } from '@aws-sdk/client-sso';
import { CreateTokenCommand } from '@aws-sdk/client-sso-oidc';
import { expect, test } from '@playwright/test';
import { FakeClock } from './support/fake-clock.js';
import { startEmulator, type RunningEmulator } from './identity-center/emulator.js';
import {
  authorizeUrl,
  oidcClient,
  pendingDeviceAuthorization,
  pkcePair,
  portalClient,
  registerPkceClient,
  serviceErrorOf,
} from './identity-center/sdk-sign-in.js';

let clock: FakeClock;
let emu: RunningEmulator;

test.beforeEach(async () => {
  clock = new FakeClock();
  emu = await startEmulator({ now: () => clock.now() });
});
test.afterEach(() => emu.close());

const startDevice = () => pendingDeviceAuthorization(emu, oidcClient(emu), ['sso:account:access']);

/** The app's loopback listener for the PKCE redirect. */
async function loopback(): Promise<{ server: Server; port: number }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>Signed in</title><h1>You can close this window</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

test('device code: the user approves in the browser and the SDK gets a token the portal accepts', async ({
  page,
}) => {
  const { device, poll, userCode } = await startDevice();
  expect((await serviceErrorOf(poll())).name).toBe('AuthorizationPendingException');

  await page.goto(device.verificationUriComplete as string);
  await expect(page).toHaveTitle(/Authorize request/);
  await expect(page.getByRole('heading', { name: userCode })).toBeVisible();
  await expect(page.getByText('sso-tray-test')).toBeVisible();
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('heading', { name: 'Request approved' })).toBeVisible();

  await clock.advance(1000);
  const token = await poll();
  expect(token.refreshToken).toMatch(/^aor/);
  const accounts = await portalClient(emu).send(new ListAccountsCommand({ accessToken: token.accessToken }));
  expect(accounts.accountList?.length).toBeGreaterThan(0);
});

test('device code: a code typed on the verification page, then Deny, fails the SDK with AccessDeniedException', async ({
  page,
}) => {
  const { device, poll, userCode } = await startDevice();
  await page.goto(device.verificationUri as string);
  await page.getByRole('textbox', { name: 'Code' }).fill(userCode.toLowerCase());
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: userCode })).toBeVisible();
  await page.getByRole('button', { name: 'Deny' }).click();
  await expect(page.getByRole('heading', { name: 'Request denied' })).toBeVisible();
  expect(await serviceErrorOf(poll())).toMatchObject({ name: 'AccessDeniedException', status: 400 });
});

test('PKCE: Approve on /authorize redirects to the loopback listener, and the code buys a token', async ({
  page,
}) => {
  const { server, port } = await loopback();
  try {
    const oidc = oidcClient(emu);
    const reg = await registerPkceClient(oidc, emu.startUrl);
    const pkce = pkcePair();
    const auth = authorizeUrl(emu, reg.clientId as string, pkce.challenge, { port });
    await page.goto(auth.url);
    await expect(
      page.getByRole('heading', { name: 'Allow sso-tray-test to access your data?' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(`http://127.0.0.1:${port}/oauth/callback?**`);
    const callback = new URL(page.url());
    expect(callback.searchParams.get('state')).toBe(auth.state);
    const token = await oidc.send(
      new CreateTokenCommand({
        clientId: reg.clientId,
        clientSecret: reg.clientSecret,
        grantType: 'authorization_code',
        code: callback.searchParams.get('code') as string,
        codeVerifier: pkce.verifier,
        redirectUri: auth.redirectUri,
      }),
    );
    expect(token.accessToken).toMatch(/^aoa/);
  } finally {
    server.close();
  }
});

test('PKCE: Deny on /authorize redirects with error=access_denied', async ({ page }) => {
  const { server, port } = await loopback();
  try {
    const reg = await registerPkceClient(oidcClient(emu), emu.startUrl);
    const auth = authorizeUrl(emu, reg.clientId as string, pkcePair().challenge, { port });
    await page.goto(auth.url);
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.waitForURL(`http://127.0.0.1:${port}/oauth/callback?**`);
    const callback = new URL(page.url());
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe(auth.state);
    expect(callback.searchParams.has('code')).toBe(false);
  } finally {
    server.close();
  }
});
