// What completion offers from disk, read without the core (a TAB press must not wait for it): session names from
// settings.json and ~/.aws/config (read by the core's own reader, as the commands read it), accounts and roles from the listings the core cached (account-listing.ts writes
// them, listing-cache.ts has their shape). Nothing is fetched; what cannot be read offers nothing.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { awsPathsFromEnv, readSessionsFromConfig, type Env } from '../../core/public.js';

export interface CompletionData {
  sessions: string[];
  listings: Array<{
    session: string;
    accounts: Array<{ accountId: string; accountName: string; roles: string[] }>;
  }>;
  /** SSO_TRAY_SESSION, which the commands use when --session is not given. */
  defaultSession: string | undefined;
}

const readText = (file: string) => readFile(file, 'utf8').catch(() => '');

export async function readCompletionData(env: Env): Promise<CompletionData> {
  const paths = awsPathsFromEnv(env);
  const folder = path.join(paths.appDataDir, 'accounts');
  const files = await readdir(folder).catch(() => [] as string[]);
  // The sessions the commands take from ~/.aws/config ([sso-session] sections, legacy sso_start_url profiles).
  const configured = readSessionsFromConfig(paths).catch((): Array<{ name: string }> => []);
  const [settings, ...listingTexts] = await Promise.all([
    readText(path.join(paths.appDataDir, 'settings.json')),
    ...files.filter((f) => f.endsWith('.json')).map((f) => readText(path.join(folder, f))),
  ]);
  const listings = listingTexts.flatMap((text) => {
    const listing = parsed(text) as CompletionData['listings'][number] | undefined;
    return listing && typeof listing.session === 'string' && Array.isArray(listing.accounts) ? [listing] : [];
  });
  const fromSettings = (
    (parsed(settings) as { sessions?: Array<{ name?: unknown }> } | undefined)?.sessions ?? []
  )
    .map((s) => s.name)
    .filter((name): name is string => typeof name === 'string');
  const fromConfig = (await configured).map((session) => session.name);
  return {
    sessions: [...new Set([...fromSettings, ...fromConfig, ...listings.map((l) => l.session)])],
    listings,
    defaultSession: env.SSO_TRAY_SESSION || undefined,
  };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
