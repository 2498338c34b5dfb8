// `sso-tray accounts` on a terminal: the accounts as soon as every one is known, while their roles are still listed.
import type { CliContext } from '../context.js';
import { table, type Io } from '../output.js';

interface Listed {
  accountId: string;
  accountName: string;
  emailAddress: string;
}

const byName = (a: Listed, b: Listed) =>
  a.accountName.localeCompare(b.accountName) || a.accountId.localeCompare(b.accountId);

/**
 * Prints the accounts table once the listing's last account page has arrived ('accounts-listed', then the progress
 * with a total); `printed` says whether it did, so the caller prints only the roles after.
 */
export function accountsFirst(c: CliContext, io: Io, session: string): { printed(): boolean; stop(): void } {
  if (!io.interactive || !io.outTerminal) return { printed: () => false, stop: () => undefined };
  const accounts: Listed[] = [];
  let printed = false;
  const stops = [
    c.on('accounts-listed', (event) => {
      if (event.session === session) accounts.push(...event.accounts);
    }),
    c.on('listing-progress', ({ session: name, progress }) => {
      if (printed || name !== session || progress.totalAccounts === undefined || accounts.length === 0)
        return;
      printed = true;
      // Off the progress line first, so the table starts on a clean line; the count redraws under it.
      io.err('\r\x1b[K');
      io.out(
        table(
          ['ACCOUNT ID', 'NAME', 'E-MAIL'],
          [...accounts].sort(byName).map((a) => [a.accountId, a.accountName, a.emailAddress]),
        ) + `Listing the roles of ${accounts.length} accounts…\n`,
      );
    }),
  ];
  return { printed: () => printed, stop: () => stops.forEach((stop) => stop()) };
}
