// How the command speaks: data on stdout, messages on stderr, errors as one line.
import { SsoTrayError, isSsoTrayError } from '../core/public.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { cliSentence } from './next-step-words.js';
import { printable } from '../../shared/printable-text.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** stderr is a terminal: progress may redraw a line. */
  interactive: boolean;
}

/**
 * A reader that stops early (`sso-tray accounts | head`) closes the pipe: what is left to print is dropped and the
 * command ends as it would have, with its own exit code, instead of dying on an unhandled EPIPE.
 */
function whilePipeOpen(stream: NodeJS.WriteStream): (text: string) => void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return (text) => {
    if (!stream.destroyed) stream.write(text);
  };
}

export const processIo: Io = {
  out: whilePipeOpen(process.stdout),
  err: whilePipeOpen(process.stderr),
  interactive: Boolean(process.stderr.isTTY),
};

// commander puts its own "(Did you mean …?)" on a line of its own: https://github.com/tj/commander.js/blob/master/lib/suggestSimilar.js
const SUGGESTION = /\n(\(Did you mean [^\n]*\?\))$/;

/** A message of commander's (an unknown option, a missing argument) echoing what was typed: one line, controls escaped. */
export function oneLine(text: string): string {
  const line = text.replace(/\n$/, '');
  const suggestion = SUGGESTION.exec(line);
  if (!suggestion) return `${printable(line)}\n`;
  return `${printable(line.slice(0, suggestion.index))} ${printable(suggestion[1] ?? '')}\n`;
}

/** A thrown error as the user sees it; returns the exit code. Unknown errors never show their details. */
export function reportError(io: Io, error: unknown): number {
  if (isSsoTrayError(error)) {
    io.err(`sso-tray: ${cliSentence(error)}\n`);
    // The underlying error (an errno, a service answer) only when asked for: it may name internals.
    if (process.env.SSO_TRAY_DEBUG === '1' && error.cause !== undefined)
      io.err(`cause: ${describeCause(error.cause)}\n`);
    return exitCodeFor(error.code);
  }
  io.err(
    `sso-tray: ${new SsoTrayError('internal', 'something went wrong inside sso-tray; try again, and report it if it persists.').message}\n`,
  );
  if (process.env.SSO_TRAY_DEBUG === '1' && error instanceof Error) io.err(`${error.stack}\n`);
  return EXIT.failed;
}

function describeCause(cause: unknown): string {
  return cause instanceof Error ? (cause.stack ?? `${cause.name}: ${cause.message}`) : String(cause);
}

// A character outside printable ASCII: a cell without one takes as many terminal columns as it has characters.
const NOT_PLAIN = /[^\x20-\x7e]/;

/**
 * Columns padded to the widest cell in terminal columns (a CJK character or an emoji takes two, a combining mark none:
 * https://github.com/sindresorhus/string-width), not in UTF-16 code units; the last column is not padded.
 * string-width loads only for a table with a cell beyond printable ASCII: its grapheme segmenter and emoji patterns
 * take tens of milliseconds to set up, and for printable ASCII it answers the length itself (its own fast path).
 */
export async function table(header: string[], rows: string[][]): Promise<string> {
  const plain = ![header, ...rows].some((cells) => cells.some((cell) => NOT_PLAIN.test(cell)));
  const width = plain ? (cell: string) => cell.length : (await import('string-width')).default;
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const pad = (cell: string, size: number) => cell + ' '.repeat(Math.max(0, size - width(cell)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : pad(cell, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** "in 7h 59m", "in 12m", "expired" — for people; scripts use --json. */
export function timeLeft(iso: string | undefined, now: number): string {
  if (!iso) return '-';
  const ms = Date.parse(iso) - now;
  if (!(ms > 0)) return 'expired';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `in ${minutes}m`;
  return `in ${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}
