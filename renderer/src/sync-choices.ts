// The config sync's choices as the window edits them (a region field that may be empty), what they send to the core
// and save, and which field a refusal is about. Pure, so tested under Node.
import type { ConfigSyncChoices } from './api.js';
import type { Problem, SyncChoice } from '../../electron/core/next-step.js';

/** As the fields hold them: region '' is none. */
export interface SyncChoices {
  template: string;
  kind: ConfigSyncChoices['kind'];
  region: string;
  prune: boolean;
}

export type SyncChoiceField = SyncChoice;

/** The choices the section shows: the user's edits, else the saved ones (undefined until settings arrive). */
export function syncChoicesOf(state: {
  settings?: { configSync?: ConfigSyncChoices } | undefined;
  syncChoices?: SyncChoices | undefined;
}): SyncChoices | undefined {
  const saved = state.settings?.configSync;
  return state.syncChoices ?? (saved ? choicesFromSettings(saved) : undefined);
}

export function choicesFromSettings(saved: ConfigSyncChoices): SyncChoices {
  return { template: saved.template, kind: saved.kind, region: saved.region ?? '', prune: saved.prune };
}

/** What settings.json keeps: no region key when there is none. */
export function choicesToSave(choices: SyncChoices): ConfigSyncChoices {
  const region = choices.region.trim();
  return {
    template: choices.template,
    kind: choices.kind,
    ...(region ? { region } : {}),
    prune: choices.prune,
  };
}

/** A sync request's choices: every one given, so the saved ones play no part (region '' is none). */
export function choicesToSend(choices: SyncChoices): SyncChoices {
  return { ...choices, region: choices.region.trim() };
}

export function sameChoices(a: SyncChoices, b: SyncChoices): boolean {
  const x = choicesToSave(a);
  const y = choicesToSave(b);
  return x.template === y.template && x.kind === y.kind && x.region === y.region && x.prune === y.prune;
}

/** The field a refusal is about: the core's step says which choice to change (none: the refusal shows under Apply). */
export function choiceFieldOf(problem: Problem): SyncChoiceField | undefined {
  return problem.next?.do === 'fix-sync-choice' ? problem.next.choice : undefined;
}
