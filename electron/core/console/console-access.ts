// Management console sign-in for a role: its credentials (cached while valid) through the federation endpoint, fresh
// credentials once when the endpoint refuses them; the login URL goes only to the opener it is given, never back.
import { SsoTrayError } from '../errors.js';
import { sameRole } from '../identifiers.js';
import { ConsoleSignInError, consoleSignInUrl, type SigninUrl } from './console-sign-in.js';
import { consoleDestination, partitionOf } from './partition.js';
import { portalConsoleLink } from './portal-console-link.js';
import { isSigninAddress } from './signin-endpoint.js';
import { configuredEndpoint } from '../endpoint-url.js';
import type { CoreParts, RoleRef } from '../assembly/shared-parts.js';
import type { RecentRoles } from '../settings/recent-roles.js';
import type { RoleCredentialsSource } from '../role-credentials/role-credentials-source.js';
import type { SessionRegistry } from '../session/session-registry.js';

export type ConsoleRequest = RoleRef & {
  /** The console's region; else the favourite's, the settings' default, the session's. */
  region?: string;
  /** A service (`s3`) or a full console URL; default the console's home. */
  destination?: string;
};

/** Hands the login URL to a browser (the app's shell.openExternal, the CLI's opener or its --print). */
export type ConsoleOpener = (url: string) => Promise<void>;

export class ConsoleAccess {
  constructor(
    private readonly parts: CoreParts,
    private readonly deps: {
      registry: SessionRegistry;
      credentials: RoleCredentialsSource;
      recent: RecentRoles;
    },
  ) {}

  /** Signs in to the console and opens it; the role is then recently used. */
  async open(request: ConsoleRequest, opener: ConsoleOpener | undefined): Promise<void> {
    if (!opener)
      throw new SsoTrayError(
        'invalid-input',
        'Opening the console needs a browser; print its sign-in URL with `sso-tray console ACCOUNT ROLE --print`.',
      );
    const url = await this.signinUrl(request);
    this.checkOrigin(url);
    await opener(url.reveal());
    await this.deps.recent.markUsed(request);
  }

  /** The access portal's shortcut to the role's console (not a secret: the browser's portal sign-in applies). */
  async portalLink(request: ConsoleRequest): Promise<string> {
    const runtime = this.deps.registry.get(request.session);
    const wanted = request.destination?.trim();
    const region = await this.regionFor(request);
    const destination = wanted ? consoleDestination(partitionOf(region), region, wanted) : undefined;
    return portalConsoleLink(runtime.config.startUrl, request, destination);
  }

  /** The region rule: asked, the favourite's, the settings' default, then the session's. */
  async regionFor(request: ConsoleRequest): Promise<string> {
    if (request.region) return request.region;
    const settings = await this.parts.settingsFile.read();
    const favourite = settings.favourites.find((f) => sameRole(f, request));
    return (
      favourite?.region ?? settings.defaultRegion ?? this.deps.registry.get(request.session).config.region
    );
  }

  private async signinUrl(request: ConsoleRequest): Promise<SigninUrl> {
    const runtime = this.deps.registry.get(request.session);
    const { endpoints } = this.parts.options;
    // Refused before the role's credentials are even fetched: they would go to this address (endpoint-url.ts).
    const endpoint = configuredEndpoint(endpoints, 'signin');
    const endpointSource = endpoints?.sources?.signin;
    const options = {
      region: await this.regionFor(request),
      issuer: runtime.config.startUrl,
      ...(request.destination ? { destination: request.destination } : {}),
      ...(endpoint ? { endpoint } : {}),
      ...(endpointSource ? { endpointSource } : {}),
      ...(endpoints?.network ? { network: endpoints.network } : {}),
    };
    try {
      return await consoleSignInUrl(await this.deps.credentials.get(request), options);
    } catch (error) {
      // Cached credentials the endpoint no longer takes (expired early, revoked): fetched again, exactly once.
      if (!(error instanceof ConsoleSignInError) || !error.credentialsRefused) throw error;
      return consoleSignInUrl(await this.deps.credentials.renew(request), options);
    }
  }

  /** Only the sign-in endpoint's https origin (or the configured endpoint's, such as the emulator) is opened. */
  private checkOrigin(url: SigninUrl): void {
    if (!isSigninAddress(url.reveal(), this.parts.options.endpoints?.signin))
      throw new SsoTrayError(
        'internal',
        'The console sign-in address was not the AWS sign-in endpoint, so it was not opened.',
      );
  }
}
