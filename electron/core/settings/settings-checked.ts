// Which settings.json text the schema last accepted, so the quick answers (cli/quick/, without zod) answer only from a
// file the program itself would read: a hand edit the schema refuses ("theme": "purple", a region "Europe") is then
// the program's to refuse in its own sentence, and a text it accepted once is trusted until it changes. Hand-written:
// a SHA-1 of the text beside the file, kept by the one reader and writer of settings.json (settings-file.ts).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The file beside settings.json holding the digest (settings-file.ts writes it; the quick answers only read it). */
export const SETTINGS_MARK = 'settings.checked';

export const settingsDigest = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex');

/** The digest recorded last; undefined when there is none. */
export async function settingsMark(appDataDir: string): Promise<string | undefined> {
  return readFile(path.join(appDataDir, SETTINGS_MARK), 'utf8').then(
    (text) => text.trim(),
    () => undefined,
  );
}

/** True when the schema accepted exactly this text of settings.json (its byte-order mark removed). */
export async function settingsTextChecked(appDataDir: string, text: string): Promise<boolean> {
  return (await settingsMark(appDataDir)) === settingsDigest(text);
}
