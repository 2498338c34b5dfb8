// Everything the window shows, in one plain object; views render it, actions change it through the store.
import type {
  AccountWithRoles,
  CredentialFormat,
  Listing,
  ListingProgress,
  OwnedProfile,
  ConfigSyncResult,
  ServedEndpoint,
  SessionView,
  Settings,
  SignInProgress,
} from './api.js';
import type { QuickPickState } from './quick-pick/quick-pick-state.js';
import type { RoleRef } from '../../electron/core/shapes/front-end-shapes.js';
import type { NextStep, Problem } from '../../electron/core/next-step.js';
import type { SessionHints } from './session-form-hints.js';
import type { SyncChoiceField, SyncChoices } from './sync-choices.js';

export type Section = 'accounts' | 'profiles' | 'served' | 'settings';

/** The shells the served variables are copied for (a line format: electron/core/role-credentials/formats.ts). */
export type VariablesFormat = 'env' | 'windows-cmd' | 'powershell' | 'fish' | 'dotenv';

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
  /** What to do about the error, when the core said: the banner offers its button (else Retry). */
  errorNext?: NextStep | undefined;
  /** While no listing is shown: the accounts of a running listing's pages so far ('accounts-listed'). */
  arriving?: AccountWithRoles[];
  /** Arriving accounts whose roles are not known yet. */
  rolesPending?: ReadonlySet<string>;
  /** Arriving accounts whose roles the listing did not get (it failed): each row offers its own "Try again". */
  rolesFailed?: ReadonlySet<string>;
}

/** One role of one session, as the core names it. */
export type { RoleRef };

interface Task {
  busy: boolean;
  done?: string;
  error?: string;
  /** The form field the error is about (its input's name), marked invalid. */
  field?: string;
  /** A profile SSO Tray did not write, which the user may replace by a click of Replace it (never without one). */
  replace?: string;
}

export interface AccessKeysState {
  role: RoleRef & { accountName: string };
  /** The one profile name: in the block of Option 2, and the one written. */
  profileName?: string;
  /** The tab of Option 1. */
  shellFormat: CredentialFormat;
  texts: Partial<Record<CredentialFormat, string>>;
  expiration?: string;
  loading: boolean;
  error?: string;
  /** What was copied last, for the button's "Copied" */
  copied?: string;
  /** The live region's sentence for the last copy (it changes on every copy, so each one is announced). */
  announced?: string;
  copyError?: string;
  keepFresh: boolean;
  writeFile: Task;
  writeConfig: Task;
  /** Serve to local programs: the endpoint started from this dialog. */
  serve: Task & { id?: string };
}

export interface State {
  /** The main window, or the compact quick-pick window (index.html?view=quick-pick). */
  page: 'window' | 'quick-pick';
  ready: boolean;
  loadError?: string;
  now: number;
  section: Section;
  sessions: SessionView[];
  selected?: string;
  signIns: Record<string, SignInActivity>;
  /** The last sentence a session's own action (sign in, sign out, remove) failed with, or a note. */
  sessionNotes: Record<string, { text: string; error: boolean }>;
  /** The core's sentence when a session's sign-in has ended (shown once, in the accounts' banner). */
  /** The core's reason a session needs a sign-in, with its next step (the banner offers its button). */
  signInNeeded: Record<string, Problem>;
  /** The device code just copied, per session, for the button's "Copied". */
  codeCopied: Record<string, 'code' | 'address'>;
  /** What this desktop offers (start at login; the quick-pick window). */
  capabilities: { startAtLogin: boolean; quickPick: boolean; update: { offered?: string; notes: string[] } };
  /** The quick-pick over the main window, when open ('/'). */
  quickPick?: QuickPickState;
  /** What the quick-pick just did, said under the header. */
  toast?: string;
  addSession: {
    open: boolean;
    busy: boolean;
    hints: SessionHints;
    error?: string;
    showHints: boolean;
    /** The fields the user has typed in: their hints show as they type. */
    touched?: string[];
  };
  accounts?: AccountsState;
  query: string;
  /** The list the tray's "More…" opened the window on, until it is in view. */
  reveal?: 'favourites' | 'recent' | undefined;
  /**
   * Opened by the tray's "More…": the top lists show every session's entries, as the tray counted them, with account
   * names from each session's cached listing ('asking' until it answers; an id shows where a name is unknown).
   */
  wholeLists?: { names: Readonly<Record<string, Readonly<Record<string, string>> | 'asking'>> } | undefined;
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
  /** "Profiles in ~/.aws/config": the dry run of a sync for a session, and Apply's outcome. */
  configSync?: {
    session: string;
    loading: boolean;
    busy: boolean;
    preview?: ConfigSyncResult;
    done?: string;
    error?: string;
    /** The choice the error is about: shown at its field, and Apply waits for a fix. */
    field?: SyncChoiceField;
  };
  /** The sync's choices as the user edits them; undefined: the saved ones. */
  syncChoices?: SyncChoices;
  /** The roles served to local programs, as the core lists them (no token: the main process keeps it). */
  served: ServedEndpoint[];
  /** The shell Copy variables writes for. */
  servedShell: VariablesFormat;
  /** What the last Copy variables or Stop did, or why it failed. */
  servedNote?: { text: string; error: boolean };
}

export const PAGE_OF_ACCOUNTS = 100;

export function initialState(now: number, page: State['page'] = 'window'): State {
  return {
    page,
    ready: false,
    now,
    section: 'accounts',
    sessions: [],
    signIns: {},
    sessionNotes: {},
    signInNeeded: {},
    codeCopied: {},
    capabilities: { startAtLogin: false, quickPick: false, update: { notes: [] } },
    addSession: { open: false, busy: false, hints: {}, showHints: false },
    query: '',
    expanded: new Set(),
    shown: PAGE_OF_ACCOUNTS,
    settingsTask: { busy: false },
    profiles: [],
    profileErrors: {},
    served: [],
    servedShell: 'env',
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
