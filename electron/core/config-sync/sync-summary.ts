// What a sync did (or, on a dry run, would do), in sentences the CLI and the window both show.
import type { SyncResult } from './config-sync.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const listed = (names: string[]) =>
  names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');

/** One sentence for the change, then one for each kind of profile left alone. */
export function syncSummary(result: SyncResult, label: string, dryRun = false): string[] {
  const { added, changed, removed, renamed, stale, skipped, unchanged } = result;
  // A renamed profile is in the plan as one removed and one added: it is said once, as renamed.
  const verbs: Array<[string, string, number]> = [
    ['rename', 'renamed', renamed.length],
    ['add', 'added', added.length - renamed.length],
    ['change', 'changed', changed.length],
    ['remove', 'removed', removed.length - renamed.length],
  ];
  const counts = verbs
    .filter(([, , n]) => n > 0)
    .map(([would, did, n], i) => `${dryRun ? would : did} ${i === 0 ? plural(n, 'profile') : n}`);
  const first = counts.join(', ');
  const lines = [
    counts.length
      ? `${dryRun ? `A sync would ${first}` : first.charAt(0).toUpperCase() + first.slice(1)} in ${label}${unchanged ? ` (${unchanged} already up to date)` : ''}.`
      : unchanged
        ? `Nothing to change: ${unchanged === 1 ? 'the profile' : `the ${unchanged} profiles`} in ${label} ${unchanged === 1 ? 'is' : 'are'} up to date.`
        : `Nothing to change in ${label}.`,
  ];
  if (renamed.length)
    lines.push(
      `${dryRun ? 'Would rename' : 'Renamed'} as the template names ${renamed.length === 1 ? 'it' : 'them'} now (the role${renamed.length === 1 ? ' is' : 's are'} still assigned): ${listed(renamed.map((r) => `${r.from} -> ${r.to}`))}.`,
    );
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
