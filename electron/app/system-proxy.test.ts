// The app reaches Identity Center through the proxy the operating system's settings name, as its window would:
// Electron's session.resolveProxy (https://www.electronjs.org/docs/latest/api/session#sesresolveproxyurl), here the
// double's answer to the rules a test sets with session.setProxy. A proxy variable or NO_PROXY still decides first,
// as for the AWS CLI. The verdict is what the forward proxy forwarded, and the sentence when it is down.
import * as electron from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { start, signInFromTray, useHarness } from '../../e2e/support/electron-double-harness.js';
import { deadAddress, startForwardProxy, type ForwardProxy } from '../../e2e/support/forward-proxy.js';

const h = useHarness();
const proxies: ForwardProxy[] = [];
const paths = (proxy: ForwardProxy) => proxy.seen().map((r) => new URL(r.line.split(' ')[1]!).pathname);

async function systemProxy(): Promise<ForwardProxy> {
  const proxy = await startForwardProxy();
  proxies.push(proxy);
  await electron.session.defaultSession.setProxy({ proxyRules: `http=${new URL(proxy.url).host}` });
  return proxy;
}

async function signedIn() {
  const app = await start(h);
  await app.door.call('sessions:add', { name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
  await app.tray.refresh();
  await signInFromTray(h, app, 'acme');
  return app;
}

afterEach(async () => {
  for (const proxy of proxies.splice(0)) await proxy.close();
});

describe("the system's proxy settings", () => {
  it('carry the sign-in and the listing when no variable names a proxy', async () => {
    const proxy = await systemProxy();
    const app = await signedIn();
    await app.door.call('accounts:list', { session: 'acme' });
    expect(paths(proxy)).toEqual(
      expect.arrayContaining(['/client/register', '/token', '/assignment/accounts']),
    );
    expect(proxy.seen().length).toBe(h.emu.calls().filter((c) => c.api !== 'Authorize').length);
  });

  it('give way to NO_PROXY, as the AWS CLI lets the variables decide', async () => {
    const proxy = await systemProxy();
    h.sandbox.env.NO_PROXY = '127.0.0.1';
    const app = await signedIn();
    await app.door.call('accounts:list', { session: 'acme' });
    expect(proxy.seen()).toEqual([]);
    expect(h.emu.calls({ api: 'ListAccounts' }).length).toBeGreaterThan(0);
  });

  it('name the system proxy when it cannot be reached', async () => {
    const app = await signedIn();
    const dead = await deadAddress();
    await electron.session.defaultSession.setProxy({ proxyRules: dead });
    h.emu.clearCalls();
    await expect(app.door.call('accounts:list', { session: 'acme' })).rejects.toThrow(
      `Identity Center for acme (us-east-1) could not be reached through the proxy in the system proxy settings (http://${dead}, ECONNREFUSED); check that proxy, or add 127.0.0.1 to NO_PROXY if it can be reached directly.`,
    );
    expect(h.emu.calls()).toEqual([]);
  });
});
