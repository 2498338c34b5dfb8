// The settings' profile-name template ({accountId}_{roleName} by default): what it may hold and the name it gives.
import { defaultProfileName, isValidProfileName } from './formats.js';

const PLACEHOLDERS = ['accountId', 'accountName', 'roleName', 'session'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

export const DEFAULT_PROFILE_NAME_TEMPLATE = '{accountId}_{roleName}';

/** Undefined when the template uses only known placeholders, else what is wrong ("may use only …, not {x}"). */
export function templateProblem(template: string): string | undefined {
  const unknown = [...template.matchAll(/\{(\w*)\}/g)].find(
    (m) => !PLACEHOLDERS.includes(m[1] as Placeholder),
  );
  return unknown
    ? `may use only {accountId}, {accountName}, {roleName} and {session}, not ${unknown[0]}`
    : undefined;
}

/** The profile name a template gives for a role, made into a name the credentials file can hold. */
export function profileNameFor(
  template: string,
  v: { accountId: string; accountName: string; roleName: string; session: string },
): string {
  const rendered = template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    PLACEHOLDERS.includes(key as Placeholder) ? v[key as Placeholder].trim() : whole,
  );
  const name = rendered.replace(/[\s\p{Cc}\p{Cs}]+/gu, '-').replace(/[[\]]/g, '');
  return isValidProfileName(name) ? name : defaultProfileName(v.accountId, v.roleName);
}
