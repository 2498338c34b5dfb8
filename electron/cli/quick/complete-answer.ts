// A TAB press (`sso-tray __complete SHELL LINE`, run by the completion scripts): the candidates from the cache, without
// the program or the core (completion/complete-line.ts). The build bundles this file on its own
// (scripts/build-cli-entry.mjs): the shell waits for it.
import { completeLine } from '../completion/complete-line.js';
import { writeOut } from './write-out.js';
import type { Env } from '../../core/environment.js';

export async function answerCompletion(args: readonly string[], env: Env): Promise<boolean> {
  if (args[0] !== '__complete') return false;
  writeOut(await completeLine(args[1] ?? '', args[2] ?? '', env));
  return true;
}
