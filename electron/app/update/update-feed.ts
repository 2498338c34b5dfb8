// Where updates come from: the feed electron-builder packed as resources/app-update.yml (GitHub Releases, or the generic
// server given at build time: build/electron-builder.config.mjs), or SSO_TRAY_UPDATE_URL at run time (a generic
// server holding latest*.yml and the installers, https://www.electron.build/auto-update#configuration).
import { checkEndpointUrl } from '../../core/public.js';

export interface GenericFeed {
  provider: 'generic';
  url: string;
}

/** SSO_TRAY_UPDATE_URL as a generic feed; a refused address is the sentence saying why. */
export function feedFromEnv(env: NodeJS.ProcessEnv): GenericFeed | { refusal: string } | undefined {
  const url = env.SSO_TRAY_UPDATE_URL?.trim();
  if (!url) return undefined;
  try {
    checkEndpointUrl(url, 'SSO_TRAY_UPDATE_URL'); // https, or plain http to this machine only, like every endpoint
  } catch (error) {
    return { refusal: (error as Error).message };
  }
  return { provider: 'generic', url };
}
