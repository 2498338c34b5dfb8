// The safety net of a sync: before anything is written, the new text is read back as the SDK reads it.
import { SsoTrayError } from '../errors.js';
import { layoutLines, mergedKeys, type SectionSpan } from '../aws-files/ini-layout.js';
import type { IniLine } from '../aws-files/ini-lines.js';
import type { DesiredProfile } from './desired-profiles.js';
import { findBlock, type BlockSpan } from './managed-block.js';

export const insideOf = (block: BlockSpan | undefined) => (s: SectionSpan) =>
  block !== undefined && s.header > block.begin && s.header < block.end;

/** A safety net: outside the block the SDK must read what it read before, inside it what was planned. */
export function checkReadsBack(
  before: SectionSpan[],
  inBlockBefore: (s: SectionSpan) => boolean,
  result: IniLine[],
  label: string,
  session: string,
  wanted: DesiredProfile[],
): void {
  const after = layoutLines(result, label);
  const inBlockAfter = insideOf(findBlock(result, session, label));
  const outsideKeys = (spans: SectionSpan[]) =>
    [...groupBy(spans, (s) => s.canonical)]
      .map(([name, group]) => `${name}\n${JSON.stringify([...mergedKeys(group)])}`)
      .sort();
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const generated = groupBy(after.filter(inBlockAfter), (s) => s.canonical);
  const planned = wanted.every((want) => {
    const keys = mergedKeys(generated.get(`profile ${want.profile}`) ?? []);
    return want.entries.every(([k, v]) => keys.get(k) === v);
  });
  if (
    !planned ||
    !same(
      outsideKeys(before.filter((s) => !inBlockBefore(s))),
      outsideKeys(after.filter((s) => !inBlockAfter(s))),
    )
  )
    throw new SsoTrayError(
      'internal',
      `SSO Tray could not edit ${label} safely, so it left the file as it was.`,
    );
}

export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
