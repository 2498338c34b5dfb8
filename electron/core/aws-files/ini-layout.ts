// Groups the lines of an AWS INI file into sections and entries, with the keys the JS SDK reads from each.
import {
  LINE_PROBLEMS,
  canonicalSectionName,
  classifyLine,
  isIndented,
  isReservedSectionName,
  unreadableLine,
  type IniLine,
} from './ini-lines.js';

/** A top-level key line with the lines it owns: `[services]`-style children and continuation lines. */
interface Entry {
  /** The key as the SDK names it; undefined for a line only botocore reads (`key: value`). */
  name: string | undefined;
  /** The option as botocore's ConfigParser names it: up to the first = or :, lowercased (`Region: x` is `region`). */
  option: string;
  /** Line indexes [start, end). */
  start: number;
  end: number;
  /** What the SDK stores from these lines, children as `parent.child`. */
  keys: Array<[string, string]>;
  /** One unindented `key = value` line with nothing under it: safe to keep byte for byte. */
  plain: boolean;
  value: string | undefined;
}

export interface SectionSpan {
  /** As written between the brackets. */
  name: string;
  canonical: string;
  header: number;
  /** The next header, or the end of the file. */
  end: number;
  entries: Entry[];
}

/** Reads the lines as the SDK does; throws SsoTrayError('file-unreadable') naming the first line nobody can read. */
export function layoutLines(lines: readonly IniLine[], fileLabel: string): SectionSpan[] {
  const sections: SectionSpan[] = [];
  let current: SectionSpan | undefined;
  let last: Entry | undefined;
  let sub: string | undefined;
  const addEntry = (entry: Omit<Entry, 'option'>, text: string): void => {
    const full = { ...entry, option: botocoreOption(text) };
    current?.entries.push(full);
    last = full;
  };
  lines.forEach((line, index) => {
    const kind = classifyLine(line.text);
    if (kind.kind === 'blank' || kind.kind === 'comment') return;
    if (kind.kind === 'invalid') throw unreadableLine(fileLabel, index + 1, LINE_PROBLEMS.invalid);
    if (kind.kind === 'header') {
      if (isReservedSectionName(kind.name))
        throw unreadableLine(fileLabel, index + 1, LINE_PROBLEMS.reserved);
      if (current) current.end = index;
      current = {
        name: kind.name,
        canonical: canonicalSectionName(kind.name),
        header: index,
        end: 0,
        entries: [],
      };
      sections.push(current);
      last = undefined;
      sub = undefined;
      return;
    }
    if (!current) throw unreadableLine(fileLabel, index + 1, LINE_PROBLEMS.beforeSection);
    const single = { start: index, end: index + 1 };
    if (kind.kind === 'key') {
      if (kind.value === '') {
        sub = kind.name;
        addEntry({ name: kind.name, ...single, keys: [], plain: false, value: '' }, line.text);
      } else if (sub && isIndented(line.text) && last) {
        last.end = index + 1;
        last.keys.push([`${sub}.${kind.name}`, kind.value]);
      } else {
        sub = undefined;
        const plain = !isIndented(line.text);
        addEntry(
          { name: kind.name, ...single, keys: [[kind.name, kind.value]], plain, value: kind.value },
          line.text,
        );
      }
      return;
    }
    // The SDK skips these lines without leaving a sub-section, so inside one they belong to its owner.
    if (kind.kind === 'foreign-option' && !sub) {
      addEntry({ name: undefined, ...single, keys: [], plain: false, value: undefined }, line.text);
      return;
    }
    if (!last) throw unreadableLine(fileLabel, index + 1, LINE_PROBLEMS.invalid);
    last.end = index + 1;
    last.plain = false;
  });
  if (current) current.end = lines.length;
  return sections;
}

/** The SDK's view of every section with this canonical name, later duplicates winning as in the SDK. */
export function mergedKeys(sections: readonly SectionSpan[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const section of sections)
    for (const entry of section.entries) for (const [k, v] of entry.keys) keys.set(k, v);
  return keys;
}

/** Where a section's own lines stop: after its last entry (comments and blank lines below belong to what follows). */
export function bodyEnd(section: SectionSpan): number {
  return section.entries.at(-1)?.end ?? section.header + 1;
}

/** ConfigParser's OPTCRE with optionxform = str.lower: `(?P<option>.*?)\s*[=:]`, so keys differing in case are one. */
export function botocoreOption(text: string): string {
  const trimmed = text.trim();
  const separator = trimmed.search(/[=:]/);
  return (separator < 0 ? trimmed : trimmed.slice(0, separator).trimEnd()).toLowerCase();
}
