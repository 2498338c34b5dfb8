// What a sync did (or, on a dry run, would do), in sentences the CLI and the window both show.
import type { SyncResult } from './config-sync.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const listed = (names: string[]) =>
  names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');

/** One sentence for the change, then one for each kind of profile left alone. */
export function syncSummary(result: SyncResult, label: string, dryRun = false): string[] {
  const { added, changed, removed, stale, skipped, unchanged } = result;
  const verbs: Array<[string, string, number]> = [
    ['add', 'added', added.length],
    ['change', 'changed', changed.length],
    ['remove', 'removed', removed.length],
  ];
  const counts = verbs
    .filter(([, , n]) => n > 0)
    .map(([would, did, n], i) => `${dryRun ? would : did} ${i === 0 ? plural(n, 'profile') : n}`);
  const first = counts.join(', ');
  const lines = [
    counts.length
      ? `${dryRun ? `A sync would ${first}` : first.charAt(0).toUpperCase() + first.slice(1)} in ${label}${unchanged ? ` (${unchanged} already up to date)` : ''}.`
      : unchanged
        ? `${label} already has ${plural(unchanged, 'profile')} for every role; nothing to change.`
        : `Nothing to change in ${label}.`,
  ];
  if (stale.length)
    lines.push(
      `Kept ${plural(stale.length, 'profile')} whose role is no longer assigned (${listed(stale)}); pruning removes ${stale.length === 1 ? 'it' : 'them'}.`,
    );
  if (skipped.length)
    lines.push(
      `Skipped ${plural(skipped.length, 'profile')} whose name is taken by a profile SSO Tray did not write (${listed(skipped.map((p) => p.profile))}); rename ${skipped.length === 1 ? 'it' : 'them'} there or change the template.`,
    );
  return lines;
}
