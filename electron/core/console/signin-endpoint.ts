// The sign-in endpoint override, named as the SDK names service endpoints: the Signin client's serviceId is "Signin"
// (@aws-sdk/nested-clients signin/runtimeConfig.shared.js), so AWS_ENDPOINT_URL_SIGNIN, then AWS_ENDPOINT_URL.
type Env = Record<string, string | undefined>;

export function signinEndpointFromEnv(env: Env = process.env): string | undefined {
  if ((env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').toLowerCase() === 'true') return undefined;
  return env.AWS_ENDPOINT_URL_SIGNIN || env.AWS_ENDPOINT_URL || undefined;
}

/**
 * Whether a login URL may be handed to the browser: the configured endpoint's origin when one is set (the emulator),
 * else an https address of AWS's sign-in service in one of the partitions SSO Tray opens.
 */
export function isSigninAddress(href: string, endpoint: string | undefined): boolean {
  if (!URL.canParse(href)) return false;
  const url = new URL(href);
  if (url.username || url.password) return false;
  if (endpoint !== undefined) return URL.canParse(endpoint) && url.origin === new URL(endpoint).origin;
  return (
    url.protocol === 'https:' &&
    url.port === '' &&
    /^[a-z0-9-]+\.signin\.(aws\.amazon\.com|amazonaws\.cn|amazonaws-us-gov\.com)$/.test(url.hostname)
  );
}
