// For tests of console sign-in: role credentials the emulator issued, and what its console page shows.
import { GetRoleCredentialsCommand } from '@aws-sdk/client-sso';
import type { RunningEmulator } from './model.js';
import { portalClient } from './sdk-sign-in.js';

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** GetRoleCredentials through the real SDK client: credentials the federation endpoint will take. */
export async function issuedRoleCredentials(
  emu: RunningEmulator,
  accessToken: string,
  role: { accountId: string; roleName: string },
): Promise<IssuedCredentials> {
  const { roleCredentials: c } = await portalClient(emu).send(
    new GetRoleCredentialsCommand({ accessToken, ...role }),
  );
  return {
    accessKeyId: c?.accessKeyId ?? '',
    secretAccessKey: c?.secretAccessKey ?? '',
    sessionToken: c?.sessionToken ?? '',
  };
}

/** The fields of the emulated console page a login URL lands on, as a browser would follow it. */
export async function consolePageFields(loginUrl: string): Promise<Record<string, string | undefined>> {
  const page = await fetch(loginUrl);
  const html = await page.text();
  const field = (id: string) =>
    new RegExp(`<dd id="${id}">([^<]*)</dd>`).exec(html)?.[1]?.replaceAll('&#38;', '&');
  return {
    status: String(page.status),
    account: field('account'),
    role: field('role'),
    region: field('region'),
    destination: field('destination'),
    duration: field('session-duration'),
  };
}
