// The tray app as a user meets it, with the recorded double of Electron over the real core and the emulator:
// the tray built, sign-in through the browser, one-click copies on the clipboard, notifications, quitting cleanly.
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as electron from 'electron';
import { describe, expect, it } from 'vitest';
import {
  callsTo,
  BrowserWindow,
  clickShownNotification,
  click,
  collectGarbage,
  control,
  ipcMain,
  createdNotifications,
  createdTrays,
  menuLabels,
  resetDouble,
} from '../../e2e/support/electron-double.js';
import { formatCredentials } from '../core/role-credentials/formats.js';
import { clockTime } from '../tray/tray-text.js';
import {
  files,
  iconPath,
  launch,
  mainWindows,
  menu,
  pageUrl,
  quickPickWindow,
  usePlatform,
  signInFromTray,
  start as startIn,
  useHarness,
  credentialsOf,
} from '../../e2e/support/electron-double-harness.js';
import { eventually } from '../../e2e/support/eventually.js';

const h = useHarness();
const start = () => startIn(h);

describe('the tray app', () => {
  it('starts as one tray with its template icon, and says how to begin when nothing is set up', async () => {
    usePlatform('darwin'); // the Dock exists only there
    await start();
    expect(createdTrays()).toHaveLength(1);
    expect(callsTo('new Tray')).toEqual([[iconPath]]);
    expect(callsTo('app.dock.hide')).toHaveLength(1);
    expect(menuLabels(menu())[0]).toMatch(/^No sign-in set up/);
    expect(menuLabels(menu()).at(-1)).toBe('Quit');
  });

  it('opens its locked-down window on first run (no session yet): isolated, sandboxed, no Node, no navigation', async () => {
    await start();
    const [window] = BrowserWindow.getAllWindows();
    expect(window).toBeDefined();
    expect(window!.options.webPreferences).toMatchObject({
      preload: files.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(callsTo('window.loadURL')[0]).toEqual([pageUrl]);
    expect(callsTo('window.loadFile')).toEqual([]);
    expect(window!.webContents.navigate('https://example.com/')).toBe(false);
    expect(window!.webContents.requestNewWindow('https://example.com/')).toEqual({
      action: 'deny',
    });
    expect(await window!.webContents.requestPermission('media')).toBe(false);
  });

  it('answers the window API only for its own page, checked against the contract', async () => {
    const app = await start();
    const [window] = BrowserWindow.getAllWindows();
    expect(ipcMain.channels()).toContain('sso-tray:sessions:list');
    const own = { url: pageUrl, webContents: window!.webContents };
    expect(await ipcMain.invokeFromRenderer('sso-tray:sessions:list', [{}], own)).toEqual({
      ok: true,
      value: [],
    });
    const refused = {
      ok: false,
      error: { code: 'invalid-input', message: 'This page may not use SSO Tray.' },
    };
    expect(
      await ipcMain.invokeFromRenderer('sso-tray:sessions:list', [{}], {
        url: 'https://evil.example/',
        webContents: window!.webContents,
      }),
    ).toEqual(refused);
    expect(await ipcMain.invokeFromRenderer('sso-tray:sessions:list', [{}], { url: pageUrl })).toEqual(
      refused,
    );
    expect(
      await ipcMain.invokeFromRenderer(
        'sso-tray:sessions:add',
        [{ name: 'acme', startUrl: 'http://x', region: 'us-east-1' }],
        own,
      ),
    ).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message:
          'The start URL "http://x" cannot be used: it must be an https:// address without spaces, user name or fragment, such as https://d-1234567890.awsapps.com/start.',
      },
    });
    await ipcMain.invokeFromRenderer(
      'sso-tray:sessions:add',
      [{ name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region }],
      own,
    );
    // The core's events reach the window.
    expect(
      callsTo('webContents.send').some(
        ([channel, message]) =>
          channel === 'sso-tray:event' && (message as { name: string }).name === 'sessions-changed',
      ),
    ).toBe(true);
    await app.tray.refresh();
    await signInFromTray(h, app, 'acme');
    const account = h.emu.organisation.accounts[0]!;
    const role = { session: 'acme', accountId: account.accountId, roleName: account.roles[0]! };
    const copied = await ipcMain.invokeFromRenderer(
      'sso-tray:credentials:copy',
      [{ ...role, what: 'profile' }],
      own,
    );
    expect(copied).toMatchObject({ ok: true });
    const credentials = await credentialsOf(app, role);
    expect(await electron.clipboard.readText()).toBe(
      formatCredentials('profile', credentials, { profileName: `${account.accountId}_${account.roles[0]}` }),
    );
  });

  it('opens the window at start when asked (the demo), although sessions exist', async () => {
    const { door } = await start();
    await door.call('sessions:add', { name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
    door.close();
    resetDouble();
    electron.app.setPath('userData', h.sandbox.paths.appDataDir);
    const quiet = await launch(h, { showWindow: false });
    quiet!.door.close();
    h.running = undefined;
    expect(mainWindows()).toHaveLength(0);
    resetDouble();
    electron.app.setPath('userData', h.sandbox.paths.appDataDir);
    await launch(h, { showWindow: true });
    expect(mainWindows()).toHaveLength(1);
  });

  it('remembers where the user put the window, in a 0600 file of its own', async () => {
    const app = await start();
    const [first] = mainWindows();
    first!.setBounds({ x: 40, y: 50, width: 900, height: 700 });
    first!.close();
    app.window.open();
    const [second] = mainWindows();
    expect(second!.options).toMatchObject({ x: 40, y: 50, width: 900, height: 700 });
    const file = path.join(h.sandbox.paths.appDataDir, 'window-state.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      bounds: { x: 40, y: 50, width: 900, height: 700 },
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('quits at once when another SSO Tray is running', async () => {
    control.singleInstanceLock = false;
    expect(await launch(h)).toBeUndefined();
    expect(callsTo('app.quit')).toHaveLength(1);
    expect(createdTrays()).toHaveLength(0);
  });

  it('signs in from the tray through the browser, then copies a role’s credentials to the clipboard in one click', async () => {
    const app = await start();
    await app.door.call('sessions:add', { name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
    await app.tray.refresh();
    expect(menuLabels(menu())).toContain('acme — signed out');

    const before = Date.now();
    await signInFromTray(h, app, 'acme');
    const after = Date.now();
    // When it renews, as the user's clock shows it: "17:41" the same day, "Sun 05:41" after midnight.
    const renewsAt = Date.parse(
      (await app.door.call('sessions:list', {})).find((s) => s.name === 'acme')!.expiresAt!,
    );
    const labels = [before, after].map(
      (now) => `acme — signed in, renews automatically before ${clockTime(renewsAt, now)}`,
    );
    expect(labels).toContain(menuLabels(menu())[0]);
    const account = h.emu.organisation.accounts.find((a) => a.roles.includes('ReadOnlyAccess'))!;
    await app.door.call('accounts:list', { session: 'acme' });
    await app.door.call('favourites:toggle', {
      session: 'acme',
      accountId: account.accountId,
      roleName: 'ReadOnlyAccess',
    });
    await app.tray.refresh();

    const role = `${account.accountName} / ReadOnlyAccess`;
    click(menu(), role, 'Copy environment variables (bash, zsh)');
    await eventually(async () =>
      expect(await electron.clipboard.readText()).toMatch(/^export AWS_ACCESS_KEY_ID=ASIA/),
    );
    const credentials = await credentialsOf(app, {
      session: 'acme',
      accountId: account.accountId,
      roleName: 'ReadOnlyAccess',
    });
    expect(await electron.clipboard.readText()).toBe(formatCredentials('env', credentials));
    expect(createdNotifications().at(-1)?.body).toMatch(
      new RegExp(
        `^Copied macOS and Linux \\(bash, zsh\\) for ${account.accountName} / ReadOnlyAccess, valid until `,
      ),
    );

    click(menu(), role, 'Copy secret access key');
    await eventually(async () =>
      expect(await electron.clipboard.readText()).toBe(credentials.secretAccessKey),
    );
    // A secret reaches the clipboard only: never a notification or the recorded calls.
    for (const notification of createdNotifications())
      expect(notification.body).not.toContain(credentials.secretAccessKey);
    expect(JSON.stringify(callsTo('clipboard.writeText'))).not.toContain(credentials.secretAccessKey);
  });

  it('copies the device code and opens its page from the tray while signing in with a device code', async () => {
    const app = await start();
    await app.door.call('sessions:add', { name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
    await app.door.call('settings:update', { preferredSignIn: 'device-code' });
    await app.tray.refresh();
    click(menu(), 'Sign in to acme…');
    const copyCode = await eventually(async () => {
      await app.tray.refresh();
      const label = menuLabels(menu()).find((l) => l.startsWith('Copy code '));
      if (!label) throw new Error('no device code in the menu yet');
      return label;
    });
    const code = copyCode.slice('Copy code '.length);
    click(menu(), copyCode);
    await eventually(async () => expect(await electron.clipboard.readText()).toBe(code));
    click(menu(), 'Open verification page');
    await eventually(() =>
      expect(callsTo('shell.openExternal').at(-1)?.[0]).toBe(`${h.emu.url}/device?user_code=${code}`),
    );
    await h.emu.approveDevice(code);
    await eventually(async () =>
      expect((await app.door.call('sessions:list', {}))[0]?.state).toBe('signed-in'),
    );
  });

  it('"Find a role…" shows the quick-pick: the frameless window made at start on the compact page', async () => {
    await start();
    const pick = quickPickWindow();
    expect(pick?.options).toMatchObject({ frame: false, show: false, webPreferences: { sandbox: true } });
    await eventually(() => expect(pick?.rendered).toBe(true));
    const made = callsTo('new BrowserWindow').length;
    click(menu(), 'Find a role…');
    expect(callsTo('new BrowserWindow')).toHaveLength(made);
    expect(pick?.isVisible()).toBe(true);
    expect(pick?.webContents.getURL()).toBe(`${pageUrl}?view=quick-pick`);
  });

  it('says in a notification that it tightened a credentials file other users could read', async () => {
    const app = await start();
    await app.door.call('sessions:add', { name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
    await app.tray.refresh();
    await signInFromTray(h, app, 'acme');
    await mkdir(path.dirname(h.sandbox.paths.credentialsFile), { recursive: true });
    await writeFile(h.sandbox.paths.credentialsFile, '[mine]\naws_access_key_id = AKIAMINE\n');
    await chmod(h.sandbox.paths.credentialsFile, 0o644);
    const account = h.emu.organisation.accounts[0]!;
    await app.door.call('profiles:write', {
      session: 'acme',
      accountId: account.accountId,
      roleName: account.roles[0]!,
    });
    expect(createdNotifications().map((n) => n.body)).toContain(
      // The app names files from the real home folder; this test's HOME is a sandbox elsewhere.
      `${h.sandbox.paths.credentialsFile} was readable or writable by other users (mode 0644); SSO Tray set it to 0600, as the AWS CLI expects.`,
    );
  });

  it('tells the user once when the session ends, and the notification’s click starts a sign-in', async () => {
    const app = await start();
    await app.door.call('sessions:add', { name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
    await app.tray.refresh();
    await signInFromTray(h, app, 'acme');
    h.emu.revokeSessions();
    await app.door.call('accounts:list', { session: 'acme' }).catch(() => undefined);
    // Only the text is kept here: the test must not hold the Notification object the app may let go.
    const ended = createdNotifications()
      .map((n) => n.body)
      .filter((body) => body.startsWith('Your session for acme (us-east-1) has ended.'));
    expect(ended).toEqual(['Your session for acme (us-east-1) has ended. Click to sign in again.']);
    const opened = callsTo('shell.openExternal').length;
    // The user clicks it later, after the app has idled and V8 has collected what nobody holds (#12690, #16922).
    await collectGarbage();
    expect(clickShownNotification(/^Your session for acme/)).toBe(true);
    await eventually(() => expect(callsTo('shell.openExternal').length).toBe(opened + 1));
    void app.door.call('sessions:cancel-sign-in', { session: 'acme' });
  });

  it('keeps tokens encrypted in its own folder when sharing with the AWS CLI is off', async () => {
    const app = await start();
    await app.door.call('settings:update', { shareTokenCacheWithAwsCli: false });
    await app.door.call('sessions:add', { name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
    await app.tray.refresh();
    await signInFromTray(h, app, 'acme');
    const secrets = path.join(h.sandbox.paths.appDataDir, 'secrets');
    const files = await readdir(secrets);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files)
      expect(await readFile(path.join(secrets, file), 'utf8')).not.toMatch(/accessToken|clientSecret/);
    await expect(readdir(h.sandbox.paths.ssoCacheDir)).resolves.toEqual([]);
  });

  it('finishes a write of ~/.aws/credentials in flight before quitting, then removes the tray', async () => {
    const app = await start();
    await app.door.call('sessions:add', { name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
    await app.tray.refresh();
    await signInFromTray(h, app, 'acme');
    const account = h.emu.organisation.accounts[0]!;
    const tray = createdTrays()[0]!;
    h.emu.setLatency('GetRoleCredentials', 300); // the write is still waiting for its credentials at the quit
    const order: string[] = [];
    app.door.on('profiles-changed', () => order.push('profile written'));
    const destroy = tray.destroy.bind(tray);
    tray.destroy = () => {
      order.push('tray removed');
      destroy();
    };
    const write = app.door.call('profiles:write', {
      session: 'acme',
      accountId: account.accountId,
      roleName: account.roles[0]!,
      profile: 'late',
    });
    electron.app.quit();
    await eventually(() => expect(tray.isDestroyed()).toBe(true));
    await write;
    expect(order).toEqual(['profile written', 'tray removed']);
    expect(await readFile(h.sandbox.paths.credentialsFile, 'utf8')).toContain('[late]');
    expect(callsTo('app.quit').length).toBe(2); // the user's, then the one after the core went idle
  });
});
