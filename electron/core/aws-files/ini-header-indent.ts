// Python's ConfigParser (botocore, so the AWS CLI) reads an indented line below a key as more of that key's value,
// where the JS SDK reads an indented `[header]` as a header: an edit must not turn a header into such a continuation.
import { unreadableLine, type IniLine } from './ini-lines.js';

/** ConfigParser's SECTCRE, matched on the stripped line. */
const HEADER = /^\[.+\]/;

interface Reading {
  line: IniLine;
  /** The header's text and how many identical header lines come before it: the same header before and after an edit. */
  id: string;
  continued: boolean;
}

/** Every header line, and whether ConfigParser reads it as a continuation of the key above it. */
function readHeaders(lines: readonly IniLine[], unindent?: (reading: Reading) => boolean): Reading[] {
  const readings: Reading[] = [];
  const seen = new Map<string, number>();
  let inKey = false;
  let keyIndent = 0;
  for (const line of lines) {
    const value = line.text.trim();
    // With empty_lines_in_values (the default), blank and comment lines end no value.
    if (value === '' || value.startsWith('#') || value.startsWith(';')) continue;
    let indent = line.text.length - line.text.trimStart().length;
    const header = HEADER.test(value);
    const continued = inKey && indent > keyIndent;
    if (header) {
      const count = seen.get(line.text) ?? 0;
      seen.set(line.text, count + 1);
      const reading = { line, id: `${count}:${line.text}`, continued };
      readings.push(reading);
      if (continued && unindent?.(reading)) {
        line.text = line.text.trimStart();
        indent = 0;
      } else if (continued) continue;
    } else if (continued) continue;
    keyIndent = indent;
    inKey = !header;
  }
  return readings;
}

/**
 * Unindents each header of `after` that ConfigParser would read as a continuation although it read it as a header in
 * `before` (a key written just above it, or the lines between removed). Headers it already read as continuations in
 * the user's file stay as they are: they are someone else's, and how botocore reads them is not ours to change.
 */
export function keepHeadersReadAsHeaders(before: readonly IniLine[], after: IniLine[]): void {
  const already = new Set(
    readHeaders(before)
      .filter((r) => r.continued)
      .map((r) => r.id),
  );
  readHeaders(after, (reading) => !already.has(reading.id));
}

/**
 * Refuses to edit a section whose header ConfigParser already reads as more of the value above it: the SDK and the
 * AWS CLI disagree about whose lines those are, and any edit there would change a profile the user owns.
 */
export function refuseContinuedHeaders(
  lines: readonly IniLine[],
  headers: number[],
  fileLabel: string,
): void {
  const continued = new Set(
    readHeaders(lines)
      .filter((r) => r.continued)
      .map((r) => r.line),
  );
  const first = headers.find((index) => continued.has(lines[index] as IniLine));
  if (first !== undefined)
    throw unreadableLine(
      fileLabel,
      first + 1,
      'is a section to the AWS SDKs but part of the value above it to the AWS CLI (remove the spaces before its "[")',
    );
}
