// Electron's `net` and `session` as the double plays them, for what downloads in the main process (electron-updater's
// ElectronHttpExecutor): a ClientRequest over Node's http, to loopback only, with Electron's 'manual' redirect mode.
import { EventEmitter } from 'node:events';
import http, { type IncomingMessage } from 'node:http';
import type * as Electron from 'electron';
import { record, type Conforms } from './electron-double-log.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\]|::1)$/;

type RequestOptions = Partial<Electron.ClientRequestConstructorOptions> & {
  headers?: Record<string, string>;
};

/** Electron's ClientRequest: 'response' with a readable IncomingMessage, 'redirect' when redirect is 'manual'. */
class ClientRequest extends EventEmitter {
  private readonly request: http.ClientRequest;
  private aborted = false;

  constructor(options: RequestOptions) {
    super();
    const hostname = options.hostname ?? options.host ?? '';
    // The double reaches this machine only: a test's update server, never the internet.
    if (!LOOPBACK.test(hostname))
      throw new Error(`The electron double's net reaches loopback only, not ${hostname}.`);
    if (options.protocol !== 'http:')
      throw new Error(`The electron double's net speaks http to loopback only, not ${options.protocol}.`);
    this.request = http.request({
      hostname,
      port: options.port,
      path: options.path,
      method: options.method ?? 'GET',
      headers: options.headers,
    });
    this.request.on('response', (response: IncomingMessage) => {
      const location = response.headers.location;
      // https://www.electronjs.org/docs/latest/api/client-request#event-redirect: 'manual' waits for followRedirect.
      if (
        options.redirect === 'manual' &&
        location &&
        (response.statusCode ?? 0) >= 300 &&
        (response.statusCode ?? 0) < 400
      ) {
        response.resume();
        this.emit('redirect', response.statusCode, options.method ?? 'GET', location, response.headers);
        return;
      }
      this.emit('response', response);
    });
    // Electron emits a net::ERR_… error where Node has ECONNREFUSED; both are one Error on 'error'.
    this.request.on('error', (error) => {
      if (!this.aborted) this.emit('error', error);
    });
  }

  setHeader(name: string, value: string): void {
    this.request.setHeader(name, value);
  }

  end(): this {
    this.request.end();
    return this;
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.request.destroy();
    this.emit('abort');
  }

  followRedirect(): void {
    throw new Error('The electron double does not follow redirects: a test server answers directly.');
  }
}
/** @public A compile-time check against Electron's declarations: nothing imports it. */
export type ClientRequestChecked = Conforms<
  ClientRequest,
  Pick<Electron.ClientRequest, 'setHeader' | 'abort' | 'followRedirect'>
>;

export const net = {
  request(options: RequestOptions | string): Electron.ClientRequest {
    const parsed = typeof options === 'string' ? urlOptions(options) : options;
    record(
      'net.request',
      `${parsed.protocol}//${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.path}`,
    );
    return new ClientRequest(parsed) as unknown as Electron.ClientRequest;
  },
} satisfies Pick<typeof Electron.net, 'request'>;

function urlOptions(url: string): RequestOptions {
  const parsed = new URL(url);
  return {
    protocol: parsed.protocol as 'http:' | 'https:',
    hostname: parsed.hostname,
    port: Number(parsed.port) || undefined,
    path: parsed.pathname + parsed.search,
  };
}

/** Electron's built-in autoUpdater (Squirrel): electron-updater emits 'before-quit-for-update' on it. */
class AutoUpdater extends EventEmitter {
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    record('autoUpdater.emit', event);
    return super.emit(event, ...args);
  }
}
export const autoUpdater = new AutoUpdater();
