// The shape of settings.json at this version: every field, its default and its rule.
import * as z from 'zod';
import { SsoTrayError } from '../errors.js';
import { awsIdentifier, fieldMessages, firstProblem } from './settings-rules.js';
import { DEFAULT_TEMPLATES, templateProblem, type TemplateUse } from '../profiles/profile-name-template.js';
import { sessionConfigSchema } from '../session/session-config.js';
import { PROFILE_KINDS, SIGN_IN_FLOWS, type Settings } from '../shapes/front-end-shapes.js';
import { SETTINGS_VERSION } from './settings-version.js';
import { MAX_RECENT } from '../../../shared/recent-roles.js';
import { SETTING_LABELS, isLabelledSetting } from '../../../shared/setting-labels.js';

export { SETTINGS_VERSION };

/** A template in the one language (shared/profile-name-template.ts), refused with its sentence. */
function profileNameTemplate(use: TemplateUse) {
  return z
    .string()
    .default(DEFAULT_TEMPLATES[use])
    .superRefine((template, ctx) => {
      const problem = templateProblem(template, use);
      // The sentence ends where the settings' own sentence goes on ("…; fix or delete it.").
      if (problem) ctx.addIssue({ code: 'custom', message: `cannot be used: ${problem.slice(0, -1)}` });
    });
}

// A favourite's or recent role's names, by the rules every other boundary uses (the IPC contract's role).
const roleKey = {
  session: awsIdentifier('session-name'),
  accountId: awsIdentifier('account-id'),
  roleName: awsIdentifier('role-name'),
};

const settingsObject = z
  .object({
    version: z.literal(SETTINGS_VERSION),
    sessions: z.array(sessionConfigSchema).default(() => []),
    shareTokenCacheWithAwsCli: z.boolean().default(true),
    removeProfilesOnSignOut: z.boolean().default(true),
    // The names of the profiles written to ~/.aws/credentials (docs/profile-names.md).
    profileNameTemplate: profileNameTemplate('credentials'),
    defaultRegion: awsIdentifier('region').optional(),
    favourites: z
      .array(z.object({ ...roleKey, region: awsIdentifier('region').optional() }))
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
    // Added in version 2 with defaults (the sync's own), so a file without it reads as before.
    configSync: z
      .object({
        template: profileNameTemplate('config-sync'),
        kind: z.enum(PROFILE_KINDS).default('sso'),
        region: awsIdentifier('region').optional(),
        prune: z.boolean().default(false),
      })
      .prefault({}),
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

/** The settings' own keys: any other key in the file (a hand edit, electron-store's) is kept as it was. */
export const SETTINGS_KEYS: ReadonlySet<string> = new Set(Object.keys(settingsObject.shape));

export const DEFAULT_SETTINGS: Settings = deepFreeze(settingsObject.parse({ version: SETTINGS_VERSION }));

/** Settings of this version with defaults filled in, or the first problem: its path and "<path> <rule>". */
export function checkSettings(
  document: unknown,
): { settings: Settings } | { problem: { path: PropertyKey[]; text: string; rule: string } } {
  const result = settingsObject.safeParse(document, { error: fieldMessages });
  return result.success ? { settings: result.data } : { problem: firstProblem(result.error) };
}

/** Settings about to be saved, or SsoTrayError('invalid-input') naming what is wrong. */
export function settingsToSave(settings: Settings): Settings {
  // A template is refused in the language's own sentence, the one the config sync and the CLI say.
  const problem = templateProblem(settings.profileNameTemplate, 'credentials');
  if (problem)
    throw new SsoTrayError('invalid-input', problem, {
      next: { do: 'fix-setting', setting: 'profileNameTemplate' },
    });
  const syncProblem = templateProblem(settings.configSync.template, 'config-sync');
  if (syncProblem) throw new SsoTrayError('invalid-input', syncProblem);
  const checked = checkSettings(settings);
  if (!('problem' in checked)) return checked.settings;
  const { path, text, rule } = checked.problem;
  const [setting] = path;
  // A setting of the form is named by its label, and the step says which one to change.
  if (path.length === 1 && isLabelledSetting(setting))
    throw new SsoTrayError(
      'invalid-input',
      `The settings were not saved: ${SETTING_LABELS[setting]} ${rule}.`,
      {
        next: { do: 'fix-setting', setting },
      },
    );
  throw new SsoTrayError('invalid-input', `The settings were not saved: ${text}.`);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) Object.values(value).forEach(deepFreeze);
  return Object.freeze(value);
}
