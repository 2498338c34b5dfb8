// "Restart to update" in the tray: shown only while a downloaded, verified update waits, and it asks for the restart.
import { describe, expect, it } from 'vitest';
import { Menu } from 'electron';
import { click, menuLabels } from '../../e2e/support/electron-double.js';
import { buildTrayMenu, type TrayActions, type TrayState } from './menu-template.js';

const state = (update?: TrayState['update']): TrayState => ({
  sessions: [],
  favourites: [],
  recent: [],
  profiles: [],
  served: [],
  now: Date.UTC(2026, 0, 5, 8, 53),
  platform: 'linux',
  timeZone: 'UTC',
  locale: 'en-GB',
  ...(update ? { update } : {}),
});

function actions(calls: string[]): TrayActions {
  const none = () => undefined;
  return {
    copy: none,
    copyValue: none,
    writeProfile: none,
    openConsole: none,
    copyConsoleLink: none,
    serve: none,
    copyServedVariables: none,
    stopServing: none,
    removeProfile: none,
    signIn: none,
    cancelSignIn: none,
    copySignInCode: none,
    openVerificationPage: none,
    signOut: none,
    quit: () => calls.push('quit'),
    restartToUpdate: () => calls.push('restartToUpdate'),
  };
}

const built = (s: TrayState, a: TrayActions) => Menu.buildFromTemplate(buildTrayMenu(s, a));

describe('Restart to update', () => {
  it('is offered above Quit while an update waits, and asks for the restart', () => {
    const calls: string[] = [];
    const menu = built(state({ version: '1.4.0' }), actions(calls));
    expect(menuLabels(menu).slice(-2)).toEqual(['Restart to update (1.4.0)', 'Quit']);
    click(menu, 'Restart to update (1.4.0)');
    expect(calls).toEqual(['restartToUpdate']);
  });

  it('is not there while no update waits', () => {
    const menu = built(state(), actions([]));
    expect(menuLabels(menu).some((label) => label.startsWith('Restart to update'))).toBe(false);
  });
});
