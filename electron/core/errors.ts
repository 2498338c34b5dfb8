// Every failure a user can meet is one SsoTrayError: a code for programs, the problem in one sentence for people, and
// what to do next as data (next-step.ts), which each front end words in its own terms.
import { printable } from '../../shared/printable-text.js';
import type { NextStep, Problem } from './next-step.js';

export type ErrorCode =
  | 'sign-in-needed' // no usable token: never signed in, signed out, or the session ended
  | 'session-ended' // the token expired or was revoked and could not be refreshed
  | 'sign-in-cancelled' // the user denied the request in the browser, or the app cancelled it
  | 'sign-in-timed-out' // the browser approval or device code was not completed in time
  | 'sign-in-failed' // the service rejected the sign-in (bad state, verifier, client)
  | 'wrong-region' // the token is not valid in the region asked
  | 'not-assigned' // the account or permission set is not assigned to the user
  | 'not-found' // an account, role, session or profile the user named does not exist
  | 'throttled' // Identity Center kept throttling after the retries
  | 'network' // Identity Center could not be reached
  | 'service' // Identity Center answered with a server error after the retries
  | 'file-unreadable' // a file (config, credentials, cache) could not be read or parsed
  | 'file-unwritable' // a file or its folder could not be written (permissions, read-only disk, full disk)
  | 'file-busy' // another writer held the lock for too long
  | 'foreign-profile' // a profile exists that SSO Tray did not write
  | 'invalid-input' // the caller asked for something that cannot be done
  | 'internal';

export class SsoTrayError extends Error {
  override readonly name = 'SsoTrayError';
  /** What the user can do about it; the front end that shows the message words it (a command, a button, a menu item). */
  readonly next: NextStep | undefined;

  constructor(
    readonly code: ErrorCode,
    /** The problem: a sentence, or a sentence with its next step (the `sentences` of service-errors.ts). */
    problem: string | Problem,
    options?: { cause?: unknown; next?: NextStep | undefined },
  ) {
    const said = typeof problem === 'string' ? { message: problem } : problem;
    // Whatever a sentence echoes (an argument, a file's line, a service's words) stays on one line, controls escaped.
    super(printable(said.message), options?.cause === undefined ? undefined : { cause: options.cause });
    this.next = options?.next ?? said.next;
  }

  /** What crosses IPC or a CLI boundary: never the cause, which may carry service details. */
  toJSON(): { code: ErrorCode; message: string; next?: NextStep } {
    return { code: this.code, message: this.message, ...(this.next ? { next: this.next } : {}) };
  }

  /** The problem and its next step, as events and session views carry them. */
  problem(): Problem {
    return { message: this.message, ...(this.next ? { next: this.next } : {}) };
  }
}

export function isSsoTrayError(error: unknown, code?: ErrorCode): error is SsoTrayError {
  return error instanceof SsoTrayError && (code === undefined || error.code === code);
}

/** A session as users name it in sentences: "acme (us-east-1)". */
export function sessionLabel(session: { name: string; region: string }): string {
  return `${session.name} (${session.region})`;
}

type FileAction = 'read' | 'write' | 'lock';

// What to do about each file-system error a user can meet; the errno itself stays in the cause (SSO_TRAY_DEBUG=1).
const FILE_FIXES: Record<string, (label: string, action: FileAction) => string> = {
  EACCES: (label, action) =>
    `${label} cannot be ${verb(action)}: permission denied; make it and its folder ${action === 'read' ? 'readable' : 'writable'} by you (for example chmod u+rw).`,
  EPERM: (label, action) =>
    `${label} cannot be ${verb(action)}: the system does not allow it; check the file's owner and that it is not locked or immutable.`,
  EROFS: (label) =>
    `${label} cannot be written: it is on a read-only file system; make that folder writable or point AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE elsewhere.`,
  ENOSPC: (label) => `${label} cannot be written: the disk is full; free some space and try again.`,
  EDQUOT: (label) => `${label} cannot be written: your disk quota is used up; free some space and try again.`,
  EISDIR: (label) => `${label} is a folder, not a file; move it out of the way and try again.`,
  ENOTDIR: (label) =>
    `${label} cannot be reached: a part of its path is a file, not a folder; move that file out of the way.`,
  ELOOP: (label) => `${label} is a loop of symbolic links; point the link at a real file.`,
  EMFILE: (label, action) =>
    `${label} cannot be ${verb(action)}: too many files are open; close some programs and try again.`,
  EBUSY: (label, action) =>
    `${label} cannot be ${verb(action)}: another program is using it; close that program and try again.`,
};

function verb(action: FileAction): string {
  return action === 'read' ? 'read' : action === 'write' ? 'written' : 'locked for writing';
}

/**
 * One sentence for a failed read, write or lock of a file: names the file and the fix. The original error is the
 * cause (shown with SSO_TRAY_DEBUG=1), never in the message. An SsoTrayError passes through unchanged.
 */
export function fileSystemError(error: unknown, label: string, action: FileAction): SsoTrayError {
  if (error instanceof SsoTrayError) return error;
  const raw = (error as { code?: unknown } | undefined)?.code;
  const code = typeof raw === 'string' ? raw : '';
  // Own keys only: an errno named like an Object.prototype member must not find a function there.
  const fix = Object.hasOwn(FILE_FIXES, code) ? FILE_FIXES[code] : undefined;
  const message = fix
    ? fix(label, action)
    : `${label} cannot be ${verb(action)}${code ? ` (${code})` : ''}; check that it is a file you may read and write, then try again.`;
  return new SsoTrayError(action === 'read' ? 'file-unreadable' : 'file-unwritable', message, {
    cause: error,
  });
}
