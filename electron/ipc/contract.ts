// The one contract between the window, the tray, the CLI and the core: channel -> zod schema of the input and the
// result type. The preload API, the handler table and the renderer's calls are all derived from it.
import * as z from 'zod';
import { CREDENTIAL_FORMATS, VARIABLE_FORMATS } from '../core/role-credentials/formats.js';
import { REGION_PATTERN, identifierProblem, type IdentifierKind } from '../core/identifiers.js';
import { MAX_TEMPLATE_LENGTH } from '../core/profiles/profile-name-template.js';
import { PROFILE_KINDS, SIGN_IN_FLOWS } from '../core/shapes/front-end-shapes.js';
import { nextStepSchema } from './next-step-schema.js';
import type { NextStep } from '../core/next-step.js';
import type {
  CoreEvents,
  Listing,
  OwnedProfile,
  ConfigSyncResult,
  ServedEndpoint,
  SessionRemoval,
  SessionView,
  Settings,
} from '../core/shapes/front-end-shapes.js';
import type { Account } from '../core/shapes/aws-shapes.js';

/** A string AWS's rule for `kind` accepts; a refusal is checkIdentifier's own sentence (handlers.ts shows it whole). */
function identifier(
  kind: IdentifierKind,
  { orNone = false, next }: { orNone?: boolean; next?: NextStep } = {},
) {
  return z.string().superRefine((value, ctx) => {
    // orNone: '' stands for "none" (a choice cleared for one run).
    const problem = orNone && value === '' ? undefined : identifierProblem(kind, value);
    // next: what to do about it, where the field is a choice a front end can point at (handlers.ts passes it on).
    if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { sentence: true, next } });
  });
}

const name = identifier('session-name');
const accountId = identifier('account-id');
const roleName = identifier('role-name');
const profile = identifier('profile-name');
const region = identifier('region');
const role = z.object({ session: name, accountId, roleName }).strict();
const credentialFormat = z.enum(CREDENTIAL_FORMATS);
const endpointId = z.uuid();
// A service such as s3, or a full console URL (the core checks it belongs to the console).
const consoleTarget = role
  .extend({ region: region.optional(), destination: z.string().min(1).max(2048).optional() })
  .strict();
// How a config sync writes; saved whole in the settings. The core refuses a bad template (even '') in its own words.
// A template's own rules and sentences are the template language's (shared/profile-name-template.ts); this bounds only
// what crosses the wire, so a long template is refused in the language's words.
const template = z.string().max(4 * MAX_TEMPLATE_LENGTH);

const syncChoices = {
  template,
  kind: z.enum(PROFILE_KINDS),
  region: region.optional(),
  prune: z.boolean(),
};

/** A channel: its input schema, and (as a type only) its result. */
function channel<Input extends z.ZodType>(input: Input) {
  return { returns: <Output>() => ({ input, output: undefined as Output | undefined }) };
}

/** Updates on this install: the version waiting for "Restart to update", and what the settings screen says. */
export interface UpdateView {
  offered?: string;
  notes: string[];
}

export const contract = {
  'sessions:list': channel(z.object({}).strict()).returns<SessionView[]>(),
  /** Which session a caller means: the one named, else its AWS profile's sso_session, else the only one. */
  'sessions:choose': channel(
    z.object({ session: name.optional(), profile: z.string().max(256).optional() }).strict(),
  ).returns<string>(),
  'sessions:add': channel(
    z
      .object({
        name,
        startUrl: identifier('start-url'),
        region,
      })
      .strict(),
  ).returns<SessionView>(),
  'sessions:remove': channel(
    z.object({ session: name, dryRun: z.boolean().optional() }).strict(),
  ).returns<SessionRemoval>(),
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
  /**
   * The role's credentials as values, for `exec` and the credential endpoint (they hand them to another process); not
   * recorded as Recent: an endpoint asks on every renewal.
   */
  'credentials:values': channel(role).returns<{
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken: string;
    expiration: string;
  }>(),
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
        region: region.optional(),
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
        profileNameTemplate: template.optional(),
        defaultRegion: z.string().max(32).optional(),
        preferredSignIn: z.enum(SIGN_IN_FLOWS).optional(),
        theme: z.enum(['system', 'light', 'dark']).optional(),
        startAtLogin: z.boolean().optional(),
        // An Electron accelerator ("CommandOrControl+Shift+A"), or empty for none.
        syncConfigProfiles: z.boolean().optional(),
        configSync: z.object(syncChoices).strict().optional(),
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
  'app:capabilities': channel(z.object({}).strict()).returns<{
    startAtLogin: boolean;
    quickPick: boolean;
    update: UpdateView;
  }>(),
  /** Installs the downloaded update and restarts, once no file write is in flight (electron/app/update). */
  'app:restart-to-update': channel(z.object({}).strict()).returns<void>(),
  /** The device code of a sign-in in progress: copy the code or the address, or open the page in the browser. */
  'sessions:sign-in-page': channel(
    z.object({ session: name, action: z.enum(['copy-code', 'copy-address', 'open']) }).strict(),
  ).returns<void>(),
  /** Signs in to the role's Management console in the browser; the login URL (a bearer secret) is never returned. */
  'console:open': channel(consoleTarget).returns<'opened'>(),
  /** The access portal's shortcut link to the role's console (no secret in it); copied when asked. */
  'console:link': channel(consoleTarget.extend({ copy: z.boolean().optional() }).strict()).returns<{
    link: string;
  }>(),
  /** The region a favourite's console opens in; '' clears it. */
  'favourites:region': channel(
    role
      .extend({
        region: z.string().refine((v) => v === '' || REGION_PATTERN.test(v), 'a region looks like us-east-1'),
      })
      .strict(),
  ).returns<Settings>(),
  /**
   * A profile for every role in ~/.aws/config: the diff and sentences (dry run), or the write. A choice left out is the
   * saved one (settings' configSync); region '' is none for this run.
   */
  'config:sync': channel(
    z
      .object({
        session: name.optional(),
        kind: syncChoices.kind.optional(),
        template: syncChoices.template.optional(),
        region: identifier('region', {
          orNone: true,
          next: { do: 'fix-sync-choice', choice: 'region' },
        }).optional(),
        prune: syncChoices.prune.optional(),
        dryRun: z.boolean().optional(),
        maxAgeSeconds: z.number().int().min(0).optional(),
      })
      .strict(),
  ).returns<ConfigSyncResult>(),
  /** Serves the role to local programs at a loopback credential endpoint (the app's; a served role keeps its own). */
  'endpoints:start': channel(role).returns<ServedEndpoint>(),
  /** What is being served: role, address, requests answered; never the token. */
  'endpoints:list': channel(z.object({}).strict()).returns<ServedEndpoint[]>(),
  'endpoints:stop': channel(z.object({ id: endpointId }).strict()).returns<void>(),
  /** The endpoint's two variables as `format` lines, put on the clipboard by the main process (never returned). */
  'endpoints:copy': channel(
    z.object({ id: endpointId, format: z.enum(VARIABLE_FORMATS).default('env') }).strict(),
  ).returns<void>(),
} as const;

type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelArgs<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelResult<C extends Channel> = Exclude<Contract[C]['output'], undefined>;

/** A failed call as it crosses a wire: a code, the problem in one sentence, and its next step (never a cause). */
export const callErrorSchema = z
  .object({ code: z.string().min(1), message: z.string().min(1), next: nextStepSchema.optional() })
  .strict();
export type CallError = z.infer<typeof callErrorSchema>;

/** What one call comes back as wherever it crosses a wire (IPC, the context bridge): its value, or its error. */
export type CallOutcome<C extends Channel = Channel> =
  { ok: true; value: ChannelResult<C> } | { ok: false; error: CallError };

/** Events the core announces, as they cross to the window and the tray (none carries a secret). */
export type AppEvents = CoreEvents;
/** The named events only (CoreEvents also has the emitter's index signature). */
export type AppEventName = keyof { [K in keyof AppEvents as string extends K ? never : K]: true } & string;

/** The task-level API the preload exposes and the CLI uses: one method per channel. */
export type SsoTrayApi = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<ChannelResult<C>>;
};
