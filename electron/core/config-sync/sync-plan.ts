// What a sync changes in ~/.aws/config: profiles added, changed and removed inside the session's block, the user's
// profiles of the same name skipped; the new text is built once, and checked to read the same outside the block.
import { SsoTrayError } from '../errors.js';
import { bodyEnd, layoutLines, mergedKeys, type SectionSpan } from '../aws-files/ini-layout.js';
import { joinLines, splitLines, type IniLine } from '../aws-files/ini-lines.js';
import { assemble, fresh, rewrite } from './block-text.js';
import { checkReadsBack, groupBy, insideOf } from './read-back.js';
import type { AccountWithRoles } from '../shapes/front-end-shapes.js';
import {
  desiredProfiles,
  managedKeys,
  type DesiredOptions,
  type DesiredProfile,
} from './desired-profiles.js';
import { findBlock } from './managed-block.js';

export interface SyncOptions extends DesiredOptions {
  /** Remove generated profiles whose role is no longer assigned; without it they stay. */
  prune?: boolean;
}

interface ProfileChange {
  profile: string;
  before: Array<[string, string]>;
  after: Array<[string, string]>;
}

export interface SyncPlan {
  added: DesiredProfile[];
  changed: ProfileChange[];
  removed: ProfileChange[];
  /** Generated earlier under another name (the template changed) for a role still assigned: renamed, old -> new. */
  renamed: Array<{ from: string; to: string }>;
  /** Generated earlier, no longer assigned, kept because pruning was not asked for. */
  stale: string[];
  /** A profile of that name exists outside the block (the user's or another session's): never touched. */
  skipped: DesiredProfile[];
  unchanged: number;
  /** The first profile the template names (by name), to show what its names look like. */
  example?: DesiredProfile;
  /** The whole new file, or undefined when nothing changes (and nothing is written). */
  text: string | undefined;
}

export function planSync(
  text: string,
  label: string,
  accounts: AccountWithRoles[],
  options: SyncOptions,
): SyncPlan {
  // The template and region first: a refusal of the user's choices says so whatever the file holds.
  const wanted = desiredProfiles(accounts, options);
  const lines = splitLines(text);
  const spans = layoutLines(lines, label);
  const block = findBlock(lines, options.session, label);
  const inBlock = insideOf(block);
  if (options.kind === 'sso' && !spans.some((s) => s.canonical === `sso-session ${options.session}`))
    throw new SsoTrayError(
      'invalid-input',
      `${label} has no [sso-session ${options.session}] for the profiles to sign in through; sign in to that session with SSO Tray first, or generate credential_process profiles.`,
    );
  const outside = new Set(
    spans.filter((s) => !inBlock(s)).flatMap((s) => [s.canonical, botocoreName(s.name)]),
  );
  const inside = groupBy(spans.filter(inBlock), (s) => s.canonical);
  const managed = managedKeys(options);
  const eol = lines.find((l) => l.eol !== '')?.eol ?? '\n';
  const own = (current: SectionSpan[]) => current.flatMap((s) => lines.slice(s.header, bodyEnd(s)));
  const plan: Omit<SyncPlan, 'text'> = {
    added: [],
    changed: [],
    removed: [],
    renamed: [],
    stale: [],
    skipped: [],
    unchanged: 0,
  };
  // Each section's lines, made only when the block is rewritten (a sync that changes nothing builds none).
  const sections = new Map<string, () => IniLine[]>();
  if (wanted[0]) plan.example = wanted[0];
  for (const want of wanted) {
    const canonical = `profile ${want.profile}`;
    const current = inside.get(canonical);
    if (outside.has(canonical) || want.profile === 'default') plan.skipped.push(want);
    else if (!current) {
      plan.added.push(want);
      sections.set(canonical, () => fresh(want, eol));
    } else if (holds(mergedKeys(current), want, managed)) {
      plan.unchanged += 1;
      sections.set(canonical, () => own(current));
    } else {
      plan.changed.push({
        profile: want.profile,
        before: ownedEntries(current, managed),
        after: want.entries,
      });
      sections.set(canonical, () => rewrite(own(current), current, want, managed, label, eol));
    }
  }
  // A role's new name under a changed template: its profile of the old name is replaced, the role is still assigned.
  const addedFor = new Map(plan.added.map((want) => [identity(new Map(want.entries)), want]));
  for (const [canonical, current] of inside) {
    if (sections.has(canonical)) continue;
    const generated = canonical.startsWith('profile ') && !outside.has(canonical);
    const renamedTo = generated ? addedFor.get(identity(mergedKeys(current))) : undefined;
    if (renamedTo) {
      addedFor.delete(identity(mergedKeys(current)));
      plan.renamed.push({ from: canonical.slice(8), to: renamedTo.profile });
      plan.removed.push({ profile: canonical.slice(8), before: ownedEntries(current, managed), after: [] });
    } else if (generated && options.prune)
      plan.removed.push({ profile: canonical.slice(8), before: ownedEntries(current, managed), after: [] });
    else {
      if (generated) plan.stale.push(canonical.slice(8));
      sections.set(canonical, () => own(current));
    }
  }
  if (plan.added.length + plan.changed.length + plan.removed.length === 0)
    return { ...plan, text: undefined };
  const result = assemble(lines, block, options.session, sections, eol);
  checkReadsBack(
    spans,
    inBlock,
    result,
    label,
    options.session,
    wanted.filter((w) => !plan.skipped.includes(w)),
  );
  return { ...plan, text: joinLines(result) };
}

/** The profile holds what is wanted, and none of the sync's other keys (a switch of kind removes them). */
function holds(keys: Map<string, string>, want: DesiredProfile, managed: string[]): boolean {
  const wantedKeys = new Set(want.entries.map(([k]) => k));
  return (
    want.entries.every(([k, v]) => keys.get(k) === v) &&
    managed.every((k) => wantedKeys.has(k) || !keys.has(k))
  );
}

function ownedEntries(current: SectionSpan[], managed: string[]): Array<[string, string]> {
  const keys = mergedKeys(current);
  return managed.flatMap((k): Array<[string, string]> => (keys.has(k) ? [[k, keys.get(k) ?? '']] : []));
}

/** What a profile reaches: its account and role (an sso profile) or its credential_process command line. */
function identity(keys: Map<string, string>): string {
  const process = keys.get('credential_process');
  return process ? `process ${process}` : `sso ${keys.get('sso_account_id')} ${keys.get('sso_role_name')}`;
}

/** botocore splits a header shell-style (`[profile  "dev" ]` is dev), so a clash is checked in its reading too. */
function botocoreName(name: string): string {
  const match = /^\s*profile\s+(["']?)(.*?)\1\s*$/.exec(name);
  return match ? `profile ${match[2]}` : name;
}
