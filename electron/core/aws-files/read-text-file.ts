// Reads a file the user may have broken or locked down, with one sentence when it cannot be read.
import { readFile } from 'node:fs/promises';
import { fileSystemError, SsoTrayError } from '../errors.js';
import { fileLabel } from './file-label.js';

/** The file's text, or undefined when it does not exist. */
export async function readTextFile(file: string, homeDir?: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw fileSystemError(error, fileLabel(file, homeDir), 'read');
  }
}

/** How a file's bytes were decoded: UTF-8 when they are valid UTF-8, else Latin-1, which maps every byte to itself. */
export type ByteEncoding = 'utf8' | 'latin1';

export interface DecodedText {
  text: string;
  encoding: ByteEncoding;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes as text that encodeText turns back into exactly the same bytes, whatever their encoding. */
function decodeBytes(bytes: Uint8Array): DecodedText {
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf8' };
  } catch {
    return { text: Buffer.from(bytes).toString('latin1'), encoding: 'latin1' };
  }
}

/** The file's bytes as lossless text (see decodeBytes), or undefined when it does not exist. */
export async function readLosslessText(file: string, homeDir?: string): Promise<DecodedText | undefined> {
  try {
    return decodeBytes(await readFile(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fileSystemError(error, fileLabel(file, homeDir), 'read');
  }
}

/** Text back to bytes in the encoding it was read with; a character Latin-1 cannot hold is refused, never mangled. */
export function encodeText(text: string, encoding: ByteEncoding, label: string): Buffer {
  if (encoding === 'latin1' && /[^\p{ASCII}\u0080-\u00ff]/u.test(text))
    throw new SsoTrayError(
      'invalid-input',
      `${label} is not UTF-8, so SSO Tray can only add plain ASCII text to it; save it as UTF-8 or use ASCII names.`,
    );
  return Buffer.from(text, encoding);
}
