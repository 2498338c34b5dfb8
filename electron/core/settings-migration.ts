// settings.json of any version this build knows, brought to the current shape on read (the file changes on the next write).
import { SsoTrayError } from './errors.js';
import { SETTINGS_VERSION, checkSettings } from './settings-schema.js';
import type { Settings } from './views.js';

type Document = Record<string, unknown>;

/** Each older shape, by its version, to the next one: pure steps, each frozen with the shape it reads. */
const MIGRATIONS: Record<number, (old: Document) => Document> = {
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
  const checked = checkSettings(document);
  if ('problem' in checked) throw unreadable(checked.problem);
  return checked.settings;
}

function isObject(value: unknown): value is Document {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
