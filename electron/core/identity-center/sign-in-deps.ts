// What every Identity Center call of a sign-in, refresh or logout needs: the service endpoints and clock, the token cache
// and the browser opener. Its own file so sign-in, token refresh and sign-out share it without importing each other.
import type { SsoCache } from '../aws-files/token-cache.js';
import type { ServiceDeps } from './clients.js';

export interface SignInDeps extends ServiceDeps {
  cache: SsoCache;
  /** Absent, or throwing, for PKCE: fall back to device code where the caller allows it. */
  openBrowser?: (url: string) => Promise<void>;
}
