// The tray's "Served to local programs" section: each role served at 127.0.0.1 by the running app, with Copy
// variables (the user's shell) and Stop. Shown only while something is served.
import type { MenuItemConstructorOptions } from 'electron';
import { FORMAT_LABELS, defaultShell } from '../../shared/credential-formats.js';
import type { ServedEndpoint } from '../core/shapes/front-end-shapes.js';
import { clockTime, menuLabel, type TimeStyle } from './tray-text.js';
import { traySentence } from './next-step-words.js';

/** A served role with the account's name to show. */
export interface TrayServed extends ServedEndpoint {
  accountName: string;
}

export interface ServedActions {
  copyServedVariables(served: TrayServed): void;
  stopServing(served: TrayServed): void;
}

export function servedSection(
  state: TimeStyle & { served: TrayServed[]; now: number; platform: NodeJS.Platform },
  actions: ServedActions,
): MenuItemConstructorOptions[] {
  if (state.served.length === 0) return [];
  const shell = FORMAT_LABELS[defaultShell(state.platform === 'win32')];
  const items = state.served.map((served): MenuItemConstructorOptions => {
    const expires = served.expiration
      ? `credentials until ${clockTime(Date.parse(served.expiration), state.now, state)}`
      : 'no credentials yet';
    return {
      // The address tells two served roles apart, and the served role from its favourite's item.
      label: menuLabel(
        `${served.accountName || served.accountId} / ${served.roleName} — ${new URL(served.url).host}`,
      ),
      submenu: [
        { label: menuLabel(`${served.roleName} in ${served.accountId} (${served.session})`), enabled: false },
        {
          label: menuLabel(
            served.problem ? traySentence(served.problem) : `${answered(served.served)}, ${expires}`,
          ),
          enabled: false,
        },
        { type: 'separator' },
        {
          label: menuLabel(`Copy variables (${shell})`),
          click: () => actions.copyServedVariables(served),
        },
        { label: 'Stop', click: () => actions.stopServing(served) },
      ],
    };
  });
  return [{ label: 'Served to local programs', enabled: false }, ...items];
}

function answered(count: number): string {
  return `${count} ${count === 1 ? 'request' : 'requests'} answered`;
}
