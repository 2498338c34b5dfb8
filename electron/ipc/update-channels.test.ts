// The window's side of updates: what the settings screen is told, and "Restart to update" only while one waits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCoreHarness, type CoreHarness } from '../../e2e/support/core-harness.js';
import { createHandlers, invoke } from './handlers.js';
import type { UpdateView } from './contract.js';

let h: CoreHarness;
beforeEach(async () => {
  h = await startCoreHarness();
});
afterEach(() => h.close());

function updates(view: UpdateView) {
  const restarts: string[] = [];
  return { restarts, updates: { status: () => view, restart: async () => void restarts.push('restart') } };
}

describe('updates in the window', () => {
  it('tells the settings screen what waits and what this install means for updates', async () => {
    const notes = [
      'This build is not signed: macOS installs updates only into a signed app, so download new versions yourself.',
    ];
    const { updates: waiting } = updates({ offered: '1.4.0', notes });
    const answer = await invoke(createHandlers(h.core, { updates: waiting }), 'app:capabilities', {});
    expect(answer).toMatchObject({ ok: true, value: { update: { offered: '1.4.0', notes } } });
    expect(await invoke(createHandlers(h.core), 'app:capabilities', {})).toMatchObject({
      ok: true,
      value: { update: { notes: [] } },
    });
  });

  it('restarts to update only while an update waits, and says so otherwise', async () => {
    const offered = updates({ offered: '1.4.0', notes: [] });
    await invoke(createHandlers(h.core, { updates: offered.updates }), 'app:restart-to-update', {});
    expect(offered.restarts).toEqual(['restart']);
    const none = updates({ notes: [] });
    expect(
      await invoke(createHandlers(h.core, { updates: none.updates }), 'app:restart-to-update', {}),
    ).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'No update is waiting; SSO Tray offers one as soon as it is downloaded.',
      },
    });
    expect(none.restarts).toEqual([]);
  });
});
