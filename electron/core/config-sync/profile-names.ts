// One profile name per (account, role), unique, whatever order the listing came in.
import {
  profileText,
  usableProfileName,
  type ProfileNameTemplate,
  type TemplateValues,
} from '../profiles/profile-name-template.js';
import type { NextStep } from '../next-step.js';

/** A refusal of the sync's template or of a name it gives: the window marks the template field, the CLI --template. */
export const FIX_TEMPLATE: NextStep = { do: 'fix-sync-choice', choice: 'template' };

export interface RoleEntry {
  accountId: string;
  accountName: string;
  emailAddress: string;
  roleName: string;
}

export interface NamedRole extends RoleEntry {
  profile: string;
}

const byIdentity = (a: RoleEntry, b: RoleEntry) =>
  compare(a.accountId, b.accountId) || compare(a.roleName, b.roleName);

/**
 * Names every role with the template. Accounts that share a name (two called "payments") take their account ID
 * after the name, for all their roles; a name still shared gets -2, -3… in account ID then role order, skipping
 * names already in use. The result is sorted by profile name, the same whatever order the listing came in.
 */
export function nameRoles(template: ProfileNameTemplate, session: string, roles: RoleEntry[]): NamedRole[] {
  const values = (role: RoleEntry, accountName = role.accountName): TemplateValues => ({
    accountName,
    accountId: role.accountId,
    emailAddress: role.emailAddress,
    roleName: role.roleName,
    session,
  });
  // Accounts whose names read the same (two "payments") all take their account ID after the name.
  const ids = new Map<string, Set<string>>();
  for (const role of roles) {
    const key = profileText(role.accountName);
    ids.set(key, (ids.get(key) ?? new Set()).add(role.accountId));
  }
  const shared = (role: RoleEntry) =>
    template.placeholders.has('accountName') &&
    !template.placeholders.has('accountId') &&
    (ids.get(profileText(role.accountName))?.size ?? 0) > 1;
  const second = roles.map((role) => ({
    ...role,
    profile: template.fill(
      values(role, shared(role) ? `${role.accountName}-${role.accountId}` : role.accountName),
    ),
  }));
  const used = new Set(second.map((r) => r.profile));
  const taken = new Set<string>();
  const named: NamedRole[] = [];
  for (const role of [...second].sort((a, b) => compare(a.profile, b.profile) || byIdentity(a, b))) {
    let profile = role.profile;
    for (let n = 2; taken.has(profile) || (profile !== role.profile && used.has(profile)); n++)
      profile = `${role.profile}-${n}`;
    taken.add(profile);
    named.push({ ...role, profile: usableProfileName(profile, role, FIX_TEMPLATE) });
  }
  return named.sort((a, b) => compare(a.profile, b.profile));
}

/** Code-unit order: the same on every machine and locale. */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
