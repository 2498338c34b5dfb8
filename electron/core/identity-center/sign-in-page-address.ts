// Which sign-in pages a browser may be pointed at: https on Identity Center's own hosts for the session's region
// (oidc.REGION for /authorize, device.sso.REGION for the device code), the start URL's portal (newer device-code
// pages live there), or exactly the configured OIDC endpoint (the emulator on 127.0.0.1).
import { SsoTrayError, sessionLabel } from '../errors.js';
import { isOpenableUrl } from '../endpoint-url.js';
import type { Endpoints, SessionConfig } from '../shapes/aws-shapes.js';

/** The address unchanged, or one sentence: a page elsewhere is never opened (nor shown as the place to sign in). */
export function checkSignInPage(href: string, session: SessionConfig, endpoints: Endpoints): string {
  const { region } = session;
  const hosts = ['oidc', 'device.sso'].flatMap((service) => [
    `${service}.${region}.amazonaws.com`,
    `${service}.${region}.amazonaws.com.cn`,
  ]);
  if (URL.canParse(session.startUrl)) hosts.push(new URL(session.startUrl).hostname);
  // The access portal's own domains (https://docs.aws.amazon.com/singlesignon/latest/userguide/howtochangeURL.html).
  if (
    isOpenableUrl(href, {
      domains: ['awsapps.com', 'awsapps.cn', 'app.aws'],
      hosts,
      endpoints: [endpoints.oidc],
    })
  )
    return href;
  const where = URL.canParse(href) ? new URL(href).host : 'an address that is not a URL';
  throw new SsoTrayError(
    'sign-in-failed',
    `The sign-in service for ${sessionLabel(session)} sent a sign-in page on ${where}, which is not Identity Center's, so it was not opened; check AWS_ENDPOINT_URL_SSO_OIDC and the session's region, then sign in again.`,
  );
}
