// The new lines of a section whose keys are set or dropped: unchanged lines byte for byte, changed ones in place.
import { bodyEnd, type SectionSpan } from './ini-layout.js';
import { classifyLine, isIndented, type IniLine, type LineEnding } from './ini-lines.js';

interface NewLine extends IniLine {
  /** A kept top-level key line whose meaning must not change when lines above it go. */
  topLevel?: boolean;
}

export interface Rewritten {
  lines: IniLine[];
  /** The keys the SDK must read from the section afterwards, so the edit can be checked before it is kept. */
  expected: Map<string, string>;
}

/**
 * Rewrites the entries of every span of one section: set keys in place (or after the first span's last key), `drop`
 * ones removed, every other line as it was.
 */
export function rewriteSpans(
  lines: readonly IniLine[],
  spans: readonly SectionSpan[],
  set: Map<string, string>,
  drop: (option: string) => boolean,
  eol: Exclude<LineEnding, ''>,
): Rewritten {
  const placed = new Set<string>();
  const expected = new Map<string, string>();
  const skip = new Map<number, { end: number; replacement?: NewLine }>();
  const topLevel = new Set<number>();
  // botocore compares options lowercased and reads `key: value` too: every such line of a key we set is that key.
  const setKeys = new Map([...set.keys()].map((k) => [k.toLowerCase(), k]));
  for (const span of spans) {
    for (const entry of span.entries) {
      const key = setKeys.get(entry.option);
      const endEol = lines[entry.end - 1]?.eol ?? eol;
      if (key !== undefined && !placed.has(key)) {
        placed.add(key);
        const value = set.get(key) ?? '';
        if (entry.plain && entry.name === key && entry.value === value) topLevel.add(entry.start);
        else
          skip.set(entry.start, {
            end: entry.end,
            replacement: { text: `${key} = ${value}`, eol: endEol },
          });
      } else if (key !== undefined || drop(entry.option)) {
        skip.set(entry.start, { end: entry.end });
      } else {
        topLevel.add(entry.start);
        for (const [k, v] of entry.keys) expected.set(k, v);
      }
    }
  }
  for (const [k, v] of set) expected.set(k, v);
  const first = spans[0];
  const insertAfter = first ? bodyEnd(first) - 1 : -1;
  const inserted = [...set].filter(([k]) => !placed.has(k)).map(([k, v]) => ({ text: `${k} = ${v}`, eol }));
  const out: NewLine[] = [];
  for (let index = 0; index < lines.length;) {
    const cut = skip.get(index);
    if (cut) {
      if (cut.replacement) out.push(cut.replacement);
      if (cut.end - 1 >= insertAfter && index <= insertAfter) out.push(...inserted);
      index = cut.end;
      continue;
    }
    const line = lines[index] as IniLine;
    out.push({ ...line, ...(topLevel.has(index) ? { topLevel: true } : {}) });
    if (index === insertAfter) {
      const last = out.at(-1) as NewLine;
      if (inserted.length && last.eol === '') last.eol = eol;
      out.push(...inserted);
    }
    index += 1;
  }
  keepTopLevel(out);
  return { lines: out, expected };
}

/** An indented top-level key that now follows a sub-section would become its child: unindent it. */
function keepTopLevel(lines: NewLine[]): void {
  let sub = false;
  for (const line of lines) {
    const kind = classifyLine(line.text);
    if (kind.kind === 'header') sub = false;
    if (kind.kind !== 'key') continue;
    if (kind.value === '') sub = true;
    else if (!isIndented(line.text)) sub = false;
    else if (sub && line.topLevel) {
      line.text = line.text.trimStart();
      sub = false;
    }
  }
}
