// Facts about identifiers stated once, for the settings schema, the IPC contract and the core.
/**
 * An AWS region name (us-east-1, us-gov-west-1, us-isob-east-1, eu-central-2). The broadest of the patterns the
 * app used before, so no settings file or session that was accepted is refused now.
 */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** How a sign-in proves the user: the browser redirect with PKCE, or a device code (views.ts derives SignInFlow). */
export const SIGN_IN_FLOWS = ['browser', 'device-code'] as const;

type RoleKey = { sessionName: string; accountId: string; roleName: string };

export function sameRole(a: RoleKey, b: RoleKey): boolean {
  return a.sessionName === b.sessionName && a.accountId === b.accountId && a.roleName === b.roleName;
}
