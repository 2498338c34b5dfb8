import { mkdtemp, rm, symlink, writeFile, chmod, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processCommandFor } from './config-profiles.js';
import { installedCliLauncher, runningCliLauncher } from './process-launcher.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-launcher-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const ROLE = { accountId: '111122223333', roleName: 'ReadOnly', session: 'acme' };

describe('where credential_process finds sso-tray', () => {
  it('the CLI names itself: this Node and the absolute bin/sso-tray.js of this checkout', () => {
    const launcher = runningCliLauncher();
    expect(launcher.program).toBe(process.execPath);
    expect(launcher.script).toBe(path.resolve(import.meta.dirname, '../../../bin/sso-tray.js'));
    expect(processCommandFor({ processLauncher: runningCliLauncher })(ROLE)).toBe(
      `${process.execPath} ${launcher.script} process 111122223333 ReadOnly --session acme`,
    );
  });

  it("the built command names the same bin/sso-tray.js from its bundle's folder (dist/electron/cli/)", () => {
    const repo = path.resolve(import.meta.dirname, '../../..');
    const bundle = pathToFileURL(path.join(repo, 'dist', 'electron', 'cli', 'program-bundle.cjs')).href;
    expect(runningCliLauncher(bundle).script).toBe(path.join(repo, 'bin', 'sso-tray.js'));
  });

  it('the app names the CLI npm installed on PATH, run by the node beside it (no PATH needed later)', async () => {
    // npm -g: <prefix>/bin/sso-tray -> ../lib/node_modules/sso-tray/bin/sso-tray.js, and <prefix>/bin/node.
    const prefix = path.join(dir, 'prefix');
    const script = path.join(prefix, 'lib', 'node_modules', 'sso-tray', 'bin', 'sso-tray.js');
    await mkdir(path.dirname(script), { recursive: true });
    await writeFile(script, '#!/usr/bin/env node\n');
    await chmod(script, 0o755);
    await mkdir(path.join(prefix, 'bin'));
    await symlink('../lib/node_modules/sso-tray/bin/sso-tray.js', path.join(prefix, 'bin', 'sso-tray'));
    await symlink(process.execPath, path.join(prefix, 'bin', 'node'));
    const launcher = installedCliLauncher({ PATH: `relative/bin:${path.join(prefix, 'bin')}` }, 'linux', []);
    expect(launcher).toEqual({ program: path.join(prefix, 'bin', 'node'), script });
  });

  it('without an installed CLI the app refuses in one sentence saying how to install it', async () => {
    const empty = await mkdtemp(path.join(dir, 'empty-'));
    const options = { processLauncher: () => installedCliLauncher({ PATH: empty }, 'linux', []) };
    expect(() => processCommandFor(options)).toThrow(
      'A credential_process profile runs the sso-tray command, which is not installed: install it with `npm install -g sso-tray`, or write an SSO profile instead.',
    );
  });
});
