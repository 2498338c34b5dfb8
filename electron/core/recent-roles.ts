// Recent and favourite roles in the settings.
import { recordRecent, setFavouriteRegion, toggleFavourite } from './settings.js';
import type { Settings } from './views.js';
import { sameRole } from './identifiers.js';
import type { CoreParts, RoleRef } from './core-parts.js';

export class RecentRoles {
  constructor(private readonly parts: CoreParts) {}

  /** Puts the role first in Recent; no write when it is first already (the window copies several formats in a row). */
  async markUsed(role: RoleRef): Promise<void> {
    const { settingsFile, clock } = this.parts;
    const key = { sessionName: role.session, accountId: role.accountId, roleName: role.roleName };
    const latest = (await settingsFile.read()).recent[0];
    if (latest && sameRole(latest, key)) return;
    await settingsFile.update((s) => recordRecent(s, key, new Date(clock.now())));
  }

  setFavouriteRegion(role: RoleRef, region: string | undefined): Promise<Settings> {
    return this.parts.settingsFile.update((s) =>
      setFavouriteRegion(s, { sessionName: role.session, ...role }, region),
    );
  }

  toggleFavourite(role: RoleRef): Promise<Settings> {
    return this.parts.settingsFile.update((s) => toggleFavourite(s, { sessionName: role.session, ...role }));
  }
}
