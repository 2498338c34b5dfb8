import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../e2e/identity-center/emulator.js';
import { registrationCacheFileName, tokenCacheFileName } from '../aws-files/sso-cache-format.js';
import { AwsCliSsoCache, MemorySsoCache } from '../aws-files/token-cache.js';
import { systemClock } from '../clock.js';
import { FakeClock, settle } from '../../../e2e/support/fake-clock.js';
import type { SessionConfig } from '../shapes/aws-shapes.js';
import { signIn } from './sign-in.js';
import type { SignInDeps } from './sign-in-deps.js';
import type { SignInProgress } from '../shapes/front-end-shapes.js';
import { eventually } from '../../../e2e/support/eventually.js';

let emu: RunningEmulator;
let session: SessionConfig;

beforeAll(async () => {
  emu = await startEmulator();
  session = { name: 'acme', startUrl: emu.startUrl, region: emu.region, source: 'sso-session' };
});
afterAll(() => emu.close());
afterEach(() => emu.clearCalls());

function depsWith(overrides: Partial<SignInDeps> = {}): SignInDeps {
  return {
    endpoints: { oidc: emu.url, portal: emu.url },
    clock: systemClock,
    cache: new MemorySsoCache(),
    ...overrides,
  };
}

/** A browser that loads the page and follows the redirect itself, keeping what the loopback answered. */
function recordingBrowser(transform: (location: URL) => URL = (l) => l) {
  const seen: { authorizeUrl?: string; location?: URL; status?: number; page?: string } = {};
  const open = async (url: string) => {
    seen.authorizeUrl = url;
    const consent = await fetch(url, { redirect: 'manual' });
    const html = await consent.text();
    // The consent page's form, submitted with Approve, as a person would.
    const form = new URLSearchParams(new URL(url).searchParams);
    form.set('decision', 'approve');
    expect(html).toContain('<form');
    const answer = await fetch(`${emu.url}/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const location = transform(new URL(answer.headers.get('location') ?? ''));
    seen.location = location;
    const callback = await fetch(location);
    seen.status = callback.status;
    seen.page = await callback.text();
  };
  return { seen, open };
}

describe('sign-in with the browser (authorization code + PKCE)', () => {
  it('opens the /authorize URL as the AWS CLI builds it and caches the token the CLI can refresh', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-pkce-'));
    try {
      const opened: string[] = [];
      const progress: SignInProgress[] = [];
      const deps = depsWith({
        cache: new AwsCliSsoCache(dir),
        openBrowser: async (url) => {
          opened.push(url);
          await emu.approveAuthorization(url);
        },
      });
      const token = await signIn(session, { flow: 'browser', onProgress: (p) => progress.push(p) }, deps);

      expect(opened).toHaveLength(1);
      const url = opened[0] as string;
      expect(url).toMatch(
        new RegExp(
          `^${emu.url}/authorize\\?response_type=code&client_id=[^&]+` +
            '&redirect_uri=http%3A%2F%2F127\\.0\\.0\\.1%3A\\d+%2Foauth%2Fcallback' +
            '&state=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}' +
            '&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess&code_challenge=[A-Za-z0-9_-]{43}$',
        ),
      );
      expect([...new URL(url).searchParams.keys()]).toEqual([
        'response_type',
        'client_id',
        'redirect_uri',
        'state',
        'code_challenge_method',
        'scopes',
        'code_challenge',
      ]);
      // The countdown ticks each second while it waits: however long the approval took, one run of 'waiting'.
      expect(
        progress.map((p) => p.step).filter((step, i, all) => step !== 'waiting' || all[i - 1] !== step),
      ).toEqual(['registering', 'open-browser', 'waiting', 'creating-token']);
      expect(progress[1]).toMatchObject({ step: 'open-browser', url });

      expect(emu.calls().map((c) => [c.api, c.status, c.grantType])).toEqual([
        ['RegisterClient', 200, undefined],
        ['Authorize', 200, undefined],
        ['Authorize', 302, undefined],
        ['CreateToken', 200, 'authorization_code'],
      ]);
      // The file `aws sso login` would write, with everything the CLI and SDKs need to refresh it.
      const files = await readdir(dir);
      expect(files).toContain(tokenCacheFileName(session));
      const onDisk = JSON.parse(
        await readFile(path.join(dir, tokenCacheFileName(session)), 'utf8'),
      ) as object;
      expect(Object.keys(onDisk)).toEqual([
        'startUrl',
        'region',
        'accessToken',
        'expiresAt',
        'clientId',
        'clientSecret',
        'registrationExpiresAt',
        'refreshToken',
      ]);
      expect(onDisk).toMatchObject({
        startUrl: emu.startUrl,
        region: 'us-east-1',
        accessToken: token.accessToken,
      });
      for (const file of files) expect((await stat(path.join(dir, file))).mode & 0o777).toBe(0o600);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('answers the browser with a page saying the tab can be closed, then stops listening', async () => {
    const browser = recordingBrowser();
    await signIn(session, { flow: 'browser' }, depsWith({ openBrowser: browser.open }));
    expect(browser.seen.status).toBe(200);
    expect(browser.seen.page).toContain('SSO Tray is signing you in to acme. You can close this tab.');
    // One request only: the listener is gone.
    await expect(fetch(browser.seen.location as URL)).rejects.toThrow();
  });

  it('ignores an answer with another state (400) and keeps waiting for its own', async () => {
    const forged: { status?: number; page?: string } = {};
    const browser = recordingBrowser((location) => {
      const wrong = new URL(location);
      wrong.searchParams.set('state', 'someone-else');
      wrong.searchParams.set('code', 'forged');
      return wrong;
    });
    const open = async (url: string) => {
      await browser.open(url);
      forged.status = browser.seen.status;
      forged.page = browser.seen.page;
      // The real redirect arrives after the forged one: the sign-in must still be waiting for it.
      const real = new URL(browser.seen.location as URL);
      const answer = await fetch(`${emu.url}/authorize`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          ...Object.fromEntries(new URL(url).searchParams),
          decision: 'approve',
        }).toString(),
      });
      const location = new URL(answer.headers.get('location') ?? '');
      expect(location.origin).toBe(real.origin);
      browser.seen.status = (await fetch(location)).status;
    };
    const token = await signIn(session, { flow: 'browser' }, depsWith({ openBrowser: open }));
    expect(token.accessToken).toBeTruthy();
    expect(forged.status).toBe(400);
    expect(forged.page).toContain(
      'This answer does not belong to the sign-in SSO Tray is waiting for, so it was ignored.',
    );
    expect(browser.seen.status).toBe(200);
    expect(emu.calls({ api: 'CreateToken' })).toHaveLength(1);
  });

  it('refuses a request whose Host is not 127.0.0.1:PORT (DNS rebinding), even with the right state, and keeps waiting', async () => {
    let foreign: { status?: number; body?: string } = {};
    // The name does not resolve here: the browser's own fetch of it fails, and the test sends it to 127.0.0.1 itself.
    const browser = recordingBrowser((location) => {
      const own = new URL(location);
      // A page on rebind.example whose name now resolves to 127.0.0.1 sends the browser's own Host header.
      return new URL(`${own.pathname}${own.search}`, `http://rebind.example:${own.port}`);
    });
    const open = async (url: string) => {
      const viaRebind = recordingBrowser();
      // The consent and redirect as a browser does them; the callback request is then made with the foreign Host.
      await browser.open(url).catch(() => undefined);
      const rebound = browser.seen.location as URL;
      foreign = await new Promise((resolve, reject) => {
        http
          .get(
            {
              host: '127.0.0.1',
              port: rebound.port,
              path: `${rebound.pathname}${rebound.search}`,
              headers: { host: rebound.host },
            },
            (res) => {
              let body = '';
              res.on('data', (chunk: Buffer) => (body += chunk.toString()));
              res.on('end', () => resolve({ status: res.statusCode, body }));
            },
          )
          .on('error', reject);
      });
      await viaRebind.open(url);
      browser.seen.status = viaRebind.seen.status;
    };
    const token = await signIn(session, { flow: 'browser' }, depsWith({ openBrowser: open }));
    expect(token.accessToken).toBeTruthy();
    expect(foreign).toEqual({ status: 421, body: 'Misdirected request' });
    expect(browser.seen.status).toBe(200);
    expect(emu.calls({ api: 'CreateToken' })).toHaveLength(1);
  });

  it('leaves an AWS CLI older than 2.22 able to sign in: the shared registration is never a PKCE one (item 11)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-pkce-registration-'));
    try {
      const browser = recordingBrowser();
      const cache = new AwsCliSsoCache(dir);
      await signIn(session, { flow: 'browser' }, depsWith({ openBrowser: browser.open, cache }));
      // AWS CLI 2.9 (Debian 12): reuse the registration under botocore's key whatever its grants, else register.
      const shared = path.join(dir, registrationCacheFileName(session));
      const cached = await readFile(shared, 'utf8').then(
        (text) => JSON.parse(text) as { clientId: string; clientSecret: string },
        () => undefined,
      );
      const oidc = new SSOOIDCClient({
        region: session.region,
        endpoint: emu.url,
        credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      });
      const client =
        cached ??
        ((await oidc.send(
          new RegisterClientCommand({ clientName: 'botocore-client', clientType: 'public' }),
        )) as { clientId: string; clientSecret: string });
      const started = await oidc.send(
        new StartDeviceAuthorizationCommand({
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          startUrl: session.startUrl,
        }),
      );
      expect(started.userCode).toBeTruthy();
      expect(await readdir(dir)).toHaveLength(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says so when the user denies the request', async () => {
    const deps = depsWith({ openBrowser: async (url) => void (await emu.denyAuthorization(url)) });
    const failure = signIn(session, { flow: 'browser' }, deps);
    await expect(failure).rejects.toMatchObject({
      message: 'Sign-in for acme was denied in the browser.',
      next: { do: 'restart-sign-in', session: 'acme' },
    });
    await expect(failure).rejects.toMatchObject({ code: 'sign-in-cancelled' });
  });

  it('gives up after 10 minutes with a clear message and closes the listener', async () => {
    const clock = new FakeClock();
    let redirectUri = '';
    const failure = signIn(
      session,
      {
        flow: 'browser',
        onProgress: (p) => {
          if (p.step === 'open-browser') redirectUri = new URL(p.url).searchParams.get('redirect_uri') ?? '';
        },
      },
      depsWith({ clock, openBrowser: async () => undefined }),
    );
    failure.catch(() => undefined);
    await waitFor(() => clock.pendingTimers() > 0);
    await clock.advance(10 * 60_000 - 1);
    expect(await isPending(failure)).toBe(true);
    await clock.advance(1);
    await expect(failure).rejects.toMatchObject({
      message: 'Sign-in for acme was not completed in the browser within 10 minutes.',
      next: { do: 'restart-sign-in', session: 'acme' },
    });
    await expect(failure).rejects.toMatchObject({ code: 'sign-in-timed-out' });
    await expect(fetch(redirectUri)).rejects.toThrow();
  });

  it('counts the time left down each second on the injected clock, and stops once approved', async () => {
    const clock = new FakeClock();
    let url = '';
    const left: number[] = [];
    const signingIn = signIn(
      session,
      {
        flow: 'browser',
        onProgress: (p) => {
          if (p.step === 'open-browser') url = p.url;
          if (p.step === 'waiting') left.push(p.secondsLeft);
        },
      },
      depsWith({ clock, openBrowser: async () => undefined }),
    );
    await waitFor(() => left.length > 0);
    expect(left).toEqual([600]);
    await clock.advance(999);
    expect(left).toEqual([600]);
    await clock.advance(1);
    expect(left).toEqual([600, 599]);
    await clock.advance(61_000);
    expect([left.length, left.at(-1)]).toEqual([63, 538]);
    await emu.approveAuthorization(url);
    expect((await signingIn).accessToken).toBeTruthy();
    const shown = left.length;
    await clock.advance(5_000);
    expect([left.length, clock.pendingTimers()]).toEqual([shown, 0]);
  });

  it('falls back to the device code when no browser can be opened', async () => {
    const steps: string[] = [];
    const deps = depsWith({
      openBrowser: async () => {
        throw new Error('xdg-open: no method available');
      },
    });
    const token = await signIn(
      session,
      {
        flow: 'browser',
        onProgress: (p) => {
          steps.push(p.step);
          if (p.step === 'device-code') void emu.approveDevice(p.userCode);
        },
      },
      deps,
    );
    expect(token.accessToken).toBeTruthy();
    expect(steps.slice(0, 3)).toEqual(['registering', 'open-browser', 'registering']);
    expect(steps).toContain('device-code');
    expect(emu.calls({ api: 'CreateToken', status: 200 }).map((c) => c.grantType)).toEqual([
      'urn:ietf:params:oauth:grant-type:device_code',
    ]);
  });

  it('uses the device code straight away when there is no browser opener', async () => {
    const steps: string[] = [];
    await signIn(
      session,
      {
        flow: 'browser',
        onProgress: (p) => {
          steps.push(p.step);
          if (p.step === 'device-code') void emu.approveDevice(p.userCode);
        },
      },
      depsWith(),
    );
    expect(steps).not.toContain('open-browser');
    expect(emu.calls({ api: 'Authorize' })).toEqual([]);
  });

  it('waits for the printed URL when the caller does not allow the fallback', async () => {
    let url = '';
    const signingIn = signIn(
      session,
      {
        flow: 'browser',
        fallbackToDeviceCode: false,
        onProgress: (p) => {
          if (p.step === 'open-browser') url = p.url;
        },
      },
      depsWith(),
    );
    await waitFor(() => url !== '');
    await emu.approveAuthorization(url);
    expect((await signingIn).accessToken).toBeTruthy();
  });
});

async function isPending(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await settle();
  return !settled;
}

async function waitFor(condition: () => boolean): Promise<void> {
  await eventually(() => expect(condition()).toBe(true));
}
