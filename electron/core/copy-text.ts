// The text a user copies: one of the formats, byte for byte, with the role then recorded as recently used.
import { formatCredentials, type CredentialFormat } from './formats.js';
import type { CoreParts, RoleRef } from './core-parts.js';
import type { ProfileWriter } from './profile-writer.js';
import type { RecentRoles } from './recent-roles.js';
import type { RoleCredentialsSource } from './role-credentials.js';

export type CopyTextRequest = RoleRef & { format: CredentialFormat; profileName?: string };

export async function copyText(
  parts: CoreParts,
  deps: { credentials: RoleCredentialsSource; profiles: ProfileWriter; recent: RecentRoles },
  role: CopyTextRequest,
): Promise<{ text: string; expiration: string }> {
  const credentials = await deps.credentials.get(role);
  const settings = await parts.settingsFile.read();
  const profileName = role.profileName ?? (await deps.profiles.nameFor(role));
  const text = formatCredentials(role.format, credentials, {
    profileName,
    ...(settings.defaultRegion ? { region: settings.defaultRegion } : {}),
  });
  await deps.recent.markUsed(role);
  return { text, expiration: credentials.expiration.toISOString() };
}
