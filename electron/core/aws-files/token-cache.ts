// Where SSO tokens and client registrations live: the AWS CLI's ~/.aws/sso/cache, or a secret store when not shared.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { SsoTrayError, sessionLabel } from '../errors.js';
import type { ClientRegistration, SessionConfig, SsoToken } from '../shapes/aws-shapes.js';
import { fileLabel } from './file-label.js';
import { writeFileAtomic } from './atomic-write.js';
import { readTextFile } from './read-text-file.js';
import {
  decodeClientRegistration,
  decodeSsoToken,
  encodeClientRegistration,
  encodeSsoToken,
  registrationCacheFileName,
  tokenCacheFileName,
  type CacheExtras,
  type RegistrationUse,
} from './sso-cache-format.js';

export interface SsoCache {
  /**
   * The session's token, or undefined when there is none or it was made for another start URL or region (the
   * session was re-pointed since). A corrupt entry throws SsoTrayError('file-unreadable').
   */
  readToken(session: SessionConfig): Promise<SsoToken | undefined>;
  writeToken(session: SessionConfig, token: SsoToken): Promise<void>;
  deleteToken(session: SessionConfig): Promise<void>;
  /** The registration for this use (default device code: the one the AWS CLI shares). */
  readRegistration(session: SessionConfig, use?: RegistrationUse): Promise<ClientRegistration | undefined>;
  writeRegistration(
    session: SessionConfig,
    registration: ClientRegistration,
    use?: RegistrationUse,
  ): Promise<void>;
}

/** Strings under the CLI's file names; the Electron shell implements it with safeStorage. */
export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

const forSession = (session: SessionConfig, token: SsoToken | undefined): SsoToken | undefined =>
  token &&
  (token.startUrl || session.startUrl) === session.startUrl &&
  (token.region || session.region) === session.region
    ? token
    : undefined;

/**
 * The cache of SSO Tray over any string store, in the CLI's JSON shape. Keys another tool added to an entry are kept
 * when SSO Tray rewrites it (as the JS SDK does on refresh); SSO Tray never locks here: callers lock around refreshes.
 */
export class SecretStoreSsoCache implements SsoCache {
  constructor(
    private readonly store: SecretStore,
    /** Names an entry in sentences, e.g. "~/.aws/sso/cache/0ad3….json". */
    private readonly describe: (key: string) => string = () => "SSO Tray's secret store",
  ) {}

  async readToken(session: SessionConfig): Promise<SsoToken | undefined> {
    const key = tokenCacheFileName(session);
    const json = await this.store.get(key);
    if (json === undefined) return undefined;
    const decoded = decodeSsoToken(json);
    if (!decoded) throw this.unreadable(session, key);
    return forSession(session, decoded.token);
  }

  async writeToken(session: SessionConfig, token: SsoToken): Promise<void> {
    const key = tokenCacheFileName(session);
    await this.store.set(key, encodeSsoToken(token, await this.extras(key, decodeSsoToken)));
  }

  async deleteToken(session: SessionConfig): Promise<void> {
    await this.store.delete(tokenCacheFileName(session));
  }

  async readRegistration(
    session: SessionConfig,
    use?: RegistrationUse,
  ): Promise<ClientRegistration | undefined> {
    const key = registrationCacheFileName(session, use);
    const json = await this.store.get(key);
    if (json === undefined) return undefined;
    const decoded = decodeClientRegistration(json);
    if (!decoded) throw this.unreadable(session, key);
    return decoded.registration;
  }

  async writeRegistration(
    session: SessionConfig,
    registration: ClientRegistration,
    use?: RegistrationUse,
  ): Promise<void> {
    const key = registrationCacheFileName(session, use);
    const extras = await this.extras(key, decodeClientRegistration);
    await this.store.set(key, encodeClientRegistration(registration, extras));
  }

  private async extras(key: string, decode: (json: string) => { extras: CacheExtras } | undefined) {
    const json = await this.store.get(key).catch(() => undefined);
    return json === undefined ? undefined : decode(json)?.extras;
  }

  private unreadable(session: SessionConfig, key: string): SsoTrayError {
    return new SsoTrayError(
      'file-unreadable',
      `The cached sign-in for ${sessionLabel(session)} in ${this.describe(key)} cannot be read`,
      { next: { do: 'sign-in', session: session.name, when: 'to-replace' } },
    );
  }
}

/** The AWS CLI v2 cache itself: one-line JSON like `aws sso login` writes, files 0600, written atomically. */
export class AwsCliSsoCache extends SecretStoreSsoCache {
  constructor(readonly ssoCacheDir: string) {
    super(
      {
        get: (key) => readTextFile(path.join(ssoCacheDir, key)),
        set: (key, value) => writeFileAtomic(path.join(ssoCacheDir, key), value, { mode: 0o600 }),
        delete: (key) => rm(path.join(ssoCacheDir, key), { force: true }),
      },
      (key) => fileLabel(path.join(ssoCacheDir, key)),
    );
  }
}

/** The in-Node secret store: tokens live only as long as the process. */
export class MemorySsoCache extends SecretStoreSsoCache {
  constructor() {
    const entries = new Map<string, string>();
    super({
      get: async (key) => entries.get(key),
      set: async (key, value) => void entries.set(key, value),
      delete: async (key) => void entries.delete(key),
    });
  }
}
