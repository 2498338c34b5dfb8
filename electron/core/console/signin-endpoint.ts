// The sign-in endpoint override, named as the SDK names service endpoints: the Signin client's serviceId is "Signin"
// (@aws-sdk/nested-clients signin/runtimeConfig.shared.js), so AWS_ENDPOINT_URL_SIGNIN, then AWS_ENDPOINT_URL.
type Env = Record<string, string | undefined>;

export function signinEndpointFromEnv(env: Env = process.env): string | undefined {
  if ((env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').toLowerCase() === 'true') return undefined;
  return env.AWS_ENDPOINT_URL_SIGNIN || env.AWS_ENDPOINT_URL || undefined;
}
