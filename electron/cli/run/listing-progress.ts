// A big organisation takes a while to list: on a terminal, a line that counts up (nothing in a log).
import type { CliContext } from '../context.js';
import type { Io } from '../output.js';

export async function withListingProgress<T>(c: CliContext, io: Io, run: () => Promise<T>): Promise<T> {
  if (!io.interactive) return run();
  let shown = false;
  let last = 0;
  const stop = c.on('listing-progress', ({ progress }) => {
    const total = progress.totalAccounts;
    const now = Date.now();
    if (now - last < 100 && progress.accountsWithRoles !== total) return; // a redraw every 100 ms is plenty
    last = now;
    io.err(
      total === undefined
        ? `\rListing accounts: ${progress.accountsListed}…\x1b[K`
        : `\rListing roles: ${progress.accountsWithRoles} of ${total} accounts…\x1b[K`,
    );
    shown = true;
  });
  try {
    return await run();
  } finally {
    stop();
    if (shown) io.err('\r\x1b[K');
  }
}
