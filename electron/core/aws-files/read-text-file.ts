// Reads a file the user may have broken or locked down, with one sentence when it cannot be read.
import { readFile } from 'node:fs/promises';
import { SsoTrayError } from '../errors.js';
import { fileLabel } from './file-label.js';

/** The file's text, or undefined when it does not exist. */
export async function readTextFile(file: string, homeDir?: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new SsoTrayError(
      'file-unreadable',
      `${fileLabel(file, homeDir)} cannot be read (${code ?? 'unknown error'}); check that it is a file you may read and write.`,
      { cause: error },
    );
  }
}
