// Electron's `session` as the double plays it: a partition's session for electron-updater's downloads, and the
// default session's proxy, which setProxy sets and resolveProxy answers in PAC form as Chromium does.
import type * as Electron from 'electron';
import { onReset, record } from './electron-double-log.js';

/** The rules the last setProxy gave ("" for none: every URL goes DIRECT, as on a machine with no proxy settings). */
let proxyRules = '';
onReset(() => (proxyRules = ''));

/**
 * The PAC entry for `url` under `rules`, Chromium's ProxyConfig::ProxyRules form: "[<scheme>=]<proxy>" separated by
 * ";", a proxy "host:port" or "http://host:port" (PROXY), "https://host:port" (HTTPS), "direct://" (DIRECT)
 * (https://www.electronjs.org/docs/latest/api/structures/proxy-config).
 */
function pacEntry(url: string, rules: string): string {
  const scheme = new URL(url).protocol.replace(/:$/, '');
  const parsed = rules
    .split(';')
    .map((rule) => rule.trim())
    .filter((rule) => rule !== '')
    .map((rule) => (/^[a-z]+=/.test(rule) ? rule.split('=') : ['', rule]) as [string, string]);
  const proxy = (parsed.find(([s]) => s === scheme) ?? parsed.find(([s]) => s === ''))?.[1];
  if (!proxy || proxy.startsWith('direct://')) return 'DIRECT';
  if (proxy.startsWith('https://')) return `HTTPS ${proxy.slice('https://'.length)}`;
  const address = proxy.replace(/^http:\/\//, '');
  return `PROXY ${/:\d+$/.test(address) ? address : `${address}:80`}`;
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
    return pacEntry(url, proxyRules);
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
