import { describe, expect, it } from 'vitest';
import { fileSystemError, SsoTrayError } from './errors.js';

const errno = (code: string) => Object.assign(new Error(`${code}: raw detail /secret/path`), { code });

describe('file-system errors are one sentence naming the file and the fix', () => {
  it.each([
    [
      'EROFS',
      'write',
      '~/.aws/config cannot be written: it is on a read-only file system; make that folder writable or point AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE elsewhere.',
    ],
    [
      'EACCES',
      'write',
      '~/.aws/config cannot be written: permission denied; make it and its folder writable by you (for example chmod u+rw).',
    ],
    [
      'EACCES',
      'read',
      '~/.aws/config cannot be read: permission denied; make it and its folder readable by you (for example chmod u+rw).',
    ],
    ['ENOSPC', 'write', '~/.aws/config cannot be written: the disk is full; free some space and try again.'],
    ['EISDIR', 'read', '~/.aws/config is a folder, not a file; move it out of the way and try again.'],
    [
      'EWHATEVER',
      'lock',
      '~/.aws/config cannot be locked for writing (EWHATEVER); check that it is a file you may read and write, then try again.',
    ],
  ] as const)('%s on %s', (code, action, sentence) => {
    const cause = errno(code);
    const error = fileSystemError(cause, '~/.aws/config', action);
    expect(error).toMatchObject({
      code: action === 'read' ? 'file-unreadable' : 'file-unwritable',
      message: sentence,
    });
    // The raw error stays as the cause (printed with SSO_TRAY_DEBUG=1), never in the message or across IPC.
    expect(error.cause).toBe(cause);
    expect(JSON.stringify(error)).not.toContain('/secret/path');
  });

  it('an errno named like an object key gets the general sentence', () => {
    expect(fileSystemError(errno('toString'), 'x', 'read').message).toBe(
      'x cannot be read (toString); check that it is a file you may read and write, then try again.',
    );
  });

  it('passes an SsoTrayError through unchanged', () => {
    const busy = new SsoTrayError('file-busy', 'busy.');
    expect(fileSystemError(busy, 'x', 'write')).toBe(busy);
  });
});
