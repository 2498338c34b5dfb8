// Replacement that leaves the old or the new file, never a part, and never writes through a link an attacker placed.
// Hand-written: write-file-atomic opens its guessable temp name with 'w' (follows a symlink there, takes an existing
// file) and sets the mode only after the secrets are in it; we need O_CREAT|O_EXCL|O_NOFOLLOW at 0600 from byte one.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import {
  lstat,
  mkdir,
  open,
  type FileHandle,
  readdir,
  readlink,
  realpath,
  rename,
  stat,
  unlink,
} from 'node:fs/promises';
import path from 'node:path';
import { fileSystemError } from '../errors.js';
import { fileLabel } from './file-label.js';
import { noticeModeTightened } from './file-notices.js';
import { trackWrite } from './writes-in-flight.js';

export interface AtomicWriteOptions {
  /** Mode of a new file (default 0600); an existing file keeps its own, narrowed to at most 0600. */
  defaultMode?: number;
  /** Mode to set whatever the file had (token caches: always 0600). */
  mode?: number;
  /** Called when an existing file was open to others and is now at most 0600 (default: one fileNotices sentence). */
  onModeTightened?: (fromMode: number) => void;
}

const TEMP_INFIX = '.sso-tray-';
const TEMP_SUFFIX = '.tmp';
// O_NOFOLLOW is 0 where the platform has none (Windows); O_EXCL alone already refuses any existing entry.
const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * The file a write should land in: symlinks followed (a dangling one to where it points), folders made real, so
 * that `~/.aws/credentials` reached through a link and through its target is one file with one lock.
 */
export async function writeTarget(file: string): Promise<string> {
  let current = path.resolve(file);
  for (let hops = 0; hops < 40; hops += 1) {
    const info = await lstat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (!info?.isSymbolicLink())
      return path.join(await realFolder(path.dirname(current)), path.basename(current));
    current = path.resolve(path.dirname(current), await readlink(current));
  }
  throw Object.assign(new Error(`Too many symbolic links: ${file}`), { code: 'ELOOP' });
}

async function realFolder(folder: string): Promise<string> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  return realpath(folder);
}

/** Temp file beside the real target, exclusive and 0600, fsync, rename over it, then fsync of the folder. */
export async function writeFileAtomic(
  file: string,
  data: string | Buffer,
  options: AtomicWriteOptions = {},
): Promise<void> {
  await trackWrite(
    replaceFile(file, data, options).catch((error: unknown) => {
      throw fileSystemError(error, fileLabel(file), 'write');
    }),
  );
}

async function replaceFile(file: string, data: string | Buffer, options: AtomicWriteOptions): Promise<void> {
  const target = await writeTarget(file);
  const folder = path.dirname(target);
  const existing = await stat(target).catch(() => undefined);
  const mode = options.mode ?? (existing ? existing.mode & 0o600 : (options.defaultMode ?? 0o600));
  if (existing && options.mode === undefined && existing.mode & 0o177 & ~mode)
    (options.onModeTightened ?? ((from) => noticeModeTightened(file, from)))(existing.mode & 0o777);
  await removeStaleTemps(target);
  const temp = `${target}${TEMP_INFIX}${process.pid}-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
  const handle = await createExclusive(temp);
  try {
    await handle.writeFile(data);
    // The umask may have narrowed 0600 further; a forced or kept mode is set before anything can see the name.
    if (mode !== 0o600) await handle.chmod(mode);
    if (existing && process.getuid?.() === 0) await handle.chown(existing.uid, existing.gid);
    await handle.sync();
    await handle.close();
    await rename(temp, target);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}

/** A new file at exactly this name, 0600 from its creation; an existing file or a symlink there is refused (EEXIST). */
export function createExclusive(file: string): Promise<FileHandle> {
  return open(file, EXCLUSIVE, 0o600);
}

/**
 * Temp files of this target left by an SSO Tray writer that died: exactly our own name, with a pid that is gone.
 * Nothing else is taken: write-file-atomic 7's temps (`credentials.<uint32 in decimal>`) cannot be told from a
 * user's `cp credentials credentials.$(date +%s)`, so they are left alone. Called under the file's lock.
 */
export async function removeStaleTemps(target: string): Promise<number> {
  const base = path.basename(target);
  const folder = path.dirname(target);
  const names = await readdir(folder).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(`${base}.`) || !isDeadWritersTemp(name.slice(base.length))) continue;
    const entry = path.join(folder, name);
    const info = await lstat(entry).catch(() => undefined);
    if (!info?.isFile()) continue;
    if (
      await unlink(entry).then(
        () => true,
        () => false,
      )
    )
      removed += 1;
  }
  return removed;
}

function isDeadWritersTemp(suffix: string): boolean {
  const ours = /^\.sso-tray-(\d+)-[0-9a-f]{12}\.tmp$/.exec(suffix);
  return ours !== null && !isAlive(Number(ours[1]));
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Makes the rename itself durable; some platforms cannot open a folder, and lose nothing but that. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
