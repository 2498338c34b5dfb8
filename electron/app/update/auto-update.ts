// Keeps the installed app up to date with electron-updater: a check at start and every few hours (one timer, nothing
// polled), the download in the background, verified by electron-updater against the sha512 the feed states, then
// "Restart to update" offered in the tray and the window. A restart waits until no file write is in flight.
import type { AppUpdater, UpdateDownloadedEvent } from 'electron-updater';
import type { GenericFeed } from './update-feed.js';

/** Between two checks: a security fix reaches a running app within half a working day. */
export const CHECK_EVERY_MS = 4 * 60 * 60_000;

export interface AutoUpdateDeps {
  updater: AppUpdater;
  /** SSO_TRAY_UPDATE_URL's server instead of the feed packed with the app. */
  feed?: GenericFeed;
  /** One line for each failed check or download; nothing else is logged. */
  log(line: string): void;
  /** Resolves once no file write is in flight (the core's background work and every atomic write or lock). */
  whenWritesSettled(): Promise<void>;
  /** The offer changed: the tray and the window show it. */
  onChange(): void;
  setTimer?(run: () => void, ms: number): unknown;
  clearTimer?(handle: unknown): void;
}

export interface UpdateOffer {
  version: string;
}

export class AutoUpdate {
  private offer: UpdateOffer | undefined;
  private timer: unknown;
  private stopped = false;
  private restarting = false;

  constructor(private readonly deps: AutoUpdateDeps) {
    const { updater } = deps;
    updater.autoDownload = true;
    // electron-updater logs every step, failures with their stack; the one line a failure costs is ours.
    updater.logger = null;
    if (deps.feed) updater.setFeedURL(deps.feed);
    updater.on('update-downloaded', (event: UpdateDownloadedEvent) => {
      this.offer = { version: event.version };
      deps.onChange();
    });
    updater.on('error', (error: Error) => deps.log(failureLine(error)));
  }

  /** Checks now, then every CHECK_EVERY_MS. */
  start(): void {
    void this.checkNow();
  }

  /** One check and, when there is an update, its download; failures are logged (the 'error' event), never thrown. */
  async checkNow(): Promise<void> {
    this.cancelTimer();
    try {
      const result = await this.deps.updater.checkForUpdates();
      await result?.downloadPromise;
    } catch {
      // electron-updater emitted 'error' for it: logged once there.
    } finally {
      if (!this.stopped) {
        const setTimer = this.deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
        this.timer = setTimer(() => void this.checkNow(), CHECK_EVERY_MS);
      }
    }
  }

  /** The downloaded, verified update waiting for a restart. */
  offered(): UpdateOffer | undefined {
    return this.offer;
  }

  /** Installs the offered update and restarts, once no file write is in flight. */
  async restart(): Promise<void> {
    if (!this.offer || this.restarting) return;
    this.restarting = true;
    await this.deps.whenWritesSettled();
    // Not silent: the installer may ask what it must (Windows UAC); run the new version after it (isForceRunAfter).
    this.deps.updater.quitAndInstall(false, true);
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  private cancelTimer(): void {
    if (this.timer === undefined) return;
    (this.deps.clearTimer ?? ((handle) => clearTimeout(handle as NodeJS.Timeout)))(this.timer);
    this.timer = undefined;
  }
}

/** One line: electron-updater's messages can hold response headers on further lines. */
function failureLine(error: Error): string {
  const retry = `it tries again in ${CHECK_EVERY_MS / 3_600_000} hours`;
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_CHECKSUM_MISMATCH')
    return `SSO Tray discarded a downloaded update: it did not match the sha512 its release states; ${retry}.`;
  const reason = (error.message || String(error)).split('\n')[0]!.trim().slice(0, 200);
  return `SSO Tray could not check for updates (${reason}); ${retry}.`;
}
