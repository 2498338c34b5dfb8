// The one contract between the window, the tray, the CLI and the core: channel -> zod schema of the input and the
// result type. The preload API, the handler table and the renderer's calls are all derived from it.
import { z } from 'zod';
import { CREDENTIAL_FORMATS } from '../core/formats.js';
import { REGION_PATTERN, SIGN_IN_FLOWS } from '../core/identifiers.js';
import type { CoreEvents, Listing, OwnedProfile, SessionView, Settings } from '../core/views.js';
import type { Account } from '../core/types.js';

const name = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'use letters, digits, "-", "_" and "." only');
const accountId = z.string().regex(/^\d{12}$/, 'an account id has 12 digits');
const roleName = z.string().min(1).max(128);
const profile = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^\][\r\n]+$/, 'a profile name cannot contain brackets or line breaks');
const role = z.object({ session: name, accountId, roleName }).strict();
const credentialFormat = z.enum(CREDENTIAL_FORMATS);

/** A channel: its input schema, and (as a type only) its result. */
function channel<Input extends z.ZodType>(input: Input) {
  return { returns: <Output>() => ({ input, output: undefined as Output | undefined }) };
}

export const contract = {
  'sessions:list': channel(z.object({}).strict()).returns<SessionView[]>(),
  'sessions:add': channel(
    z
      .object({
        name,
        startUrl: z.url({ protocol: /^https$/, error: 'the start URL must be an https:// address' }),
        region: z.string().regex(REGION_PATTERN, 'a region looks like us-east-1'),
      })
      .strict(),
  ).returns<SessionView>(),
  'sessions:remove': channel(z.object({ session: name }).strict()).returns<void>(),
  'sessions:sign-in': channel(
    z.object({ session: name, flow: z.enum(SIGN_IN_FLOWS).default('browser') }).strict(),
  ).returns<SessionView>(),
  'sessions:cancel-sign-in': channel(z.object({ session: name }).strict()).returns<boolean>(),
  'sessions:sign-out': channel(z.object({ session: name }).strict()).returns<{ removedProfiles: string[] }>(),
  'accounts:list': channel(
    z.object({ session: name, maxAgeSeconds: z.number().int().min(0).optional() }).strict(),
  ).returns<Listing>(),
  'accounts:cached': channel(
    z.object({ session: name, refreshAfterSeconds: z.number().int().min(0).optional() }).strict(),
  ).returns<Listing | null>(),
  /** ListAccounts up to the page with this account (id or name): a name resolved without listing any role. */
  'accounts:find': channel(z.object({ session: name, query: z.string().min(1).max(256) }).strict()).returns<
    Account[]
  >(),
  /** One account's roles now (the window's expand, the tray, the CLI): ahead of a running listing's queue. */
  'accounts:roles': channel(z.object({ session: name, accountId }).strict()).returns<string[]>(),
  'credentials:text': channel(
    role.extend({ format: credentialFormat, profileName: profile.optional() }).strict(),
  ).returns<{ text: string; expiration: string }>(),
  /** For credential_process: the JSON the AWS SDKs read; not recorded as Recent (it runs on every SDK call). */
  'credentials:process': channel(role).returns<{ text: string; expiration: string }>(),
  'credentials:copy': channel(
    role
      .extend({
        what: z.union([credentialFormat, z.enum(['access-key-id', 'secret-access-key', 'session-token'])]),
        profileName: profile.optional(),
      })
      .strict(),
  ).returns<{ expiration: string }>(),
  'profiles:list': channel(z.object({}).strict()).returns<OwnedProfile[]>(),
  'profiles:write': channel(
    role
      .extend({
        profile: profile.optional(),
        keepFresh: z.boolean().optional(),
        overwrite: z.boolean().optional(),
      })
      .strict(),
  ).returns<OwnedProfile>(),
  'config:write-profile': channel(
    role
      .extend({
        profile,
        kind: z.enum(['sso', 'credential-process']),
        region: z.string().max(32).optional(),
        overwrite: z.boolean().optional(),
      })
      .strict(),
  ).returns<{ profile: string; file: string }>(),
  'profiles:remove': channel(z.object({ profile, force: z.boolean().optional() }).strict()).returns<{
    removed: boolean;
  }>(),
  'settings:get': channel(z.object({}).strict()).returns<Settings>(),
  'settings:update': channel(
    z
      .object({
        shareTokenCacheWithAwsCli: z.boolean().optional(),
        removeProfilesOnSignOut: z.boolean().optional(),
        profileNameTemplate: z.string().min(1).max(128).optional(),
        defaultRegion: z.string().max(32).optional(),
        preferredSignIn: z.enum(SIGN_IN_FLOWS).optional(),
        theme: z.enum(['system', 'light', 'dark']).optional(),
        startAtLogin: z.boolean().optional(),
        // An Electron accelerator ("CommandOrControl+Shift+A"), or empty for none.
        quickPickShortcut: z
          .string()
          .max(64)
          .regex(
            /^([A-Za-z0-9]+(\+[A-Za-z0-9=\-[\];',./`\\]+)*)?$/,
            'a shortcut looks like CommandOrControl+Shift+A',
          )
          .optional(),
      })
      .strict(),
  ).returns<Settings>(),
  'favourites:toggle': channel(role).returns<Settings>(),
  /** What this desktop offers the window (start at login exists on macOS and Windows only). */
  'app:capabilities': channel(z.object({}).strict()).returns<{ startAtLogin: boolean; quickPick: boolean }>(),
  /** The device code of a sign-in in progress: copy the code or the address, or open the page in the browser. */
  'sessions:sign-in-page': channel(
    z.object({ session: name, action: z.enum(['copy-code', 'copy-address', 'open']) }).strict(),
  ).returns<void>(),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelArgs<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelResult<C extends Channel> = Exclude<Contract[C]['output'], undefined>;

/** Events the core announces, as they cross to the window and the tray (none carries a secret). */
export type AppEvents = CoreEvents;
/** The named events only (CoreEvents also has the emitter's index signature). */
export type AppEventName = keyof { [K in keyof AppEvents as string extends K ? never : K]: true } & string;

/** The task-level API the preload exposes and the CLI uses: one method per channel. */
export type SsoTrayApi = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<ChannelResult<C>>;
};
