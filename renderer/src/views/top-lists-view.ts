// Favourites and recently used roles of the session, above every account (only roles of accounts the listing has);
// the tray's "More…" shows every session's instead (whole-lists-view).
import { html, nothing, type TemplateResult } from 'lit-html';
import type { AccountWithRoles } from '../api.js';
import type { State } from '../state.js';
import { MAX_RECENT } from '../../../shared/recent-roles.js';
import { roleRow, type RowContext } from './account-rows.js';

/** The session's favourites (with their console regions) and its recent roles not already favourites. */
export function topLists(
  state: State,
  session: string,
  byId: Map<string, AccountWithRoles>,
  row: RowContext,
) {
  const settings = state.settings;
  if (!settings) return nothing;
  const mine = <T extends { session: string; accountId: string }>(list: T[]) =>
    list.filter((r) => r.session === session && byId.has(r.accountId));
  const favourites = mine(settings.favourites);
  const favouriteKeys = new Set(favourites.map((f) => `${f.accountId}/${f.roleName}`));
  const recent = mine(settings.recent)
    .filter((r) => !favouriteKeys.has(`${r.accountId}/${r.roleName}`))
    .slice(0, MAX_RECENT);
  const list = (
    id: string,
    title: string,
    roles: Array<{ accountId: string; roleName: string }>,
    inFavourites = false,
  ) =>
    roles.length
      ? topList(
          id,
          title,
          html`<ul class="role-list">
            ${roles.map((r) =>
              roleRow(
                byId.get(r.accountId) as AccountWithRoles,
                r.roleName,
                inFavourites ? withRegions : row,
                true,
                inFavourites,
              ),
            )}
          </ul>`,
        )
      : nothing;
  const regions = new Map(favourites.map((f) => [`${f.accountId}/${f.roleName}`, f.region]));
  const withRegions = { ...row, favouriteRegion: (a: string, r: string) => regions.get(`${a}/${r}`) };
  return html`${list('favourites-title', 'Favourites', favourites, true)}${list('recent-title', 'Recently used', recent)}`;
}

/** One list with its heading (the id "More…" brings into view). */
export function topList(id: string, title: string, body: TemplateResult | TemplateResult[]) {
  return html`<section class="top-list" aria-labelledby=${id}>
    <h3 id=${id}>${title}</h3>
    ${body}
  </section>`;
}
