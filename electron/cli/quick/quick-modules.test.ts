// The quick answers' versions of node:crypto and node:fs/promises answer as the real ones do, errors included.
import * as realCrypto from 'node:crypto';
import * as realFs from 'node:fs/promises';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as quickCrypto from './quick-crypto.js';
import * as quickFs from './quick-fs-promises.js';

describe('quick-crypto', () => {
  it('hashes with SHA-1 exactly as node:crypto does (the AWS CLI cache names)', () => {
    const samples = ['', 'acme', 'https://d-0000000000.awsapps.com/start', 'ünïcødé ✓ 🙂', 'x'.repeat(1000)];
    samples.push(JSON.stringify({ accountId: '111122223333', roleName: 'ReadOnly', startUrl: 'https://x' }));
    for (const text of samples) {
      expect(quickCrypto.createHash('sha1').update(text, 'utf8').digest('hex')).toBe(
        realCrypto.createHash('sha1').update(text, 'utf8').digest('hex'),
      );
      expect(quickCrypto.createHash('SHA1').update(Buffer.from(text)).digest()).toEqual(
        realCrypto.createHash('sha1').update(Buffer.from(text)).digest(),
      );
    }
  });

  it('passes any other algorithm and randomBytes to node:crypto', () => {
    expect(quickCrypto.createHash('sha256').update('a').digest('hex')).toBe(
      realCrypto.createHash('sha256').update('a').digest('hex'),
    );
    expect(quickCrypto.randomBytes(6)).toHaveLength(6);
  });
});

describe('quick-fs-promises', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-quick-'));
    await writeFile(path.join(dir, 'a.json'), '{"a":1}\n');
    await symlink(path.join(dir, 'a.json'), path.join(dir, 'link'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const both = async <T>(call: (fs: typeof realFs) => Promise<T>) => {
    const settle = (p: Promise<T>) =>
      p.then(
        (value) => ({ value }),
        (error: NodeJS.ErrnoException) => ({ code: error.code }),
      );
    return [await settle(call(quickFs as unknown as typeof realFs)), await settle(call(realFs))];
  };

  it('reads, lists and stats as fs/promises does', async () => {
    const [quick, real] = await both((fs) => fs.readFile(path.join(dir, 'a.json'), 'utf8'));
    expect(quick).toEqual(real);
    const [listed, realListed] = await both((fs) => fs.readdir(dir));
    expect(listed).toEqual(realListed);
    const [linkTarget, realTarget] = await both((fs) => fs.realpath(path.join(dir, 'link')));
    expect(linkTarget).toEqual(realTarget);
    const [quickStat, realStat] = await both(async (fs) =>
      (await fs.lstat(path.join(dir, 'link'))).isSymbolicLink(),
    );
    expect(quickStat).toEqual(realStat);
  });

  it('rejects (not throws) with the same error codes', async () => {
    const missing = path.join(dir, 'missing.json');
    const promise = quickFs.readFile(missing, 'utf8');
    expect(promise).toBeInstanceOf(Promise);
    await expect(promise).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await both((fs) => fs.readFile(missing, 'utf8'))).toEqual([
      { code: 'ENOENT' },
      { code: 'ENOENT' },
    ]);
    expect(await both((fs) => fs.readdir(missing))).toEqual([{ code: 'ENOENT' }, { code: 'ENOENT' }]);
    expect(await both((fs) => fs.stat(missing))).toEqual([{ code: 'ENOENT' }, { code: 'ENOENT' }]);
  });
});
