// Reads an AWS INI file line by line exactly as @smithy/shared-ini-file-loader's parseIni does, keeping every byte.
import { SsoTrayError } from '../errors.js';

export type LineEnding = '' | '\n' | '\r\n';

/** One physical line: its text without the ending, and the ending itself ('' only for a last line without one). */
export interface IniLine {
  text: string;
  eol: LineEnding;
}

export type LineKind =
  | { kind: 'blank' }
  | { kind: 'comment' }
  | { kind: 'header'; name: string }
  | { kind: 'key'; name: string; value: string }
  // `key: value` or `key #x= y`: read by botocore's ConfigParser, ignored by the JS SDK; never ours.
  | { kind: 'foreign-option' }
  // An indented line without `=`: ConfigParser appends it to the previous value; the SDK ignores it.
  | { kind: 'continuation' }
  | { kind: 'invalid' };

// The SDK's section-name pattern: `prefix name`, the name optionally quoted.
const PREFIXED_NAME = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;
const RESERVED_NAMES = new Set(['__proto__', 'profile __proto__']);

/** Splits on \n and \r\n like the SDK, remembering each line's own ending so the text can be rebuilt byte for byte. */
export function splitLines(text: string): IniLine[] {
  const lines: IniLine[] = [];
  const pattern = /\r?\n/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push({ text: text.slice(start, match.index), eol: match[0] as LineEnding });
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

export function joinLines(lines: readonly IniLine[]): string {
  let text = '';
  for (const line of lines) text += line.text + line.eol;
  return text;
}

/** What the SDK keeps of a line: everything before a `#`/`;` that starts the line or follows whitespace, trimmed. */
function sdkContent(text: string): string {
  return (text.split(/(^|\s)[;#]/)[0] ?? '').trim();
}

export function isIndented(text: string): boolean {
  return text.trimStart() !== text;
}

export function classifyLine(text: string): LineKind {
  const content = sdkContent(text);
  if (content === '') return text.trim() === '' ? { kind: 'blank' } : { kind: 'comment' };
  if (content.startsWith('[') && content.endsWith(']')) {
    const name = content.slice(1, -1);
    return name === '' ? { kind: 'invalid' } : { kind: 'header', name };
  }
  const equals = content.indexOf('=');
  if (equals > 0) {
    return {
      kind: 'key',
      name: content.slice(0, equals).trim(),
      value: content.slice(equals + 1).trim(),
    };
  }
  if (isIndented(text)) return { kind: 'continuation' };
  if (/^[^=:]*[^\s=:][^=:]*[=:]/.test(text.trim())) return { kind: 'foreign-option' };
  return { kind: 'invalid' };
}

/** The name the SDK files a section under, so `[profile "dev"]` and `[profile dev]` are one section. */
export function canonicalSectionName(name: string): string {
  const match = PREFIXED_NAME.exec(name);
  return match ? `${match[1]} ${match[3]}` : name;
}

export function isReservedSectionName(name: string): boolean {
  return RESERVED_NAMES.has(name);
}

export function unreadableLine(fileLabel: string, lineNumber: number, problem: string): SsoTrayError {
  return new SsoTrayError(
    'file-unreadable',
    `${fileLabel} cannot be read: line ${lineNumber} ${problem}. Fix or remove that line, then try again.`,
  );
}

export const LINE_PROBLEMS = {
  invalid: 'is neither a [section], a key = value, nor a comment',
  beforeSection: 'comes before the first [section]',
  reserved: 'names a section the AWS SDK refuses to read',
} as const;
