// The native tray's owner, driven through the recorded electron double: one tray, rebuilt from state, never polled.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as electron from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  callsTo,
  click,
  createdTrays,
  menuLabels,
  resetDouble,
  type Menu as DoubleMenu,
  type Tray as DoubleTray,
} from '../../e2e/support/electron-double.js';
import { SsoTrayError } from '../core/errors.js';
import type { SessionView } from '../core/shapes/front-end-shapes.js';
import type { TrayActions, TrayState } from './menu-template.js';
import { DUE_SLACK_MS, REFRESH_COALESCE_MS, TrayOwner } from './tray-owner.js';
import { eventually } from '../../e2e/support/eventually.js';

const ICON = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'build',
  'icons',
  'tray-Template.png',
);
const NOW = Date.UTC(2026, 0, 5, 8, 53);

const acme: SessionView = {
  name: 'acme',
  startUrl: 'https://acme.awsapps.com/start',
  region: 'us-east-1',
  source: 'app',
  state: 'signed-in',
  expiresAt: '2026-01-05T16:05:00.000Z',
  renewable: false,
};

function trayState(session: SessionView = acme): TrayState {
  return {
    sessions: [session],
    favourites: [{ session: 'acme', accountId: '111122223333', accountName: 'Payments', roleName: 'Admin' }],
    recent: [],
    profiles: [],
    served: [],
    now: NOW,
    platform: 'linux',
    timeZone: 'UTC',
    locale: 'en-GB',
  };
}

/** The app as the owner sees it: a state that tests change, read through an async call they can count. */
function harness(options: { platform?: NodeJS.Platform } = {}) {
  let current: TrayState | Error = trayState();
  const reads = { count: 0 };
  const calls: unknown[][] = [];
  const actions: TrayActions = {
    copy: (role, format) => calls.push(['copy', role.roleName, format]),
    copyValue: (role, value) => calls.push(['copyValue', role.roleName, value]),
    writeProfile: (role, keepFresh) => calls.push(['writeProfile', role.roleName, keepFresh]),
    openConsole: (role) => calls.push(['openConsole', role.roleName]),
    copyConsoleLink: (role) => calls.push(['copyConsoleLink', role.roleName]),
    serve: (role) => calls.push(['serve', role.roleName]),
    copyServedVariables: (served) => calls.push(['copyServedVariables', served.id]),
    stopServing: (served) => calls.push(['stopServing', served.id]),
    removeProfile: (profile) => calls.push(['removeProfile', profile]),
    signIn: (session) => calls.push(['signIn', session]),
    cancelSignIn: (session) => calls.push(['cancelSignIn', session]),
    copySignInCode: (session) => calls.push(['copySignInCode', session]),
    openVerificationPage: (session) => calls.push(['openVerificationPage', session]),
    signOut: (session) => calls.push(['signOut', session]),
    quit: () => calls.push(['quit']),
  };
  let gate: Promise<void> | undefined;
  const owner = new TrayOwner({
    electron,
    iconPath: ICON,
    actions,
    ...(options.platform ? { platform: options.platform } : {}),
    state: async () => {
      reads.count++;
      await gate;
      if (current instanceof Error) throw current;
      return current;
    },
  });
  const tray = () => createdTrays()[0] as DoubleTray;
  return {
    owner,
    reads,
    calls,
    tray,
    menu: () => tray().contextMenu as DoubleMenu,
    set: (next: TrayState | Error) => (current = next),
    /** Holds every state read until the returned function is called. */
    hold: () => {
      let open = () => {};
      gate = new Promise<void>((resolve) => (open = resolve));
      return () => {
        gate = undefined;
        open();
      };
    },
  };
}

beforeEach(() => resetDouble());
afterEach(() => vi.useRealTimers());

describe('the tray icon', () => {
  it('is one Tray with the 16x16 template image and its @2x sibling', () => {
    harness();
    expect(createdTrays()).toHaveLength(1);
    const image = createdTrays()[0]?.image;
    expect(image?.path).toBe(ICON);
    expect(image?.isEmpty()).toBe(false);
    expect(image?.getSize()).toEqual({ width: 16, height: 16 });
    expect(image?.getScaleFactors()).toEqual([1, 2]);
    expect(image?.isTemplateImage()).toBe(true);
    expect(createdTrays()[0]?.toolTip).toBe('SSO Tray');
  });
});

describe('refresh', () => {
  it('builds the menu and tooltip from the state, and rebuilds them when the state changes', async () => {
    const t = harness();
    await t.owner.refresh();
    expect(menuLabels(t.menu()).slice(0, 1)).toEqual(['acme — signed in, ends 16:05']);
    expect(t.tray().toolTip).toBe('SSO Tray — acme: signed in, ends 16:05');

    t.set(trayState({ ...acme, state: 'signed-out' }));
    await t.owner.refresh();
    expect(menuLabels(t.menu()).slice(0, 2)).toEqual(['acme — signed out', 'Sign in to acme…']);
    expect(t.tray().toolTip).toBe('SSO Tray — acme: signed out');
    expect(createdTrays()).toHaveLength(1);
    expect(callsTo('tray.setContextMenu')).toHaveLength(2);
  });

  it("carries a click in the built menu to the app's actions", async () => {
    const t = harness();
    await t.owner.refresh();
    click(t.menu(), 'Payments / Admin', 'Copy environment variables (bash, zsh)');
    click(t.menu(), 'Sign out of acme');
    expect(t.calls).toEqual([
      ['copy', 'Admin', 'env'],
      ['signOut', 'acme'],
    ]);
  });

  it('shows the sentence of a state that cannot be read, and Quit still works', async () => {
    const t = harness();
    t.set(
      new SsoTrayError(
        'file-unreadable',
        'settings.json has settings SSO Tray cannot read (it is not valid JSON); fix or delete it.',
      ),
    );
    await t.owner.refresh();
    expect(menuLabels(t.menu())).toEqual([
      'settings.json has settings SSO Tray cannot read (it is not valid JSON); fix or delete it.',
      '---',
      'Quit',
    ]);
    click(t.menu(), 'Quit');
    expect(t.calls).toEqual([['quit']]);
  });

  it('does not show the text of an unexpected failure', async () => {
    const t = harness();
    t.set(new Error('EACCES: permission denied, open /home/someone/.aws/credentials'));
    await t.owner.refresh();
    expect(menuLabels(t.menu())[0]).toBe('SSO Tray could not read its state; quit and start it again.');
  });
});

describe('scheduleRefresh', () => {
  it('turns a burst of 50 change events into one rebuild', async () => {
    // The coalescing timer on a fake clock: a loaded machine's slow ticks cannot split the burst (setImmediate is real).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const t = harness();
    for (let batch = 0; batch < 5; batch++) {
      for (let i = 0; i < 10; i++) t.owner.scheduleRefresh();
      await new Promise((resolve) => setImmediate(resolve)); // events of one burst arrive over several ticks
    }
    expect(callsTo('tray.setContextMenu')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(REFRESH_COALESCE_MS);
    await eventually(() => expect(callsTo('tray.setContextMenu')).toHaveLength(1));
    await vi.advanceTimersByTimeAsync(REFRESH_COALESCE_MS * 3);
    expect(t.reads.count).toBe(1);
    expect(callsTo('tray.setContextMenu')).toHaveLength(1);
  });

  it('leaves no timer behind once the rebuild is done, when no time shown is ahead', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const t = harness();
    t.set(trayState({ ...acme, state: 'signed-out' }));
    for (let i = 0; i < 50; i++) t.owner.scheduleRefresh();
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(REFRESH_COALESCE_MS);
    await eventually(() => expect(callsTo('tray.setContextMenu')).toHaveLength(1));
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rebuilds again after a change that arrives while a rebuild is reading the state', async () => {
    const t = harness();
    const release = t.hold();
    const first = t.owner.refresh();
    t.set(trayState({ ...acme, state: 'expired' }));
    t.owner.scheduleRefresh();
    await new Promise((resolve) => setTimeout(resolve, REFRESH_COALESCE_MS * 2));
    release();
    await first;
    await eventually(() => expect(callsTo('tray.setContextMenu')).toHaveLength(2));
    expect(menuLabels(t.menu())[0]).toBe('acme — expired');
  });
});

describe('times the tray shows', () => {
  it('are clock times that stay true, and the tray is rebuilt when one is reached, by one timer set for it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const t = harness();
    await t.owner.refresh();
    expect(t.tray().toolTip).toBe('SSO Tray — acme: signed in, ends 16:05');
    expect(vi.getTimerCount()).toBe(1);
    const end = Date.parse(acme.expiresAt!);
    await vi.advanceTimersByTimeAsync(end - NOW - 1); // the whole 7h 12m: not one read, so no polling
    expect(t.reads.count).toBe(1);
    t.set({ ...trayState({ ...acme, state: 'expired' }), now: end + DUE_SLACK_MS });
    await vi.advanceTimersByTimeAsync(DUE_SLACK_MS + 1);
    expect(t.reads.count).toBe(2);
    expect(t.tray().toolTip).toBe('SSO Tray — acme: expired, sign in again');
    expect(vi.getTimerCount()).toBe(0); // nothing else is due
  });

  it('aims at a far end in steps, as setTimeout cannot wait past 24.8 days', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const t = harness();
    t.set(trayState({ ...acme, expiresAt: new Date(NOW + 90 * 86_400_000).toISOString() }));
    await t.owner.refresh();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(t.reads.count).toBe(1); // not fired at once (an overflowing delay would be)
  });
});

describe('destroy', () => {
  it('destroys the tray, and later events or a rebuild in flight do not touch it', async () => {
    const t = harness();
    const release = t.hold();
    const inFlight = t.owner.refresh();
    t.owner.destroy();
    release();
    await expect(inFlight).resolves.toBeUndefined();
    t.owner.scheduleRefresh();
    await new Promise((resolve) => setTimeout(resolve, REFRESH_COALESCE_MS * 2));
    expect(t.tray().isDestroyed()).toBe(true);
    expect(callsTo('tray.destroy')).toHaveLength(1);
    expect(callsTo('tray.setContextMenu')).toHaveLength(0);
  });

  it('cancels a scheduled rebuild, and the one due at a session end', async () => {
    const t = harness();
    await t.owner.refresh();
    t.owner.scheduleRefresh();
    t.owner.destroy();
    await new Promise((resolve) => setTimeout(resolve, REFRESH_COALESCE_MS * 2));
    expect(t.reads.count).toBe(1);
  });
});

describe('a left click', () => {
  it('opens the menu on Windows, where only a right click would', () => {
    const t = harness({ platform: 'win32' });
    t.tray().emit('click');
    expect(callsTo('tray.popUpContextMenu')).toHaveLength(1);
  });

  it('is left to the system elsewhere', () => {
    const t = harness({ platform: 'darwin' });
    t.tray().emit('click');
    expect(callsTo('tray.popUpContextMenu')).toHaveLength(0);
  });
});
