// What the quick-pick shows: its query, every role it searches, the one chosen, and what the last key did.
import type { QuickRole } from './quick-pick-search.js';

export interface QuickPickState {
  query: string;
  roles: QuickRole[];
  /** The roles shown for the query (at most a screenful), and the highlighted one. */
  shown: QuickRole[];
  selected: number;
  loading: boolean;
  /** The last action's result, or why it failed. */
  note?: string;
  error?: string;
}

/** The quick-pick's keys: one place, shown in its footer and read by its key handler. */
export const QUICK_PICK_KEYS = [
  { key: 'Enter', alt: false, action: 'copy-env', label: 'Enter', text: 'copy environment variables' },
  { key: 'KeyP', alt: true, action: 'copy-profile', label: 'Alt+P', text: 'copy profile block' },
  { key: 'KeyW', alt: true, action: 'write-profile', label: 'Alt+W', text: 'write the profile' },
  { key: 'KeyK', alt: true, action: 'access-keys', label: 'Alt+K', text: 'Access keys' },
  { key: 'KeyC', alt: true, action: 'open-console', label: 'Alt+C', text: 'open the console' },
] as const;

export type QuickPickAction = (typeof QUICK_PICK_KEYS)[number]['action'];
