// The access portal's own shortcut to a role's console: it signs in with the browser's portal session, so the
// console's multi-session support applies (docs/aws-files-and-protocols.md, "Console sign-in"): <start URL>/#/console?account_id=…&role_name=…&destination=…
import { SsoTrayError } from '../errors.js';

// IAM's pattern for role (permission set) names.
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

export function portalConsoleLink(
  startUrl: string,
  role: { accountId: string; roleName: string },
  destination?: string,
): string {
  if (!/^https:\/\/[^\s#?]+$/.test(startUrl))
    throw new SsoTrayError('invalid-input', 'The start URL must begin with https:// and contain no spaces.');
  if (!/^\d{12}$/.test(role.accountId) || !ROLE_NAME.test(role.roleName))
    throw new SsoTrayError(
      'invalid-input',
      'The account ID must be 12 digits and the role a permission set name; choose a role from the list.',
    );
  const query = [
    `account_id=${role.accountId}`,
    `role_name=${encodeURIComponent(role.roleName)}`,
    ...(destination ? [`destination=${encodeURIComponent(destination)}`] : []),
  ].join('&');
  return `${startUrl.replace(/\/+$/, '')}/#/console?${query}`;
}
