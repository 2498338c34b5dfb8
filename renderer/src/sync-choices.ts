// The config sync's choices as the window edits them (a region field that may be empty), what they send to the core
// and save, and which field a refusal is about. Pure, so tested under Node.
import { isTemplateSentence } from '../../shared/profile-name-template.js';
import type { ConfigSyncChoices } from './api.js';

/** As the fields hold them: region '' is none. */
export interface SyncChoices {
  template: string;
  kind: ConfigSyncChoices['kind'];
  region: string;
  prune: boolean;
}

export type SyncChoiceField = 'template' | 'region';

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

/** The core's refusals of a template or a region begin by naming it ("The profile name template must use …"). */
export function choiceFieldOf(sentence: string): SyncChoiceField | undefined {
  if (isTemplateSentence(sentence)) return 'template';
  if (/^The region\b/.test(sentence)) return 'region';
  return undefined;
}
