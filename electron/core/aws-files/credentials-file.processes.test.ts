// Real separate processes: two app instances writing at once, and writers killed in the middle of a write.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialsFile } from './credentials-file.js';
import { IniDocument } from './ini-document.js';

const moduleUrl = (name: string) => pathToFileURL(path.join(import.meta.dirname, name)).href;

const WRITER = `
import { CredentialsFile } from '${moduleUrl('credentials-file.ts')}';
const [file, appDataDir, prefix, count] = process.argv.slice(2);
const credentialsFile = new CredentialsFile({ file, appDataDir, lock: { staleMs: 2000 } });
for (let i = 0; count === 'forever' || i < Number(count); i++) {
  const profile = count === 'forever' ? prefix : prefix + '-' + i;
  await credentialsFile.writeProfile(profile, {
    accessKeyId: 'ASIA' + prefix.toUpperCase() + i, secretAccessKey: 'secret-' + i, sessionToken: 'token-' + i,
    expiration: new Date(Date.UTC(2026, 0, 5, 9)), accountId: '111122223333', roleName: 'Admin',
  }, { session: prefix, keepFresh: false });
  process.stdout.write(i + '\\n');
}
`;
const RAW_WRITER = `
import { writeFileAtomic } from '${moduleUrl('locked-write.ts')}';
const [file, size] = process.argv.slice(2);
for (let i = 0; ; i++) {
  await writeFileAtomic(file, (i % 2 ? 'B' : 'A').repeat(Number(size)));
  process.stdout.write(i + '\\n');
}
`;

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'credentials-processes-'));
  await writeFile(path.join(tmp, 'writer.mjs'), WRITER);
  await writeFile(path.join(tmp, 'raw-writer.mjs'), RAW_WRITER);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function start(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(tmp, script), ...args], {
    cwd: path.join(import.meta.dirname, '..', '..', '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

/** Resolves once the child has reported `writes` completed writes. */
function afterWrites(child: ChildProcess, writes: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString().split('\n').filter(Boolean).length;
      if (seen >= writes) resolve();
    });
    child.on('exit', () => reject(new Error('the writer ended early')));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('two writers at once', () => {
  it('lose nothing: 2 processes x 25 profiles, the foreign bytes and the record all intact', async () => {
    const dir = await mkdtemp(path.join(tmp, 'concurrent-'));
    const file = path.join(dir, 'credentials');
    const appData = path.join(dir, 'app');
    const foreign = '# mine\r\n[default]\r\naws_access_key_id=AKIAMINE\r\n';
    await writeFile(file, foreign);
    const runs = ['a', 'b'].map((prefix) => exited(start('writer.mjs', [file, appData, prefix, '25'])));
    for (const run of await Promise.all(runs)) expect(run).toEqual({ code: 0, stderr: '' });
    const text = await readFile(file, 'utf8');
    expect(text.startsWith(foreign)).toBe(true);
    const document = IniDocument.parse(text, 'x');
    for (const prefix of ['a', 'b'])
      for (let i = 0; i < 25; i++)
        expect(document.getSection(`${prefix}-${i}`)?.aws_access_key_id).toBe(
          `ASIA${prefix.toUpperCase()}${i}`,
        );
    expect(document.sectionNames()).toHaveLength(51);
    const owned = await new CredentialsFile({ file, appDataDir: appData }).ownedProfiles();
    expect(owned).toHaveLength(50);
  });
});

describe('a writer killed in the middle of a write', () => {
  it('leaves the old or the new file, never a part of one (16 MB writes, SIGKILL)', async () => {
    const file = path.join(tmp, 'raw', 'big');
    const size = 16 * 1024 * 1024;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, 'O'.repeat(size));
    for (let round = 0; round < 4; round++) {
      const child = start('raw-writer.mjs', [file, String(size)]);
      const done = exited(child);
      await afterWrites(child, 1 + round);
      await sleep(Math.random() * 40);
      child.kill('SIGKILL');
      expect((await done).code).toBeNull();
      const text = await readFile(file, 'latin1');
      expect(text.length).toBe(size);
      expect(['O', 'A', 'B']).toContain(text[0]);
      expect(text).toBe((text[0] as string).repeat(size));
    }
  });

  it('leaves a credentials file that parses, with the foreign part intact, and frees its lock for the next writer', async () => {
    const dir = await mkdtemp(path.join(tmp, 'killed-'));
    const file = path.join(dir, 'credentials');
    const appData = path.join(dir, 'app');
    const foreign = Array.from(
      { length: 20_000 },
      (_, i) => `[user-${i}]\naws_access_key_id = AKIAUSER${i}\n`,
    ).join('\n');
    await writeFile(file, foreign);
    for (let round = 0; round < 3; round++) {
      const child = start('writer.mjs', [file, appData, 'victim', 'forever']);
      const done = exited(child);
      await afterWrites(child, 2);
      await sleep(Math.random() * 30);
      child.kill('SIGKILL');
      await done;
      const text = await readFile(file, 'utf8');
      expect(text.startsWith(foreign)).toBe(true);
      const victim = IniDocument.parse(text, 'x').getSection('victim');
      const n = /^ASIAVICTIM(\d+)$/.exec(victim?.aws_access_key_id ?? '')?.[1];
      expect(victim).toEqual({
        aws_access_key_id: `ASIAVICTIM${n}`,
        aws_secret_access_key: `secret-${n}`,
        aws_session_token: `token-${n}`,
      });
    }
    // A lock left by a killed writer goes stale; the next writer waits for that and goes on.
    const credentialsFile = new CredentialsFile({ file, appDataDir: appData, lock: { staleMs: 2000 } });
    await credentialsFile.writeProfile(
      'victim',
      {
        accessKeyId: 'ASIAAFTER',
        secretAccessKey: 's',
        sessionToken: 't',
        expiration: new Date(),
        accountId: '111122223333',
        roleName: 'Admin',
      },
      { session: 'victim', keepFresh: false },
    );
    expect((await credentialsFile.readProfile('victim'))?.aws_access_key_id).toBe('ASIAAFTER');
    expect((await credentialsFile.ownedProfiles()).map((p) => p.profile)).toEqual(['victim']);
  });
});
