// What `exec` and `serve` share: the role found as every role command finds it, its credentials fetched once through
// the core (a wrong name fails before anything starts), the region a child gets, and the endpoint's source.
import type { CliContext } from '../context.js';
import type { Io } from '../output.js';
import { withRole } from '../run/role-lookup.js';
import type { RoleRef } from '../../core/shapes/front-end-shapes.js';
import type { EndpointCredentials } from '../../endpoint/endpoint-types.js';

export async function roleWithCredentials(
  c: CliContext,
  io: Io,
  sessionOption: string | undefined,
  accountQuery: string,
  roleQuery: string,
): Promise<{ role: RoleRef; credentials: EndpointCredentials }> {
  return withRole(c, io, sessionOption, accountQuery, roleQuery, async (role) => ({
    role,
    credentials: await c.call('credentials:values', role),
  }));
}

/** --region, else the favourite's own region, else the settings' default region; else none (the caller's stays). */
export async function regionFor(
  c: CliContext,
  role: RoleRef,
  option: string | undefined,
): Promise<string | undefined> {
  if (option) return option;
  const settings = await c.call('settings:get', {});
  const favourite = settings.favourites.find(
    (f) => f.session === role.session && f.accountId === role.accountId && f.roleName === role.roleName,
  );
  return favourite?.region ?? settings.defaultRegion ?? undefined;
}

/** The endpoint's source: the core's cache, renewed by the core when it is within its window. */
export function credentialSource(c: CliContext, role: RoleRef): () => Promise<EndpointCredentials> {
  return () => c.call('credentials:values', role);
}
