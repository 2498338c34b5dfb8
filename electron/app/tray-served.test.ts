// Serving a role from the tray: the role's "Serve to local programs" starts the endpoint and puts the two variables
// on the clipboard; "Served to local programs" lists it with Stop; signing out and quitting close it.
import * as electron from 'electron';
import { describe, expect, it } from 'vitest';
import {
  BrowserWindow,
  click,
  createdNotifications,
  createdTrays,
  ipcMain,
  menuLabels,
} from '../../e2e/support/electron-double.js';
import {
  menu,
  pageUrl,
  signInFromTray,
  start,
  useHarness,
} from '../../e2e/support/electron-double-harness.js';
import { askEndpoint } from '../../e2e/support/endpoint-client.js';
import { eventually } from '../../e2e/support/eventually.js';
import type { RunningApp } from './start-app.js';

const h = useHarness();

/** A signed-in app with the first account's first role as a favourite; its item's label in the tray. */
async function ready(): Promise<{ app: RunningApp; item: string; accountId: string; roleName: string }> {
  const app = await start(h);
  await app.door.call('sessions:add', { name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
  await app.tray.refresh();
  await signInFromTray(h, app, 'acme');
  const account = h.emu.organisation.accounts[0]!;
  const roleName = account.roles[0]!;
  await app.door.call('favourites:toggle', { session: 'acme', accountId: account.accountId, roleName });
  await app.tray.refresh();
  return { app, item: `${account.accountId} / ${roleName}`, accountId: account.accountId, roleName };
}

/** The copied `export NAME=value` lines, as a program's environment would hold them. */
async function copiedVariables(): Promise<{ url: string; token: string }> {
  const text = await electron.clipboard.readText();
  const value = (name: string) => new RegExp(`^export ${name}=(\\S+)$`, 'm').exec(text)?.[1] ?? '';
  return {
    url: value('AWS_CONTAINER_CREDENTIALS_FULL_URI'),
    token: value('AWS_CONTAINER_AUTHORIZATION_TOKEN'),
  };
}

describe('serving from the tray', () => {
  it('Serve copies the variables, the tray lists the endpoint, and its Stop closes it', async () => {
    const { app, item, accountId, roleName } = await ready();
    click(menu(), item, 'Serve to local programs');
    await eventually(() =>
      expect(createdNotifications().at(-1)?.body).toMatch(
        /^Serving .+ to local programs at http:\/\/127\.0\.0\.1:\d+\/role-credentials; the variables that reach it are on the clipboard\.$/,
      ),
    );
    const { url, token } = await copiedVariables();
    const answer = await askEndpoint(url, { authorization: token });
    const issued = await app.door.call('credentials:values', { session: 'acme', accountId, roleName });
    expect([answer.status, answer.body.AccessKeyId]).toEqual([200, issued.accessKeyId]);

    // The served list can be drawn before the request is counted (the count redraws it): wait for the whole submenu.
    const served = `${item} — ${new URL(url).host}`;
    await eventually(() =>
      expect(menuLabels(menu(), served)).toEqual([
        `${roleName} in ${accountId} (acme)`,
        expect.stringMatching(/^1 request answered, credentials until /),
        '---',
        'Copy variables (macOS and Linux (bash, zsh))',
        'Stop',
      ]),
    );
    click(menu(), served, 'Stop');
    await eventually(() => expect(menuLabels(menu())).not.toContain('Served to local programs'));
    await expect(askEndpoint(url, { authorization: token })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('quitting the app closes the endpoint', async () => {
    const { item } = await ready();
    click(menu(), item, 'Serve to local programs');
    await eventually(async () => expect((await copiedVariables()).url).not.toBe(''));
    const { url, token } = await copiedVariables();
    const tray = createdTrays().at(-1);
    electron.app.quit();
    await eventually(() => expect(tray?.isDestroyed()).toBe(true));
    h.running = undefined;
    await expect(askEndpoint(url, { authorization: token })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('signing out stops it, and one notification says so', async () => {
    const { item, accountId, roleName } = await ready();
    click(menu(), item, 'Serve to local programs');
    await eventually(async () => expect((await copiedVariables()).url).not.toBe(''));
    const { url, token } = await copiedVariables();
    click(menu(), 'Sign out of acme');
    await eventually(() =>
      expect(createdNotifications().map((n) => n.body)).toContain(
        `Stopped serving ${roleName} in ${accountId} to local programs: acme was signed out; sign in and serve it again from the window.`,
      ),
    );
    await expect(askEndpoint(url, { authorization: token })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});

describe('the window API for serving', () => {
  it('answers the app’s own page, refuses another page and a malformed call, and never returns the token', async () => {
    const { app, accountId, roleName } = await ready();
    const window = BrowserWindow.getAllWindows()[0]!;
    const role = { session: 'acme', accountId, roleName };
    const foreign = await ipcMain.invokeFromRenderer('sso-tray:endpoints:start', [role], {
      url: 'https://evil.example/',
      webContents: window.webContents,
    });
    expect(foreign).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'This page may not use SSO Tray.' },
    });
    expect(await app.door.call('endpoints:list', {})).toEqual([]);
    const own = { url: pageUrl, webContents: window.webContents };
    const malformed = await ipcMain.invokeFromRenderer('sso-tray:endpoints:copy', [{ id: 7 }], own);
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const started = (await ipcMain.invokeFromRenderer('sso-tray:endpoints:start', [role], own)) as {
      ok: true;
      value: { id: string };
    };
    expect(
      await ipcMain.invokeFromRenderer('sso-tray:endpoints:copy', [{ id: started.value.id }], own),
    ).toEqual({
      ok: true,
    });
    const { token } = await copiedVariables();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(started)).not.toContain(token);
  });
});
