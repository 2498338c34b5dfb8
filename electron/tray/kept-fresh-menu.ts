// The tray's "Profiles kept fresh" section: each profile SSO Tray keeps renewing, when it expires, and a way to stop.
import type { MenuItemConstructorOptions } from 'electron';
import type { OwnedProfile } from '../core/aws-files/credentials-file.js';
import { clockTime, menuLabel, type TimeStyle } from './tray-text.js';

export function keptFreshSection(
  state: TimeStyle & { profiles: OwnedProfile[]; now: number },
  actions: { removeProfile(profile: string): void },
): MenuItemConstructorOptions[] {
  const kept = state.profiles.filter((p) => p.keepFresh).sort((a, b) => a.profile.localeCompare(b.profile));
  const items = kept.map((p): MenuItemConstructorOptions => {
    const at = Date.parse(p.expiration);
    const when = `${at <= state.now ? 'expired' : 'expires'} ${clockTime(at, state.now, state)}`;
    return {
      label: menuLabel(`${p.profile} — ${when}`),
      submenu: [
        { label: menuLabel(`${p.roleName} in ${p.accountId} (${p.session})`), enabled: false },
        { label: 'Stop and remove', click: () => actions.removeProfile(p.profile) },
      ],
    };
  });
  const hint = 'None yet: choose “Write and keep fresh” on a role';
  return [
    { label: 'Profiles kept fresh', enabled: false },
    ...(items.length ? items : [{ label: hint, enabled: false }]),
  ];
}
