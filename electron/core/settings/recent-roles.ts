// Recent and favourite roles: pure changes to the settings' two lists, and the core's part that saves them.
import { SsoTrayError } from '../errors.js';
import { MAX_RECENT } from '../../../shared/recent-roles.js';
import type { RoleRef, Settings } from '../shapes/front-end-shapes.js';
import { sameRole } from '../identifiers.js';
import type { CoreParts } from '../assembly/shared-parts.js';

/** The role moved to the top of the recent list, which keeps MAX_RECENT roles. */
export function recordRecent(s: Settings, role: RoleRef, at: Date): Settings {
  const entry = { ...pickRole(role), usedAt: at.toISOString() };
  return { ...s, recent: [entry, ...s.recent.filter((r) => !sameRole(r, role))].slice(0, MAX_RECENT) };
}

/** Adds the role at the end of the favourites, or removes it when it is there. */
export function toggleFavourite(s: Settings, role: RoleRef): Settings {
  const favourites = isFavourite(s, role)
    ? s.favourites.filter((f) => !sameRole(f, role))
    : [...s.favourites, pickRole(role)];
  return { ...s, favourites };
}

/** The console region a favourite opens in; undefined clears it (then the default region applies). */
function setFavouriteRegion(s: Settings, role: RoleRef, region: string | undefined): Settings {
  if (!isFavourite(s, role))
    throw new SsoTrayError(
      'invalid-input',
      `Only a favourite keeps its own console region; star ${role.roleName} in ${role.accountId} first.`,
    );
  const favourites = s.favourites.map((f) =>
    sameRole(f, role) ? { ...pickRole(f), ...(region ? { region } : {}) } : f,
  );
  return { ...s, favourites };
}

export function isFavourite(s: Settings, role: RoleRef): boolean {
  return s.favourites.some((f) => sameRole(f, role));
}

function pickRole(role: RoleRef): RoleRef {
  return { session: role.session, accountId: role.accountId, roleName: role.roleName };
}

export class RecentRoles {
  constructor(private readonly parts: CoreParts) {}

  /** Puts the role first in Recent; no write when it is first already (the window copies several formats in a row). */
  async markUsed(role: RoleRef): Promise<void> {
    const { settingsFile, clock } = this.parts;
    const latest = (await settingsFile.read()).recent[0];
    if (latest && sameRole(latest, role)) return;
    await settingsFile.update((s) => recordRecent(s, role, new Date(clock.now())));
  }

  setFavouriteRegion(role: RoleRef, region: string | undefined): Promise<Settings> {
    return this.parts.settingsFile.update((s) => setFavouriteRegion(s, role, region));
  }

  toggleFavourite(role: RoleRef): Promise<Settings> {
    return this.parts.settingsFile.update((s) => toggleFavourite(s, role));
  }
}
