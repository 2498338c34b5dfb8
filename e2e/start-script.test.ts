// `npm start` without the Electron binary: one line saying how to get it, no download attempt, no stack trace.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ELECTRON_MISSING, electronBinary } from '../scripts/electron-binary.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('npm start', () => {
  it.skipIf(electronBinary())(
    'says in one line that the binary is missing, and downloads nothing',
    async () => {
      const failed = await promisify(execFile)(process.execPath, ['scripts/start.mjs'], { cwd: REPO }).then(
        () => undefined,
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
      // electron/index.js would print "Downloading Electron binary..." had it been required.
      expect(failed).toMatchObject({ code: 1, stdout: '', stderr: `${ELECTRON_MISSING}\n` });
    },
  );
});
