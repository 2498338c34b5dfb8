// A refusal of the Settings form: the core names the setting by its label (shared/setting-labels.ts) and says which
// one in its next step; the form marks that setting's input. Pure, so tested under Node.
import type { Problem } from '../../electron/core/next-step.js';
import type { LabelledSetting } from '../../shared/setting-labels.js';
import { windowSentence } from './next-step-words.js';

/** Each labelled setting's input in the form. */
const SETTING_INPUTS: Record<LabelledSetting, string> = {
  profileNameTemplate: 'template',
  defaultRegion: 'region',
  quickPickShortcut: 'shortcut',
  preferredSignIn: 'signIn',
  theme: 'theme',
};

/** The sentence to show, and which input to mark. */
export function settingsError(problem: Problem): { text: string; field?: string } {
  const text = windowSentence(problem);
  return problem.next?.do === 'fix-setting'
    ? { text, field: SETTING_INPUTS[problem.next.setting] }
    : { text };
}
