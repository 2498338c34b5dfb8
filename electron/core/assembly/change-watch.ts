// Notices what other programs change while the app runs, without polling: `aws sso login` / `aws sso logout` in
// the token cache, and `sso-tray write --keep-fresh` in the record of owned profiles. Event-driven (fs.watch on the
// folders, since atomic writes replace files), debounced on the injected clock.
import { watch, type FSWatcher } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Clock, TimerHandle } from '../clock.js';

export interface WatchedFolder {
  dir: string;
  /** Called once per burst of changes with the file names that changed. */
  onChange(files: Set<string>): void;
}

export class ChangeWatch {
  private readonly watchers: FSWatcher[] = [];
  private readonly pending = new Map<WatchedFolder, { files: Set<string>; timer: TimerHandle }>();

  constructor(
    private readonly clock: Clock,
    private readonly debounceMs = 250,
  ) {}

  /** Starts watching; a folder that does not exist yet is created (0700), as the AWS CLI would. */
  async add(folder: WatchedFolder): Promise<void> {
    await mkdir(folder.dir, { recursive: true, mode: 0o700 });
    const watcher = watch(folder.dir, { persistent: false }, (_event, file) => this.changed(folder, file));
    watcher.on('error', () => watcher.close()); // the folder went away: stop quietly
    this.watchers.push(watcher);
  }

  close(): void {
    for (const watcher of this.watchers) watcher.close();
    this.watchers.length = 0;
    for (const { timer } of this.pending.values()) this.clock.clearTimer(timer);
    this.pending.clear();
  }

  private changed(folder: WatchedFolder, file: string | Buffer | null): void {
    const name = file ? String(file) : '';
    const entry = this.pending.get(folder);
    if (entry) {
      entry.files.add(name);
      return;
    }
    const files = new Set([name]);
    const timer = this.clock.setTimer(() => {
      this.pending.delete(folder);
      folder.onChange(files);
    }, this.debounceMs);
    this.pending.set(folder, { files, timer });
  }
}
