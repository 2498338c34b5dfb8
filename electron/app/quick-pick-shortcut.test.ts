// The quick-pick's global shortcut through the recorded globalShortcut: registered from the settings at start,
// pressing it shows the quick-pick, a shortcut another app holds is said once, and every shortcut goes at quit.
import * as electron from 'electron';
import { describe, expect, it } from 'vitest';
import {
  BrowserWindow,
  callsTo,
  createdNotifications,
  globalShortcut,
  pressShortcut,
  takenShortcuts,
} from '../../e2e/support/electron-double.js';
import { start as startIn, useHarness } from '../../e2e/support/electron-double-harness.js';
import { eventually } from '../../e2e/support/eventually.js';

const h = useHarness();
const DEFAULT = 'CommandOrControl+Shift+A';
const quickPickWindows = () => BrowserWindow.getAllWindows().filter((w) => w.options.frame === false);

describe('the quick-pick shortcut', () => {
  it("is registered from the settings at start, and pressing it shows the quick-pick's window", async () => {
    await startIn(h);
    expect(callsTo('globalShortcut.register')).toEqual([[DEFAULT]]);
    expect(globalShortcut.isRegistered(DEFAULT)).toBe(true);
    expect(pressShortcut(DEFAULT)).toBe(true);
    const [pick] = quickPickWindows();
    expect(pick?.isVisible()).toBe(true);
    expect(callsTo('window.focus').length).toBeGreaterThan(0);
  });

  it('taken by another app: one notification naming it and where to choose another, and no window', async () => {
    takenShortcuts.add(DEFAULT);
    await startIn(h);
    expect(globalShortcut.isRegistered(DEFAULT)).toBe(false);
    expect(createdNotifications().map((n) => n.body)).toEqual([
      `The shortcut ${DEFAULT} for Find a role is taken or not valid; choose another in Settings.`,
    ]);
    expect(pressShortcut(DEFAULT)).toBe(false);
    expect(quickPickWindows().filter((w) => w.isVisible())).toEqual([]);
  });

  it('is released at quit', async () => {
    await startIn(h);
    electron.app.quit();
    await eventually(() => expect(callsTo('globalShortcut.unregisterAll')).toHaveLength(1));
    expect(globalShortcut.isRegistered(DEFAULT)).toBe(false);
  });
});
