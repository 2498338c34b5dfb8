// The packaged shape of the app in real Electron, where the binary is installed: start-up reaches the tray and the
// window, which opens locked down on first run from the app's own sso-tray:// scheme with its API answering over real
// IPC; a copy lands on the real clipboard (through the app's test-only hooks, SSO_TRAY_TEST_HOOKS=1); no menu bar
// with developer tools; a second launch (or macOS's 'activate') brings the window or the quick-pick back; the
// quick-pick is ready before the key; the window's place survives a quit. Without the binary (as on the project's
// build machines) it is skipped and says why; the same wiring is tested there through the recorded double.
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { startEmulator, type RunningEmulator } from './identity-center/emulator.js';
import { makeSandbox, type Sandbox } from './support/sandbox.js';
import { ELECTRON_SKIP_REASON as SKIP_REASON, electronBinary } from './support/electron-binary.js';
import { launchAgain, launchApp, quitApp, windowsOf } from './support/electron-launch.js';

const binary = electronBinary();
const PAGE = 'sso-tray://app/index.html';
const QUICK_PICK = `${PAGE}?view=quick-pick`;

interface Hooks {
  trayBuilt(): boolean;
  copy(text: string): Promise<void>;
  openQuickPick(): void;
}

/** The app started on a fresh sandbox, its tray built and both windows made (the quick-pick hidden). */
async function started(sandbox: Sandbox, extra: string[] = []): Promise<ElectronApplication> {
  const app = await launchApp(binary!, sandbox, extra);
  // Start-up went past 'ready' (electron/electron#40719): the tray is built.
  await expect
    .poll(() => app.evaluate(() => (globalThis as { __ssoTrayTest?: Hooks }).__ssoTrayTest?.trayBuilt()))
    .toBe(true);
  await expect.poll(async () => (await windowsOf(app)).map((w) => w.url).sort()).toEqual([PAGE, QUICK_PICK]);
  return app;
}

const windowAt = async (app: ElectronApplication, url: string) =>
  (await windowsOf(app)).find((w) => w.url.split('#')[0] === url);

async function pageAt(app: ElectronApplication, url: string): Promise<Page> {
  await expect.poll(() => app.windows().some((p) => p.url() === url)).toBe(true);
  return app.windows().find((p) => p.url() === url)!;
}

test.describe('the app in Electron', () => {
  test.skip(!binary, SKIP_REASON);

  let emu: RunningEmulator;
  let sandbox: Sandbox;
  let app: ElectronApplication | undefined;

  test.beforeAll(async () => {
    emu = await startEmulator();
  });
  test.beforeEach(async () => {
    sandbox = await makeSandbox(emu.url);
  });
  test.afterEach(async () => {
    await app?.close();
    app = undefined;
    await sandbox?.cleanup();
  });
  test.afterAll(async () => {
    await emu?.close();
  });

  test('reaches the tray and opens its window on first run, isolated and sandboxed, with only the window API on the page; a copy lands on the clipboard', async () => {
    app = await started(sandbox);
    const page = await pageAt(app, PAGE);
    await page.waitForLoadState('domcontentloaded');
    const globals = await page.evaluate(() => ({
      api: typeof (globalThis as { ssoTray?: unknown }).ssoTray,
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      origin: (globalThis as unknown as { location: { origin: string } }).location.origin,
    }));
    expect(globals).toEqual({
      api: 'object',
      require: 'undefined',
      process: 'undefined',
      origin: 'sso-tray://app',
    });
    await expect.poll(async () => (await windowAt(app!, PAGE))?.visible).toBe(true); // shown once rendered
    expect(await windowAt(app, PAGE)).toMatchObject({ title: 'SSO Tray' });
    expect(await windowAt(app, QUICK_PICK)).toMatchObject({ visible: false });
    const sessions = await page.evaluate(() =>
      (globalThis as unknown as { ssoTray: Record<string, (input: unknown) => Promise<unknown>> }).ssoTray[
        'sessions:list'
      ]!({}),
    );
    // Outcomes cross the context bridge as plain data (an Error would lose its code there).
    expect(sessions).toEqual({ ok: true, value: [] });
    await app.evaluate(async () => {
      await (globalThis as { __ssoTrayTest?: Hooks }).__ssoTrayTest!.copy('sso-tray e2e: copied');
    });
    expect(await app.evaluate(({ clipboard }) => clipboard.readText())).toBe('sso-tray e2e: copied');
  });

  test('serves its pages from sso-tray://app/ with their CSP as a header, and nothing outside the build', async () => {
    app = await started(sandbox);
    const answers = await app.evaluate(async ({ net }) => {
      const get = async (url: string) => {
        const response = await net.fetch(url);
        return { status: response.status, csp: response.headers.get('content-security-policy') };
      };
      return {
        page: await get('sso-tray://app/index.html'),
        escape: await get('sso-tray://app/..%2f..%2fpackage.json'),
        otherHost: await get('sso-tray://elsewhere/index.html'),
      };
    });
    expect(answers.page).toEqual({ status: 200, csp: expect.stringContaining("default-src 'none'") });
    expect(answers.escape.status).toBe(403);
    expect(answers.otherHost.status).toBe(403);
  });

  test('shows no menu with developer tools: none on Windows and Linux, the app, Edit and Window menus on macOS', async () => {
    app = await started(sandbox);
    const menu = await app.evaluate(({ Menu }) => {
      const menu = Menu.getApplicationMenu();
      const walk = (items: Electron.MenuItem[]): string[] =>
        items.flatMap((item) => [`${item.role ?? ''}:${item.label}`, ...walk(item.submenu?.items ?? [])]);
      return menu ? walk(menu.items) : null;
    });
    if (process.platform === 'darwin') {
      expect(menu).not.toBeNull();
      expect(menu!.join('\n')).not.toMatch(/toggledevtools|Developer Tools/i);
    } else {
      expect(menu).toBeNull();
    }
  });

  test('started again, it shows its window; with --quick-pick, the quick-pick; on macOS "activate" shows the window', async () => {
    app = await started(sandbox);
    await app.evaluate(({ BrowserWindow }, page) => {
      BrowserWindow.getAllWindows()
        .find((w) => w.webContents.getURL().split('#')[0] === page)
        ?.close();
    }, PAGE);
    await expect.poll(() => windowAt(app!, PAGE)).toBeUndefined();
    expect(await launchAgain(binary!, sandbox)).toBe(0);
    await expect.poll(async () => (await windowAt(app!, PAGE))?.visible).toBe(true);

    expect(await launchAgain(binary!, sandbox, ['--quick-pick'])).toBe(0);
    await expect.poll(async () => (await windowAt(app!, QUICK_PICK))?.visible).toBe(true);
    await expect(
      (await pageAt(app, QUICK_PICK)).getByRole('combobox', { name: 'Find a role' }),
    ).toBeFocused();

    if (process.platform === 'darwin') {
      await app.evaluate(({ BrowserWindow }) => {
        for (const w of BrowserWindow.getAllWindows()) if (w.isVisible()) w.close();
      });
      await expect.poll(() => windowAt(app!, PAGE)).toBeUndefined();
      await app.evaluate(({ app: electronApp }) => electronApp.emit('activate', {}, false));
      await expect.poll(async () => (await windowAt(app!, PAGE))?.visible).toBe(true);
    }
  });

  test('has the quick-pick rendered before the key: opening it loads nothing, and its box has the focus', async () => {
    app = await started(sandbox);
    const pick = await pageAt(app, QUICK_PICK);
    await pick.waitForLoadState('load');
    // From here on, any page load in the quick-pick is counted.
    await app.evaluate(({ BrowserWindow }, url) => {
      const contents = BrowserWindow.getAllWindows().find((w) => w.webContents.getURL() === url)!.webContents;
      const seen = globalThis as { __loadsAfterReady?: number };
      seen.__loadsAfterReady = 0;
      contents.on('did-start-loading', () => (seen.__loadsAfterReady = (seen.__loadsAfterReady ?? 0) + 1));
    }, QUICK_PICK);
    const t0 = performance.now();
    await app.evaluate(() => (globalThis as { __ssoTrayTest?: Hooks }).__ssoTrayTest!.openQuickPick());
    await expect(pick.getByRole('combobox', { name: 'Find a role' })).toBeFocused();
    console.log(
      `quick-pick: ${(performance.now() - t0).toFixed(0)} ms from the shortcut's call to a focused box`,
    );
    expect(await windowAt(app, QUICK_PICK)).toMatchObject({ visible: true });
    expect(await app.evaluate(() => (globalThis as { __loadsAfterReady?: number }).__loadsAfterReady)).toBe(
      0,
    );
  });

  test('puts the window back where it was after a quit with the window open', async () => {
    app = await started(sandbox);
    await app.evaluate(({ BrowserWindow }, url) => {
      BrowserWindow.getAllWindows()
        .find((w) => w.webContents.getURL() === url)!
        .setBounds({ x: 120, y: 140, width: 900, height: 700 });
    }, PAGE);
    const placed = (await windowAt(app, PAGE))!.bounds; // as the window manager placed it
    await quitApp(app);
    app = await started(sandbox); // still no session: the window opens again
    await expect.poll(async () => (await windowAt(app!, PAGE))?.bounds).toEqual(placed);
  });
});
