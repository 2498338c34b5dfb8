// Where SSO tokens live: the AWS CLI's cache when sharing is on (the setting), else the app's secret store.
import { AwsCliSsoCache, MemorySsoCache, type SsoCache } from '../aws-files/token-cache.js';
import type { Settings } from '../shapes/front-end-shapes.js';

export class TokenStore {
  cache: SsoCache;
  /** Whether tokens and role credentials are shared with the AWS CLI (its caches are read and written). */
  sharing = true;

  constructor(
    private readonly ssoCacheDir: string,
    private readonly secretStore: SsoCache | undefined,
  ) {
    this.cache = new AwsCliSsoCache(ssoCacheDir);
  }

  /** Follows the setting (after a change, every session must be reloaded on the new store). */
  follow(settings: Settings): void {
    this.sharing = settings.shareTokenCacheWithAwsCli;
    this.cache = this.sharing
      ? new AwsCliSsoCache(this.ssoCacheDir)
      : (this.secretStore ?? new MemorySsoCache());
  }

  get shared(): boolean {
    return this.cache instanceof AwsCliSsoCache;
  }
}
