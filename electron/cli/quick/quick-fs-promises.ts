// `node:fs/promises` as the quick answers' bundles see it (scripts/build-cli-entry.mjs maps the import here): the reads
// they make run on node:fs's synchronous calls, which Node has loaded before any script, instead of loading
// fs/promises, whose FileHandle brings streams and readline with it (about 5 ms of every credential_process start,
// measured with --cpu-prof). A quick answer is one short task at a time, so a synchronous read blocks nothing; the
// calls it would make only on a write load the real module on first use (process.getBuiltinModule,
// https://nodejs.org/api/process.html#processgetbuiltinmoduleid).
import { lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';

type Fsp = typeof FsPromises;

/** A synchronous call with fs/promises' shape: the same arguments and results, its errors as rejections. */
const promised =
  <Args extends unknown[], Result>(call: (...args: Args) => Result) =>
  async (...args: Args): Promise<Result> =>
    call(...args);

export const readFile = promised(readFileSync) as unknown as Fsp['readFile'];
export const readdir = promised(readdirSync) as unknown as Fsp['readdir'];
export const stat = promised(statSync) as unknown as Fsp['stat'];
export const lstat = promised(lstatSync) as unknown as Fsp['lstat'];
export const realpath = promised(realpathSync) as unknown as Fsp['realpath'];
export const readlink = promised(readlinkSync) as unknown as Fsp['readlink'];

const real = (): Fsp => process.getBuiltinModule('node:fs/promises');

// Writes: the real module, loaded on first use.
export const rm: Fsp['rm'] = (...args) => real().rm(...args);
export const mkdir = ((...args: Parameters<Fsp['mkdir']>) => real().mkdir(...args)) as Fsp['mkdir'];
export const open: Fsp['open'] = (...args) => real().open(...args);
export const rename: Fsp['rename'] = (...args) => real().rename(...args);
export const unlink: Fsp['unlink'] = (...args) => real().unlink(...args);
