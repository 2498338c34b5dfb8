// The settings the window's Settings form shows, by the label the user knows them by: the core names a refused
// setting with it, and the window marks that setting's field.
export const SETTING_LABELS = {
  profileNameTemplate: 'Profile name template',
  defaultRegion: 'Default region',
  quickPickShortcut: 'Quick-pick shortcut',
  preferredSignIn: 'Preferred sign-in',
  theme: 'Theme',
} as const;

export type LabelledSetting = keyof typeof SETTING_LABELS;

export const LABELLED_SETTINGS = Object.keys(SETTING_LABELS) as [LabelledSetting, ...LabelledSetting[]];

export function isLabelledSetting(key: unknown): key is LabelledSetting {
  return typeof key === 'string' && Object.hasOwn(SETTING_LABELS, key);
}
