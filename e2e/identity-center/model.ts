// The emulator's public nouns: what tests, benchmarks and the CLI configure and read back.

export type ApiName =
  | 'RegisterClient'
  | 'StartDeviceAuthorization'
  | 'CreateToken'
  | 'Authorize'
  | 'ListAccounts'
  | 'ListAccountRoles'
  | 'GetRoleCredentials'
  | 'Logout'
  | 'GetSigninToken'
  | 'Login'
  | 'GetCallerIdentity';

export const API_NAMES: readonly [ApiName, ...ApiName[]] = [
  'RegisterClient',
  'StartDeviceAuthorization',
  'CreateToken',
  'Authorize',
  'ListAccounts',
  'ListAccountRoles',
  'GetRoleCredentials',
  'Logout',
  'GetSigninToken',
  'Login',
  'GetCallerIdentity',
];

export interface OrganisationAccount {
  accountId: string;
  accountName: string;
  emailAddress: string;
  /** Permission sets assigned to the signed-in user in this account. */
  roles: string[];
}

export interface Organisation {
  accounts: OrganisationAccount[];
}

export interface Directory {
  startUrl: string;
  region: string;
  organisation: Organisation;
}

export interface Lifetimes {
  accessTokenSeconds: number;
  refreshTokenSeconds: number;
  clientSecretSeconds: number;
  deviceCodeSeconds: number;
  deviceIntervalSeconds: number;
  roleCredentialSeconds: number;
}

export const DEFAULT_LIFETIMES: Lifetimes = {
  accessTokenSeconds: 8 * 3600,
  refreshTokenSeconds: 90 * 86400,
  clientSecretSeconds: 90 * 86400,
  deviceCodeSeconds: 600,
  deviceIntervalSeconds: 1,
  roleCredentialSeconds: 3600,
};

export interface RateLimit {
  perSecond: number;
  burst: number;
}

export interface EmulatorOptions {
  /** 0 (default) = a free port. */
  port?: number;
  /** /authorize and device codes are approved without a click. */
  autoApprove?: boolean;
  /** Default: the demo organisation. */
  organisation?: Organisation;
  /** Generate a big organisation with this many accounts instead. */
  accounts?: number;
  /** Default 'https://d-0000000000.awsapps.com/start'. */
  startUrl?: string;
  /** Default 'us-east-1'. */
  region?: string;
  /** Extra directories, each with its own organisation. */
  directories?: Directory[];
  /** The emulator's clock (epoch ms); default Date.now; tests pass FakeClock.now. */
  now?: () => number;
  lifetimes?: Partial<Lifetimes>;
  latencyMs?: Partial<Record<ApiName, number>>;
  rateLimits?: Partial<Record<ApiName, RateLimit>>;
  /**
   * Makes rated faults repeatable: whether one hits a call depends only on this seed, the request line and how many
   * times that request came before, not on Math.random or the order concurrent calls arrive in.
   */
  faultSeed?: string;
  /** Request lines for the CLI; never secrets. */
  log?: (line: string) => void;
  /** Serve https with this key and certificate (PEM) instead of plain http: a network's own TLS, for trust tests. */
  tls?: { key: string; cert: string };
}

/**
 * One API call as the emulator answered it; status 0 means the connection was dropped (by the emulator's 'drop' fault,
 * or by the client giving up while the call was held: `abandoned`). Never tokens or secrets.
 */
export interface CallRecord {
  api: ApiName;
  at: number;
  status: number;
  /** The client closed the connection while the emulator held the call (latency or a 'slow' fault). */
  abandoned?: true;
  errorType?: string;
  grantType?: string;
  accountId?: string;
  roleName?: string;
  startUrl?: string;
  clientId?: string;
  /** How long the emulator held the call before answering (its latency for the API plus a 'slow' fault's delay), if at all. */
  heldMs?: number;
  /** GetCallerIdentity: when the role credentials that signed the call expire (which set signed it, with no key in the log). */
  credentialsExpireAt?: number;
}

export type Fault = {
  api: ApiName | '*';
  kind: 'server-error' | 'throttle' | 'drop' | 'slow';
  /** The next N matching calls; without count or rate, every matching call until cleared. */
  count?: number;
  /** Probability 0..1 for each matching call. */
  rate?: number;
  delayMs?: number;
  status?: 500 | 502 | 503 | 504;
};

export interface RunningEmulator {
  /** 'http://127.0.0.1:PORT' (use as AWS_ENDPOINT_URL_SSO_OIDC and AWS_ENDPOINT_URL_SSO). */
  url: string;
  startUrl: string;
  region: string;
  organisation: Organisation;
  calls(filter?: Partial<Pick<CallRecord, 'api' | 'status'>>): CallRecord[];
  clearCalls(): void;
  injectFault(fault: Fault): void;
  clearFaults(): void;
  setRateLimit(api: ApiName, limit: RateLimit | undefined): void;
  setLatency(api: ApiName, ms: number): void;
  /** Only when no `now` was injected: shifts the emulator's own clock. */
  advanceClock(ms: number): void;
  /** Like an admin ending every session: access and refresh tokens revoked. */
  revokeSessions(startUrl?: string): void;
  /** What clicking Approve on the device page does. */
  approveDevice(userCode: string): Promise<void>;
  denyDevice(userCode: string): Promise<void>;
  /** What a browser + Approve does for /authorize: returns the redirect Location and GETs it, like a browser. */
  approveAuthorization(authorizeUrl: string): Promise<string>;
  denyAuthorization(authorizeUrl: string): Promise<string>;
  close(): Promise<void>;
}
