// `npm run dist` on a checkout whose `npm install` could not download the Electron binary: one line saying how to get
// it, no download attempt, no build, no stack trace. Run in a copy of the scripts beside an electron package that has
// no binary, as such a checkout has, so the verdict does not depend on whether this machine has one.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ELECTRON_MISSING_FOR_DIST } from '../scripts/electron-binary.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let checkout: string | undefined;

afterEach(async () => {
  if (checkout) await rm(checkout, { recursive: true, force: true });
});

describe('npm run dist without the Electron binary', () => {
  it('says in one line that the binary is missing and how to get it, and builds nothing', async () => {
    checkout = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-dist-'));
    await mkdir(path.join(checkout, 'scripts'));
    for (const file of ['dist.mjs', 'electron-binary.mjs'])
      await copyFile(path.join(REPO, 'scripts', file), path.join(checkout, 'scripts', file));
    // What Electron 45's package leaves when its download failed: the package, path.txt, no dist/.
    const electron = path.join(checkout, 'node_modules', 'electron');
    await mkdir(electron, { recursive: true });
    await writeFile(path.join(electron, 'package.json'), '{"name":"electron","version":"45.4.1"}');
    await writeFile(path.join(electron, 'path.txt'), 'electron');
    const failed = await promisify(execFile)(process.execPath, ['scripts/dist.mjs', '--dir'], {
      cwd: checkout,
    }).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1, stdout: '', stderr: `${ELECTRON_MISSING_FOR_DIST}\n` });
    expect(await readdir(checkout)).toEqual(['node_modules', 'scripts']); // no dist/, no release/
  });
});
