// The nouns of the core, shared by sign-in, listing, files, formats, the IPC contract and the CLI.

/** One Identity Center sign-in: an `[sso-session]` of ~/.aws/config, a legacy SSO profile, or the app's own. */
export interface SessionConfig {
  /** The sso-session name; for a legacy profile, the profile name. */
  name: string;
  startUrl: string;
  /** The Identity Center region (sso_region). */
  region: string;
  /** sso_registration_scopes as configured; undefined when not configured. */
  registrationScopes?: string[];
  /** Where it came from: written by the app, an [sso-session] section, or a legacy [profile] with sso_start_url. */
  source: 'app' | 'sso-session' | 'legacy-profile';
}

/** The SSO token as the AWS CLI v2 caches it in ~/.aws/sso/cache (times as Date). */
export interface SsoToken {
  startUrl: string;
  region: string;
  accessToken: string;
  expiresAt: Date;
  clientId?: string;
  clientSecret?: string;
  registrationExpiresAt?: Date;
  refreshToken?: string;
}

/** A client registration (RegisterClient result) as the CLI caches it. */
export interface ClientRegistration {
  clientId: string;
  clientSecret: string;
  expiresAt: Date;
  scopes?: string[];
  grantTypes?: string[];
}

export interface Account {
  accountId: string;
  accountName: string;
  emailAddress: string;
}

export interface Role {
  accountId: string;
  roleName: string;
}

export interface RoleCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  accountId: string;
  roleName: string;
}

/** Where the core reads and writes; every path is injected so tests never touch the real ~/.aws. */
export interface AwsPaths {
  homeDir: string;
  /** AWS_CONFIG_FILE or ~/.aws/config */
  configFile: string;
  /** AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials */
  credentialsFile: string;
  /** ~/.aws/sso/cache (no override exists in the CLI) */
  ssoCacheDir: string;
  /** The app's own state: settings, the owned-profiles record, listing caches. */
  appDataDir: string;
}

/** Service endpoints; undefined means the SDK's default for the region. */
export interface Endpoints {
  oidc?: string;
  portal?: string;
  /** The sign-in federation endpoint (AWS_ENDPOINT_URL_SIGNIN), for console sign-in. */
  signin?: string;
  /** What set each one (an environment variable), named when endpoint-url.ts refuses it; else "the <kind> endpoint". */
  sources?: Partial<Record<EndpointKind, string>>;
  /** How requests reach them: proxies and extra trusted roots (core/network/); undefined: direct, Node's roots. */
  network?: NetworkRoute;
}

/** The proxy variables and the extra certificate roots every request of the core honours, as the AWS CLI does. */
export interface NetworkRoute {
  /** The `*_proxy` variables (any case) and REQUEST_METHOD, as they were in the environment. */
  proxyEnv: Readonly<Record<string, string>>;
  /** AWS_CA_BUNDLE: a PEM file whose roots are trusted besides Node's own. */
  caBundle?: string;
  /** Also trust the operating system's store (the app, as its browser does). */
  systemRoots?: boolean;
  /** The system's proxy for a URL as a PAC result ("PROXY host:port; DIRECT"), asked when no variable decides (the app). */
  systemProxy?: (url: string) => Promise<string>;
}

export type EndpointKind = 'oidc' | 'portal' | 'signin';
