// Everything Identity Center remembers between calls: directories, clients, pending approvals, sessions, tokens.
import type { Directory, Lifetimes } from './model.js';
import * as random from './random-values.js';

export interface Client {
  clientId: string;
  clientSecret: string;
  clientName: string;
  issuedAt: number;
  secretExpiresAt: number;
  scopes: string[];
  /** As registered; undefined = a device-flow registration (device_code and refresh_token). */
  grantTypes: string[] | undefined;
  redirectUris: string[];
  /** From issuerUrl; undefined = the default directory. */
  directory: Directory | undefined;
}

export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  client: Client;
  directory: Directory;
  expiresAt: number;
  intervalMs: number;
  lastPolledAt: number | undefined;
  decision: 'pending' | 'approved' | 'denied' | 'redeemed';
}

export interface AuthorizationCode {
  client: Client;
  directory: Directory;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
  expiresAt: number;
}

/** One sign-in: the access tokens and the live refresh token it has handed out. */
export interface Session {
  directory: Directory;
  clientId: string;
  scopes: string[];
  revoked: boolean;
  accessTokens: string[];
  refreshToken: string | undefined;
}

interface IssuedToken {
  session: Session;
  expiresAt: number;
}

export interface TokenGrant {
  accessToken: string;
  refreshToken: string | undefined;
  expiresIn: number;
}

// Short-lived and single-use, like any OAuth authorization code.
export const AUTHORIZATION_CODE_SECONDS = 300;

export const REFRESH_SCOPE = 'sso:account:access';

/** A start URL compared as the service would: case-insensitive host, no trailing slashes. */
export function normaliseStartUrl(url: string): string {
  return url
    .trim()
    .replace(/[/#]+$/, '')
    .toLowerCase();
}

export class IdentityStore {
  readonly clients = new Map<string, Client>();
  private readonly devices = new Map<string, DeviceAuthorization>();
  private readonly userCodes = new Map<string, DeviceAuthorization>();
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly accessTokens = new Map<string, IssuedToken>();
  private readonly refreshTokens = new Map<string, IssuedToken>();
  private readonly sessions: Session[] = [];

  constructor(
    readonly directories: Directory[],
    readonly lifetimes: Lifetimes,
    readonly now: () => number,
  ) {}

  get defaultDirectory(): Directory {
    return this.directories[0] as Directory;
  }

  findDirectory(startUrl: string): Directory | undefined {
    const wanted = normaliseStartUrl(startUrl);
    return this.directories.find((d) => normaliseStartUrl(d.startUrl) === wanted);
  }

  addClient(client: Client): void {
    this.clients.set(client.clientId, client);
  }

  startDevice(client: Client, directory: Directory): DeviceAuthorization {
    let userCode = random.userCode();
    while (this.userCodes.has(userCode)) userCode = random.userCode();
    const device: DeviceAuthorization = {
      deviceCode: random.deviceCode(),
      userCode,
      client,
      directory,
      expiresAt: this.now() + this.lifetimes.deviceCodeSeconds * 1000,
      intervalMs: this.lifetimes.deviceIntervalSeconds * 1000,
      lastPolledAt: undefined,
      decision: 'pending',
    };
    this.devices.set(device.deviceCode, device);
    this.userCodes.set(userCode, device);
    return device;
  }

  deviceByCode(deviceCode: string): DeviceAuthorization | undefined {
    return this.devices.get(deviceCode);
  }

  /** A device request a person may still approve or deny: known, pending and not expired. */
  pendingDevice(userCode: string): DeviceAuthorization | undefined {
    const device = this.liveDevice(userCode);
    return device?.decision === 'pending' ? device : undefined;
  }

  /** A device request not yet redeemed and not expired, whatever its decision. */
  liveDevice(userCode: string): DeviceAuthorization | undefined {
    const device = this.userCodes.get(userCode.trim().toUpperCase());
    if (!device || device.decision === 'redeemed' || this.now() >= device.expiresAt) return undefined;
    return device;
  }

  issueCode(grant: AuthorizationCode): string {
    const code = random.authorizationCode();
    this.codes.set(code, grant);
    return code;
  }

  /** Single use: the code is gone after the first attempt, whatever its outcome. */
  takeCode(code: string): AuthorizationCode | undefined {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    if (!grant || this.now() >= grant.expiresAt) return undefined;
    return grant;
  }

  startSession(directory: Directory, clientId: string, scopes: string[]): TokenGrant {
    const session: Session = {
      directory,
      clientId,
      scopes,
      revoked: false,
      accessTokens: [],
      refreshToken: undefined,
    };
    this.sessions.push(session);
    return this.issueTokens(session);
  }

  /** Rotates: the presented refresh token is spent, a new pair is issued in the same session. */
  refresh(refreshToken: string, clientId: string): TokenGrant | undefined {
    const issued = this.refreshTokens.get(refreshToken);
    if (!issued) return undefined;
    const { session } = issued;
    if (session.revoked || session.refreshToken !== refreshToken || session.clientId !== clientId)
      return undefined;
    if (this.now() >= issued.expiresAt) return undefined;
    this.refreshTokens.delete(refreshToken);
    return this.issueTokens(session);
  }

  /** The session behind a live access token, or undefined for unknown, expired or revoked ones. */
  sessionFor(accessToken: string): Session | undefined {
    const issued = this.accessTokens.get(accessToken);
    if (!issued || issued.session.revoked || this.now() >= issued.expiresAt) return undefined;
    return issued.session;
  }

  revoke(session: Session): void {
    session.revoked = true;
    for (const token of session.accessTokens) this.accessTokens.delete(token);
    if (session.refreshToken) this.refreshTokens.delete(session.refreshToken);
    session.accessTokens = [];
    session.refreshToken = undefined;
  }

  revokeAll(startUrl?: string): void {
    const wanted = startUrl === undefined ? undefined : normaliseStartUrl(startUrl);
    for (const session of this.sessions) {
      if (wanted === undefined || normaliseStartUrl(session.directory.startUrl) === wanted)
        this.revoke(session);
    }
  }

  private issueTokens(session: Session): TokenGrant {
    const now = this.now();
    const accessToken = random.accessToken();
    this.accessTokens.set(accessToken, {
      session,
      expiresAt: now + this.lifetimes.accessTokenSeconds * 1000,
    });
    session.accessTokens.push(accessToken);
    let refreshToken: string | undefined;
    if (session.scopes.includes(REFRESH_SCOPE)) {
      refreshToken = random.refreshToken();
      this.refreshTokens.set(refreshToken, {
        session,
        expiresAt: now + this.lifetimes.refreshTokenSeconds * 1000,
      });
    }
    if (session.refreshToken) this.refreshTokens.delete(session.refreshToken);
    session.refreshToken = refreshToken;
    return { accessToken, refreshToken, expiresIn: this.lifetimes.accessTokenSeconds };
  }
}
