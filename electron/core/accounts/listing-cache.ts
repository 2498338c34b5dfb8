// The portal's list per session, kept on disk with its age so the next start shows it at once.
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { writeFileAtomic } from '../aws-files/locked-write.js';
import type { Listing } from '../shapes/front-end-shapes.js';

const listingSchema = z.object({
  session: z.string(),
  startUrl: z.string(),
  fetchedAt: z.string(),
  accounts: z.array(
    z.object({
      accountId: z.string(),
      accountName: z.string(),
      emailAddress: z.string(),
      roles: z.array(z.string()),
    }),
  ),
});

export class ListingCache {
  constructor(private readonly dir: string) {}

  private file(session: string, startUrl: string): string {
    const key = createHash('sha1').update(`${session}\n${startUrl}`).digest('hex');
    return path.join(this.dir, `${key}.json`);
  }

  /** The last listing, or undefined when there is none or it cannot be read (it is only a cache). */
  async read(session: string, startUrl: string): Promise<Listing | undefined> {
    try {
      const parsed = listingSchema.safeParse(
        JSON.parse(await readFile(this.file(session, startUrl), 'utf8')),
      );
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async write(listing: Listing): Promise<void> {
    await writeFileAtomic(this.file(listing.session, listing.startUrl), JSON.stringify(listing), {
      defaultMode: 0o600,
    });
  }

  async remove(session: string, startUrl: string): Promise<void> {
    await rm(this.file(session, startUrl), { force: true });
  }
}
