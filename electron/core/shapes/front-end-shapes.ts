// The shapes that cross from the core to the window, the tray and the CLI: plain data, no Node, no Electron, so
// the renderer's type-check (which sees no Node types) can use them through the IPC contract.
import type { SessionState } from '../session/session-state.js';
import type { Problem } from '../next-step.js';
import type { SessionConfig } from './aws-shapes.js';

/** What removing a session took (or, on a dry run, would take) from ~/.aws/config: its generated profiles. */
export interface SessionRemoval {
  removedProfiles: string[];
}

export interface SessionView {
  name: string;
  startUrl: string;
  region: string;
  source: SessionConfig['source'];
  state: SessionState;
  /** When the access token expires (ISO), while there is one. */
  expiresAt?: string;
  /** Whether the sign-in can renew itself (a refresh token with a live registration). */
  renewable: boolean;
  /** Why the session is expired or signed out: the problem, and what to do (each front end words it). */
  reason?: Problem;
}

export interface AccountWithRoles {
  accountId: string;
  accountName: string;
  emailAddress: string;
  roles: string[];
}

export interface Listing {
  session: string;
  startUrl: string;
  fetchedAt: string;
  accounts: AccountWithRoles[];
}

/** How a sign-in proves the user: the browser redirect with PKCE, or a device code. */
export const SIGN_IN_FLOWS = ['browser', 'device-code'] as const;
export type SignInFlow = (typeof SIGN_IN_FLOWS)[number];

/** What a synced ~/.aws/config profile is: a native SSO profile, or a credential_process one for other tools. */
export const PROFILE_KINDS = ['sso', 'process'] as const;
export type ProfileKind = (typeof PROFILE_KINDS)[number];

export type SignInProgress =
  | { step: 'registering' }
  /** PKCE: the authorize URL, opened or to print. */
  | { step: 'open-browser'; url: string; expiresAt: Date }
  | {
      step: 'device-code';
      userCode: string;
      verificationUri: string;
      verificationUriComplete: string;
      expiresAt: Date;
      intervalSeconds: number;
    }
  /** For a countdown. */
  | { step: 'waiting'; secondsLeft: number }
  | { step: 'creating-token' };

export interface ListingProgress {
  accountsListed: number;
  accountsWithRoles: number;
  totalAccounts?: number;
}

/** One role of one session (the session, account and role triple), as the core, the CLI, the tray and the window name it. */
export interface RoleRef {
  session: string;
  accountId: string;
  roleName: string;
}

/** How "a profile for every role" writes ~/.aws/config: the window's Apply saves them; the CLI's flags override. */
export interface ConfigSyncChoices {
  /** Profile names from {accountName} {accountId} {emailAddress} {roleName} {session}. */
  template: string;
  /** Native SSO profiles, or credential_process ones for tools without SSO. */
  kind: ProfileKind;
  /** Written to every profile when set. */
  region?: string;
  /** Remove generated profiles whose role is no longer assigned. */
  prune: boolean;
}

export interface Settings {
  version: 3;
  /** The app's own sessions (source 'app'); imported ones come from ~/.aws/config. */
  sessions: SessionConfig[];
  /** Tokens in ~/.aws/sso/cache, where the AWS CLI finds them. */
  shareTokenCacheWithAwsCli: boolean;
  removeProfilesOnSignOut: boolean;
  /** Placeholders {accountId} {accountName} {roleName} {session}. */
  profileNameTemplate: string;
  /** AWS_REGION added to copies when set. */
  defaultRegion?: string;
  /** A favourite may name the region its console opens in. */
  favourites: Array<RoleRef & { region?: string }>;
  /** Newest first, at most MAX_RECENT. */
  recent: Array<RoleRef & { usedAt: string }>;
  preferredSignIn: 'browser' | 'device-code';
  /** The window's colours: the system's, or always light or dark. */
  theme: 'system' | 'light' | 'dark';
  /** Start SSO Tray when the user logs in (macOS and Windows; Electron cannot on Linux). */
  startAtLogin: boolean;
  /** The global shortcut that opens the quick-pick (an Electron accelerator); empty for none. */
  quickPickShortcut: string;
  /** Keep a profile for every role in ~/.aws/config in sync after each listing. */
  syncConfigProfiles: boolean;
  /** What the sync writes: the window's choices, used by the sync after each listing and `sso-tray config sync`. */
  configSync: ConfigSyncChoices;
}

export interface OwnedProfile {
  profile: string;
  session: string;
  accountId: string;
  roleName: string;
  keepFresh: boolean;
  /** When the written credentials expire (ISO). */
  expiration: string;
  /** When SSO Tray wrote them (ISO). */
  writtenAt: string;
}

/** What a config sync did or (dry run) would do: profile names, the diff and the sentences to show. */
export interface ConfigSyncResult {
  session: string;
  /** The config file as people name it (~/.aws/config). */
  file: string;
  diff: string;
  summary: string[];
  added: string[];
  changed: string[];
  removed: string[];
  stale: string[];
  skipped: string[];
  unchanged: number;
  /** A name the template gives, from this listing (the first by name), and the role it is for. */
  example?: { profile: string; accountName: string; roleName: string };
  written: boolean;
  /** When the listing it planned from was fetched (a recent one is reused on request). */
  listedAt?: string;
}

/** A role served to local programs by the running app (its token never leaves the main process). */
export interface ServedEndpoint extends RoleRef {
  id: string;
  /** What AWS_CONTAINER_CREDENTIALS_FULL_URI holds: http://127.0.0.1:PORT/role-credentials. */
  url: string;
  startedAt: string;
  /** Requests answered with credentials. */
  served: number;
  lastRequestAt?: string;
  /** When the credentials it serves now expire (ISO). */
  expiration?: string;
  /** Why a renewal or a request failed, until one succeeds again: each front end words its step. */
  problem?: Problem;
}

export interface CoreEvents extends Record<string, unknown> {
  'session-changed': SessionView;
  'sessions-changed': SessionView[];
  'sign-in-progress': { session: string; progress: SignInProgress };
  'listing-progress': { session: string; progress: ListingProgress };
  /** A listing's accounts as their pages arrive, before their roles: the window shows them at once. */
  'accounts-listed': { session: string; accounts: Array<Omit<AccountWithRoles, 'roles'>> };
  /** One account's roles as the running listing learns them: the window fills them in. */
  'roles-listed': { session: string; accountId: string; roles: string[] };
  'accounts-changed': Listing;
  'profiles-changed': OwnedProfile[];
  /** settings.json was saved: a star, a recent role, a kept profile, a choice (the tray rebuilds its lists). */
  'settings-changed': Settings;
  /** A session really ended: announced once, until the user signs in again. */
  'sign-in-needed': { session: string } & Problem;
  /** The roles served to local programs, or what they show (requests answered, a problem), changed. */
  'endpoints-changed': ServedEndpoint[];
  /**
   * Something in the background failed: the problem, and what to do when there is something; `listing` names the
   * session when it was a listing the core ran in the background (accounts:cached), so a front end can say it where
   * the accounts are and not mistake another failure (a kept profile's refresh) for it.
   */
  problem: Problem & { listing?: string };
}
