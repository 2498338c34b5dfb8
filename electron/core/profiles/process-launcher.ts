// Where credential_process finds `sso-tray` from any shell: absolute paths only, never a bare name that resolves
// only inside npx. The CLI names itself; the packaged app (its Electron cannot run as Node: the RunAsNode fuse is
// off) names the CLI installed with `npm install -g sso-tray`, found on PATH.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProcessLauncher } from '../aws-files/credential-process-command.js';

type Env = Record<string, string | undefined>;

/** This very command: the running Node and the absolute bin/sso-tray.js of this install (built or from source). */
export function runningCliLauncher(moduleUrl: string = import.meta.url): ProcessLauncher {
  const here = path.dirname(fileURLToPath(moduleUrl));
  // The nearest bin/ above this module: from electron/core/profiles/ (source), dist/electron/core/profiles/ (tsc) or
  // dist/electron/cli/ (the command's bundle, scripts/build-cli-program.mjs).
  const candidates = [3, 4].map((up) => path.resolve(here, '../'.repeat(up), 'bin/sso-tray.js'));
  const script = candidates.find((file) => existsSync(file)) ?? candidates[1]!;
  return { program: process.execPath, script: realpathOr(script) };
}

// Installed CLIs land where a GUI app's PATH (macOS: /usr/bin:/bin:/usr/sbin:/sbin) may not reach.
const USUAL_BIN_DIRS = ['/usr/local/bin', '/opt/homebrew/bin'];

/**
 * The `sso-tray` installed on PATH (or in a usual bin folder): the node beside it runs its real script, so the line
 * needs no PATH at all; undefined when no CLI is installed.
 */
export function installedCliLauncher(
  env: Env,
  platform: NodeJS.Platform = process.platform,
  usualDirs: string[] = USUAL_BIN_DIRS,
): ProcessLauncher | undefined {
  const windows = platform === 'win32';
  const dirs = [...(env.PATH ?? env.Path ?? '').split(windows ? ';' : ':'), ...(windows ? [] : usualDirs)];
  for (const dir of dirs.filter((d) => path.isAbsolute(d))) {
    if (windows) {
      const shim = path.win32.join(dir, 'sso-tray.cmd');
      if (existsSync(shim)) return { program: shim };
      continue;
    }
    const bin = path.join(dir, 'sso-tray');
    if (!existsSync(bin)) continue;
    const script = realpathOr(bin);
    const node = [path.join(dir, 'node'), ...dirs.map((d) => path.join(d, 'node'))].find(
      (file) => path.isAbsolute(file) && existsSync(file),
    );
    return node ? { program: node, script } : { program: script };
  }
  return undefined;
}

function realpathOr(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
