// The core names a setting by its key (profileNameTemplate); the user knows it by its label in the form. Pure, so
// tested under Node.

import { isTemplateSentence } from '../../shared/profile-name-template.js';

/** Each setting the form shows: its key in the settings, its label, and its input's name in the form. */
const SETTING_FIELDS = [
  { key: 'profileNameTemplate', label: 'Profile name template', input: 'template' },
  { key: 'defaultRegion', label: 'Default region', input: 'region' },
  { key: 'quickPickShortcut', label: 'Quick-pick shortcut', input: 'shortcut' },
  { key: 'preferredSignIn', label: 'Preferred sign-in', input: 'signIn' },
  { key: 'theme', label: 'Theme', input: 'theme' },
] as const;

/** The sentence with the field's label in place of its key, and which input to mark. */
export function settingsError(message: string): { text: string; field?: string } {
  // The template language's own sentence, the same the config sync and the CLI say, names no key.
  if (isTemplateSentence(message)) return { text: message, field: 'template' };
  const field = SETTING_FIELDS.find((f) => new RegExp(`\\b${f.key}\\b`).test(message));
  if (!field) return { text: message };
  return { text: message.replace(new RegExp(`\\b${field.key}\\b`, 'g'), field.label), field: field.input };
}
