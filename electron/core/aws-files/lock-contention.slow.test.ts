// The file lock in real time (the `stress` project): a dead writer's fresh lock waited out, and 20 racing writers.
import { lstat, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock, writeFileAtomic } from './locked-write.js';

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'lock-contention-'));
});
afterEach(() => rm(tmp, { recursive: true, force: true }));

describe('withFileLock in real time', () => {
  // proper-lockfile judges staleness by the lock folder's mtime on disk, which an injected clock cannot move.
  it('waits out a fresh lock of a dead writer for the default 5 s, then goes on', async () => {
    const file = path.join(tmp, 'credentials');
    await mkdir(`${file}.lock`);
    const started = Date.now();
    expect(await withFileLock(file, async () => 'mine')).toBe('mine');
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_500);
  });

  it('a symlink and its target share one lock: 20 updates through both, none lost', async () => {
    const target = path.join(tmp, 'dotfiles', 'credentials');
    const link = path.join(tmp, '.aws', 'credentials');
    await mkdir(path.dirname(target), { recursive: true });
    await mkdir(path.dirname(link), { recursive: true });
    await writeFile(target, '0');
    await symlink(target, link);
    const bump = (file: string) =>
      withFileLock(
        file,
        async () => {
          const value = Number(await readFile(file, 'utf8'));
          await new Promise((resolve) => setTimeout(resolve, 2));
          await writeFileAtomic(file, String(value + 1));
        },
        { waitMs: 120_000 },
      );
    await Promise.all(Array.from({ length: 20 }, (_, i) => bump(i % 2 ? link : target)));
    expect(await readFile(target, 'utf8')).toBe('20');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
  });
});
