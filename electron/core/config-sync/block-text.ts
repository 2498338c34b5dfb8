// The text of a session's block: each generated section as the sync writes it or as the user left it, sorted by
// name, between the markers; the rest of the file around it exactly as it was.
import { IniDocument } from '../aws-files/ini-document.js';
import type { SectionSpan } from '../aws-files/ini-layout.js';
import { joinLines, splitLines, type IniLine } from '../aws-files/ini-lines.js';
import type { DesiredProfile } from './desired-profiles.js';
import { beginMarker, endMarker, type BlockSpan } from './managed-block.js';
import { compare } from './profile-names.js';

/**
 * The section's own lines with the wanted keys set in place: keys and comments the user added stay. A section
 * holding only the sync's own keys is written afresh, so a switch of kind reads as the first sync would write it.
 */
export function rewrite(
  own: IniLine[],
  current: SectionSpan[],
  want: DesiredProfile,
  managed: string[],
  label: string,
  eol: IniLine['eol'],
): IniLine[] {
  const plain = current.every((s) =>
    s.entries.every((e) => e.plain && e.name !== undefined && managed.includes(e.name)),
  );
  const comments = own.some((l) => /^\s*[#;]/.test(l.text));
  if (plain && !comments && current.length === 1) return fresh(want, eol);
  const document = IniDocument.parse(joinLines(own.map((l) => ({ text: l.text, eol: l.eol || eol }))), label);
  const wantedKeys = new Set(want.entries.map(([k]) => k));
  document.updateSection(
    current[0]?.name ?? `profile ${want.profile}`,
    want.entries,
    managed.filter((k) => !wantedKeys.has(k)),
  );
  return splitLines(document.toString());
}

export function fresh(want: DesiredProfile, eol: IniLine['eol']): IniLine[] {
  return [
    { text: `[profile ${want.profile}]`, eol },
    ...want.entries.map(([k, v]) => ({ text: `${k} = ${v}`, eol })),
  ];
}

/** The file with the block replaced (or appended after one blank line); an empty block goes, markers and all. */
export function assemble(
  lines: IniLine[],
  block: BlockSpan | undefined,
  session: string,
  sections: Map<string, () => IniLine[]>,
  eol: IniLine['eol'],
): IniLine[] {
  const body: IniLine[] = [];
  for (const [, linesOf] of [...sections].sort(([a], [b]) => compare(a, b))) {
    if (body.length) body.push({ text: '', eol });
    for (const l of linesOf()) body.push({ text: l.text, eol: l.eol || eol });
  }
  if (block) {
    const head = lines.slice(0, block.begin);
    const tail = lines.slice(block.end + 1);
    // Every byte outside the markers stays, the blank line before them included.
    if (body.length === 0) return [...head, ...tail];
    return [...head, lines[block.begin] as IniLine, ...body, lines[block.end] as IniLine, ...tail];
  }
  const head = lines.map((l) => ({ ...l }));
  const last = head.at(-1);
  if (last) {
    last.eol ||= eol;
    if (last.text.trim() !== '') head.push({ text: '', eol });
  }
  return [...head, { text: beginMarker(session), eol }, ...body, { text: endMarker(session), eol }];
}
