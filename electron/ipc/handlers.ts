// The handler table: one function per channel over the core. IPC registers it, the CLI and the window tests call it;
// it knows no transport. Every call is checked against the contract first.
import * as z from 'zod';
import { SsoTrayError, isSsoTrayError } from '../core/errors.js';
import type { SsoTrayCore } from '../core/core.js';
import type { Problem } from '../core/next-step.js';
import { nextStepSchema } from './next-step-schema.js';
import {
  formatCredentials,
  formatVariables,
  type CredentialFormat,
} from '../core/role-credentials/formats.js';
import { isWebAddress } from '../core/endpoint-url.js';
import type { Settings, SignInProgress } from '../core/shapes/front-end-shapes.js';
import {
  callErrorSchema,
  contract,
  type CallError,
  type CallOutcome,
  type Channel,
  type ChannelArgs,
  type ChannelResult,
  type UpdateView,
} from './contract.js';

export type HandlerTable = { [C in Channel]: (args: ChannelArgs<C>) => Promise<ChannelResult<C>> };

/** What only the app has: the clipboard (the CLI prints instead). */
export interface HandlerCapabilities {
  clipboard?: { writeText(text: string): Promise<void> | void }; // Electron 45's is asynchronous
  /** Opens an address in the system browser (the app's shell.openExternal). */
  openExternal?(url: string): Promise<void>;
  /** Applies saved settings to the desktop (start at login, the quick-pick's shortcut); present where it can. */
  applySettings?(settings: Settings): void;
  /** Whether the OS lets an app start at login (Electron: macOS and Windows). */
  startAtLogin?: boolean;
  /** Whether a quick-pick window exists. */
  quickPick?: boolean;
  /** The installed app's updates (electron/app/update/start-updates.ts). */
  updates?: { status(): UpdateView; restart(): Promise<void> };
}

const VALUE_OF = {
  'access-key-id': 'accessKeyId',
  'secret-access-key': 'secretAccessKey',
  'session-token': 'sessionToken',
} as const;

export function createHandlers(core: SsoTrayCore, capabilities: HandlerCapabilities = {}): HandlerTable {
  // The device code of each sign-in in progress: the window copies or opens only what the core announced.
  const deviceCodes = new Map<string, Extract<SignInProgress, { step: 'device-code' }>>();
  core.on('sign-in-progress', ({ session, progress }) => {
    if (progress.step === 'device-code') deviceCodes.set(session, progress);
    else if (progress.step !== 'waiting') deviceCodes.delete(session);
  });
  core.on('session-changed', (view) => {
    if (view.state !== 'signing-in') deviceCodes.delete(view.name);
  });
  return {
    'sessions:list': async () => {
      await core.start();
      return core.sessions();
    },
    'sessions:choose': (args) => core.chooseSession(args),
    'sessions:add': (args) => core.addSession(args),
    'sessions:remove': (args) => core.removeSession(args.session, { dryRun: args.dryRun }),
    'sessions:sign-in': (args) => core.signIn(args.session, args.flow),
    'sessions:cancel-sign-in': async (args) => core.cancelSignIn(args.session),
    'sessions:sign-out': (args) => core.signOut(args.session),
    'accounts:list': (args) =>
      core.accounts(
        args.session,
        args.maxAgeSeconds === undefined ? {} : { maxAgeMs: args.maxAgeSeconds * 1000 },
      ),
    'accounts:cached': async (args) =>
      (await core.cachedAccounts(
        args.session,
        args.refreshAfterSeconds === undefined ? {} : { refreshAfterMs: args.refreshAfterSeconds * 1000 },
      )) ?? null,
    'accounts:roles': (args) => core.accountRoles(args.session, args.accountId),
    'accounts:find': (args) => core.findAccount(args.session, args.query),
    'credentials:text': (args) => core.credentialsText(args),
    'credentials:process': async (args) => {
      const credentials = await core.credentials(args);
      return {
        text: formatCredentials('process', credentials),
        expiration: credentials.expiration.toISOString(),
      };
    },
    'credentials:values': async (args) => {
      const { accessKeyId, secretAccessKey, sessionToken, expiration } = await core.credentials(args);
      return { accessKeyId, secretAccessKey, sessionToken, expiration: expiration.toISOString() };
    },
    // Copied in the main process: the window never handles the secret to put it on the clipboard.
    'credentials:copy': async ({ what, ...role }) => {
      const clipboard = capabilities.clipboard;
      if (!clipboard) {
        throw new SsoTrayError(
          'invalid-input',
          'Copying needs the SSO Tray app; print credentials with `sso-tray creds` instead.',
        );
      }
      if (what in VALUE_OF) {
        const credentials = await core.credentials(role);
        await clipboard.writeText(credentials[VALUE_OF[what as keyof typeof VALUE_OF]]);
        return { expiration: credentials.expiration.toISOString() };
      }
      const { text, expiration } = await core.credentialsText({ ...role, format: what as CredentialFormat });
      await clipboard.writeText(text);
      return { expiration };
    },
    'profiles:list': () => core.profiles(),
    'profiles:write': (args) => core.writeProfile(args),
    'config:write-profile': (args) => core.writeConfigProfile(args),
    'profiles:remove': async (args) => ({
      removed: await core.removeProfile(args.profile, { force: args.force }),
    }),
    'settings:get': () => core.settings(),
    'settings:update': async (args) => {
      const settings = await core.updateSettings(args);
      capabilities.applySettings?.(settings);
      return settings;
    },
    'favourites:toggle': (args) => core.toggleFavourite(args),
    'app:capabilities': async () => ({
      startAtLogin: capabilities.startAtLogin ?? false,
      quickPick: capabilities.quickPick ?? false,
      update: capabilities.updates?.status() ?? { notes: [] },
    }),
    'app:restart-to-update': async () => {
      if (!capabilities.updates?.status().offered)
        throw new SsoTrayError(
          'invalid-input',
          'No update is waiting; SSO Tray offers one as soon as it is downloaded.',
        );
      await capabilities.updates.restart();
    },
    'sessions:sign-in-page': async ({ session, action }) => {
      const code = deviceCodes.get(session);
      if (!code) {
        throw new SsoTrayError(
          'invalid-input',
          `No device-code sign-in to ${session} is waiting; press Sign in with a device code again.`,
        );
      }
      if (action === 'open') {
        // The core announced only Identity Center's own pages (sign-in-page-address.ts); still, a web page only.
        if (!isWebAddress(code.verificationUriComplete))
          throw new SsoTrayError(
            'sign-in-failed',
            'The sign-in page address is not a web address; sign in again.',
          );
        if (!capabilities.openExternal)
          throw new SsoTrayError('invalid-input', `Open ${code.verificationUriComplete} in your browser.`);
        await capabilities.openExternal(code.verificationUriComplete);
        return;
      }
      if (!capabilities.clipboard)
        throw new SsoTrayError('invalid-input', 'Copying needs the SSO Tray app; type the code instead.');
      await capabilities.clipboard.writeText(action === 'copy-code' ? code.userCode : code.verificationUri);
    },
    'console:open': async (args) => {
      await core.openConsole(args, capabilities.openExternal?.bind(capabilities));
      return 'opened';
    },
    'console:link': async ({ copy, ...target }) => {
      const link = await core.consoleLink(target);
      if (copy) {
        if (!capabilities.clipboard)
          throw new SsoTrayError('invalid-input', 'Copying needs the SSO Tray app; print the link instead.');
        await capabilities.clipboard.writeText(link);
      }
      return { link };
    },
    'favourites:region': ({ region, ...role }) => core.setFavouriteRegion(role, region || undefined),
    'endpoints:start': (role) => core.endpoints.start(role),
    'endpoints:list': async () => core.endpoints.list(),
    'endpoints:stop': ({ id }) => core.endpoints.stop(id),
    // The token goes to the clipboard from here: the window shows the endpoint, never its token.
    'endpoints:copy': async ({ id, format }) => {
      if (!capabilities.clipboard)
        throw new SsoTrayError(
          'invalid-input',
          'Copying needs the SSO Tray app; use `sso-tray serve` instead.',
        );
      await capabilities.clipboard.writeText(formatVariables(format, core.endpoints.variables(id)));
    },
    'config:sync': ({ maxAgeSeconds, ...request }) =>
      core.syncConfigProfiles({
        ...request,
        ...(maxAgeSeconds === undefined ? {} : { maxAgeMs: maxAgeSeconds * 1000 }),
      }),
  };
}

/**
 * Validates untrusted input against the contract and calls the handler. Errors come back as a code and one
 * sentence; anything unexpected is reported without its details, which could carry a secret.
 */
export async function invoke<C extends Channel>(
  handlers: HandlerTable,
  channel: C,
  rawInput: unknown,
  /** Told what a handler threw, before it is reduced to a code and a sentence (the CLI keeps it as the cause). */
  onThrown?: (error: unknown) => void,
): Promise<CallOutcome<C>> {
  if (!Object.hasOwn(contract, channel)) {
    return {
      ok: false,
      error: { code: 'invalid-input', message: `There is no operation named ${String(channel)}.` },
    };
  }
  const parsed = contract[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-input', ...describeIssues(parsed.error) } };
  }
  try {
    const handler = handlers[channel] as (args: unknown) => Promise<ChannelResult<C>>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    onThrown?.(error);
    return { ok: false, error: errorForCaller(error) };
  }
}

/** The error as it leaves for a caller, checked against the contract (so nothing but the code, the sentence and a
 * well-formed next step ever crosses); anything else is the one sentence for an internal failure. */
export function errorForCaller(error: unknown): CallError {
  const checked = isSsoTrayError(error) ? callErrorSchema.safeParse(error.toJSON()) : undefined;
  if (checked?.success) return checked.data;
  return new SsoTrayError(
    'internal',
    'Something went wrong inside SSO Tray; try again, and report it if it persists.',
  ).toJSON();
}

function describeIssues(error: z.ZodError): Problem {
  const issue = error.issues[0];
  if (!issue) return { message: 'The request was not valid.' };
  // An identifier's refusal is already one sentence naming the field and AWS's rule, with its step when it has one.
  if (issue.code === 'custom' && issue.params?.sentence === true) {
    const next = nextStepSchema.safeParse(issue.params.next);
    return { message: issue.message, ...(next.success ? { next: next.data } : {}) };
  }
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return { message: `The request was not valid (${where}${issue.message}).` };
}
