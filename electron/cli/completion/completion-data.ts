// What completion offers from disk, read without the core (a TAB press must not wait for it): session names from
// settings.json and ~/.aws/config, accounts and roles from the listings the core cached (account-listing.ts writes
// them, listing-cache.ts has their shape). Nothing is fetched; what cannot be read offers nothing.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { awsPathsFromEnv, type Env } from '../../core/public.js';

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
  const [settings, config, ...listingTexts] = await Promise.all([
    readText(path.join(paths.appDataDir, 'settings.json')),
    readText(paths.configFile),
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
  const fromConfig = [...config.matchAll(/^\s*\[\s*sso-session\s+([^\]]+?)\s*\]/gm)].map((m) => m[1] ?? '');
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
