// A lossless model of ~/.aws/config and ~/.aws/credentials: edits touch only the lines of the section edited.
// Hand-written: no INI library on npm keeps comments, spacing, line endings and duplicates byte for byte.
import { SsoTrayError } from '../errors.js';
import { checkWritableEntries } from './ini-entry-check.js';
import { bodyEnd, layoutLines, mergedKeys, type SectionSpan } from './ini-layout.js';
import { canonicalSectionName, joinLines, splitLines, type IniLine, type LineEnding } from './ini-lines.js';
import { keepHeadersReadAsHeaders, refuseContinuedHeaders } from './ini-header-indent.js';
import { rewriteSpans } from './ini-rewrite.js';

export class IniDocument {
  private sections: SectionSpan[];

  private constructor(
    private lines: IniLine[],
    private readonly fileLabel: string,
  ) {
    this.sections = layoutLines(lines, fileLabel);
  }

  /** Throws SsoTrayError('file-unreadable') naming the first line neither the SDK nor the CLI can read. */
  static parse(text: string, fileLabel: string): IniDocument {
    return new IniDocument(splitLines(text), fileLabel);
  }

  toString(): string {
    return joinLines(this.lines);
  }

  /** Section names as written between the brackets, each once, in file order. */
  sectionNames(): string[] {
    return [...new Set(this.sections.map((s) => s.name))];
  }

  hasSection(name: string): boolean {
    return this.matching(name).length > 0;
  }

  /** The keys as the JS SDK reads them (duplicate sections merged, sub-section keys as `parent.child`). */
  getSection(name: string): Record<string, string> | undefined {
    const spans = this.matching(name);
    return spans.length ? Object.fromEntries(mergedKeys(spans)) : undefined;
  }

  /**
   * Makes the section hold exactly these keys: unchanged lines stay byte for byte, changed ones are rewritten in
   * place, new ones go after the last key; comments stay. A missing section is appended after one blank line.
   * Later duplicates of the section are removed so that the SDK reads these values.
   */
  setSection(name: string, entries: Array<[string, string]>): void {
    checkWritableEntries(name, entries, this.fileLabel);
    const spans = this.editable(name);
    if (spans.length === 0) return this.append(name, entries);
    for (const span of spans.slice(1).reverse()) this.removeSpan(span);
    this.rewrite(name, new Map(entries), () => true);
  }

  /** Sets some keys and removes others, leaving the section's other keys as they are. */
  updateSection(name: string, set: Array<[string, string]>, remove: string[] = []): void {
    checkWritableEntries(name, set, this.fileLabel);
    if (!this.hasSection(name)) return set.length ? this.append(name, set) : undefined;
    const removed = new Set(remove.map((key) => key.toLowerCase()));
    this.rewrite(name, new Map(set), (option) => removed.has(option));
  }

  /** Removes every section of this name: header, keys and one separating blank line; comments below stay. */
  removeSection(name: string): void {
    for (const span of this.editable(name).reverse()) this.removeSpan(span);
  }

  private matching(name: string): SectionSpan[] {
    const canonical = canonicalSectionName(name);
    return this.sections.filter((s) => s.canonical === canonical);
  }

  /**
   * The spans an edit changes, refused when the AWS CLI reads one of their headers, or the header just below one, as
   * part of a value: the two would no longer agree on where the section starts or ends.
   */
  private editable(name: string): SectionSpan[] {
    const spans = this.matching(name);
    refuseContinuedHeaders(
      this.lines,
      spans.flatMap((s) => [s.header, s.end]),
      this.fileLabel,
    );
    return spans;
  }

  private eol(): Exclude<LineEnding, ''> {
    return this.lines.find((l) => l.eol !== '')?.eol === '\r\n' ? '\r\n' : '\n';
  }

  private append(name: string, entries: Array<[string, string]>): void {
    const eol = this.eol();
    const endedWithNewline = this.lines.at(-1)?.eol !== '';
    const lines: IniLine[] = this.lines.map((l) => ({ ...l }));
    const last = lines.at(-1);
    // Exactly one blank line between sections, and one of our own, so removing the section gives back the very
    // bytes: before the section, or (when the file already ends in a blank line) after it.
    const endsBlank = endedWithNewline && last !== undefined && last.text.trim() === '';
    if (last && !endsBlank) {
      last.eol ||= eol;
      lines.push({ text: '', eol });
    }
    lines.push({ text: `[${name}]`, eol }, ...entries.map(([k, v]) => ({ text: `${k} = ${v}`, eol })));
    if (endsBlank) lines.push({ text: '', eol });
    this.commit(lines, endedWithNewline);
  }

  private removeSpan(span: SectionSpan): void {
    let start = span.header;
    let end = bodyEnd(span);
    const blank = (index: number) => {
      const line = this.lines[index];
      return line !== undefined && line.text.trim() === '';
    };
    if (blank(end)) end += 1;
    else if (blank(start - 1)) start -= 1;
    const endedWithNewline = this.lines.at(-1)?.eol !== '';
    this.commit([...this.lines.slice(0, start), ...this.lines.slice(end)], endedWithNewline);
  }

  /** Rewrites the entries of every span of `name`: set keys in place (or after the last key), `drop` ones removed. */
  private rewrite(name: string, set: Map<string, string>, drop: (option: string) => boolean): void {
    const endedWithNewline = this.lines.at(-1)?.eol !== '';
    const { lines, expected } = rewriteSpans(this.lines, this.editable(name), set, drop, this.eol());
    // A safety net: the SDK must read exactly what was asked, or the document stays as it was.
    this.commit(lines, endedWithNewline, (sections) => {
      const canonical = canonicalSectionName(name);
      const actual = mergedKeys(sections.filter((s) => s.canonical === canonical));
      return actual.size === expected.size && [...expected].every(([k, v]) => actual.get(k) === v);
    });
  }

  /** Keeps the file's choice of a final newline, gives every other line one, and re-reads the result. */
  private commit(
    lines: readonly IniLine[],
    endedWithNewline: boolean,
    readsBack: (sections: SectionSpan[]) => boolean = () => true,
  ): void {
    const eol = this.eol();
    // Without a final newline, a blank line an edit leaves last would end the text with the newline before it.
    const kept = [...lines];
    if (!endedWithNewline) while (kept.length > 1 && kept.at(-1)?.text === '') kept.pop();
    const clean = kept.map(({ text, eol: ending }, index): IniLine => ({
      text,
      eol: index === kept.length - 1 ? (endedWithNewline ? ending || eol : '') : ending || eol,
    }));
    keepHeadersReadAsHeaders(this.lines, clean);
    const sections = layoutLines(clean, this.fileLabel);
    if (!readsBack(sections))
      throw new SsoTrayError(
        'internal',
        `SSO Tray could not edit ${this.fileLabel} safely, so it left the file as it was.`,
      );
    this.sections = sections;
    this.lines = clean;
  }
}
