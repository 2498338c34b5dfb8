// The app's lifecycle: one instance, the core in the background, the tray rebuilt on every change, notifications
// when a session really ends. Electron is passed in (the real module in main.ts, the recorded double in tests).
import path from 'node:path';
import type * as Electron from 'electron';
import { awsPathsFromEnv, fileNotices } from '../core/public.js';
import { TrayOwner } from '../tray/tray-owner.js';
import { signInNotice, traySentence } from '../tray/next-step-words.js';
import { SafeStorageSecretStore } from './safe-storage-secret-store.js';
import { TrayController } from './tray-controller.js';
import { MainWindow } from './main-window.js';
import { electronWindowState } from './window-state.js';
import { openDoor, type OpenDoor } from '../ipc/door.js';
import { forwardEvents, registerIpc } from './register-ipc.js';
import { createNotifier } from './notifier.js';
import { writeClipboard } from './clipboard-write.js';
import { exposeTestHooks } from './test-hooks.js';
import { QuickPickWindow, applyDesktopSettings, canStartAtLogin } from './quick-pick-window.js';
import type { Settings } from '../core/shapes/front-end-shapes.js';
import { startUpdates } from './update/start-updates.js';
import { appImageSandboxNotice } from './appimage-sandbox.js';
import { afterReady, beforeReady } from './desktop-shell.js';
import { QUICK_PICK_ARG, shortcutNoticeOnWayland } from './quick-pick-command.js';
import type { Clock } from '../core/clock.js';

export type ElectronApi = Pick<
  typeof Electron,
  | 'app'
  | 'Tray'
  | 'Menu'
  | 'nativeImage'
  | 'clipboard'
  | 'shell'
  | 'Notification'
  | 'safeStorage'
  | 'powerMonitor'
  | 'BrowserWindow'
  | 'ipcMain'
  | 'globalShortcut'
  | 'protocol'
  | 'session'
>;

export interface AppFiles {
  iconPath: string;
  /** The bundled preload (dist/electron/preload.cjs). */
  preload: string;
  /** The built window (dist/renderer/index.html). */
  indexHtml: string;
}

export interface RunningApp {
  /** The core's door, as the window and the tray hold it (tests drive the app through it too). */
  door: OpenDoor;
  tray: TrayOwner;
  controller: TrayController;
  window: MainWindow;
}

/** How often the account names behind favourites and recents are refreshed while the app runs. */
const LISTING_MAX_AGE_SECONDS = 60 * 60;

export async function startApp(
  electron: ElectronApi,
  options: AppFiles & {
    env?: NodeJS.ProcessEnv;
    showWindow?: boolean;
    /** Open the quick-pick once started (a first launch with --quick-pick). */
    quickPick?: boolean;
    /** The core's clock (tests hold time still; the app runs on the system's). */
    clock?: Clock;
  },
): Promise<RunningApp | undefined> {
  const { app, safeStorage, shell, clipboard, Notification, powerMonitor } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.quit(); // another SSO Tray is running: its tray is the one to use
    return undefined;
  }
  beforeReady(electron);
  await app.whenReady();
  afterReady(electron, path.dirname(options.indexHtml));
  // A tray app has no Dock icon: the packaged app says so in Info.plist (LSUIElement), an unpackaged run here.
  if (!app.isPackaged) app.dock?.hide();
  if (process.platform === 'win32') app.setAppUserModelId('dev.ssotray.app');

  const env = options.env ?? process.env;
  const appDataDir = env.SSO_TRAY_DATA_DIR ? awsPathsFromEnv(env).appDataDir : app.getPath('userData');
  const { notify } = createNotifier(Notification);

  let quitting = false;
  const pages = { preload: options.preload, devTools: !app.isPackaged }; // a packaged build has no developer tools
  const window = new MainWindow(
    electron,
    pages,
    (created) => forwardEvents(door, (channel, message) => created.webContents.send(channel, message)),
    electronWindowState(app.getPath('userData')),
  );
  // The quick-pick (global shortcut, "Find a role…"): its own small window over the same API.
  const quickPick = new QuickPickWindow(
    electron,
    pages,
    (created) => forwardEvents(door, (channel, message) => created.webContents.send(channel, message)),
    electron.globalShortcut,
  );
  // Auto-update (electron/app/update): the tray offers "Restart to update" once a verified download waits.
  const updates = startUpdates(app, {
    env,
    platform: process.platform,
    resourcesPath: process.resourcesPath as string | undefined,
    whenWritesSettled: () => door.whenIdle(),
    onChange: () => tray.scheduleRefresh(),
  });
  const waylandNotice = shortcutNoticeOnWayland(app, env, notify);
  const desktop = (settings: Settings) => {
    applyDesktopSettings(settings, app, quickPick, notify);
    waylandNotice(settings.quickPickShortcut);
  };
  const capabilities = {
    clipboard: { writeText: (text: string) => writeClipboard(clipboard, text) },
    openExternal: (url: string) => shell.openExternal(url),
    applySettings: desktop,
    startAtLogin: canStartAtLogin(process.platform),
    quickPick: true,
    updates,
  };
  // The packaged app cannot run as Node (RunAsNode fuse off): its credential_process names the npm-installed CLI.
  const door = openDoor(
    {
      env,
      appDataDir,
      cli: 'installed',
      background: true,
      // Chromium trusts the OS store; the core's requests do too, so a TLS-inspecting root installed there works.
      systemRoots: true,
      // And its proxy settings (PAC, WPAD, the desktop's), as Chromium resolves them for the window:
      // https://www.electronjs.org/docs/latest/api/session#sesresolveproxyurl
      systemProxy: (url) => electron.session.defaultSession.resolveProxy(url),
      ...(options.clock ? { clock: options.clock } : {}),
      openBrowser: (url) => shell.openExternal(url),
      secretStore: new SafeStorageSecretStore(safeStorage, path.join(appDataDir, 'secrets'), {
        onMemoryOnly: (message) => notify(message),
      }),
    },
    capabilities,
  );
  const unregisterIpc = registerIpc(
    electron.ipcMain,
    door,
    (event) => window.isTrusted(event) || quickPick.isTrusted(event),
  );
  const controller = new TrayController({
    door,
    ...(options.clock ? { now: () => options.clock!.now() } : {}),
    notify,
    platform: process.platform,
    quit: () => app.quit(),
    openWindow: (list) => window.open(list),
    findRole: () => quickPick.open(),
  });
  const tray = new TrayOwner({
    electron,
    iconPath: options.iconPath,
    state: async () => ({ ...(await controller.state()), update: updates.offered() }),
    actions: { ...controller.actions(), restartToUpdate: () => void updates.restart() },
  });

  for (const event of [
    'session-changed',
    'sessions-changed',
    'profiles-changed',
    'accounts-changed',
    'settings-changed',
    'sign-in-progress',
  ] as const) {
    door.on(event, () => tray.scheduleRefresh());
  }
  // The tray lists what is served: rebuilt when an endpoint starts or stops, not on every request it answers.
  let servedIds = '';
  door.on('endpoints-changed', (list) => {
    const ids = list.map((e) => e.id).join(' ');
    if (ids !== servedIds) tray.scheduleRefresh();
    servedIds = ids;
  });
  // The notification is itself the way to sign in: a sign-in step is worded as its click, any other step as the tray's.
  door.on('sign-in-needed', ({ session, ...reason }) =>
    notify(signInNotice(reason), () => void controller.signIn(session).catch(() => undefined)),
  );
  door.on('problem', (problem) => notify(traySentence(problem)));
  // What SSO Tray did to a user's file that the user should hear of (a mode it tightened to 0600).
  const noticeFile = (sentence: string) => notify(sentence);
  fileNotices.on('notice', noticeFile);
  // Timers do not run while the machine sleeps: catch up on what fell due.
  const catchUp = () => void door.recheck().catch(() => undefined);
  powerMonitor.on('resume', catchUp);
  powerMonitor.on('unlock-screen', catchUp);
  app.on('window-all-closed', () => undefined); // stay in the tray
  // Starting SSO Tray again shows its window, or with --quick-pick the quick-pick (a desktop's own shortcut can run it).
  app.on('second-instance', (_event, argv) =>
    argv.includes(QUICK_PICK_ARG) ? quickPick.open() : window.open(),
  );
  // Global shortcuts belong to the OS until released: Electron's docs release them all on 'will-quit'.
  app.on('will-quit', () => electron.globalShortcut.unregisterAll());
  app.on('before-quit', (event) => {
    if (quitting) return;
    // Let a write in flight (~/.aws/credentials, ~/.aws/config, settings from the window) finish before the process ends.
    event.preventDefault();
    quitting = true;
    updates.stop();
    void door.whenIdle().finally(() => {
      unregisterIpc();
      fileNotices.off('notice', noticeFile);
      quickPick.destroy();
      window.destroy();
      door.close();
      tray.destroy();
      app.quit();
    });
  });

  const sandboxNotice = appImageSandboxNotice(env, process.argv);
  if (sandboxNotice) console.warn(sandboxNotice);

  const sessions = await door.call('sessions:list', {});
  await tray.refresh();
  exposeTestHooks(env, { trayBuilt: () => true, clipboard, openQuickPick: () => quickPick.open() });
  await door.call('settings:get', {}).then(desktop, () => undefined);
  // First run: the window asks for a start URL. `--show-window` (the demo) opens it too.
  if (sessions.length === 0 || options.showWindow) window.open();
  // Loaded hidden now, so the first shortcut press shows a rendered page ready to type in.
  quickPick.prepare();
  if (options.quickPick) quickPick.open();
  // macOS: opening the running app again (Finder, Spotlight, the Dock) emits 'activate', not 'second-instance'
  // (https://www.electronjs.org/docs/latest/api/app#event-activate-macos); listened to only now, after start-up's own.
  app.on('activate', () => window.open());
  for (const session of sessions) {
    if (session.state === 'signed-in')
      void door
        .call('accounts:cached', { session: session.name, refreshAfterSeconds: LISTING_MAX_AGE_SECONDS })
        .catch(() => undefined);
  }
  return { door, tray, controller, window };
}
