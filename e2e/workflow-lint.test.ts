// `npm run lint` checks the GitHub Actions workflows (scripts/lint-workflows.mjs): the project's pass, and a broken
// one fails with a line naming the file, the place and the problem.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lint = (folder?: string) =>
  promisify(execFile)(process.execPath, ['scripts/lint-workflows.mjs', ...(folder ? [folder] : [])], {
    cwd: REPO,
  }).then(
    ({ stderr }) => ({ code: 0, stderr }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the workflow linter', () => {
  it("passes the project's workflows", async () => {
    expect(await lint()).toEqual({ code: 0, stderr: '' });
  });

  it('fails a broken workflow, naming the file, the place and the problem', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-workflows-'));
    await copyFile(path.join(REPO, '.github', 'workflows', 'ci.yml'), path.join(dir, 'ci.yml'));
    // A job without runs-on whose steps are a mapping, as a slip of indentation makes them.
    await writeFile(
      path.join(dir, 'broken.yml'),
      'name: Broken\non: push\njobs:\n  test:\n    steps:\n      run: npm test\n',
    );
    const { code, stderr } = await lint(dir);
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines.every((line) => line.includes('broken.yml /jobs/test'))).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/broken\.yml \/jobs\/test\/runs-on: .*required/));
    expect(lines).toContainEqual(expect.stringMatching(/broken\.yml \/jobs\/test\/steps: .*array/));
  });
});
