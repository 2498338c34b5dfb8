// GetRoleCredentials: one role's short-term credentials from the access portal.
import type { RoleCredentials, SessionConfig } from '../shapes/aws-shapes.js';
import type { ServiceDeps } from './clients.js';
import { accessTokenOf, sendToPortal, type PortalCall, type PortalToken } from './portal-send.js';
import { toUserError } from './service-errors.js';

/** Short-term credentials for one role; `expiration` arrives in epoch milliseconds. */
export async function getRoleCredentials(
  session: SessionConfig,
  accessToken: PortalToken,
  accountId: string,
  roleName: string,
  deps: ServiceDeps,
): Promise<RoleCredentials> {
  const call: PortalCall = { session, token: accessToken, deps, signal: undefined };
  const context = { action: `get credentials for ${roleName} in account ${accountId}`, accountId, roleName };
  const input = { accessToken: accessTokenOf(accessToken), accountId, roleName };
  const answer = await sendToPortal(call, context, (client, sdk, signal) =>
    client.send(new sdk.GetRoleCredentialsCommand(input), { abortSignal: signal }),
  );
  const c = answer.roleCredentials;
  if (!c?.accessKeyId || !c.secretAccessKey || !c.sessionToken || c.expiration === undefined)
    throw toUserError(new Error('incomplete GetRoleCredentials answer'), { session, ...context });
  return {
    accessKeyId: c.accessKeyId,
    secretAccessKey: c.secretAccessKey,
    sessionToken: c.sessionToken,
    expiration: new Date(c.expiration),
    accountId,
    roleName,
  };
}
