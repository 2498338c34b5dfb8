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
  recorded,
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
    await eventually(() => expect(pick?.isVisible()).toBe(true)); // at once, or once its page has rendered
    expect(callsTo('window.focus').length).toBeGreaterThan(0);
  });

  it('finds the quick-pick prepared ahead: the key shows a rendered page and focuses it, nothing loaded between', async () => {
    await startIn(h);
    // Nobody has pressed anything: start-up alone made the window and rendered its page, hidden.
    const pick = await eventually(() => {
      const [window] = quickPickWindows();
      expect(window?.rendered).toBe(true);
      return window!;
    });
    expect(pick.isVisible()).toBe(false);
    const pressedAt = recorded.length;
    const t0 = performance.now();
    pressShortcut(DEFAULT);
    // The key's own call stack shows and focuses it: the focus takes the page to its search box (renderer/src/main.ts).
    const keyToFocusMs = performance.now() - t0;
    expect(recorded.slice(pressedAt).map((call) => call.api)).toEqual(['window.show', 'window.focus']);
    expect(pick.isVisible()).toBe(true);
    console.log(
      `quick-pick, key to a focused rendered page through the double: ${keyToFocusMs.toFixed(3)} ms`,
    );
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
