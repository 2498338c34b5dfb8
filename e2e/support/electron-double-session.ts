// Electron's `session` as the double plays it: a partition's session for electron-updater's downloads, and the
// default session's proxy, which setProxy sets and resolveProxy answers in PAC form as Chromium does.
import type * as Electron from 'electron';
import { onReset, record } from './electron-double-log.js';

/** The rules the last setProxy gave ("" for none: every URL goes DIRECT, as on a machine with no proxy settings). */
let proxyRules = '';
onReset(() => (proxyRules = ''));

/** PAC kind and default port of each proxy scheme in a proxyURIList entry. */
const PAC_KINDS: Record<string, [string, number]> = {
  http: ['PROXY', 80],
  https: ['HTTPS', 443],
  socks: ['SOCKS', 1080],
  socks4: ['SOCKS', 1080],
  socks5: ['SOCKS5', 1080],
};

/**
 * The PAC result for `url` under `rules`, as Chromium gives it (ProxyConfig's grammar,
 * https://www.electronjs.org/docs/latest/api/structures/proxy-config): `proxyRules` is `[<urlScheme>"="]<proxyURIList>`
 * separated by ";"; the rule for the URL's scheme applies, else the one without a scheme, else `socks=`'s ("use SOCKS4
 * proxy foopy2:1080 for all other URLs"). Each proxy of the comma-separated list, tried in order, is one PAC entry:
 * "PROXY host:port" (http, the default scheme, port 80), "HTTPS host:port" (443), "SOCKS"/"SOCKS5 host:port" (1080),
 * "DIRECT" for direct://; several are joined with ";". No rule for the URL: DIRECT.
 */
function pacResult(url: string, rules: string): string {
  const scheme = new URL(url).protocol.replace(/:$/, '');
  const parsed = rules
    .split(';')
    .map((rule) => rule.trim())
    .filter((rule) => rule !== '')
    .map((rule) => {
      const named = /^([a-z0-9]+)=(.*)$/.exec(rule);
      return named ? { scheme: named[1]!, list: named[2]! } : { scheme: '', list: rule };
    });
  const rule =
    parsed.find((r) => r.scheme === scheme) ??
    parsed.find((r) => r.scheme === '') ??
    parsed.find((r) => r.scheme === 'socks');
  if (!rule) return 'DIRECT';
  const fallbackScheme = rule.scheme === 'socks' ? 'socks4' : 'http';
  return rule.list
    .split(',')
    .map((uri) => uri.trim())
    .filter((uri) => uri !== '')
    .map((uri) => {
      const written = /^([a-z0-9]+):\/\/(.*)$/.exec(uri);
      const proxyScheme = written?.[1] ?? fallbackScheme;
      const host = written?.[2] ?? uri;
      if (proxyScheme === 'direct') return 'DIRECT';
      const [kind, port] = PAC_KINDS[proxyScheme] ?? PAC_KINDS.http!;
      return `${kind} ${/:\d+$/.test(host) ? host : `${host}:${port}`}`;
    })
    .join(';');
}

const defaultSession = {
  // https://www.electronjs.org/docs/latest/api/session#sessetproxyconfig (mode "direct" drops the rules).
  async setProxy(config: Electron.ProxyConfig): Promise<void> {
    record('session.setProxy', config.mode ?? 'fixed_servers', config.proxyRules ?? '');
    proxyRules = config.mode === 'direct' ? '' : (config.proxyRules ?? '');
  },
  // https://www.electronjs.org/docs/latest/api/session#sesresolveproxyurl: "Resolves with the proxy information for url".
  async resolveProxy(url: string): Promise<string> {
    record('session.resolveProxy', url);
    return pacResult(url, proxyRules);
  },
} satisfies Pick<Electron.Session, 'setProxy' | 'resolveProxy'>;

/** A partition's session: the double keeps no cache or cookies, so one object stands for each. */
export const session = {
  fromPartition(partition: string): Electron.Session {
    record('session.fromPartition', partition);
    return { partition } as unknown as Electron.Session;
  },
  defaultSession: defaultSession as unknown as Electron.Session,
} satisfies Pick<typeof Electron.session, 'fromPartition' | 'defaultSession'>;
