// A role's credentials text (credentials:text: the copy, the CLI's print): one of the formats, byte for byte, with
// the role then recorded as recently used.
import { formatCredentials, type CredentialFormat } from './formats.js';
import type { CoreParts, RoleRef } from '../assembly/shared-parts.js';
import type { ProfileWriter } from '../profiles/profile-writer.js';
import type { RecentRoles } from '../settings/recent-roles.js';
import type { RoleCredentialsSource } from './role-credentials-source.js';

export type CredentialsTextRequest = RoleRef & { format: CredentialFormat; profileName?: string };

export async function credentialsText(
  parts: CoreParts,
  deps: { credentials: RoleCredentialsSource; profiles: ProfileWriter; recent: RecentRoles },
  role: CredentialsTextRequest,
): Promise<{ text: string; expiration: string }> {
  const credentials = await deps.credentials.get(role);
  const settings = await parts.settingsFile.read();
  // Only the profile block prints a name: the other formats never go to the listing to work one out.
  const profileName =
    role.format === 'profile' ? (role.profileName ?? (await deps.profiles.nameFor(role))) : undefined;
  const text = formatCredentials(role.format, credentials, {
    ...(profileName ? { profileName } : {}),
    ...(settings.defaultRegion ? { region: settings.defaultRegion } : {}),
  });
  await deps.recent.markUsed(role);
  return { text, expiration: credentials.expiration.toISOString() };
}
