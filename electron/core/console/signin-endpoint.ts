// The sign-in endpoint override, named as the SDK names service endpoints: the Signin client's serviceId is "Signin"
// (@aws-sdk/nested-clients signin/runtimeConfig.shared.js), so AWS_ENDPOINT_URL_SIGNIN, then AWS_ENDPOINT_URL.
import { isOpenableUrl } from '../endpoint-url.js';

type Env = Record<string, string | undefined>;

export const SIGNIN_ENDPOINT_VARIABLE = 'AWS_ENDPOINT_URL_SIGNIN';

export function signinEndpointFromEnv(env: Env = process.env): string | undefined {
  if ((env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').toLowerCase() === 'true') return undefined;
  return env[SIGNIN_ENDPOINT_VARIABLE] || env.AWS_ENDPOINT_URL || undefined;
}

/** The sign-in service's hosts in the partitions SSO Tray opens (partition.ts). */
const SIGNIN_HOST = /^[a-z0-9-]+\.signin\.(aws\.amazon\.com|amazonaws\.cn|amazonaws-us-gov\.com)$/;

/**
 * Whether a login URL may be handed to the browser: the configured endpoint's origin when one is set (the emulator),
 * else an https address of AWS's sign-in service in one of the partitions SSO Tray opens.
 */
export function isSigninAddress(href: string, endpoint: string | undefined): boolean {
  if (endpoint !== undefined) return isOpenableUrl(href, { domains: [], endpoints: [endpoint] });
  if (
    !isOpenableUrl(href, {
      domains: ['signin.aws.amazon.com', 'signin.amazonaws.cn', 'signin.amazonaws-us-gov.com'],
    })
  )
    return false;
  return SIGNIN_HOST.test(new URL(href).hostname);
}
