// Everything the window shows, in one plain object; views render it, actions change it through the store.
import type {
  CredentialFormat,
  Listing,
  ListingProgress,
  OwnedProfile,
  SessionView,
  Settings,
  SignInProgress,
} from './api.js';
import type { SessionHints } from './session-form-hints.js';

export type Section = 'accounts' | 'profiles' | 'settings';

export interface SignInActivity {
  flow: 'browser' | 'device-code';
  progress?: SignInProgress;
  /** When the countdown reaches zero, on the window's clock (from the last 'waiting' step). */
  deadline?: number;
  /** The user pressed Cancel: the refusal that follows is no news to them. */
  cancelled?: boolean;
}

export interface AccountsState {
  session: string;
  listing: Listing | null;
  loading: boolean;
  progress?: ListingProgress;
  error?: string;
}

export interface RoleRef {
  session: string;
  accountId: string;
  roleName: string;
}

export interface Task {
  busy: boolean;
  done?: string;
  error?: string;
}

export interface AccessKeysState {
  role: RoleRef & { accountName: string };
  /** The tab of Option 1. */
  shellFormat: CredentialFormat;
  texts: Partial<Record<CredentialFormat, string>>;
  expiration?: string;
  loading: boolean;
  error?: string;
  /** What was copied last, for the button's "Copied" */
  copied?: string;
  copyError?: string;
  keepFresh: boolean;
  writeFile: Task;
  writeConfig: Task;
}

export interface State {
  ready: boolean;
  loadError?: string;
  now: number;
  section: Section;
  sessions: SessionView[];
  selected?: string;
  signIns: Record<string, SignInActivity>;
  /** The last sentence a session's own action (sign in, sign out, remove) failed with, or a note. */
  sessionNotes: Record<string, { text: string; error: boolean }>;
  addSession: { open: boolean; busy: boolean; hints: SessionHints; error?: string; showHints: boolean };
  accounts?: AccountsState;
  query: string;
  /** Accounts the user opened, or closed while searching (ids). */
  expanded: ReadonlySet<string>;
  /** How many accounts the list renders at most (the rest: "refine the search"). */
  shown: number;
  settings?: Settings;
  settingsTask: Task;
  favouriteError?: string;
  profiles: OwnedProfile[];
  profileErrors: Record<string, string>;
  problem?: string;
  dialog?: AccessKeysState;
}

export const PAGE_OF_ACCOUNTS = 100;

export function initialState(now: number): State {
  return {
    ready: false,
    now,
    section: 'accounts',
    sessions: [],
    signIns: {},
    sessionNotes: {},
    addSession: { open: false, busy: false, hints: {}, showHints: false },
    query: '',
    expanded: new Set(),
    shown: PAGE_OF_ACCOUNTS,
    settingsTask: { busy: false },
    profiles: [],
    profileErrors: {},
  };
}

type Listener = (state: State) => void;

/** The one mutable place: a change replaces the state and schedules one render for all changes of a frame. */
export class Store {
  private listeners = new Set<Listener>();
  private scheduled = false;

  constructor(private current: State) {}

  get state(): State {
    return this.current;
  }

  update(change: Partial<State> | ((state: State) => Partial<State>)): void {
    const patch = typeof change === 'function' ? change(this.current) : change;
    this.current = { ...this.current, ...patch };
    if (this.scheduled) return;
    this.scheduled = true;
    // One render a frame however many changes arrive (a big listing reports every account).
    requestAnimationFrame(() => {
      this.scheduled = false;
      for (const listener of this.listeners) listener(this.current);
    });
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
