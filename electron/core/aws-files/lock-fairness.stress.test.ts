// Many SSO Tray processes writing one credentials file at once (the `stress` project): none of our writes may give up
// because another of ours was writing. Each process writes its own profiles one after another and counts refusals;
// the file must then hold every profile. The time each run took is printed (a figure, never a verdict).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IniDocument } from './ini-document.js';

const WRITES = 30;
const credentialsModule = pathToFileURL(path.join(import.meta.dirname, 'credentials-file.ts')).href;

// Default lock options, as the app and the CLI write: a refusal is counted and the writer goes on to its next profile.
const WRITER = `
import { CredentialsFile } from '${credentialsModule}';
const [file, appDataDir, prefix, count] = process.argv.slice(2);
const credentialsFile = new CredentialsFile({ file, appDataDir });
const refused = [];
for (let i = 0; i < Number(count); i++) {
  try {
    await credentialsFile.writeProfile(prefix + '-' + i, {
      accessKeyId: 'ASIA' + prefix.toUpperCase() + i, secretAccessKey: 'secret-' + i, sessionToken: 'token-' + i,
      expiration: new Date(Date.UTC(2026, 0, 5, 9)), accountId: '111122223333', roleName: 'Admin',
    }, { session: prefix, keepFresh: false });
  } catch (error) {
    refused.push(error.message);
  }
}
process.stdout.write(JSON.stringify(refused));
`;

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'lock-fairness-'));
  await writeFile(path.join(tmp, 'writer.mjs'), WRITER);
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

function writer(
  file: string,
  appData: string,
  prefix: string,
): Promise<{ code: number | null; refused: string[] }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(tmp, 'writer.mjs'), file, appData, prefix, String(WRITES)],
    { cwd: path.join(import.meta.dirname, '..', '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve) =>
    child.on('exit', (code) =>
      resolve({ code, refused: out ? (JSON.parse(out) as string[]) : ['no report'] }),
    ),
  );
}

describe.each([8, 16])('%i SSO Tray processes writing one credentials file at once', (processes) => {
  it(`lose none of their ${WRITES} writes each: 0 refused, every profile in the file`, async () => {
    const dir = await mkdtemp(path.join(tmp, `${processes}-`));
    const file = path.join(dir, 'credentials');
    const appData = path.join(dir, 'app');
    const foreign = '# mine\n[default]\naws_access_key_id = AKIAMINE\n';
    await writeFile(file, foreign);
    const prefixes = Array.from({ length: processes }, (_, i) => `w${i}`);
    const started = performance.now();
    const runs = await Promise.all(prefixes.map((prefix) => writer(file, appData, prefix)));
    const seconds = (performance.now() - started) / 1000;
    const refused = runs.flatMap((run) => run.refused);
    console.info(
      `${processes} processes x ${WRITES} writes on one file: ${refused.length} refused, ${seconds.toFixed(1)} s ` +
        `(${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)})`,
    );
    expect(refused).toEqual([]);
    expect(runs.map((run) => run.code)).toEqual(prefixes.map(() => 0));
    const text = await readFile(file, 'utf8');
    expect(text.startsWith(foreign)).toBe(true);
    const document = IniDocument.parse(text, 'credentials');
    const missing = prefixes.flatMap((prefix) =>
      Array.from({ length: WRITES }, (_, i) => `${prefix}-${i}`).filter(
        (name, i) => document.getSection(name)?.aws_access_key_id !== `ASIA${prefix.toUpperCase()}${i}`,
      ),
    );
    expect(missing).toEqual([]);
    expect(document.sectionNames()).toHaveLength(processes * WRITES + 1);
  });
});
