// settings.json of any version this build knows, brought to the current shape on read (the file changes on the next
// write). A file from a newer SSO Tray is refused, never rewritten: its fields may mean what this build cannot know.
import { SsoTrayError } from '../errors.js';
import { DEFAULT_TEMPLATES, readProfileNameTemplate } from '../profiles/profile-name-template.js';
import { SETTINGS_VERSION, checkSettings } from './settings-schema.js';
import type { Settings } from '../shapes/front-end-shapes.js';

type Document = Record<string, unknown>;

/** Each older shape, by its version, to the next one: pure steps that read only what that version wrote. */
const MIGRATIONS: Record<number, (old: Document) => Document> = {
  // Before versions: the same fields, any of them missing; defaults fill the gaps.
  0: (old) => ({ ...old, version: 1 }),
  // Version 1 named a favourite's or recent role's session `sessionName`; the rest of SSO Tray says `session`.
  1: (old) => ({
    ...old,
    version: 2,
    ...('favourites' in old ? { favourites: renamedSessions(old.favourites) } : {}),
    ...('recent' in old ? { recent: renamedSessions(old.recent) } : {}),
  }),
  // Version 2's credentials-file template took any text between its placeholders and made the name readable after
  // filling it in; the one template language (docs/profile-names.md) takes only what a profile name can hold.
  2: (old) => ({
    ...old,
    version: 3,
    ...('profileNameTemplate' in old
      ? { profileNameTemplate: carriedTemplate(old.profileNameTemplate) }
      : {}),
  }),
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
  if (found > SETTINGS_VERSION)
    throw new SsoTrayError(
      'file-unreadable',
      `${file} was written by a newer SSO Tray (settings version ${found}, this one reads up to ${SETTINGS_VERSION}); update SSO Tray to use it.`,
    );
  for (let migrate = MIGRATIONS[found]; migrate; migrate = MIGRATIONS[document.version as number])
    document = migrate(document);
  const checked = checkSettings(document);
  if (!('problem' in checked)) return checked.settings;
  // One bad favourite or recent role refuses the whole file (never rewritten), naming the entry to fix or remove.
  const [list, index] = checked.problem.path;
  const entry = (list === 'favourites' || list === 'recent') && typeof index === 'number';
  throw unreadable(checked.problem.text, entry ? 'fix or remove that entry' : undefined);
}

/** Each entry's `sessionName` as `session`; anything else (not a list, not an object) is left for the schema to name. */
function renamedSessions(list: unknown): unknown {
  if (!Array.isArray(list)) return list;
  return list.map((entry: unknown) => {
    if (!isObject(entry) || !('sessionName' in entry)) return entry;
    const { sessionName, ...rest } = entry;
    return { ...rest, session: sessionName };
  });
}

/**
 * A version-2 template in the one language, giving the names it gave: its text made readable the way version 2 made
 * the finished name (spaces and controls to "-", brackets dropped), then accents dropped and anything else a
 * profile name cannot hold as "-". One version 2 refused (empty, an unknown placeholder) stays for the schema to name;
 * one that still gives no usable name gave the default name in version 2, and now says so.
 */
function carriedTemplate(template: unknown): unknown {
  if (typeof template !== 'string' || template === '') return template;
  const parts = template.split(/(\{(?:accountId|accountName|roleName|session)\})/);
  if (parts.some((part, i) => i % 2 === 0 && /\{\w*\}/.test(part))) return template;
  const carried = parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/[\s\p{Cc}\p{Cs}]+/gu, '-')
            .replace(/[[\]]/g, '')
            .normalize('NFKD')
            .replace(/\p{M}+/gu, '')
            .replace(/[^A-Za-z0-9_\-@+.%:/]+/g, '-'),
    )
    .join('');
  return 'problem' in readProfileNameTemplate(carried, 'credentials')
    ? DEFAULT_TEMPLATES.credentials
    : carried;
}

function isObject(value: unknown): value is Document {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
