// The one owner of the native Tray: its menu and tooltip rebuilt from state, a burst of change events in one rebuild.
import type * as Electron from 'electron';
import { isSsoTrayError } from '../core/public.js';
import { buildProblemMenu, buildTrayMenu, type TrayActions, type TrayState } from './menu-template.js';
import { trayTooltip } from './tray-tooltip.js';
import { nextTrayChange } from './tray-due.js';
import { traySentence } from './next-step-words.js';

export interface TrayOwnerDeps {
  electron: Pick<typeof Electron, 'Tray' | 'Menu' | 'nativeImage'>;
  /** The 16x16 template PNG; its "@2x" sibling is picked up by Electron on high-density screens. */
  iconPath: string;
  state(): Promise<TrayState>;
  actions: TrayActions;
  /** Defaults to this process's platform: on Windows a left click opens the menu too. */
  platform?: NodeJS.Platform;
}

/** Events arriving closer together than this share one rebuild. */
export const REFRESH_COALESCE_MS = 50;
/** A due rebuild runs this long after the moment, so the state read then is past it. */
export const DUE_SLACK_MS = 1_000;
// setTimeout fires at once for a delay past 2^31-1 ms (about 24.8 days): a later moment is aimed at in steps.
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1;

export class TrayOwner {
  private tray: Electron.Tray | undefined;
  private timer: NodeJS.Timeout | undefined;
  private dueTimer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly deps: TrayOwnerDeps) {
    const { Tray, nativeImage } = deps.electron;
    const tray = new Tray(nativeImage.createFromPath(deps.iconPath));
    tray.setToolTip('SSO Tray');
    // Windows opens a tray's context menu on a right click only; a left click should open it as well.
    if ((deps.platform ?? process.platform) === 'win32')
      tray.on('click', () => this.tray?.popUpContextMenu());
    this.tray = tray;
  }

  /** Reads the state and rebuilds the menu and tooltip; a state that cannot be read shows its sentence instead. */
  async refresh(): Promise<void> {
    const run = this.running.then(() => this.rebuild());
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Coalesces a burst of change events into one rebuild a moment later; nothing runs while nothing changes. */
  scheduleRefresh(): void {
    if (this.timer || !this.tray) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, REFRESH_COALESCE_MS);
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    clearTimeout(this.dueTimer);
    this.timer = undefined;
    this.tray?.destroy();
    this.tray = undefined;
  }

  private async rebuild(): Promise<void> {
    if (!this.tray) return;
    const { Menu } = this.deps.electron;
    let template: Electron.MenuItemConstructorOptions[];
    let tooltip: string;
    let due: { at: number; now: number } | undefined;
    try {
      const state = await this.deps.state();
      template = buildTrayMenu(state, this.deps.actions);
      tooltip = trayTooltip(state);
      const at = nextTrayChange(state);
      if (at !== undefined) due = { at, now: state.now };
    } catch (error) {
      const message = isSsoTrayError(error)
        ? traySentence(error)
        : 'SSO Tray could not read its state; quit and start it again.';
      template = buildProblemMenu(message, this.deps.actions);
      tooltip = 'SSO Tray — something needs your attention';
    }
    // The tray may have been destroyed while the state was read: Electron throws on a destroyed tray.
    if (!this.tray) return;
    this.tray.setContextMenu(Menu.buildFromTemplate(template));
    this.tray.setToolTip(tooltip);
    this.rebuildAt(due);
  }

  /** One timer, for the next moment the tray's words change by time alone (a session's end); none when none is ahead. */
  private rebuildAt(due: { at: number; now: number } | undefined): void {
    clearTimeout(this.dueTimer);
    this.dueTimer = undefined;
    if (!due) return;
    const delay = Math.min(due.at - due.now + DUE_SLACK_MS, LONGEST_TIMEOUT_MS);
    // unref: a tray rebuild alone never keeps the process alive.
    this.dueTimer = setTimeout(() => void this.refresh(), delay).unref();
  }
}
