// Where updates come from: the feed electron-builder packed as resources/app-update.yml (GitHub Releases, or the generic
// server given at build time: build/electron-builder.config.mjs), or SSO_TRAY_UPDATE_URL at run time (a generic
// server holding latest*.yml and the installers, https://www.electron.build/auto-update#configuration).
import { isIP } from 'node:net';

export interface GenericFeed {
  provider: 'generic';
  url: string;
}

/**
 * Why an update server cannot be used, or undefined when it can: https, or plain http to this machine only (a test or
 * a local mirror). Stand-in for the hardening branch's URL check: swap this function for it when both have landed.
 */
function updateServerRefusal(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `The update server "${url}" is not a URL; set SSO_TRAY_UPDATE_URL to an https:// address.`;
  }
  if (parsed.username || parsed.password)
    return 'The update server address holds a user name or password; set SSO_TRAY_UPDATE_URL without them.';
  if (parsed.protocol === 'https:') return undefined;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || (isIP(host) === 4 && host.startsWith('127.')) || host === '::1';
  if (parsed.protocol === 'http:' && loopback) return undefined;
  return `The update server "${parsed.origin}" is not https; set SSO_TRAY_UPDATE_URL to an https:// address.`;
}

/** SSO_TRAY_UPDATE_URL as a generic feed; a refused address is the sentence saying why. */
export function feedFromEnv(env: NodeJS.ProcessEnv): GenericFeed | { refusal: string } | undefined {
  const url = env.SSO_TRAY_UPDATE_URL?.trim();
  if (!url) return undefined;
  const refusal = updateServerRefusal(url);
  return refusal ? { refusal } : { provider: 'generic', url };
}
