// Things SSO Tray did to a user's file that the user should hear about once (a mode it tightened); the CLI prints
// them on stderr and the app shows them, so the aws-files code needs no knowledge of either.
import { EventEmitter } from 'node:events';
import { fileLabel } from './file-label.js';

export const fileNotices = new EventEmitter<{ notice: [sentence: string] }>();

/** One sentence about a file whose mode was wider than 0600 and is now 0600 (the AWS CLI warns about wider ones). */
function modeTightenedSentence(file: string, fromMode: number, homeDir?: string): string {
  const mode = `0${(fromMode & 0o777).toString(8).padStart(3, '0')}`;
  return `${fileLabel(file, homeDir)} was readable or writable by other users (mode ${mode}); SSO Tray set it to 0600, as the AWS CLI expects.`;
}

export function noticeModeTightened(file: string, fromMode: number): void {
  fileNotices.emit('notice', modeTightenedSentence(file, fromMode));
}
