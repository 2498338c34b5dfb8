import { spawn } from 'node:child_process';
import {
  chmod,
  lstat,
  mkdtemp,
  readdir,
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
import { createExclusive, removeStaleTemps, writeFileAtomic, writeTarget } from './atomic-write.js';
import { fileNotices } from './file-notices.js';

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'atomic-write-'));
});
afterEach(() => rm(tmp, { recursive: true, force: true }));
const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

/** A pid that belonged to a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid as number;
}

describe('temp files are exclusive, 0600 from their creation, and never followed through a link', () => {
  it('refuses a symlink planted at the temp name, leaving its target untouched', async () => {
    const victim = path.join(tmp, 'victim');
    await writeFile(victim, 'victim');
    const planted = path.join(tmp, 'credentials.sso-tray-1-000000000000.tmp');
    await symlink(victim, planted);
    await expect(createExclusive(planted)).rejects.toMatchObject({ code: 'EEXIST' });
    await symlink(path.join(tmp, 'nowhere'), `${planted}2`);
    await expect(createExclusive(`${planted}2`)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(victim, 'utf8')).toBe('victim');
  });

  it('creates the temp file 0600 even under umask 0, before any byte is written', async () => {
    const umask = process.umask(0);
    try {
      const handle = await createExclusive(path.join(tmp, 'fresh.tmp'));
      expect((await handle.stat()).mode & 0o777).toBe(0o600);
      await handle.close();
    } finally {
      process.umask(umask);
    }
  });

  it("removes temp files of SSO Tray writers that died, and keeps a live writer's", async () => {
    const file = path.join(tmp, 'credentials');
    const dead = await deadPid();
    const stale = [`credentials.sso-tray-${dead}-0123456789ab.tmp`];
    const kept = [
      `credentials.sso-tray-${process.ppid}-0123456789ab.tmp`,
      `credentials.sso-tray-${dead}-0123456789ab.tmp.bak`,
      'credentials.bak',
      'config.1a2b3c4d',
    ];
    for (const name of [...stale, ...kept]) await writeFile(path.join(tmp, name), 'secret copy');
    await writeFileAtomic(file, 'new');
    expect((await readdir(tmp)).sort()).toEqual(['credentials', ...kept].sort());
    expect(await removeStaleTemps(file)).toBe(0);
  });

  it("never takes a user's file that looks like an old temp: a 0600 backup named by date, time or hex, however old", async () => {
    const file = path.join(tmp, 'credentials');
    // write-file-atomic 7 named its temps `${file}.${uint32 in decimal}`: the same shape as `credentials.$(date +%s)`.
    const backups = [
      'credentials.1732800000',
      'credentials.20240101',
      'credentials.1a2b3c4d',
      'credentials.cafe',
    ];
    const longAgo = new Date(Date.now() - 24 * 3600_000);
    for (const name of backups) {
      await writeFile(path.join(tmp, name), '[mine]\naws_access_key_id = AKIAMINE\n', { mode: 0o600 });
      await utimes(path.join(tmp, name), longAgo, longAgo);
    }
    await writeFileAtomic(file, 'new');
    expect((await readdir(tmp)).sort()).toEqual(['credentials', ...backups].sort());
  });
});

describe('modes', () => {
  it.each([0o644, 0o640, 0o666, 0o604])(
    'tightens an existing %o file to 0600 and says so once',
    async (wide) => {
      const file = path.join(tmp, 'credentials');
      await writeFile(file, 'old');
      await chmod(file, wide);
      const said: number[] = [];
      await writeFileAtomic(file, 'new', { onModeTightened: (from) => said.push(from) });
      await writeFileAtomic(file, 'newer', { onModeTightened: (from) => said.push(from) });
      expect(await modeOf(file)).toBe(0o600);
      expect(said).toEqual([wide]);
    },
  );

  it('by default tells fileNotices, in one sentence naming the file', async () => {
    const file = path.join(tmp, 'credentials');
    await writeFile(file, 'old');
    await chmod(file, 0o644);
    const said: string[] = [];
    const listen = (sentence: string) => said.push(sentence);
    fileNotices.on('notice', listen);
    try {
      await writeFileAtomic(file, 'new');
      await writeFileAtomic(file, 'newer');
    } finally {
      fileNotices.off('notice', listen);
    }
    expect(said).toEqual([
      `${file} was readable or writable by other users (mode 0644); SSO Tray set it to 0600, as the AWS CLI expects.`,
    ]);
  });
});

describe('links', () => {
  it('writes through a dangling symlink to where it points, keeping the link', async () => {
    const target = path.join(tmp, 'dotfiles', 'credentials');
    const link = path.join(tmp, 'credentials');
    await symlink(path.relative(tmp, target), link);
    await writeFileAtomic(link, 'new');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(path.join('dotfiles', 'credentials'));
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await modeOf(target)).toBe(0o600);
  });

  it('follows a chain of links to the real file, and names a loop', async () => {
    const real = path.join(tmp, 'real');
    await writeFile(real, 'x');
    await symlink(real, path.join(tmp, 'b'));
    await symlink(path.join(tmp, 'b'), path.join(tmp, 'a'));
    expect(await writeTarget(path.join(tmp, 'a'))).toBe(await writeTarget(real));
    await symlink(path.join(tmp, 'loop2'), path.join(tmp, 'loop1'));
    await symlink(path.join(tmp, 'loop1'), path.join(tmp, 'loop2'));
    await expect(writeTarget(path.join(tmp, 'loop1'))).rejects.toMatchObject({ code: 'ELOOP' });
  });
});
