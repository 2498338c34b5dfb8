// The generated profiles of one sso-session live between two marker comments in ~/.aws/config: what is between them
// is SSO Tray's to rewrite and prune (aws-sso-cli's "managed block" pattern); every byte outside them is the user's.
import { SsoTrayError } from '../errors.js';
import type { IniLine } from '../aws-files/ini-lines.js';

const BEGIN = '# >>> sso-tray config sync';
const END = '# <<< sso-tray config sync';

export function beginMarker(session: string): string {
  return `${BEGIN} [${session}] >>> profiles for every role; edit the template, not these sections`;
}

export function endMarker(session: string): string {
  return `${END} [${session}] <<<`;
}

/** Line indexes of the markers: the block is (begin, end) exclusive. */
export interface BlockSpan {
  begin: number;
  end: number;
}

const markerSession = (text: string, prefix: string): string | undefined => {
  const trimmed = text.trim();
  if (!trimmed.startsWith(`${prefix} [`)) return undefined;
  return /^\[([^\]]*)\]/.exec(trimmed.slice(prefix.length + 1))?.[1];
};

/** The session's block, or undefined; a half block or a second one is refused, as the user's edit is unclear. */
export function findBlock(lines: readonly IniLine[], session: string, label: string): BlockSpan | undefined {
  let begin: number | undefined;
  let found: BlockSpan | undefined;
  const broken = (index: number, problem: string) =>
    new SsoTrayError(
      'file-unreadable',
      `${label} line ${index + 1} ${problem} for the session "${session}"; fix or remove the marker comments of that block, then sync again.`,
    );
  lines.forEach((line, index) => {
    if (markerSession(line.text, BEGIN) === session) {
      if (begin !== undefined || found) throw broken(index, 'starts a second block of generated profiles');
      begin = index;
    } else if (markerSession(line.text, END) === session) {
      if (begin === undefined) throw broken(index, 'ends a block of generated profiles that never started');
      found = { begin, end: index };
      begin = undefined;
    }
  });
  if (begin !== undefined) throw broken(begin, 'starts a block of generated profiles that never ends');
  return found;
}
