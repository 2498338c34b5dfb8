// The change a sync makes, as a diff a person reads before --dry-run becomes a write: per profile, sorted by name.
import type { SyncPlan } from './sync-plan.js';
import { compare } from './profile-names.js';

export function syncDiff(plan: SyncPlan, label: string): string {
  const hunks: Array<[string, string[]]> = [];
  for (const p of plan.added)
    hunks.push([p.profile, [`+[profile ${p.profile}]`, ...p.entries.map(([k, v]) => `+${k} = ${v}`)]]);
  for (const p of plan.removed)
    hunks.push([p.profile, [`-[profile ${p.profile}]`, ...p.before.map(([k, v]) => `-${k} = ${v}`)]]);
  for (const p of plan.changed) {
    const before = new Map(p.before);
    const after = new Map(p.after);
    const lines = [` [profile ${p.profile}]`];
    for (const [k, v] of p.before) if (after.get(k) !== v) lines.push(`-${k} = ${v}`);
    for (const [k, v] of p.after) if (before.get(k) !== v) lines.push(`+${k} = ${v}`);
    hunks.push([p.profile, lines]);
  }
  if (hunks.length === 0) return '';
  hunks.sort(([a], [b]) => compare(a, b));
  return [`--- ${label}`, `+++ ${label} (after sync)`, ...hunks.flatMap(([, lines]) => lines), ''].join('\n');
}
