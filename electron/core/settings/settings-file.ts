// settings.json, the one settings file the app and the CLI share: read fresh each time, migrated on read, written
// whole, atomically, 0600, one writer at a time (settings-schema.ts says what it holds).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SsoTrayError } from '../errors.js';
import { fileLabel } from '../aws-files/file-label.js';
import { withFileLock, writeFileAtomic } from '../aws-files/locked-write.js';
import { DEFAULT_SETTINGS, SETTINGS_KEYS, settingsToSave } from './settings-schema.js';
import { parseSettings } from './settings-migration.js';
import { SETTINGS_MARK } from './settings-checked.js';
import type { Settings } from '../shapes/front-end-shapes.js';

export class SettingsFile {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly appDataDir: string,
    /** Told every saved change (favourites, recent roles, kept profiles, choices): the core's 'settings-changed'. */
    private readonly onSaved: (settings: Settings) => void = () => undefined,
  ) {}

  get file(): string {
    return path.join(this.appDataDir, 'settings.json');
  }

  /** A missing file gives the defaults. */
  async read(): Promise<Settings> {
    const { raw, text } = await this.readRaw();
    const settings = this.settingsOf(raw);
    // The schema accepted this text: the quick answers may read it too (settings-checked.ts).
    if (text !== undefined) await this.markChecked(text);
    return settings;
  }

  /** Applies `change` to the current settings and saves the result when it is valid. */
  update(change: (s: Settings) => Settings): Promise<Settings> {
    const run = this.queue.then(() => withFileLock(this.file, () => this.applyChange(change)));
    this.queue = run.catch(() => undefined);
    return run.then((saved) => {
      this.onSaved(saved);
      return saved;
    });
  }

  private async applyChange(change: (s: Settings) => Settings): Promise<Settings> {
    const { raw } = await this.readRaw();
    // A file that cannot be read is never written: settingsOf throws before anything is saved.
    const saved = settingsToSave(change(this.settingsOf(raw)));
    // Keys this version does not know (a hand edit, electron-store's own) stay as they were; settingsOf took raw
    // as a JSON object, or it is undefined (no file).
    const kept = Object.entries(raw ?? {}).filter(([k]) => !SETTINGS_KEYS.has(k));
    const text = `${JSON.stringify({ ...Object.fromEntries(kept), ...saved }, null, 2)}\n`;
    await writeFileAtomic(this.file, text, { mode: 0o600 });
    await this.markChecked(text);
    return saved;
  }

  private settingsOf(raw: unknown): Settings {
    return raw === undefined ? structuredClone(DEFAULT_SETTINGS) : parseSettings(raw, fileLabel(this.file));
  }

  /** Records that the schema accepted this text; a folder it cannot write only costs the quick answers their speed. */
  private async markChecked(text: string): Promise<void> {
    const mark = path.join(this.appDataDir, SETTINGS_MARK);
    if ((await readFile(mark, 'utf8').catch(() => undefined)) === text) return;
    await writeFileAtomic(mark, text, { mode: 0o600 }).catch(() => undefined);
  }

  /** The file's JSON and its text; raw is undefined when it is missing or empty. */
  private async readRaw(): Promise<{ raw?: unknown; text?: string }> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new SsoTrayError(
        'file-unreadable',
        `${fileLabel(this.file)} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); check its permissions.`,
        { cause: error },
      );
    }
    // An editor's byte-order mark is not content; an empty file has nothing to lose.
    text = text.replace(/^\uFEFF/, '');
    if (text.trim() === '') return {};
    try {
      return { raw: JSON.parse(text) as unknown, text };
    } catch (error) {
      throw new SsoTrayError(
        'file-unreadable',
        `${fileLabel(this.file)} has settings SSO Tray cannot read (it is not valid JSON); fix or delete it.`,
        { cause: error },
      );
    }
  }
}
