// The app's settings: one versioned JSON file that the app and the CLI share, validated by zod and migrated on read.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { SsoTrayError } from './errors.js';
import { defaultProfileName, isValidProfileName } from './formats.js';
import { fileLabel } from './aws-files/file-label.js';
import { withFileLock, writeFileAtomic } from './aws-files/locked-write.js';
import type { SessionConfig } from './types.js';
import type { RoleKey, Settings } from './views.js';
import { REGION_PATTERN, SIGN_IN_FLOWS, sameRole } from './identifiers.js';

const SETTINGS_VERSION = 1;
export const MAX_RECENT = 10;
const PLACEHOLDERS = ['accountId', 'accountName', 'roleName', 'session'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

const printable = z
  .string()
  .min(1)
  .regex(/^[^\p{Cc}\p{Cs}]*$/u, { error: 'must not hold control characters' });

const sessionConfigSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9._-]+$/, {
    error: 'may use only letters, digits, dots, dashes and underscores',
  }),
  startUrl: z.string().refine(isHttpsUrl, {
    error: 'must be an https:// address, like https://d-1234567890.awsapps.com/start',
  }),
  region: z.string().regex(REGION_PATTERN, { error: 'must look like us-east-1' }),
  registrationScopes: z.array(printable).optional(),
  source: z.literal('app').default('app'),
});

const roleKey = {
  sessionName: printable,
  accountId: z.string().regex(/^\d{12}$/, { error: 'must be 12 digits' }),
  roleName: printable,
};

const settingsObject = z
  .object({
    version: z.literal(SETTINGS_VERSION),
    sessions: z.array(sessionConfigSchema).default(() => []),
    shareTokenCacheWithAwsCli: z.boolean().default(true),
    removeProfilesOnSignOut: z.boolean().default(true),
    profileNameTemplate: z
      .string()
      .min(1)
      .default('{accountId}_{roleName}')
      .superRefine((template, ctx) => {
        const unknown = [...template.matchAll(/\{(\w*)\}/g)].find(
          (m) => !PLACEHOLDERS.includes(m[1] as Placeholder),
        );
        if (unknown)
          ctx.addIssue({
            code: 'custom',
            message: `may use only {accountId}, {accountName}, {roleName} and {session}, not ${unknown[0]}`,
          });
      }),
    defaultRegion: sessionConfigSchema.shape.region.optional(),
    favourites: z
      .array(z.object({ ...roleKey, region: sessionConfigSchema.shape.region.optional() }))
      .default(() => []),
    recent: z
      .array(
        z.object({
          ...roleKey,
          usedAt: z.iso.datetime({ offset: true, error: 'must be a time like 2026-01-05T08:00:00.000Z' }),
        }),
      )
      .default(() => [])
      .transform((recent) => recent.slice(0, MAX_RECENT)),
    preferredSignIn: z.enum(SIGN_IN_FLOWS).default('browser'),
    theme: z.enum(['system', 'light', 'dark']).default('system'),
    startAtLogin: z.boolean().default(false),
    quickPickShortcut: z.string().max(64).default('CommandOrControl+Shift+A'),
    syncConfigProfiles: z.boolean().default(false),
  })
  .superRefine((settings, ctx) => {
    const seen = new Set<string>();
    settings.sessions.forEach((session, index) => {
      if (seen.has(session.name))
        ctx.addIssue({
          code: 'custom',
          path: ['sessions', index, 'name'],
          message: 'is already used by another session',
        });
      seen.add(session.name);
    });
  });

export const settingsSchema: z.ZodType<Settings> = settingsObject;

const KNOWN_KEYS = new Set(Object.keys(settingsObject.shape));

export const DEFAULT_SETTINGS: Settings = deepFreeze(settingsObject.parse({ version: SETTINGS_VERSION }));

// Field messages read as "<path> <message>": these fill in for zod's own wording.
const predicates: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined
      ? 'is missing'
      : `should be ${issue.expected === 'array' ? 'a list' : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`}`;
  }
  if (issue.code === 'invalid_value')
    return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
  if (issue.code === 'too_small') return 'must not be empty';
  return 'is not valid';
};

/** Each older shape, by its version, to the next one. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // Before versions: the same fields, any of them missing; defaults fill the gaps.
  0: (old) => ({ ...old, version: 1 }),
};

/** Settings from a parsed JSON document: migrated, defaults filled, or SsoTrayError('file-unreadable'). */
export function parseSettings(raw: unknown, file = 'settings.json'): Settings {
  const unreadable = (why: string, next = 'fix or delete it') =>
    new SsoTrayError('file-unreadable', `${file} has settings SSO Tray cannot read (${why}); ${next}.`);
  if (!isObject(raw)) throw unreadable('it is not a JSON object');
  let document = raw;
  const found = document.version ?? 0;
  if (typeof found !== 'number' || !Number.isInteger(found) || found < 0)
    throw unreadable('version should be a whole number');
  let version = found;
  if (version > SETTINGS_VERSION)
    throw unreadable(`version ${version} is from a newer SSO Tray`, 'update SSO Tray or delete the file');
  for (let migrate = MIGRATIONS[version]; migrate; migrate = MIGRATIONS[version]) {
    document = migrate(document);
    version = document.version as number;
  }
  const result = settingsObject.safeParse(document, { error: predicates });
  if (!result.success) throw unreadable(describe(result.error));
  return result.data;
}

/** A session the user entered: the sentence names the field and what it must be. */
export function parseSessionConfig(input: unknown): SessionConfig {
  const result = sessionConfigSchema.safeParse(input, { error: predicates });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const fields: Record<string, string> = {
    name: 'The session name',
    startUrl: 'The start URL',
    region: 'The region',
    registrationScopes: 'Each registration scope',
  };
  const field = fields[String(issue?.path[0])] ?? 'The session';
  throw new SsoTrayError('invalid-input', `${field} ${issue?.message ?? 'is not valid'}.`);
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

/** The role moved to the top of the recent list, which keeps MAX_RECENT roles. */
export function recordRecent(s: Settings, role: RoleKey, at: Date): Settings {
  const entry = { ...pickRole(role), usedAt: at.toISOString() };
  return { ...s, recent: [entry, ...s.recent.filter((r) => !sameRole(r, role))].slice(0, MAX_RECENT) };
}

/** Adds the role at the end of the favourites, or removes it when it is there. */
export function toggleFavourite(s: Settings, role: RoleKey): Settings {
  const favourites = isFavourite(s, role)
    ? s.favourites.filter((f) => !sameRole(f, role))
    : [...s.favourites, pickRole(role)];
  return { ...s, favourites };
}

/** The console region a favourite opens in; undefined clears it (then the default region applies). */
export function setFavouriteRegion(s: Settings, role: RoleKey, region: string | undefined): Settings {
  if (!isFavourite(s, role))
    throw new SsoTrayError(
      'invalid-input',
      `Only a favourite keeps its own console region; star ${role.roleName} in ${role.accountId} first.`,
    );
  const favourites = s.favourites.map((f) =>
    sameRole(f, role) ? { ...pickRole(f), ...(region ? { region } : {}) } : f,
  );
  return { ...s, favourites };
}

export function isFavourite(s: Settings, role: RoleKey): boolean {
  return s.favourites.some((f) => sameRole(f, role));
}

/** settings.json in the app's folder: read fresh each time, written whole, atomically, 0600, one writer at a time. */
export class SettingsFile {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly appDataDir: string) {}

  get file(): string {
    return path.join(this.appDataDir, 'settings.json');
  }

  /** A missing file gives the defaults. */
  async read(): Promise<Settings> {
    const raw = await this.readRaw();
    return raw === undefined ? structuredClone(DEFAULT_SETTINGS) : parseSettings(raw, fileLabel(this.file));
  }

  /** Applies `change` to the current settings and saves the result when it is valid. */
  update(change: (s: Settings) => Settings): Promise<Settings> {
    const run = this.queue.then(() => withFileLock(this.file, () => this.applyChange(change)));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async applyChange(change: (s: Settings) => Settings): Promise<Settings> {
    const raw = await this.readRaw();
    const current =
      raw === undefined ? structuredClone(DEFAULT_SETTINGS) : parseSettings(raw, fileLabel(this.file));
    const result = settingsObject.safeParse(change(current), { error: predicates });
    if (!result.success) {
      throw new SsoTrayError('invalid-input', `The settings were not saved: ${describe(result.error)}.`);
    }
    // Keys this version does not know (a hand edit, electron-store's own) stay as they were.
    const kept = Object.fromEntries(
      Object.entries(isObject(raw) ? raw : {}).filter(([k]) => !KNOWN_KEYS.has(k)),
    );
    await writeFileAtomic(this.file, `${JSON.stringify({ ...kept, ...result.data }, null, 2)}\n`, {
      mode: 0o600,
    });
    return result.data;
  }

  private async readRaw(): Promise<unknown> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new SsoTrayError(
        'file-unreadable',
        `${fileLabel(this.file)} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); check its permissions.`,
        { cause: error },
      );
    }
    // An editor's byte-order mark is not content; an empty file has nothing to lose.
    text = text.replace(/^\uFEFF/, '');
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new SsoTrayError(
        'file-unreadable',
        `${fileLabel(this.file)} has settings SSO Tray cannot read (it is not valid JSON); fix or delete it.`,
        { cause: error },
      );
    }
  }
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'they are not valid';
  const where = issue.path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
  return where ? `${where} ${issue.message}` : issue.message;
}

function isHttpsUrl(value: string): boolean {
  if (!URL.canParse(value) || /\s/.test(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' && url.hostname !== '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pickRole(role: RoleKey): RoleKey {
  return { sessionName: role.sessionName, accountId: role.accountId, roleName: role.roleName };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) Object.values(value).forEach(deepFreeze);
  return Object.freeze(value);
}
