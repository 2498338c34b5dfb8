import {
  chmod,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readlink,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock, writeFileAtomic } from './locked-write.js';

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'locked-write-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});
const modeOf = async (target: string) => (await stat(target)).mode & 0o777;

describe('writeFileAtomic', () => {
  it('creates a new file 0600 whatever the umask, in new folders 0700', async () => {
    const file = path.join(tmp, 'a', 'b', 'credentials');
    const umask = process.umask(0);
    try {
      await writeFileAtomic(file, 'new');
    } finally {
      process.umask(umask);
    }
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await modeOf(file)).toBe(0o600);
    expect(await modeOf(path.join(tmp, 'a'))).toBe(0o700);
    expect(await modeOf(path.join(tmp, 'a', 'b'))).toBe(0o700);
  });

  it('keeps the mode of an existing file narrowed to 0600, unless a mode is forced', async () => {
    const file = path.join(tmp, 'credentials');
    await writeFile(file, 'old');
    await chmod(file, 0o400);
    await writeFileAtomic(file, 'new', { defaultMode: 0o600 });
    expect(await modeOf(file)).toBe(0o400);
    await writeFileAtomic(file, 'newer', { mode: 0o600 });
    expect(await modeOf(file)).toBe(0o600);
    expect(await readFile(file, 'utf8')).toBe('newer');
  });

  it('writes through a symlinked file (dotfile managers) and leaves the link in place', async () => {
    const target = path.join(tmp, 'dotfiles', 'credentials');
    const link = path.join(tmp, '.aws', 'credentials');
    await mkdir(path.dirname(target), { recursive: true });
    await mkdir(path.dirname(link), { recursive: true });
    await writeFile(target, 'old');
    await symlink(target, link);
    await writeFileAtomic(link, 'new');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(target);
    expect(await readFile(target, 'utf8')).toBe('new');
  });
});

describe('withFileLock', () => {
  it('runs one holder at a time: the other starts only after the first has finished', async () => {
    const file = path.join(tmp, 'missing', 'credentials');
    const events: string[] = [];
    const hold = (name: string, ms: number) =>
      withFileLock(file, async () => {
        events.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        events.push(`${name} out`);
        return name;
      });
    const results = await Promise.all([hold('first', 150), hold('second', 0)]);
    expect(results).toEqual(['first', 'second']);
    const [one, two] = events[0] === 'first in' ? ['first', 'second'] : ['second', 'first'];
    expect(events).toEqual([`${one} in`, `${one} out`, `${two} in`, `${two} out`]);
  });

  it('gives up with one sentence when another program keeps it too long', async () => {
    const file = path.join(tmp, 'credentials');
    // Another program's live lock (proper-lockfile's is a folder, whose mtime its holder keeps renewing): touched a
    // minute ahead, it stays younger than the 5 s that make it stale however long this machine takes to get here.
    await mkdir(`${file}.lock`);
    const renewed = new Date(Date.now() + 60_000);
    await utimes(`${file}.lock`, renewed, renewed);
    await expect(withFileLock(file, async () => 'never', { waitMs: 300 })).rejects.toMatchObject({
      code: 'file-busy',
      message: `${file} stayed locked by another program for 300 ms (the lock is ${file}.lock); close that program, or remove the lock if none is running, and try again.`,
    });
  });

  it("never gives up on this process's own writers: they take turns, in order", async () => {
    const file = path.join(tmp, 'credentials');
    let release!: () => void;
    const order: string[] = [];
    const held = withFileLock(file, () => new Promise<void>((resolve) => (release = resolve)));
    // Each would give up at once on another program's lock; waiting for this process's holder is a turn, not a wait.
    const waiting = ['a', 'b', 'c'].map((name) =>
      withFileLock(file, async () => void order.push(name), { waitMs: 0 }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(order).toEqual([]);
    release();
    await Promise.all([held, ...waiting]);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('takes over a lock left by a writer that died', async () => {
    const file = path.join(tmp, 'credentials');
    await mkdir(`${file}.lock`);
    const old = new Date(Date.now() - 60_000);
    await utimes(`${file}.lock`, old, old);
    // Allowed to wait far less than the 5 s a fresh lock takes to go stale: it can only succeed by taking over at once.
    expect(await withFileLock(file, async () => 'mine', { waitMs: 1_000 })).toBe('mine');
  });

  it('lets the next holder in when the first one failed', async () => {
    const file = path.join(tmp, 'credentials');
    await expect(withFileLock(file, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    // With no time to wait, the lock must already be free.
    expect(await withFileLock(file, async () => 'next', { waitMs: 0 })).toBe('next');
  });
});
