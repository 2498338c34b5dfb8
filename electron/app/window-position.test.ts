// Where the window was, kept across a quit with the window open: the app destroys its windows at quit, and destroy()
// emits no 'close' (https://www.electronjs.org/docs/latest/api/browser-window#windestroy), so 'close' alone misses it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as electron from 'electron';
import { describe, expect, it } from 'vitest';
import { createdTrays, resetDouble } from '../../e2e/support/electron-double.js';
import { launch, mainWindows, start, useHarness } from '../../e2e/support/electron-double-harness.js';
import { eventually } from '../../e2e/support/eventually.js';

const h = useHarness();

describe('the window’s position', () => {
  it('is kept when the user quits with the window open, and the next start puts the window there', async () => {
    await start(h); // first run: the window opens
    const [window] = mainWindows();
    await eventually(() => expect(window?.isVisible()).toBe(true));
    window!.setBounds({ x: 40, y: 50, width: 900, height: 700 });
    const tray = createdTrays().at(-1)!;
    electron.app.quit();
    await eventually(() => expect(tray.isDestroyed()).toBe(true));
    expect(window!.isDestroyed()).toBe(true);
    h.running = undefined;
    const file = path.join(h.sandbox.paths.appDataDir, 'window-state.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      bounds: { x: 40, y: 50, width: 900, height: 700 },
    });

    resetDouble();
    electron.app.setPath('userData', h.sandbox.paths.appDataDir);
    await launch(h);
    expect(mainWindows()[0]?.options).toMatchObject({ x: 40, y: 50, width: 900, height: 700 });
  });
});
